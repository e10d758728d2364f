import { OpenAPIHono, z } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import type { ZodError } from 'zod';
import type { AppEnv } from './deps';
import { Problem, type FieldError } from './problem';

/** Zod issues as field errors, with the request part as prefix (`query.as_of`, `json.name`). */
function fieldErrors(error: ZodError, prefix?: string): FieldError[] {
  return error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(root)',
    message: issue.message,
  }));
}

/**
 * A sub-app whose request validation failures become one problem+json with every field that is
 * wrong. Every resource module creates its routes with this.
 */
export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const errors = fieldErrors(result.error, result.target);
        throw new Problem('validation_failed', `${errors.length} invalid request field(s)`, {
          errors,
        });
      }
    },
  });
}

/** The query parameters a route's query schema names, and whether it takes any other key too. */
function declaredQuery(schema: unknown): { names: Set<string>; freeKeys: boolean } {
  if (schema === undefined) return { names: new Set(), freeKeys: false };
  if (!(schema instanceof z.ZodObject))
    throw new Error('a route query schema must be a z.object: its keys are the parameters');
  // A catchall (`z.object({…}).catchall(z.string())`) is how a route declares free query keys.
  const catchall = schema.def.catchall;
  return {
    names: new Set(Object.keys(schema.shape)),
    freeKeys: catchall !== undefined && !(catchall instanceof z.ZodNever),
  };
}

/**
 * Refuses query parameters the route does not declare, with a 422 naming each one. Ignoring them
 * would answer a misspelt filter (`stauts=`) with everything, or `format=xlsx` on a JSON-only
 * route with JSON, as if the request had been understood. `defineRoute` puts this on every route.
 */
export function rejectUnknownQuery(schema: unknown) {
  const { names, freeKeys } = declaredQuery(schema);
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!freeKeys) {
      const unknown = [...new Set(new URL(c.req.url).searchParams.keys())].filter(
        (name) => !names.has(name),
      );
      if (unknown.length > 0) {
        const known = names.size === 0 ? 'none' : [...names].join(', ');
        throw new Problem(
          'validation_failed',
          `unknown query parameter(s): ${unknown.join(', ')}`,
          {
            errors: unknown.map((name) => ({
              field: `query.${name}`,
              message: `not a parameter of this route (it takes: ${known})`,
            })),
          },
        );
      }
    }
    await next();
  });
}

/**
 * Refuses a request body that is not JSON (415) on a route whose body is JSON only. Without it a
 * form or text body skips the JSON validator and the route runs as if no body had been sent.
 * Routes taking files (`text/csv`, multipart …) read the type themselves and are left alone.
 */
export function rejectNonJsonBody(declaredMediaTypes: readonly string[]) {
  const jsonOnly = declaredMediaTypes.length > 0 && declaredMediaTypes.every(isJsonMediaType);
  return createMiddleware<AppEnv>(async (c, next) => {
    if (jsonOnly && c.req.raw.body !== null) {
      const mediaType = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (!isJsonMediaType(mediaType))
        throw new Problem(
          'unsupported_media_type',
          `send the body as application/json${mediaType ? `, not ${mediaType}` : ' (no Content-Type was given)'}`,
        );
    }
    await next();
  });
}

function isJsonMediaType(mediaType: string): boolean {
  return mediaType === 'application/json' || /^application\/[\w.-]+\+json$/.test(mediaType);
}

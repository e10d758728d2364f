import { OpenAPIHono } from '@hono/zod-openapi';
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

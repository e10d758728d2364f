import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import {
  type AppEnv,
  Problem,
  ProblemSchema,
  rejectNonJsonBody,
  rejectUnknownQuery,
} from '../shared';
import { isAllowed, rolesFor, type Action } from './permissions';

/** Lets the request through only if its user's role may perform `action` (401 without a user). */
export function requires(action: Action) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (rolesFor(action) !== 'public') {
      const user = c.get('user');
      if (!user)
        throw new Problem(
          'unauthorized',
          'this route needs a bearer token (Authorization: Bearer …)',
        );
      if (!isAllowed(user.role, action))
        throw new Problem('forbidden', `the ${user.role} role may not perform ${action}`);
    }
    await next();
  });
}

/**
 * Where a route was declared: the file that called `defineRoute`, relative to the repository. A
 * symbol, so it travels with the route config when a router is mounted (hono copies the config
 * with a spread) and stays out of the OpenAPI document. `routeTable` (route-table.ts) reads it.
 */
export const ROUTE_SOURCE = Symbol('route source');

const REPOSITORY = fileURLToPath(new URL('../../', import.meta.url));

/** The file of the first stack frame outside this one: the caller of `defineRoute`. */
function callerFile(): string {
  const here = fileURLToPath(import.meta.url);
  for (const frame of (new Error().stack ?? '').split('\n').slice(1)) {
    const match = /((?:file:\/\/)?\/[^():]+):\d+:\d+\)?$/.exec(frame.trim());
    if (!match) continue;
    const file = match[1]!.startsWith('file://') ? fileURLToPath(match[1]!) : match[1]!;
    if (file !== here) return relative(REPOSITORY, file);
  }
  return 'unknown';
}

const problemContent = { 'application/problem+json': { schema: ProblemSchema } };

/**
 * Declares a route together with the action it performs: the guard runs before validation, then
 * any query parameter the route does not declare is refused (422) and so is a body that is not
 * JSON on a JSON route (415); the OpenAPI operation carries the action (`x-action`), the roles allowed, the bearer scheme and the
 * 401/403 answers. Every route of the platform is declared through this; it records the file that
 * declared it (`ROUTE_SOURCE`), so `npm run routes` can say where each route lives.
 */
export function defineRoute<const R extends Omit<RouteConfig, 'middleware'>>(
  action: Action,
  route: R,
) {
  const roles = rolesFor(action);
  const isPublic = roles === 'public';
  const access = isPublic
    ? 'Public: no token needed.'
    : `Requires one of the roles: ${roles.join(', ')} (action \`${action}\`).`;
  return createRoute({
    ...route,
    description: [route.description, access].filter(Boolean).join('\n\n'),
    middleware: [
      requires(action),
      rejectUnknownQuery(route.request?.query),
      rejectNonJsonBody(Object.keys(route.request?.body?.content ?? {})),
    ] as const,
    ...(isPublic ? {} : { security: [{ bearerAuth: [] }] }),
    'x-action': action,
    [ROUTE_SOURCE]: callerFile(),
    responses: {
      ...route.responses,
      ...(Object.keys(route.request?.body?.content ?? {}).includes('application/json')
        ? {
            415: {
              description: 'The body is not application/json',
              content: problemContent,
            },
          }
        : {}),
      422: {
        description: route.request
          ? 'A request field is invalid, or a query parameter unknown; `errors` names each one'
          : 'A query parameter is unknown (this route takes none); `errors` names it',
        content: problemContent,
      },
      ...(isPublic
        ? {}
        : {
            401: {
              description: 'No bearer token, or one that is unknown, revoked or expired',
              content: problemContent,
            },
            403: { description: `The role may not perform ${action}`, content: problemContent },
            429: {
              description:
                'Too many failed authentications from this address or with this token; `Retry-After` says when to try again',
              content: problemContent,
            },
          }),
    },
  });
}

import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../shared';
import { ROUTE_SOURCE } from './guard';

/** One route as served: its method, its full path (with the mount prefix) and where it is declared. */
export interface RouteEntry {
  method: string;
  path: string;
  /** The file that declared it, relative to the repository (`unknown` if the stack did not say). */
  source: string;
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);

/**
 * Every operation of the app's OpenAPI document, in the document's order, with the file that
 * declared it. Mounting copies a route's config with a spread, so the source recorded by
 * `defineRoute` is still on the app's registered copy, whose path carries the mount prefix.
 */
export function routeTable(app: OpenAPIHono<AppEnv>): RouteEntry[] {
  const sources = new Map<string, string>();
  for (const definition of app.openAPIRegistry.definitions) {
    if (definition.type !== 'route') continue;
    const route = definition.route as typeof definition.route & { [ROUTE_SOURCE]?: string };
    sources.set(`${route.method} ${route.path}`, route[ROUTE_SOURCE] ?? 'unknown');
  }
  const document = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: { title: 'routes', version: '0' },
  });
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    Object.keys(item ?? {})
      .filter((method) => METHODS.has(method))
      .map((method) => ({
        method: method.toUpperCase(),
        path,
        source: sources.get(`${method} ${path}`) ?? 'unknown',
      })),
  );
}

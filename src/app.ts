import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { HTTPException } from 'hono/http-exception';
import type { AppDeps, AppEnv } from './shared/deps';
import { Problem, problemResponse } from './shared/problem';
import { health } from './health/routes';
import { loans } from './loans/routes';
import { collections } from './collections/routes';

const IMPORT_PATHS = /\/import$/;

/** Builds the platform's HTTP API from its dependencies. */
export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();

  app.use(requestId({ headerName: 'X-Request-Id' }));
  app.use(async (c, next) => {
    c.set('deps', deps);
    c.set('actor', 'anonymous');
    await next();
  });
  app.use(async (c, next) => {
    const maxSize = IMPORT_PATHS.test(c.req.path) ? deps.config.importBodyLimitBytes : deps.config.jsonBodyLimitBytes;
    return bodyLimit({
      maxSize,
      onError: () => {
        throw new Problem('payload_too_large', `the request body is larger than ${maxSize} bytes`);
      },
    })(c, next);
  });

  app.route('/health', health);
  app.route('/loans', loans);
  app.route('/collections', collections);

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Debt portfolio platform', version: '0.1.0' },
  });

  app.notFound((c) => problemResponse(c, new Problem('not_found', `no route for ${c.req.method} ${c.req.path}`)));
  app.onError((error, c) => {
    if (error instanceof Problem) return problemResponse(c, error);
    if (error instanceof HTTPException && error.status < 500) {
      return problemResponse(c, new Problem('bad_request', error.message));
    }
    console.error(JSON.stringify({ level: 'error', requestId: c.get('requestId'), method: c.req.method, path: c.req.path, error: String(error?.stack ?? error) }));
    return problemResponse(c, new Problem('internal_error', 'an unexpected error occurred; quote the X-Request-Id header when reporting it'));
  });
  return app;
}

export type App = ReturnType<typeof createApp>;

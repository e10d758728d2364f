import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { HTTPException } from 'hono/http-exception';
import { authenticate, access, audit } from './access';
import { docs } from './docs';
import {
  writeLog,
  type AppDeps,
  type AppEnv,
  Problem,
  problemResponse,
  streamingBodyLimit,
} from './shared';
import { health } from './health';
import { loans } from './loans';
import { collections, effectivenessRoutes } from './collections';
import { ledgerRoutes } from './ledger';
import { reversalEffects } from './reversal-effects';
import { writeOffs } from './write-offs';
import { portfolios } from './portfolios';
import { curves, backtests, valuations } from './valuation';
import { buyerRoutes, salesRoutes, sellerTransfer, dataRooms } from './transfer';

/** Routes that take a file: the import's body limit, not the JSON one. */
const FILE_PATHS = /\/import$|^\/data-rooms\/trace$/;

/** Builds the platform's HTTP API from its dependencies. */
export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();

  app.use(requestId({ headerName: 'X-Request-Id' }));
  app.use(async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use(async (c, next) => {
    // A file streams through its limit (never whole in memory); a JSON body is small enough to hold.
    if (FILE_PATHS.test(c.req.path))
      return streamingBodyLimit(deps.config.importBodyLimitBytes)(c, next);
    const maxSize = deps.config.jsonBodyLimitBytes;
    return bodyLimit({
      maxSize,
      onError: () => {
        throw new Problem('payload_too_large', `the request body is larger than ${maxSize} bytes`);
      },
    })(c, next);
  });

  app.use(authenticate);

  app.route('/health', health);
  app.route('/', access);
  app.route('/audit', audit);
  app.route('/loans', loans);
  app.route('/collections', collections);
  app.route('/collections', effectivenessRoutes);
  app.route('/write-offs', writeOffs);
  app.route('/ledger', ledgerRoutes(reversalEffects));
  app.route('/portfolios', portfolios);
  app.route('/portfolios', sellerTransfer);
  app.route('/sales', salesRoutes);
  app.route('/buyer', buyerRoutes);
  app.route('/data-rooms', dataRooms);
  app.route('/curves', curves);
  app.route('/backtests', backtests);
  app.route('/', valuations);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token',
  });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Debt portfolio platform',
      version: '0.1.0',
      description:
        'Bad-debt valuation and transfer. Errors are application/problem+json (RFC 9457).',
    },
  });
  app.route('/docs', docs);

  app.notFound((c) =>
    problemResponse(c, new Problem('not_found', `no route for ${c.req.method} ${c.req.path}`)),
  );
  app.onError((error, c) => {
    const problem =
      error instanceof Problem
        ? error
        : error instanceof HTTPException && error.status < 500
          ? new Problem('bad_request', error.message)
          : new Problem(
              'internal_error',
              'an unexpected error occurred; quote the X-Request-Id header when reporting it',
            );
    writeLog(deps, {
      level: problem.status >= 500 ? 'error' : 'warn',
      message: problem.detail,
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status: problem.status,
      ...(problem.status >= 500 ? { error: String((error as Error)?.stack ?? error) } : {}),
    });
    return problemResponse(c, problem);
  });
  return app;
}

export type App = ReturnType<typeof createApp>;

import { createServer, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { getRequestListener } from '@hono/node-server';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
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
  rejectUnknownQuery,
  streamingBodyLimit,
} from './shared';
import { health } from './health';
import { loans } from './loans';
import { productRoutes } from './products';
import { collections, effectivenessRoutes } from './collections';
import { ledgerRoutes } from './ledger';
import { reconciliationRoutes } from './reconciliation';
import { reversalEffects } from './reversal-effects';
import { writeOffs } from './write-offs';
import { portfolios } from './portfolios';
import { curves, backtests, valuations } from './valuation';
import { buyerRoutes, salesRoutes, sellerTransfer, dataRooms } from './transfer';

/** Routes that take a file: the import's body limit, not the JSON one. */
const FILE_PATHS = /\/import$|^\/data-rooms\/trace$/;

/**
 * Headers every answer carries: no MIME sniffing, no referrer, never framed; a CSP that allows
 * nothing (JSON and files run no scripts; /docs sets its own). Answers are `no-store` unless a
 * public route chose otherwise (the docs assets), and always when the request carried a token or
 * the answer is a file: those hold personal data that no cache may keep.
 */
const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
} as const;
const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

const securityHeaders = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const headers = c.res.headers;
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
  if (!headers.has('Content-Security-Policy'))
    headers.set('Content-Security-Policy', API_CONTENT_SECURITY_POLICY);
  const personal =
    c.req.header('Authorization') !== undefined ||
    /^attachment/i.test(headers.get('Content-Disposition') ?? '');
  if (personal || !headers.has('Cache-Control')) headers.set('Cache-Control', 'no-store');
});

/**
 * Refuses a query string that is not percent-encoded UTF-8 (`%ZZ`, a cut-off `%E4%B8`) with a 400
 * naming the part: the URL parser would otherwise pass such a parameter on garbled or dropped.
 */
const wellFormedQuery = createMiddleware<AppEnv>(async (c, next) => {
  const url = c.req.url;
  const start = url.indexOf('?');
  if (start >= 0) {
    const end = url.indexOf('#', start);
    for (const part of url.slice(start + 1, end < 0 ? undefined : end).split('&')) {
      try {
        decodeURIComponent(part.replace(/\+/g, ' '));
      } catch {
        throw new Problem(
          'bad_request',
          `the query string is not valid percent-encoded UTF-8 at "${part.slice(0, 100)}"`,
        );
      }
    }
  }
  await next();
});

/** The methods the app serves `path` with, for a 405's `Allow` (empty when no route has the path). */
function allowedMethods(app: OpenAPIHono<AppEnv>, path: string): string[] {
  const normalised = path.replace(/(.)\/$/, '$1');
  const methods = app.routes
    .filter((route) => route.method !== 'ALL' && !route.path.includes('*'))
    .filter((route) => {
      const pattern = route.path
        .replace(/(.)\/$/, '$1')
        .split('/')
        .map((segment) =>
          segment.startsWith(':') ? '[^/]+' : segment.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
        )
        .join('/');
      return new RegExp(`^${pattern}$`).test(normalised);
    })
    .map((route) => route.method.toUpperCase());
  return [...new Set(methods)].sort();
}

/** Builds the platform's HTTP API from its dependencies. */
export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();

  app.use(requestId({ headerName: 'X-Request-Id' }));
  app.use(securityHeaders);
  app.use(async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use(wellFormedQuery);
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
  app.route('/products', productRoutes);
  app.route('/collections', collections);
  app.route('/collections', effectivenessRoutes);
  app.route('/write-offs', writeOffs);
  app.route('/ledger', ledgerRoutes(reversalEffects));
  app.route('/reconciliation', reconciliationRoutes);
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
  // The document and its viewer are not declared with defineRoute: they take no query either.
  app.use('/openapi.json', rejectUnknownQuery(undefined));
  app.use('/docs', rejectUnknownQuery(undefined));
  app.use('/docs/*', rejectUnknownQuery(undefined));
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

  app.notFound((c) => {
    const allowed = allowedMethods(app, c.req.path);
    // A route that serves the method and still found nothing (no such asset) is a plain 404.
    const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
    if (allowed.length === 0 || allowed.includes(method))
      return problemResponse(
        c,
        new Problem('not_found', `no route for ${c.req.method} ${c.req.path}`),
      );
    c.header('Allow', allowed.join(', '));
    return problemResponse(
      c,
      new Problem(
        'method_not_allowed',
        `${c.req.path} does not take ${c.req.method}; it takes ${allowed.join(', ')}`,
      ),
    );
  });
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

/** A problem as a whole HTTP/1.1 answer, for the server to write when no app saw the request. */
function rawProblemAnswer(problem: Problem): string {
  const body = JSON.stringify(problem.toJSON());
  const headers = {
    'Content-Type': 'application/problem+json',
    'Content-Length': String(Buffer.byteLength(body)),
    ...SECURITY_HEADERS,
    'Content-Security-Policy': API_CONTENT_SECURITY_POLICY,
    'Cache-Control': 'no-store',
    Connection: 'close',
  };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return `HTTP/1.1 ${problem.status} ${problem.status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n${lines.join('\r\n')}\r\n\r\n${body}`;
}

/**
 * Answers a request Node's HTTP parser refused (raw non-ASCII bytes in the URL, a malformed
 * header) with a problem+json instead of Node's bare `400 Bad Request`. For `clientError`.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const problem =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? new Problem('request_header_too_large', 'the request headers are too large')
      : new Problem(
          'bad_request',
          'the request cannot be read: the URL must be ASCII, with anything else percent-encoded as UTF-8',
        );
  socket.end(rawProblemAnswer(problem));
}

/**
 * Answers a request @hono/node-server could not turn into a Request (an invalid URL or Host) with
 * a problem+json instead of an empty 400. For its `errorHandler`.
 */
export function answerRequestError(error: unknown): Response {
  const problem = new Problem(
    'bad_request',
    `the request cannot be read: ${(error as Error)?.message ?? 'malformed request'}`,
  );
  return new Response(JSON.stringify(problem.toJSON()), {
    status: problem.status,
    headers: {
      'Content-Type': 'application/problem+json',
      ...SECURITY_HEADERS,
      'Content-Security-Policy': API_CONTENT_SECURITY_POLICY,
      'Cache-Control': 'no-store',
    },
  });
}

/** The HTTP server of an app: Node's, with problem+json answers for requests it cannot read. */
export function httpServer(app: {
  fetch: (request: Request, env: never) => Response | Promise<Response>;
}): Server {
  const server = createServer(
    getRequestListener(app.fetch as Parameters<typeof getRequestListener>[0], {
      errorHandler: answerRequestError,
    }),
  );
  server.on('clientError', answerClientError);
  return server;
}

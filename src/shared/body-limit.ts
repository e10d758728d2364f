import type { Context, MiddlewareHandler } from 'hono';
import { Problem } from './problem';

/** The problem of each request whose body went over its limit, found by the route that read it. */
const overLimit = new WeakMap<Context, Problem>();

const tooLarge = (maxBytes: number) =>
  new Problem('payload_too_large', `the request body is larger than ${maxBytes} bytes`);

/**
 * A body limit for file uploads that never holds the body: a declared Content-Length over the
 * limit is refused at once (413), and a body sent without one (chunked) is counted as it streams
 * through and fails with the 413 problem at the first byte over. hono's `bodyLimit` reads a chunked
 * body whole into memory before the route sees a byte (a 600 MB upload was 600 MB and more of RSS).
 * A reader that wraps the stream's error in its own (an xlsx reader calls it an unreadable
 * workbook) is put right by `bodyLimitProblem`.
 */
export function streamingBodyLimit(maxBytes: number): MiddlewareHandler {
  return async (c, next) => {
    const body = c.req.raw.body;
    if (!body) return next();
    const declared = c.req.header('Content-Length');
    if (declared !== undefined && !c.req.header('Transfer-Encoding')) {
      if (Number(declared) > maxBytes) throw tooLarge(maxBytes);
      return next();
    }
    let seen = 0;
    const counted = body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          seen += chunk.byteLength;
          if (seen <= maxBytes) return controller.enqueue(chunk);
          const problem = tooLarge(maxBytes);
          overLimit.set(c, problem);
          controller.error(problem);
        },
      }),
    );
    c.req.raw = new Request(c.req.raw, { body: counted, duplex: 'half' } as RequestInit);
    return next();
  };
}

/** The 413 problem when this request's body went over its limit (whatever its reader made of it). */
export function bodyLimitProblem(c: Context): Problem | undefined {
  return overLimit.get(c);
}

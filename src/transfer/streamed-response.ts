import { PassThrough, Readable, type Writable } from 'node:stream';
import type { Context } from 'hono';
import { writeLog, type AppEnv } from '../shared';

/**
 * A download written while it is sent: `write` streams into the response and is held back by a
 * slow client. The status and headers are gone by the time a failure happens, so a failure is
 * logged with the request id and the response is cut short (the client sees a broken download,
 * never a complete-looking one).
 */
export function streamedResponse(
  c: Context<AppEnv>,
  file: { contentType: string; fileName: string },
  write: (output: Writable) => Promise<unknown>,
): Response {
  const output = new PassThrough();
  write(output).catch((error: unknown) => {
    writeLog(c.get('deps'), {
      level: 'error',
      message: `stream of ${file.fileName} failed`,
      requestId: c.get('requestId'),
      error: String((error as Error)?.stack ?? error),
    });
    output.destroy(error as Error);
  });
  return c.body(Readable.toWeb(output) as ReadableStream, 200, {
    'Content-Type': file.contentType,
    'Content-Disposition': `attachment; filename="${file.fileName}"`,
  });
}

import { PassThrough, Readable } from 'node:stream';
import type { Context } from 'hono';
import { auditActorOf } from '../access';
import { recordAudit, type AuditEntry } from '../audit';
import { writeLog, type AppEnv } from '../shared';
import { writeSheet, type Sheet } from './report-sheet';
import { createStreamingWorkbook } from './streaming-workbook';

export const XLSX_CONTENT_TYPE =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Sends a report (one sheet or several) as an .xlsx download, streamed to the response as it is
 * written (as the data room is): a large journal is read a page at a time and never held whole.
 * The download is recorded in the audit trail with the SHA-256 of the exact file sent, so a copy
 * found later can be traced to it; the audit is written after the last byte and before the
 * response ends, so a client that received the whole file knows it was audited. The status and
 * headers are gone by the time a failure happens, so a failure is logged with the request id and
 * the response is cut short (a broken download, never a complete-looking one).
 */
export function sendWorkbook(
  c: Context<AppEnv>,
  fileName: string,
  sheets: Sheet<unknown> | readonly Sheet<unknown>[],
  audit: Omit<AuditEntry, 'fileSha256'>,
): Response {
  const deps = c.get('deps');
  const actor = auditActorOf(c);
  const output = new PassThrough();
  const write = async () => {
    const book = createStreamingWorkbook(output, { createdAt: deps.clock.now() });
    let rows = 0;
    for (const sheet of Array.isArray(sheets) ? sheets : [sheets])
      rows += await writeSheet(book, sheet);
    await book.finish((file) =>
      deps.db.transaction((tx) =>
        recordAudit(tx, actor, deps.clock.now(), {
          ...audit,
          fileSha256: file.sha256,
          detail: { ...audit.detail, rows },
        }),
      ),
    );
  };
  write().catch((error: unknown) => {
    writeLog(deps, {
      level: 'error',
      message: `stream of ${fileName} failed`,
      requestId: c.get('requestId'),
      error: String((error as Error)?.stack ?? error),
    });
    output.destroy(error as Error);
  });
  return c.body(Readable.toWeb(output) as ReadableStream, 200, {
    'Content-Type': XLSX_CONTENT_TYPE,
    'Content-Disposition': `attachment; filename="${fileName}"`,
  });
}

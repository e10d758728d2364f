import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { auditActorOf } from '../access';
import { recordAudit, type AuditEntry } from '../audit';
import { type AppEnv, formatFen, asFen, writeLog } from '../shared';
import { type Cell, type CellKind, guardedCellText, type Sheet } from '../xlsx';

/** One value as a CSV field: money as yuan with two decimals, text guarded against formulas, quoted when it must be. */
function csvField(kind: CellKind, cell: Cell): string {
  const typed = cell !== null && typeof cell === 'object' ? cell : { kind, value: cell };
  const { value } = typed;
  if (value === null) return '';
  let text: string;
  if (typed.kind === 'money') text = formatFen(asFen(Number(value)));
  else if (typed.kind === 'text' || typed.kind === 'id') text = guardedCellText(String(value));
  else text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The sheet as CSV text, a page at a time: the header line, then one line per row (RFC 4180, CRLF). */
function* csvChunks(sheet: Sheet<unknown>): Generator<{ text: string; rows: number }> {
  const header = sheet.columns.map((column) => csvField('text', column.header)).join(',');
  yield { text: `${header}\r\n`, rows: 0 };
  for (const page of sheet.pages) {
    let text = '';
    for (const row of page)
      text +=
        sheet.columns.map((column) => csvField(column.kind, column.value(row))).join(',') + '\r\n';
    yield { text, rows: page.length };
  }
}

/**
 * Sends a report sheet as a UTF-8 CSV download, read and sent a page at a time, audited like a
 * workbook download with the SHA-256 of the exact bytes sent (recorded after the last byte). The
 * general-ledger upload of most accounting systems reads CSV, not xlsx.
 */
export function sendCsv(
  c: Context<AppEnv>,
  fileName: string,
  sheet: Sheet<unknown>,
  audit: Omit<AuditEntry, 'fileSha256'>,
): Response {
  const deps = c.get('deps');
  const actor = auditActorOf(c);
  const hash = createHash('sha256');
  const encoder = new TextEncoder();
  const chunks = csvChunks(sheet);
  let rows = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      try {
        const next = chunks.next();
        if (next.done) {
          const fileSha256 = hash.digest('hex');
          deps.db.transaction((tx) =>
            recordAudit(tx, actor, deps.clock.now(), {
              ...audit,
              fileSha256,
              detail: { ...audit.detail, rows },
            }),
          );
          controller.close();
          return;
        }
        rows += next.value.rows;
        const bytes = encoder.encode(next.value.text);
        hash.update(bytes);
        controller.enqueue(bytes);
      } catch (error) {
        writeLog(deps, {
          level: 'error',
          message: `stream of ${fileName} failed`,
          requestId: c.get('requestId'),
          error: String((error as Error)?.stack ?? error),
        });
        controller.error(error);
      }
    },
  });
  return c.body(body, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${fileName}"`,
  });
}

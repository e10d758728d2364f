import type { Context } from 'hono';
import { auditActorOf } from '../access';
import { recordAudit, type AuditEntry } from '../audit';
import type { AppEnv } from '../shared';
import { writeWorkbook, XLSX_CONTENT_TYPE, type Sheet } from './xlsx';

/**
 * Sends a report (one sheet or several) as an .xlsx download and records it in the audit trail with the SHA-256 of the
 * exact file sent, so a copy found later can be traced to this download.
 */
export async function sendWorkbook(
  c: Context<AppEnv>,
  fileName: string,
  sheets: Sheet<unknown> | readonly Sheet<unknown>[],
  audit: Omit<AuditEntry, 'fileSha256'>,
): Promise<Response> {
  const { db, clock } = c.get('deps');
  const workbook = await writeWorkbook(sheets);
  db.transaction((tx) =>
    recordAudit(tx, auditActorOf(c), clock.now(), {
      ...audit,
      fileSha256: workbook.sha256,
      detail: { ...audit.detail, rows: workbook.rows },
    }),
  );
  c.header('Content-Type', XLSX_CONTENT_TYPE);
  c.header('Content-Disposition', `attachment; filename="${fileName}"`);
  return c.body(new Uint8Array(workbook.bytes), 200);
}

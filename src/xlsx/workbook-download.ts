import type { Context } from 'hono';
import type { AppEnv } from '../shared';
import { type DownloadAudit, sendAuditedDownload } from './audited-download';
import { writeSheet, type Sheet } from './report-sheet';
import { createStreamingWorkbook } from './streaming-workbook';

export const XLSX_CONTENT_TYPE =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Sends a report (one sheet or several) as an .xlsx download, streamed to the response as it is
 * written (as the data room is): a large journal is read a page at a time and never held whole.
 * The download is audited from its start to its end (`sendAuditedDownload`), its end with the
 * SHA-256 of the bytes sent, so a copy found later can be traced to it.
 */
export function sendWorkbook(
  c: Context<AppEnv>,
  fileName: string,
  sheets: Sheet<unknown> | readonly Sheet<unknown>[],
  audit: DownloadAudit,
): Response {
  const { clock } = c.get('deps');
  return sendAuditedDownload(
    c,
    { contentType: XLSX_CONTENT_TYPE, fileName },
    audit,
    async (output) => {
      const book = createStreamingWorkbook(output, { createdAt: clock.now() });
      let rows = 0;
      for (const sheet of Array.isArray(sheets) ? sheets : [sheets])
        rows += await writeSheet(book, sheet);
      await book.finish();
      return { rows };
    },
  );
}

import type { Writable } from 'node:stream';
import type { Context } from 'hono';
import type { AppEnv } from '../shared';
import { type DownloadAudit, sendAuditedDownload } from '../xlsx';

/**
 * A download written while it is sent (a data room, a transfer package): `write` streams into the
 * response and is held back by a slow client. The download is audited from its start to its end
 * (complete or aborted) by the platform's one download mechanism, `sendAuditedDownload`.
 */
export function streamedResponse(
  c: Context<AppEnv>,
  file: { contentType: string; fileName: string },
  audit: DownloadAudit,
  write: (output: Writable) => Promise<Record<string, unknown> | void>,
): Response {
  return sendAuditedDownload(c, file, audit, write);
}

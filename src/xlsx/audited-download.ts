import { createHash } from 'node:crypto';
import { PassThrough, type Writable } from 'node:stream';
import type { Context } from 'hono';
import { auditActorOf } from '../access';
import { recordAudit, type AuditActor, type AuditEntry } from '../audit';
import { writeLog, type AppDeps, type AppEnv } from '../shared';

/**
 * What a download is, as the audit trail names it: `action` is the completed download's
 * (`ledger.journal.downloaded`); its start and its abort take the same stem
 * (`ledger.journal.download_started`, `ledger.journal.download_aborted`). `detail` says which copy
 * (tier, copy id, buyer) and is repeated on every event.
 */
export type DownloadAudit = Omit<AuditEntry, 'fileSha256'>;

/** Why a download ended before its last byte. */
type AbortReason = 'client_closed' | 'failed';

/**
 * The one way the platform sends a file (workbooks, data rooms, transfer packages): `write`
 * streams it into `output` (ending it), held back by a slow client, and may answer details for
 * the audit (rows, counts). The audit trail records:
 * - the start, when the response is made, before its first byte: who (the actor and the request
 *   id), what (`targetType`/`targetId`, the file name), which copy (`detail`);
 * - the end, once: complete, with the SHA-256 and size of the bytes handed to the client, recorded
 *   after the last byte and before the body ends (a client that has the whole file knows it was
 *   audited); or aborted (the client went away, or writing failed), with how many bytes it had
 *   been sent and their SHA-256: what a buyer holds of a cut-off data room is on record.
 * Bytes count as sent when the client's reader takes them (the stream pulls one chunk per read).
 * The status and headers are gone by the time a failure happens, so a failure is logged with the
 * request id and the body is cut short (a broken download, never a complete-looking one).
 */
export function sendAuditedDownload(
  c: Context<AppEnv>,
  file: { contentType: string; fileName: string },
  audit: DownloadAudit,
  write: (output: Writable) => Promise<Record<string, unknown> | void>,
): Response {
  const deps = c.get('deps');
  const trail = downloadTrail(deps, auditActorOf(c), audit, file.fileName);
  trail.started();
  const output = new PassThrough();
  const written = write(output).then(
    (detail) => ({ failed: false as const, detail: detail ?? {} }),
    (error: unknown) => {
      writeLog(deps, {
        level: trail.ended ? 'warn' : 'error',
        message: `stream of ${file.fileName} ${trail.ended ? 'stopped: the client went away' : 'failed'}`,
        requestId: c.get('requestId'),
        error: String((error as Error)?.stack ?? error),
      });
      output.destroy(error as Error);
      return { failed: true as const, error };
    },
  );
  const chunks = output[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let next: IteratorResult<Buffer>;
        try {
          next = await chunks.next();
        } catch (error) {
          trail.aborted('failed');
          return controller.error(error);
        }
        if (!next.done) {
          trail.sent(next.value);
          return controller.enqueue(new Uint8Array(next.value));
        }
        // Every byte is out; the writer may still fail after its last one (recording its copy).
        const result = await written;
        try {
          if (result.failed) throw result.error;
          trail.complete(result.detail);
          controller.close();
        } catch (error) {
          trail.aborted('failed');
          controller.error(error);
        }
      },
      cancel() {
        trail.aborted('client_closed');
        output.destroy();
      },
    },
    { highWaterMark: 0 },
  );
  return c.body(body, 200, {
    'Content-Type': file.contentType,
    'Content-Disposition': `attachment; filename="${file.fileName}"`,
  });
}

/** A download's events in the audit trail: its start, then exactly one end. */
function downloadTrail(deps: AppDeps, actor: AuditActor, audit: DownloadAudit, fileName: string) {
  const stem = audit.action.replace(/\.downloaded$/, '');
  const hash = createHash('sha256');
  let bytes = 0;
  const record = (action: string, entry: Partial<AuditEntry>) =>
    deps.db.transaction((tx) =>
      recordAudit(tx, actor, deps.clock.now(), {
        ...audit,
        ...entry,
        action,
        detail: { ...audit.detail, fileName, ...entry.detail },
      }),
    );
  const trail = {
    ended: false,
    started: () => record(`${stem}.download_started`, {}),
    sent(chunk: Buffer) {
      hash.update(chunk);
      bytes += chunk.length;
    },
    complete(detail: Record<string, unknown>) {
      if (trail.ended) return;
      const fileSha256 = hash.copy().digest('hex');
      record(audit.action, { fileSha256, detail: { ...detail, bytes } });
      trail.ended = true;
    },
    aborted(reason: AbortReason) {
      if (trail.ended) return;
      trail.ended = true;
      record(`${stem}.download_aborted`, {
        detail: { reason, bytes, sentSha256: hash.copy().digest('hex') },
      });
    },
  };
  return trail;
}

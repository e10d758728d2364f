import type { AuditActor } from '../shared';
import { type DbOrTx, auditEvents } from '../../db';

/** Who did something, as the audit trail records it. */
export type { AuditActor };

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId: string | number;
  fileSha256?: string;
  detail?: Record<string, unknown>;
}

/** The platform acting on its own behalf (start-up seeding, migrations of data). */
export const systemActor = (label = 'system'): AuditActor => ({
  userId: null,
  label,
  requestId: null,
});

/**
 * Appends one event to the audit trail. Call it with the transaction of the change it records,
 * so the change and its trace commit or roll back together.
 */
export function recordAudit(
  tx: DbOrTx,
  actor: AuditActor,
  occurredAt: string,
  entry: AuditEntry,
): void {
  tx.insert(auditEvents)
    .values({
      occurredAt,
      actorUserId: actor.userId,
      actor: actor.label,
      action: entry.action,
      targetType: entry.targetType,
      targetId: String(entry.targetId),
      requestId: actor.requestId,
      fileSha256: entry.fileSha256 ?? null,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
    })
    .run();
}

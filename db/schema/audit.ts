import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './access';

/**
 * The audit trail: append-only (triggers refuse UPDATE and DELETE). Each row is written in the
 * same transaction as the change it records.
 */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    occurredAt: text('occurred_at').notNull(),
    actorUserId: integer('actor_user_id').references(() => users.id),
    /** Who acted, readable: the user's email, or `system`/`demo` for the platform itself. */
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    requestId: text('request_id'),
    /** For downloads and uploads: the SHA-256 of the file. */
    fileSha256: text('file_sha256'),
    /** A small JSON object with what else matters (counts, reasons). Never a secret. */
    detail: text('detail'),
  },
  (t) => [
    index('audit_events_target_idx').on(t.targetType, t.targetId),
    index('audit_events_actor_idx').on(t.actor, t.occurredAt),
  ],
);

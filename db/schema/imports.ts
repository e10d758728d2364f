import { sql } from 'drizzle-orm';
import { check, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Every file import, accepted or rejected: who sent which file (by hash) and what it did. */
export const fileImports = sqliteTable(
  'file_imports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['loan_tape', 'collections'] }).notNull(),
    status: text('status', { enum: ['accepted', 'rejected'] }).notNull(),
    format: text('format', { enum: ['csv', 'xlsx'] }).notNull(),
    mode: text('mode', { enum: ['insert', 'upsert'] }).notNull(),
    fileSha256: text('file_sha256').notNull(),
    fileBytes: integer('file_bytes').notNull(),
    actor: text('actor').notNull(),
    rowCount: integer('row_count').notNull(),
    createdCount: integer('created_count').notNull().default(0),
    updatedCount: integer('updated_count').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    importedAt: text('imported_at').notNull(),
  },
  (t) => [
    check('file_imports_kind', sql`${t.kind} in ('loan_tape', 'collections')`),
    check('file_imports_status', sql`${t.status} in ('accepted', 'rejected')`),
    check('file_imports_format', sql`${t.format} in ('csv', 'xlsx')`),
    check('file_imports_mode', sql`${t.mode} in ('insert', 'upsert')`),
  ],
);

/**
 * Idempotency keys (Stripe/Formance style): the key, a hash of the request, and the response that
 * was sent, stored in the same transaction as the effect so a replay returns it unchanged. A key
 * belongs to whoever sent it (`scope`, e.g. `user:3`), so two users' keys never collide; rows
 * stored before keys had an owner have the empty scope.
 */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    scope: text('scope').notNull().default(''),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    responseStatus: integer('response_status').notNull(),
    responseBody: text('response_body').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

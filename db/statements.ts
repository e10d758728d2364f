import type Database from 'better-sqlite3';
import type { DbOrTx } from './client';

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * The better-sqlite3 connection under a drizzle handle. A transaction handle keeps it in its
 * session (drizzle-orm's better-sqlite3 session names it `client`); every transaction of the
 * platform runs on the one connection, so a statement on it joins the caller's transaction.
 */
export function connectionOf(handle: DbOrTx): Database.Database {
  if ('$client' in handle) return handle.$client;
  const client = (handle as unknown as { session?: { client?: Database.Database } }).session
    ?.client;
  if (!client) throw new Error('a drizzle transaction without its better-sqlite3 connection');
  return client;
}

/**
 * A prepared statement on the handle's connection, prepared once per connection and SQL text.
 * Repositories use drizzle's query builder for row-at-a-time work and these for the set-based and
 * bulk paths, where drizzle's per-row overhead is too slow for 100,000-loan batches; both take the
 * same handle, the caller's transaction.
 */
export function prepared(handle: DbOrTx, sql: string): Database.Statement {
  const connection = connectionOf(handle);
  let statements = cache.get(connection);
  if (!statements) {
    statements = new Map();
    cache.set(connection, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = connection.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}

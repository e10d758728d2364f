import type Database from 'better-sqlite3';
import type { AppDeps } from '../shared';

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * A prepared better-sqlite3 statement on the app's connection, prepared once per connection. Bulk
 * paths use these: drizzle's per-row overhead is too slow for 100,000-loan batches. The connection is
 * the one drizzle's transactions run on, so the statements join the caller's transaction.
 */
export function statement(deps: AppDeps, sql: string): Database.Statement {
  const client = deps.db.$client;
  let statements = cache.get(client);
  if (!statements) {
    statements = new Map();
    cache.set(client, statements);
  }
  let prepared = statements.get(sql);
  if (!prepared) {
    prepared = client.prepare(sql);
    statements.set(sql, prepared);
  }
  return prepared;
}

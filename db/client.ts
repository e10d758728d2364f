import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Opens (creating if needed) the platform database and applies every pending migration.
 * `':memory:'` gives a private in-memory database, which is what tests use.
 */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Temp tables and sort spills stay on disk: a large import or report does not grow RSS.
  sqlite.pragma('temp_store = FILE');
  const db = drizzle(sqlite, { schema });
  migrateWithoutForeignKeys(db);
  return db;
}

/**
 * Applies the pending migrations with foreign-key enforcement off, then checks every foreign key
 * and turns enforcement back on. drizzle-kit changes a CHECK by recreating the table (copy, DROP,
 * rename) and brackets that with `PRAGMA foreign_keys=OFF`, but the migrator runs inside one
 * transaction, where SQLite ignores that pragma: the DROP of a table other rows reference (the
 * journal) would fail on any database holding data (drizzle-orm issue #1813).
 * @throws Error naming the first dangling reference, after the migration committed
 */
function migrateWithoutForeignKeys(db: Db): void {
  db.$client.pragma('foreign_keys = OFF');
  try {
    migrate(db, { migrationsFolder });
    const dangling = db.$client.pragma('foreign_key_check') as {
      table: string;
      rowid: number;
      parent: string;
    }[];
    const first = dangling[0];
    if (first)
      throw new Error(
        `after migrating: ${dangling.length} row(s) reference missing rows, first ${first.table} row ${first.rowid} → ${first.parent}`,
      );
  } finally {
    db.$client.pragma('foreign_keys = ON');
  }
}

/** A transaction handle as drizzle passes it to `db.transaction((tx) => …)`. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** A database handle or a transaction: repositories take either, so a verb can nest in its caller's transaction. */
export type DbOrTx = Db | Tx;

import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { aBadLoan, insertLoansIntoOlderSchema } from '../helpers/loans';

const migrations = resolve(import.meta.dirname, '../../db/migrations');
/** The last migration before the ledger's after-sale schema (0011 recreates the journal). */
const BEFORE_AFTER_SALE = 10;

interface Journal {
  entries: { idx: number; tag: string }[];
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A database file migrated up to migration `lastIdx` only, holding one write-off and its reversal. */
function databaseWithLedgerAt(lastIdx: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-migration-'));
  dirs.push(dir);
  const folder = join(dir, 'migrations');
  mkdirSync(join(folder, 'meta'), { recursive: true });
  const journal = JSON.parse(
    readFileSync(join(migrations, 'meta/_journal.json'), 'utf8'),
  ) as Journal;
  const kept = journal.entries.filter((entry) => entry.idx <= lastIdx);
  for (const entry of kept)
    copyFileSync(join(migrations, `${entry.tag}.sql`), join(folder, `${entry.tag}.sql`));
  writeFileSync(join(folder, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: kept }));
  const path = join(dir, 'platform.db');
  const sqlite = new Database(path);
  sqlite.pragma('foreign_keys = ON');
  const db = drizzle(sqlite);
  migrate(db, { migrationsFolder: folder });
  insertLoansIntoOlderSchema(sqlite, [aBadLoan({ loanId: 'L1' })]);
  sqlite.exec(`
    insert into journal_entries (id, entry_date, kind, memo, source_ref, posted_at, posted_by) values (1, '2026-06-10', 'write_off', 'w', 'write_off_batch:1', 't', 'finance');
    insert into journal_entries (id, entry_date, kind, memo, source_ref, reverses_entry_id, posted_at, posted_by) values (2, '2026-06-11', 'reversal', 'r', 'journal_entry:1', 1, 't', 'finance');
    insert into journal_lines (entry_id, line_no, account_code, debit_fen, credit_fen, loan_id) values (1, 1, '7001', 865000, 0, 'L1'), (1, 2, '7002', 0, 865000, 'L1'),
                                                                                                      (2, 1, '7002', 865000, 0, 'L1'), (2, 2, '7001', 0, 865000, 'L1');
    insert into off_balance_register (loan_id, movement_date, kind, amount_fen, reversal, entry_id) values ('L1', '2026-06-10', 'written_off', 865000, 0, 1), ('L1', '2026-06-11', 'written_off', -865000, 1, 2);`);
  sqlite.close();
  return path;
}

const rowsOf = (db: Database.Database, table: string) =>
  db.prepare(`select * from ${table} order by 1`).all();

describe('migrating a database that holds a ledger to the after-sale schema', () => {
  it('keeps every journal and register row, every foreign key and every immutability trigger', () => {
    const path = databaseWithLedgerAt(BEFORE_AFTER_SALE);
    const before = new Database(path);
    const tables = ['journal_entries', 'journal_lines', 'off_balance_register'];
    const kept = tables.map((table) => rowsOf(before, table));
    before.close();

    const db = openDatabase(path).$client;
    expect(tables.map((table) => rowsOf(db, table))).toEqual(kept);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const parents = (table: string) =>
      (db.pragma(`foreign_key_list(${table})`) as { table: string }[])
        .map((key) => key.table)
        .sort();
    expect(parents('journal_lines')).toEqual(['journal_entries', 'ledger_accounts', 'loans']);
    expect(parents('off_balance_register')).toEqual([
      'buyer_organisations',
      'collection_events',
      'journal_entries',
      'loans',
    ]);
    expect(parents('journal_entries')).toEqual(['journal_entries', 'users']);
    expect(() => db.prepare("update journal_entries set memo = 'x'").run()).toThrow(
      'journal_entries are posted',
    );
    expect(() => db.prepare('delete from off_balance_register').run()).toThrow(
      'off_balance_register is append-only',
    );
    expect(() => db.prepare('delete from journal_lines').run()).toThrow('journal_lines are posted');
    expect(() =>
      db
        .prepare(
          "insert into journal_lines (entry_id, line_no, account_code, debit_fen, credit_fen) values (99, 1, '1002', 1, 0)",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.prepare(
      "insert into journal_entries (entry_date, kind, memo, source_ref, posted_at, posted_by) values ('2026-07-01', 'put_back', 'p', 'put_back:S:L1', 't', 'finance')",
    ).run();
    expect(() =>
      db
        .prepare(
          "insert into off_balance_register (loan_id, movement_date, kind, amount_fen, entry_id) values ('L1', '2026-07-01', 'put_back', 1, 3)",
        )
        .run(),
    ).toThrow(/off_balance_register_sold_has_buyer/);
    db.close();
  });

  it('would fail under the migrator with foreign keys enforced, as SQLite ignores the PRAGMA inside its transaction', () => {
    const sqlite = new Database(databaseWithLedgerAt(BEFORE_AFTER_SALE));
    sqlite.pragma('foreign_keys = ON');
    const failure = (() => {
      try {
        migrate(drizzle(sqlite), { migrationsFolder: migrations });
      } catch (error) {
        return error as Error;
      }
    })();
    expect(failure?.message).toMatch(/DROP TABLE `journal_entries`/);
    expect((failure?.cause as Error | undefined)?.message).toBe('FOREIGN KEY constraint failed');
    expect(rowsOf(sqlite, 'journal_entries')).toHaveLength(2);
    sqlite.close();
  });
});

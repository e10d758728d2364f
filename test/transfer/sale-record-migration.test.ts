import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { aWrittenOffLoan, insertLoansIntoOlderSchema } from '../helpers/loans';

const migrations = resolve(import.meta.dirname, '../../db/migrations');
/** The last migration before the sale's record (0017 rebuilds `sales`). */
const BEFORE_SALE_RECORD = 16;

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A database migrated up to 0016 holding a settled sale of two loans, one of them put back (accepted). */
function databaseWithSettledSale(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sale-record-migration-'));
  dirs.push(dir);
  const folder = join(dir, 'migrations');
  mkdirSync(join(folder, 'meta'), { recursive: true });
  const journal = JSON.parse(readFileSync(join(migrations, 'meta/_journal.json'), 'utf8')) as {
    entries: { idx: number; tag: string }[];
  };
  const kept = journal.entries.filter((entry) => entry.idx <= BEFORE_SALE_RECORD);
  for (const entry of kept)
    copyFileSync(join(migrations, `${entry.tag}.sql`), join(folder, `${entry.tag}.sql`));
  writeFileSync(join(folder, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: kept }));
  const path = join(dir, 'platform.db');
  const sqlite = new Database(path);
  sqlite.pragma('foreign_keys = ON');
  const db = drizzle(sqlite);
  migrate(db, { migrationsFolder: folder });
  insertLoansIntoOlderSchema(sqlite, [
    aWrittenOffLoan({ loanId: 'L1' }),
    aWrittenOffLoan({ loanId: 'L2' }),
  ]);
  sqlite.exec(`
    insert into buyer_organisations (id, name, type, licence_number, created_at, status, nda_signed_on) values (1, 'AMC', 'amc', 'A-1', 't', 'approved', '2026-09-01');
    insert into portfolios (id, name, status, cut_off_date, criteria, rule_pack_id, rule_pack_version, created_by, created_at, status_changed_at)
      values (1, 'P', 'sold', '2026-09-30', '{}', 'cn-personal-npl', 1, 'risk', 't', 't');
    insert into bid_rounds (id, portfolio_id, name, deadline, opened_at, opened_by) values (1, 1, 'R', '2026-10-10T00:00:00.000Z', 't', 'risk');
    insert into bids (id, round_id, buyer_organisation_id, price_fen, valid_until, submitted_at) values (1, 1, 1, 1000, '2026-12-31', 't');
    insert into journal_entries (id, entry_date, kind, memo, source_ref, posted_at, posted_by) values (1, '2026-10-20', 'sale', 's', 'sale:sale-1', 't', 'finance');
    insert into sales (id, portfolio_id, buyer_organisation_id, round_id, bid_id, award_kind, price_fen, claim_fen, loan_count, cut_off_date,
      contract_effective_date, delivery_date, put_back_window_days, status, awarded_at, awarded_by, settled_at, received_on, entry_id)
      values (1, 1, 1, 1, 1, 'negotiated', 1000, 1730000, 2, '2026-09-30', '2026-10-15', '2026-10-31', 120, 'settled', 't', 'risk', 't', '2026-10-20', 1);
    insert into sale_allocations (sale_id, loan_id, claim_fen, price_fen) values (1, 'L1', 865000, 500), (1, 'L2', 865000, 500);
    insert into journal_entries (id, entry_date, kind, memo, source_ref, posted_at, posted_by) values (2, '2026-10-25', 'put_back', 'p', 'put_back:sale-1:L2', 't', 'finance');
    insert into put_backs (sale_id, loan_id, reason, status, requested_at, decided_at, decided_by, refund_fen, entry_id)
      values (1, 'L2', 'deceased', 'accepted', 't', '2026-10-25T09:00:00.000Z', 'finance', 500, 2);`);
  sqlite.close();
  return path;
}

describe('migrating a database that holds a settled sale to the sale record', () => {
  it('backfills the settled and net figures and the put-back exit, and keeps the sale rules', () => {
    const db = openDatabase(databaseWithSettledSale());
    const client = db.$client;
    expect(
      client
        .prepare(
          'select settled_price_fen as settledPriceFen, settled_loan_count as settledLoanCount, refunds_fen as refundsFen, put_back_count as putBackCount, put_back_claim_fen as putBackClaimFen from sales',
        )
        .get(),
    ).toEqual({
      settledPriceFen: 1000,
      settledLoanCount: 2,
      refundsFen: 500,
      putBackCount: 1,
      putBackClaimFen: 865000,
    });
    expect(client.prepare('select loan_id as loanId, kind, reason from sale_exits').all()).toEqual([
      { loanId: 'L2', kind: 'put_back', reason: 'deceased' },
    ]);
    expect(() => client.prepare('update sales set price_fen = 1').run()).toThrow(
      /fixed at the award/,
    );
    expect(() => client.prepare('delete from sales').run()).toThrow(/cannot be deleted/);
    expect(() => client.prepare('update sales set settled_price_fen = 1').run()).toThrow(/final/);
    expect(() => client.prepare('delete from sale_exits').run()).toThrow(/final/);
    expect(client.pragma('foreign_key_check')).toEqual([]);
    db.$client.close();
  });
});

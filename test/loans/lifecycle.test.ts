import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { loans, type LoanStatus } from '../../db/schema';
import { LoanTransitionError, loanTransitions, moveLoans } from '../../src/loans';
import { moveSql, type LoanTransition } from '../../src/loans/lifecycle';
import { connectionOf } from '../../db';
import { testApp } from '../helpers/test-app';
import { aDelinquentLoan, aLoan, insertLoans, type LoanInsert } from '../helpers/loans';
import { asFen } from '../../src/shared';

const chargedOff = (overrides: Partial<LoanInsert> = {}) =>
  aDelinquentLoan(200, {
    status: 'charged_off',
    chargeOffDate: '2026-03-31',
    chargeOffFen: asFen(865_000),
    ...overrides,
  });

function book(rows: LoanInsert[]): { db: Db; ids: string[] } {
  const { db } = testApp();
  for (let start = 0; start < rows.length; start += 500)
    insertLoans(db, rows.slice(start, start + 500));
  return { db, ids: rows.map((row) => row.loanId!) };
}

function statesOf(db: Db, ids: readonly string[]) {
  const rows = db
    .select({
      loanId: loans.loanId,
      status: loans.status,
      chargeOffDate: loans.chargeOffDate,
      chargeOffFen: loans.chargeOffFen,
    })
    .from(loans)
    .where(inArray(loans.loanId, [...ids]))
    .all();
  return Object.fromEntries(rows.map(({ loanId, ...state }) => [loanId, state]));
}

const statusesOf = (db: Db, ids: readonly string[]): Record<string, LoanStatus> =>
  Object.fromEntries(Object.entries(statesOf(db, ids)).map(([id, state]) => [id, state.status]));

describe('the loan lifecycle', () => {
  it('charges off exactly the loans asked, on their date for their claim', () => {
    const { db, ids } = book([aLoan(), aDelinquentLoan(190), aDelinquentLoan(200)]);
    const [current, delinquent, untouched] = ids as [string, string, string];
    const moved = db.transaction((tx) =>
      moveLoans(tx, 'charge_off', [
        { loanId: current, chargeOffDate: '2026-06-30', chargeOffFen: asFen(865_000) },
        { loanId: delinquent, chargeOffDate: '2026-06-30', chargeOffFen: asFen(123_456) },
      ]),
    );
    expect(moved).toBe(2);
    expect(statesOf(db, ids)).toEqual({
      [current]: { status: 'charged_off', chargeOffDate: '2026-06-30', chargeOffFen: 865_000 },
      [delinquent]: { status: 'charged_off', chargeOffDate: '2026-06-30', chargeOffFen: 123_456 },
      [untouched]: { status: 'delinquent', chargeOffDate: null, chargeOffFen: null },
    });
  });

  it('releases a write-off: each loan back to the status it names, the charge-off cleared', () => {
    const { db, ids } = book([chargedOff(), chargedOff(), chargedOff()]);
    const [toCurrent, toDelinquent, untouched] = ids as [string, string, string];
    const moved = db.transaction((tx) =>
      moveLoans(tx, 'release_write_off', [
        { loanId: toCurrent, status: 'current' },
        { loanId: toDelinquent, status: 'delinquent' },
      ]),
    );
    expect(moved).toBe(2);
    expect(statesOf(db, ids)).toEqual({
      [toCurrent]: { status: 'current', chargeOffDate: null, chargeOffFen: null },
      [toDelinquent]: { status: 'delinquent', chargeOffDate: null, chargeOffFen: null },
      [untouched]: { status: 'charged_off', chargeOffDate: '2026-03-31', chargeOffFen: 865_000 },
    });
  });

  it('sells and returns to the seller, keeping the charge-off', () => {
    const { db, ids } = book([chargedOff(), chargedOff()]);
    const [sold, kept] = ids as [string, string];
    expect(db.transaction((tx) => moveLoans(tx, 'sell', [sold]))).toBe(1);
    expect(statusesOf(db, ids)).toEqual({ [sold]: 'sold', [kept]: 'charged_off' });
    expect(db.transaction((tx) => moveLoans(tx, 'return_to_seller', [sold]))).toBe(1);
    expect(statesOf(db, ids)[sold]).toEqual({
      status: 'charged_off',
      chargeOffDate: '2026-03-31',
      chargeOffFen: 865_000,
    });
  });

  it('counts a loan named twice once', () => {
    const { db, ids } = book([chargedOff()]);
    expect(db.transaction((tx) => moveLoans(tx, 'sell', [ids[0]!, ids[0]!]))).toBe(1);
  });

  it('moves nothing, and says which loan, when a loan is not where the transition starts', () => {
    const { db, ids } = book([chargedOff(), aLoan(), chargedOff()]);
    const before = statesOf(db, ids);
    expect(() => db.transaction((tx) => moveLoans(tx, 'sell', ids))).toThrow(
      new LoanTransitionError(`sell: loan ${ids[1]} is current, not charged_off`),
    );
    expect(statesOf(db, ids)).toEqual(before);
    // Even outside a transaction: the statement runs in a savepoint that is rolled back.
    expect(() => moveLoans(db, 'sell', ids)).toThrow(LoanTransitionError);
    expect(statesOf(db, ids)).toEqual(before);
  });

  it('moves nothing when a loan is not in the book', () => {
    const { db, ids } = book([aLoan()]);
    const move = { loanId: 'NO-SUCH-LOAN', chargeOffDate: '2026-06-30', chargeOffFen: asFen(1) };
    expect(() =>
      db.transaction((tx) =>
        moveLoans(tx, 'charge_off', [
          { loanId: ids[0]!, chargeOffDate: '2026-06-30', chargeOffFen: asFen(865_000) },
          move,
        ]),
      ),
    ).toThrow(/not in the book/);
    expect(statusesOf(db, ids)).toEqual({ [ids[0]!]: 'current' });
  });

  it('refuses a release to a status the transition does not go to', () => {
    const { db, ids } = book([chargedOff()]);
    expect(() =>
      moveLoans(db, 'release_write_off', [
        { loanId: ids[0]!, status: 'sold' as unknown as 'current' },
      ]),
    ).toThrow(/cannot go to sold/);
    expect(statusesOf(db, ids)).toEqual({ [ids[0]!]: 'charged_off' });
  });

  it('moves a large batch in one statement', () => {
    const rows = Array.from({ length: 2_000 }, () => aDelinquentLoan(200));
    const { db, ids } = book(rows);
    const moves = ids.map((loanId) => ({
      loanId,
      chargeOffDate: '2026-06-30',
      chargeOffFen: asFen(865_000),
    }));
    expect(db.transaction((tx) => moveLoans(tx, 'charge_off', moves))).toBe(2_000);
    expect(new Set(Object.values(statusesOf(db, ids)))).toEqual(new Set(['charged_off']));
  });

  it('finds each moved loan by its id, driven by the moves, never by scanning a status', () => {
    const { db } = testApp();
    for (const transition of Object.keys(loanTransitions) as LoanTransition[]) {
      const plan = connectionOf(db)
        .prepare(`explain query plan ${moveSql(transition)}`)
        .all('[]') as { detail: string }[];
      const details = plan.map((step) => step.detail);
      expect(details[0], transition).toMatch(/json_each/);
      expect(details.join(' | '), transition).toMatch(
        /SEARCH loans USING INDEX loans_loan_id_unique/,
      );
    }
  });

  it('has transitions from and to known statuses only', () => {
    for (const { from, to } of Object.values(loanTransitions)) {
      expect(from.length).toBeGreaterThan(0);
      expect(to.length).toBeGreaterThan(0);
    }
  });
});

/**
 * The lifecycle is the only place a loan's status is written: no other SQL `update loans set …
 * status =` and no drizzle `update(loans).set({ status … })` in the product's code. The loan tape
 * import, the one exception, writes the status through its generated upsert (tape-spec, staging),
 * which names no such statement.
 */
describe('who writes loans.status', () => {
  const ROOT = resolve(import.meta.dirname, '../..');
  const lifecycle = join('src', 'loans', 'lifecycle.ts');
  const writesStatus = [
    /update\s+loans\s+set\b[^;`'"]*?\bstatus\s*=/i,
    /update\(\s*loans\s*\)\s*\.set\(\s*\{[^}]*\bstatus\b/,
  ];

  function files(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return name === 'migrations' ? [] : files(path);
      return /\.(ts|mjs)$/.test(name) ? [path] : [];
    });
  }

  it('is the lifecycle alone', () => {
    const writers = ['src', 'db', 'scripts', 'bench']
      .flatMap((dir) => files(join(ROOT, dir)))
      .filter((file) => writesStatus.some((pattern) => pattern.test(readFileSync(file, 'utf8'))))
      .map((file) => relative(ROOT, file));
    expect(writers).toEqual([lifecycle]);
  });

  it('would catch a status written elsewhere', () => {
    expect(writesStatus[0]!.test("'UPDATE loans SET charge_off_date = ?, status = ?'")).toBe(true);
    expect(writesStatus[1]!.test('tx.update(loans).set({ status: "sold" })')).toBe(true);
    expect(writesStatus.some((p) => p.test('UPDATE loans SET last_payment_date = x'))).toBe(false);
  });
});

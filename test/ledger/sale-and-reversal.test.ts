import { describe, expect, it } from 'vitest';
import { offBalanceReport, trialBalanceReport } from '../../src/ledger/reports';
import { reverseEntry } from '../../src/ledger/reversal';
import { reversalEffects } from '../../src/reversal-effects';
import type { AppDeps } from '../../src/shared/deps';
import { getWriteOffBatch } from '../../src/write-offs/queries';
import { testApp } from '../helpers/test-app';
import { aBadLoan, insertLoans } from '../helpers/loans';
import { actorOf } from './fixtures';
import { healthy, ledgerHealth, registerBalances } from './invariants';
import { collect, inTx, loanRow, sell, writeOff } from './scenario';

function writtenOff() {
  const t = testApp();
  const [a, b] = insertLoans(t.db, [aBadLoan(), aBadLoan()]) as [string, string];
  const batch = writeOff(t.deps, { writeOffDate: '2026-06-10' });
  const reverse = (entryId: number, date = '2026-06-30') =>
    inTx(t.deps, (tx) =>
      reverseEntry(
        { tx, deps: t.deps, actor: actorOf(t.db, 'finance') },
        {
          entryId,
          date,
          reason: 'posted in error',
        },
        reversalEffects,
      ),
    );
  return { ...t, a, b, batch, reverse };
}

const nonZeroBalances = (deps: AppDeps) =>
  trialBalanceReport(deps, '2026-12-31')
    .balanceSheet.accounts.filter((a) => a.balanceFen !== 0)
    .map((a) => [a.code, a.balanceFen]);

describe('selling written-off loans', () => {
  it('books the price, takes the claims off the register as sold to the buyer, and marks the loans sold', () => {
    const { deps, db, a, b } = writtenOff();
    collect(deps, [{ loanId: a, date: '2026-06-15', amountFen: 65_000 }]);
    const sale = sell(deps, 'T-2026-7', '2026-06-20', [
      { loanId: a, priceFen: 40_000 },
      { loanId: b, priceFen: 45_000 },
    ]);
    expect(sale).toEqual({
      entryId: expect.any(Number),
      loans: 2,
      priceFen: 85_000,
      claimFen: 800_000 + 865_000,
    });
    expect(loanRow(deps, a).status).toBe('sold');
    expect(Object.fromEntries(registerBalances(db))).toEqual({ [a]: 0, [b]: 0 });
    const register = offBalanceReport(deps, '2026-06-30', { limit: 10 }).items;
    expect(
      register.map((loan) => [loan.loanId, loan.recoveredFen, loan.soldFen, loan.buyer]),
    ).toEqual([
      [a, 65_000, 800_000, 'Demo AMC 示范资产管理有限公司'],
      [b, 0, 865_000, 'Demo AMC 示范资产管理有限公司'],
    ]);
    expect(ledgerHealth(db)).toEqual(healthy);
  });

  it('refuses a price not allocated to the loans, a loan not charged off, and a sale booked twice', () => {
    const { deps, a, b } = writtenOff();
    const [onBook] = insertLoans(deps.db, [aBadLoan({ daysPastDue: 1 })]) as [string];
    expect(() => sell(deps, 'S', '2026-06-20', [{ loanId: onBook, priceFen: 1 }])).toThrow(
      /cannot be sold/,
    );
    sell(deps, 'S', '2026-06-20', [{ loanId: a, priceFen: 1 }]);
    expect(() => sell(deps, 'S', '2026-06-21', [{ loanId: b, priceFen: 1 }])).toThrow(
      'sale S is already booked',
    );
    expect(() => sell(deps, 'S2', '2026-06-21', [{ loanId: a, priceFen: 1 }])).toThrow(
      /cannot be sold/,
    );
    expect(() => sell(deps, 'S3', '2026-06-01', [{ loanId: b, priceFen: 1 }])).toThrow(
      /cannot be sold/,
    );
  });
});

describe('reversing posted entries', () => {
  it('undoes a write-off: loans back on the book and free again, register and balances back to nothing', () => {
    const { deps, db, a, batch, reverse } = writtenOff();
    const reversal = reverse(batch.entryId as number);
    expect(reversal).toMatchObject({ reversesEntryId: batch.entryId, lineCount: 20 });
    expect(loanRow(deps, a)).toEqual({
      status: 'delinquent',
      chargeOffDate: null,
      chargeOffFen: null,
    });
    expect(getWriteOffBatch(deps, batch.id).state).toBe('reversed');
    expect(nonZeroBalances(deps)).toEqual([]);
    expect(offBalanceReport(deps, '2026-06-30', { limit: 10 }).items).toEqual([]);
    expect(writeOff(deps, { writeOffDate: '2026-06-30' }).loanCount).toBe(2);
    expect(ledgerHealth(db)).toEqual(healthy);
  });

  it('refuses to undo a write-off whose claim has had recoveries since, until the recovery is reversed', () => {
    const { deps, a, batch, reverse } = writtenOff();
    const [recoveryEntry] = collect(deps, [{ loanId: a, date: '2026-06-15', amountFen: 500 }])
      .entryIds as [number];
    expect(() => reverse(batch.entryId as number)).toThrow(/have moved on/);
    reverse(recoveryEntry);
    expect(reverse(batch.entryId as number).reversesEntryId).toBe(batch.entryId);
  });

  it('undoes a sale: the loans charged off again with their claims back on file', () => {
    const { deps, db, a, b, reverse } = writtenOff();
    const sale = sell(deps, 'S', '2026-06-20', [
      { loanId: a, priceFen: 100 },
      { loanId: b, priceFen: 200 },
    ]);
    reverse(sale.entryId);
    expect(loanRow(deps, b).status).toBe('charged_off');
    expect(Object.fromEntries(registerBalances(db))).toEqual({ [a]: 865_000, [b]: 865_000 });
    expect(
      offBalanceReport(deps, '2026-06-30', { limit: 10 }).items.every(
        (loan) => loan.buyer === null || loan.soldFen === 0,
      ),
    ).toBe(true);
  });

  it('reverses an entry once, never a reversal, and never before the entry it reverses', () => {
    const { batch, reverse } = writtenOff();
    expect(() => reverse(batch.entryId as number, '2026-06-09')).toThrow(/cannot be dated before/);
    const { entryId } = reverse(batch.entryId as number);
    expect(() => reverse(batch.entryId as number)).toThrow(
      `entry ${batch.entryId} is already reversed by entry ${entryId}`,
    );
    expect(() => reverse(entryId)).toThrow(/is itself a reversal/);
    expect(() => reverse(9999)).toThrow('no journal entry 9999');
  });
});

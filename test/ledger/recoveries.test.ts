import { describe, expect, it } from 'vitest';
import { accounts } from '../../src/ledger/accounts';
import { postCollectionEvents } from '../../src/ledger/collection-posting';
import { trialBalanceReport, writeOffReport } from '../../src/ledger/reports';
import { testApp } from '../helpers/test-app';
import { aBadLoan, insertLoans } from '../helpers/loans';
import { actorOf, insertCollections } from './fixtures';
import { healthy, ledgerHealth, registerBalances } from './invariants';
import { collect, inTx, sell, writeOff } from './scenario';
import { asFen } from '../../src/shared';

const balanceOf = (deps: Parameters<typeof trialBalanceReport>[0], code: string) =>
  [
    ...trialBalanceReport(deps, '2026-12-31').balanceSheet.accounts,
    ...trialBalanceReport(deps, '2026-12-31').offBalance.accounts,
  ].find((a) => a.code === code)?.balanceFen ?? 0;

function writtenOffBook(config: Parameters<typeof testApp>[0] = {}) {
  const t = testApp(config);
  const [a, b, onBook] = insertLoans(t.db, [
    aBadLoan(),
    aBadLoan({
      principalFen: asFen(10_000),
      interestFen: asFen(0),
      feeFen: asFen(0),
      penaltyFen: asFen(0),
    }),
    aBadLoan({ daysPastDue: 5 }),
  ]) as [string, string, string];
  writeOff(t.deps, { writeOffDate: '2026-06-10', loanIds: [a, b] });
  return { ...t, a, b, onBook };
}

describe('recoveries after write-off', () => {
  it('books Dr cash / Cr allowance and lowers the claim on file, reported as recoveries', () => {
    const { deps, db, a } = writtenOffBook();
    const posting = collect(deps, [{ loanId: a, date: '2026-06-20', amountFen: 30_000 }]);
    expect(posting.recoveries).toEqual({
      events: 1,
      paidFen: 30_000,
      appliedFen: 30_000,
      excessFen: 0,
    });
    expect(registerBalances(db).get(a)).toBe(865_000 - 30_000);
    expect(balanceOf(deps, accounts.cashAtBank)).toBe(30_000);
    // The write-off provided for what it charged the allowance; the recovery credits it.
    expect(balanceOf(deps, accounts.loanLossAllowance)).toBe(-30_000);
    expect(writeOffReport(deps, { from: '2026-06-01', to: '2026-06-30' }).totals).toMatchObject({
      recoveredFen: 30_000,
      netChargeOffFen: 875_000 - 30_000,
    });
    expect(ledgerHealth(db)).toEqual(healthy);
  });

  it('never takes a claim below zero: the excess goes to borrower overpayments and is reported', () => {
    const { deps, db, b } = writtenOffBook();
    const posting = collect(deps, [
      { loanId: b, date: '2026-06-20', amountFen: 8_000 },
      { loanId: b, date: '2026-06-21', amountFen: 5_000 },
    ]);
    expect(posting.recoveries).toEqual({
      events: 2,
      paidFen: 13_000,
      appliedFen: 10_000,
      excessFen: 3_000,
    });
    expect(posting.excess).toEqual([{ eventId: expect.any(Number), loanId: b, excessFen: 3_000 }]);
    expect(registerBalances(db).get(b)).toBe(0);
    expect(balanceOf(deps, accounts.overpaymentsPayable)).toBe(-3_000);
    expect(posting.entryIds).toHaveLength(2);
  });

  it('leaves payments of loans on the book, loans sold before the ledger, and payments before the write-off or the cut-off to others, saying why', () => {
    const { deps, a, b, onBook } = writtenOffBook();
    const [soldOnTape] = insertLoans(deps.db, [
      aBadLoan({ status: 'sold', chargeOffDate: '2025-12-31', chargeOffFen: asFen(1) }),
    ]) as [string];
    sell(deps, 'S-1', '2026-06-25', [{ loanId: b, priceFen: 500 }]);
    const posting = collect(deps, [
      { loanId: onBook, date: '2026-06-20', amountFen: 100 },
      { loanId: b, date: '2026-06-24', amountFen: 100 },
      { loanId: soldOnTape, date: '2026-06-26', amountFen: 100 },
      { loanId: a, date: '2026-06-01', amountFen: 100 },
    ]);
    expect(posting.notRecoveries.map((n) => [n.loanId, n.reason])).toEqual([
      [a, 'before_write_off'],
      [onBook, 'not_written_off'],
      [b, 'before_cut_off'],
      [soldOnTape, 'sold'],
    ]);
    expect(posting.entryIds).toEqual([]);
  });

  it('books collection costs to collection expense whatever the loan', () => {
    const { deps, a, onBook } = writtenOffBook();
    const posting = collect(deps, [
      { loanId: a, date: '2026-06-20', amountFen: 1_200, type: 'cost' },
      { loanId: onBook, date: '2026-06-20', amountFen: 300, type: 'cost' },
    ]);
    expect(posting.costs).toEqual({ events: 2, amountFen: 1_500 });
    expect(balanceOf(deps, accounts.collectionExpense)).toBe(1_500);
    expect(balanceOf(deps, accounts.cashAtBank)).toBe(-1_500);
  });

  it('credits recovery income instead of the allowance when so configured', () => {
    const { deps, a } = writtenOffBook({ config: { ledger: { recoveriesTo: 'recovery_income' } } });
    collect(deps, [{ loanId: a, date: '2026-06-20', amountFen: 700 }]);
    expect(balanceOf(deps, accounts.recoveryIncome)).toBe(-700);
  });

  it('books an import once: posting it again is refused and changes nothing', () => {
    const { deps, db, a } = writtenOffBook();
    const importId = insertCollections(db, [{ loanId: a, date: '2026-06-20', amountFen: 700 }]);
    const post = () =>
      inTx(deps, (tx) =>
        postCollectionEvents({ tx, deps, actor: actorOf(db, 'finance') }, { importId }),
      );
    post();
    expect(post).toThrow(`collections import ${importId} is already booked`);
    expect(registerBalances(db).get(a)).toBe(865_000 - 700);
  });
});

import { describe, expect, it } from 'vitest';
import { accounts } from '../../src/ledger/accounts';
import { entryLines } from '../../src/ledger/journal-repository';
import { offBalanceReport } from '../../src/ledger/reports';
import { reverseEntry } from '../../src/ledger/reversal';
import { reversalEffects } from '../../src/reversal-effects';
import { fixedClock } from '../../src/shared/clock';
import { testApp } from '../helpers/test-app';
import { aBadLoan, insertLoans } from '../helpers/loans';
import { actorOf } from './fixtures';
import { healthy, ledgerHealth, registerBalances } from './invariants';
import { accountBalance, collect, inTx, loanRow, putBack, sell, writeOff } from './scenario';

/** Two loans written off (claims 865,000 each), 650.00 recovered on `a`, both sold on 2026-06-20. */
function soldBook(config: Parameters<typeof testApp>[0] = {}) {
  // The clock stands on the day the reversals are dated: a reversal is never dated after today.
  const t = testApp({ clock: fixedClock('2026-07-31T09:00:00.000Z'), ...config });
  const [a, b] = insertLoans(t.db, [aBadLoan(), aBadLoan()]) as [string, string];
  writeOff(t.deps, { writeOffDate: '2026-06-10' });
  collect(t.deps, [{ loanId: a, date: '2026-06-15', amountFen: 65_000 }]);
  const sale = sell(t.deps, 'T-7', '2026-06-20', [
    { loanId: a, priceFen: 40_000 },
    { loanId: b, priceFen: 45_000 },
  ]);
  const reverse = (entryId: number) =>
    inTx(t.deps, (tx) =>
      reverseEntry(
        { tx, deps: t.deps, actor: actorOf(t.db, 'finance') },
        {
          entryId,
          date: '2026-07-31',
          reason: 'posted in error',
        },
        reversalEffects,
      ),
    );
  return { ...t, a, b, sale, reverse };
}

const netByAccount = (lines: { accountCode: string; debitFen: number; creditFen: number }[]) => {
  const net: Record<string, number> = {};
  for (const line of lines)
    net[line.accountCode] = (net[line.accountCode] ?? 0) + line.debitFen - line.creditFen;
  return net;
};

describe('a put-back', () => {
  it('refunds the price on the account the sale credited, puts the sold claim back on file and charges the loan off again', () => {
    const { deps, db, a, b } = soldBook();
    const booked = putBack(deps, 'T-7', a, '2026-07-10', 40_000);
    expect(booked).toEqual({
      entryId: expect.any(Number),
      loanId: a,
      buyerOrganisationId: expect.any(Number),
      refundFen: 40_000,
      claimFen: 800_000,
    });
    expect(netByAccount(entryLines(db, booked.entryId))).toEqual({
      [accounts.transferGainLoss]: 40_000,
      [accounts.cashAtBank]: -40_000,
      [accounts.writtenOffMemo]: 800_000,
      [accounts.writtenOffMemoContra]: -800_000,
    });
    expect(loanRow(deps, a).status).toBe('charged_off');
    expect(loanRow(deps, b).status).toBe('sold');
    expect(Object.fromEntries(registerBalances(db))).toEqual({ [a]: 800_000, [b]: 0 });
    const register = offBalanceReport(deps, '2026-07-31', { limit: 10 }).items;
    expect(
      register.map((loan) => [loan.loanId, loan.recoveredFen, loan.soldFen, loan.balanceFen]),
    ).toEqual([
      [a, 65_000, 0, 800_000],
      [b, 0, 865_000, 0],
    ]);
    expect(accountBalance(deps, accounts.transferGainLoss)).toBe(-45_000);
    expect(accountBalance(deps, accounts.cashAtBank)).toBe(65_000 + 85_000 - 40_000);
    expect(ledgerHealth(db)).toEqual(healthy);
  });

  it('debits what the sale credited even when the policy has changed since', () => {
    const { deps, db, a } = soldBook({ config: { ledger: { saleProceedsTo: 'allowance' } } });
    const later = {
      ...deps,
      config: { ...deps.config, ledger: { saleProceedsTo: 'transfer_gain' as const } },
    };
    const { entryId } = putBack(later, 'T-7', a, '2026-07-10', 10_000);
    expect(netByAccount(entryLines(db, entryId))[accounts.loanLossAllowance]).toBe(10_000);
    expect(netByAccount(entryLines(db, entryId))[accounts.transferGainLoss]).toBeUndefined();
  });

  it('refuses a second put-back, a loan not in the sale, a refund above its price, a date before the sale, and a sale not booked or reversed', () => {
    const { deps, a, sale, reverse } = soldBook();
    const [other] = insertLoans(deps.db, [aBadLoan()]) as [string];
    expect(() => putBack(deps, 'T-7', a, '2026-07-10', 40_001)).toThrow(
      /from 0 to the 40000 fen the loan was sold for/,
    );
    expect(() => putBack(deps, 'T-7', a, '2026-06-19')).toThrow(
      'date must not be before the sale (2026-06-20)',
    );
    expect(() => putBack(deps, 'T-7', other, '2026-07-10')).toThrow(/cannot be put back/);
    expect(() => putBack(deps, 'T-8', a, '2026-07-10')).toThrow('no sale T-8 is booked');
    putBack(deps, 'T-7', a, '2026-07-10');
    expect(() => putBack(deps, 'T-7', a, '2026-07-11')).toThrow(
      `loan ${a} is already put back from sale T-7`,
    );
    expect(() => reverse(sale.entryId)).toThrow(/have moved on/);
    const t = soldBook();
    t.reverse(t.sale.entryId);
    expect(() => putBack(t.deps, 'T-7', t.a, '2026-07-10')).toThrow(
      /sale T-7 was reversed by entry/,
    );
  });

  it('leaves the loan free to be recovered and sold again, while the first sale and the put-back stay as booked', () => {
    const { deps, db, a, sale, reverse } = soldBook();
    const { entryId } = putBack(deps, 'T-7', a, '2026-07-10', 40_000);
    expect(
      collect(deps, [{ loanId: a, date: '2026-07-12', amountFen: 5_000 }]).recoveries.appliedFen,
    ).toBe(5_000);
    sell(deps, 'T-9', '2026-07-20', [{ loanId: a, priceFen: 30_000 }]);
    expect(registerBalances(db).get(a)).toBe(0);
    expect(() => reverse(sale.entryId)).toThrow(/have moved on/);
    expect(() => reverse(entryId)).toThrow(
      /is a put_back entry: what it owes or pays the buyer is settled with the buyer, not reversed/,
    );
    expect(() => putBack(deps, 'T-7', a, '2026-07-25')).toThrow(/already put back/);
    expect(putBack(deps, 'T-9', a, '2026-07-25', 30_000).claimFen).toBe(800_000 - 5_000);
    expect(ledgerHealth(db)).toEqual(healthy);
  });
});

import { describe, expect, it } from 'vitest';
import { accounts } from '../../src/ledger/accounts';
import { forwardingStatement } from '../../src/transfer/sale/forwarding-statement';
import { postImportedCollections } from '../../src/ledger/import-posting';
import { claimInterimCollections } from '../../src/transfer/sale/interim-claim';
import { offBalanceReport, writeOffReport } from '../../src/ledger/reports';
import { reverseEntry } from '../../src/ledger/reversal';
import { reversalEffects } from '../../src/reversal-effects';
import { fixedClock } from '../../src/shared/clock';
import { testApp } from '../helpers/test-app';
import { aBadLoan, insertLoans } from '../helpers/loans';
import { actorOf, anotherBuyer, insertCollections } from './fixtures';
import { healthy, ledgerHealth, registerBalances } from './invariants';
import {
  accountBalance,
  buyerId,
  claimInterim,
  collect,
  inTx,
  putBack,
  sell,
  writeOff,
} from './scenario';

/** Two loans written off on 2026-06-10 with claims of 865,000 each. */
function writtenOffBook(config: Parameters<typeof testApp>[0] = {}) {
  // The clock stands on the day the reversals are dated: a reversal is never dated after today.
  const t = testApp({ clock: fixedClock('2026-07-31T09:00:00.000Z'), ...config });
  const [a, b] = insertLoans(t.db, [aBadLoan(), aBadLoan()]) as [string, string];
  writeOff(t.deps, { writeOffDate: '2026-06-10' });
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
  const statement = (asOf = '2026-07-31') =>
    forwardingStatement(t.db, { buyerOrganisationId: buyerId(t.deps), asOf });
  return { ...t, a, b, reverse, statement };
}

describe('collections for sold loans', () => {
  it('books a payment after the cut-off as owed to the buyer, due ten business days on, and says so in the import answer', () => {
    const { deps, db, a, statement } = writtenOffBook();
    sell(deps, 'T-7', '2026-06-19', [{ loanId: a, priceFen: 40_000 }]);
    const importId = insertCollections(db, [{ loanId: a, date: '2026-06-26', amountFen: 12_345 }]);
    const summary = inTx(deps, (tx) =>
      postImportedCollections(tx, deps, {
        importId,
        actor: actorOf(db, 'finance'),
        mode: 'insert',
      }),
    );
    expect(summary).toMatchObject({
      entries: 1,
      recoveryPayments: 0,
      buyerCollectionPayments: 1,
      owedToBuyers: '123.45',
      paymentsNotRecoveries: 0,
    });
    expect(accountBalance(deps, accounts.buyerCollectionsPayable)).toBe(-12_345);
    expect(accountBalance(deps, accounts.cashAtBank)).toBe(40_000 + 12_345);
    expect(registerBalances(db).get(a)).toBe(0);
    expect(statement().items).toEqual([
      {
        payableId: expect.any(Number),
        loanId: a,
        saleReference: 'T-7',
        collectionEventId: expect.any(Number),
        receivedDate: '2026-06-26',
        bookedOn: '2026-06-26',
        amountFen: 12_345,
        dueDate: '2026-07-10',
        forwardedOn: null,
        forwardingReference: null,
        overdue: true,
      },
    ]);
    expect(ledgerHealth(db)).toEqual(healthy);
  });

  it('takes the forwarding period from the configuration', () => {
    const { deps, a, statement } = writtenOffBook({
      config: { transfer: { forwardingBusinessDays: 3 } },
    });
    sell(deps, 'T-7', '2026-06-19', [{ loanId: a, priceFen: 40_000 }]);
    collect(deps, [{ loanId: a, date: '2026-06-26', amountFen: 100 }]);
    expect(statement().items[0]?.dueDate).toBe('2026-07-01');
  });

  it('sends payments dated on or before the cut-off nowhere, and uses the cut-off the settlement recorded once it has', () => {
    const { deps, a, b } = writtenOffBook();
    sell(deps, 'T-7', '2026-06-19', [{ loanId: a, priceFen: 40_000 }]);
    sell(deps, 'T-8', '2026-06-19', [{ loanId: b, priceFen: 40_000 }]);
    claimInterim(deps, 'T-8', '2026-06-12', [b], '2026-06-19');
    const posting = collect(deps, [
      { loanId: a, date: '2026-06-15', amountFen: 100 },
      { loanId: b, date: '2026-06-15', amountFen: 200 },
      { loanId: b, date: '2026-06-12', amountFen: 300 },
    ]);
    expect(posting.notRecoveries.map((n) => [n.loanId, n.reason])).toEqual([
      [b, 'before_cut_off'],
      [a, 'before_cut_off'],
    ]);
    expect(posting.buyerCollections).toEqual({ events: 1, amountFen: 200 });
  });
});

describe('interim collections claimed at settlement', () => {
  /** Recoveries on `a` on 06-11 (before the 06-12 cut-off), 06-15 and 06-16 (the last reversed), then the sale on 06-20. */
  function settled() {
    const t = writtenOffBook();
    collect(t.deps, [{ loanId: t.a, date: '2026-06-11', amountFen: 10_000 }]);
    const [handedOver] = collect(t.deps, [{ loanId: t.a, date: '2026-06-15', amountFen: 30_000 }])
      .entryIds as [number];
    const [reversed] = collect(t.deps, [{ loanId: t.a, date: '2026-06-16', amountFen: 7_000 }])
      .entryIds as [number];
    t.reverse(reversed);
    const sale = sell(t.deps, 'T-7', '2026-06-20', [
      { loanId: t.a, priceFen: 40_000 },
      { loanId: t.b, priceFen: 45_000 },
    ]);
    return { ...t, sale, handedOver };
  }

  it('moves the recoveries dated after the cut-off to the buyer: allowance restored, payable owed, the claim sold as it stood at the cut-off', () => {
    const { deps, db, a, b, statement } = settled();
    const allowanceBefore = accountBalance(deps, accounts.loanLossAllowance);
    const claim = claimInterim(deps, 'T-7', '2026-06-12', [a, b], '2026-06-20');
    expect(claim).toEqual({
      entryId: expect.any(Number),
      payables: 1,
      amountFen: 30_000,
      cutOffDate: '2026-06-12',
    });
    expect(accountBalance(deps, accounts.loanLossAllowance)).toBe(allowanceBefore + 30_000);
    expect(accountBalance(deps, accounts.buyerCollectionsPayable)).toBe(-30_000);
    expect(accountBalance(deps, accounts.cashAtBank)).toBe(10_000 + 30_000 + 85_000);
    expect(Object.fromEntries(registerBalances(db))).toEqual({ [a]: 0, [b]: 0 });
    const register = offBalanceReport(deps, '2026-07-31', { limit: 10 }).items;
    expect(register.map((loan) => [loan.loanId, loan.recoveredFen, loan.soldFen])).toEqual([
      [a, 10_000, 865_000 - 10_000],
      [b, 0, 865_000],
    ]);
    expect(writeOffReport(deps, { from: '2026-06-01', to: '2026-07-31' }).totals.recoveredFen).toBe(
      10_000,
    );
    expect(
      statement().items.map((item) => [
        item.loanId,
        item.receivedDate,
        item.bookedOn,
        item.amountFen,
        item.dueDate,
      ]),
    ).toEqual([[a, '2026-06-15', '2026-06-20', 30_000, '2026-07-03']]);
    expect(ledgerHealth(db)).toEqual(healthy);
  });

  it('credits back recovery income instead when that is where recoveries go', () => {
    const t = testApp({ config: { ledger: { recoveriesTo: 'recovery_income' } } });
    const [a] = insertLoans(t.db, [aBadLoan()]) as [string];
    writeOff(t.deps, { writeOffDate: '2026-06-10' });
    collect(t.deps, [{ loanId: a, date: '2026-06-15', amountFen: 30_000 }]);
    sell(t.deps, 'T-7', '2026-06-20', [{ loanId: a, priceFen: 40_000 }]);
    claimInterim(t.deps, 'T-7', '2026-06-12', [a], '2026-06-20');
    expect(accountBalance(t.deps, accounts.recoveryIncome)).toBe(0);
  });

  it('records the cut-off even with nothing to claim, and claims once per sale', () => {
    const { deps, b } = writtenOffBook();
    sell(deps, 'T-7', '2026-06-20', [{ loanId: b, priceFen: 45_000 }]);
    expect(claimInterim(deps, 'T-7', '2026-06-12', [b], '2026-06-20')).toEqual({
      entryId: null,
      payables: 0,
      amountFen: 0,
      cutOffDate: '2026-06-12',
    });
    expect(() => claimInterim(deps, 'T-7', '2026-06-12', [b], '2026-06-20')).toThrow(
      'the interim collections of sale T-7 are already claimed',
    );
  });

  it('refuses a cut-off after the sale, a settlement before it, another buyer, and a loan not in the sale', () => {
    const { deps, db, a, b } = writtenOffBook();
    sell(deps, 'T-7', '2026-06-20', [{ loanId: a, priceFen: 40_000 }]);
    expect(() => claimInterim(deps, 'T-7', '2026-06-21', [a], '2026-06-21')).toThrow(
      'cutOffDate must not be after the sale (2026-06-20)',
    );
    expect(() => claimInterim(deps, 'T-7', '2026-06-12', [a], '2026-06-19')).toThrow(
      'date must not be before the sale (2026-06-20)',
    );
    expect(() => claimInterim(deps, 'T-7', '2026-06-12', [a, b], '2026-06-20')).toThrow(
      '1 loan(s) are not in sale T-7',
    );
    const other = anotherBuyer(db);
    const claimFor = (buyerOrganisationId: number) =>
      inTx(deps, (tx) =>
        claimInterimCollections(
          { tx, deps, actor: actorOf(db, 'finance') },
          {
            saleReference: 'T-7',
            buyerOrganisationId,
            cutOffDate: '2026-06-12',
            loanIds: [a],
            date: '2026-06-20',
          },
        ),
      );
    expect(() => claimFor(other)).toThrow(`sale T-7 was not made to buyer organisation ${other}`);
  });

  it('leaves the sale, the claim entry and the handed-over recovery irreversible, even once the loan is put back', () => {
    const { deps, db, a, b, sale, handedOver, reverse } = settled();
    const { entryId } = claimInterim(deps, 'T-7', '2026-06-12', [a, b], '2026-06-20');
    expect(() => reverse(sale.entryId)).toThrow(
      'collections are booked as owed to the buyer of this sale',
    );
    expect(() => reverse(entryId as number)).toThrow(/is a buyer_collection entry/);
    expect(putBack(deps, 'T-7', a, '2026-07-01').claimFen).toBe(865_000 - 10_000 - 30_000);
    expect(() => reverse(handedOver)).toThrow(/have moved on/);
    expect(ledgerHealth(db)).toEqual(healthy);
  });
});

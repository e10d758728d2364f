import { describe, expect, it } from 'vitest';
import { accounts } from '../../src/ledger/accounts';
import { forwardingStatement } from '../../src/transfer/sale/forwarding-statement';
import { entryLines } from '../../src/ledger/journal-repository';
import { reverseEntry } from '../../src/ledger/reversal';
import { reversalEffects } from '../../src/reversal-effects';
import { bookSale } from '../../src/transfer/sale/sale-booking';
import { testApp } from '../helpers/test-app';
import { aBadLoan, insertLoans } from '../helpers/loans';
import { actorOf, anotherBuyer } from './fixtures';
import { healthy, ledgerHealth } from './invariants';
import { accountBalance, buyerId, collect, forward, inTx, sell, writeOff } from './scenario';
import { asFen } from '../../src/shared';

/**
 * Three loans written off; `a` and `b` sold to the demo AMC (sale T-7), `c` to a second buyer
 * (T-8), all on 2026-06-19; collections after the sale: a 100.00 (06-22) and 50.00 (06-29),
 * b 30.00 (06-23), c 70.00 (06-24).
 */
function owedBook() {
  const t = testApp();
  const [a, b, c] = insertLoans(t.db, [aBadLoan(), aBadLoan(), aBadLoan()]) as [
    string,
    string,
    string,
  ];
  writeOff(t.deps, { writeOffDate: '2026-06-10' });
  const amc = buyerId(t.deps);
  const other = anotherBuyer(t.db);
  sell(t.deps, 'T-7', '2026-06-19', [
    { loanId: a, priceFen: 40_000 },
    { loanId: b, priceFen: 45_000 },
  ]);
  inTx(t.deps, (tx) =>
    bookSale(
      { tx, deps: t.deps, actor: actorOf(t.db, 'finance') },
      {
        reference: 'T-8',
        buyerOrganisationId: other,
        date: '2026-06-19',
        priceFen: asFen(1_000),
        loans: [{ loanId: c, priceFen: asFen(1_000) }],
      },
    ),
  );
  collect(t.deps, [
    { loanId: a, date: '2026-06-22', amountFen: 10_000 },
    { loanId: b, date: '2026-06-23', amountFen: 3_000 },
    { loanId: c, date: '2026-06-24', amountFen: 7_000 },
    { loanId: a, date: '2026-06-29', amountFen: 5_000 },
  ]);
  const statement = (
    buyerOrganisationId: number,
    asOf: string,
    filter: { saleReference?: string; loanIds?: string[] } = {},
  ) => forwardingStatement(t.db, { buyerOrganisationId, asOf, ...filter });
  /** Σ outstanding over both buyers, and the payable account's credit balance, as of a date. */
  const tieOut = (asOf: string) => ({
    outstandingFen:
      statement(amc, asOf).totals.outstandingFen + statement(other, asOf).totals.outstandingFen,
    payableFen: -accountBalance(t.deps, accounts.buyerCollectionsPayable, asOf),
  });
  return { ...t, a, b, c, amc, other, statement, tieOut };
}

describe('the forwarding statement and forwarding', () => {
  it('ties out: Σ outstanding over the buyers equals the payable account, before and after forwarding, at any date', () => {
    const { deps, db, amc, other, statement, tieOut } = owedBook();
    expect(statement(amc, '2026-06-30').totals).toEqual({
      items: 3,
      owedFen: 18_000,
      forwardedFen: 0,
      outstandingFen: 18_000,
      overdueFen: 0,
    });
    expect(tieOut('2026-06-30')).toEqual({ outstandingFen: 25_000, payableFen: 25_000 });
    const forwarding = forward(deps, 'BANK-1', '2026-07-01');
    expect(forwarding).toEqual({
      id: expect.any(Number),
      reference: 'BANK-1',
      buyerOrganisationId: amc,
      forwardedDate: '2026-07-01',
      amountFen: 18_000,
      entryId: expect.any(Number),
      payableIds: expect.any(Array),
    });
    expect(
      entryLines(db, forwarding.entryId)
        .filter((line) => line.accountCode === accounts.buyerCollectionsPayable)
        .map((line) => line.debitFen),
    ).toEqual([10_000, 3_000, 5_000]);
    expect(statement(amc, '2026-07-01').totals).toEqual({
      items: 3,
      owedFen: 18_000,
      forwardedFen: 18_000,
      outstandingFen: 0,
      overdueFen: 0,
    });
    expect(statement(amc, '2026-06-30').totals.forwardedFen).toBe(0);
    for (const asOf of ['2026-06-22', '2026-06-30', '2026-07-01', '2026-12-31'])
      expect(tieOut(asOf).outstandingFen, asOf).toBe(tieOut(asOf).payableFen);
    expect(tieOut('2026-07-01')).toEqual({ outstandingFen: 7_000, payableFen: 7_000 });
    expect(
      statement(other, '2026-07-01').items.map((item) => [item.amountFen, item.forwardedOn]),
    ).toEqual([[7_000, null]]);
    expect(ledgerHealth(db)).toEqual(healthy);
  });

  it('lists a sale or some loans only, by due date, each forwarded item with its date and reference', () => {
    const { deps, a, b, amc, statement } = owedBook();
    const [first] = statement(amc, '2026-06-30').items;
    forward(deps, 'BANK-1', '2026-07-01', { payableIds: [first?.payableId as number] });
    const items = statement(amc, '2026-07-31', { saleReference: 'T-7', loanIds: [a] }).items;
    expect(
      items.map((item) => [
        item.loanId,
        item.receivedDate,
        item.dueDate,
        item.forwardedOn,
        item.forwardingReference,
        item.overdue,
      ]),
    ).toEqual([
      [a, '2026-06-22', '2026-07-06', '2026-07-01', 'BANK-1', false],
      [a, '2026-06-29', '2026-07-13', null, null, true],
    ]);
    expect(statement(amc, '2026-07-31', { loanIds: [b] }).totals).toMatchObject({
      items: 1,
      outstandingFen: 3_000,
      overdueFen: 3_000,
    });
    expect(statement(amc, '2026-07-31', { saleReference: 'T-8' }).items).toEqual([]);
  });

  it('flags an outstanding item as overdue only after its due date', () => {
    const { a, amc, statement } = owedBook();
    const overdue = (asOf: string) =>
      statement(amc, asOf, { loanIds: [a] })
        .items.filter((item) => item.overdue)
        .map((item) => item.receivedDate);
    expect(overdue('2026-07-06')).toEqual([]);
    expect(overdue('2026-07-07')).toEqual(['2026-06-22']);
    expect(overdue('2026-07-14')).toEqual(['2026-06-22', '2026-06-29']);
  });

  it('forwards only payables of the buyer booked by the date and not yet forwarded, and nothing when nothing is outstanding', () => {
    const { deps, amc, other, statement } = owedBook();
    const [a1, b1, a2] = statement(amc, '2026-06-30').items.map((item) => item.payableId) as [
      number,
      number,
      number,
    ];
    const [c1] = statement(other, '2026-06-30').items.map((item) => item.payableId) as [number];
    expect(() => forward(deps, 'X', '2026-07-01', { payableIds: [c1] })).toThrow(
      /1 payable\(s\) cannot be forwarded/,
    );
    expect(() => forward(deps, 'X', '2026-07-01', { payableIds: [9_999] })).toThrow(
      /cannot be forwarded/,
    );
    expect(() => forward(deps, 'X', '2026-06-25', { payableIds: [a2] })).toThrow(
      /cannot be forwarded/,
    );
    expect(() => forward(deps, 'X', '2026-07-01', { payableIds: [a1, a1] })).toThrow(
      'a payable is listed twice',
    );
    expect(forward(deps, 'BANK-1', '2026-06-25').payableIds).toEqual([a1, b1]);
    expect(() => forward(deps, 'BANK-2', '2026-07-01', { payableIds: [b1] })).toThrow(
      '1 payable(s) are already forwarded',
    );
    expect(forward(deps, 'BANK-2', '2026-07-01').payableIds).toEqual([a2]);
    expect(() => forward(deps, 'BANK-3', '2026-07-02')).toThrow(
      `nothing is outstanding to forward to buyer organisation ${amc} on 2026-07-02`,
    );
  });

  it('is idempotent per reference: the same forwarding asked again is replayed, other terms under it are refused', () => {
    const { deps, db, other } = owedBook();
    const first = forward(deps, 'BANK-1', '2026-07-01');
    const cashAfter = accountBalance(deps, accounts.cashAtBank);
    expect(forward(deps, 'BANK-1', '2026-07-01')).toEqual({ ...first, replayed: true });
    expect(
      forward(deps, 'BANK-1', '2026-07-01', { payableIds: [...first.payableIds].reverse() }),
    ).toMatchObject({ replayed: true });
    expect(accountBalance(deps, accounts.cashAtBank)).toBe(cashAfter);
    expect(() => forward(deps, 'BANK-1', '2026-07-02')).toThrow(/was made before with other terms/);
    expect(() => forward(deps, 'BANK-1', '2026-07-01', { buyerOrganisationId: other })).toThrow(
      /other terms/,
    );
    expect(() =>
      forward(deps, 'BANK-1', '2026-07-01', { payableIds: first.payableIds.slice(1) }),
    ).toThrow(/other terms/);
    expect(() =>
      inTx(deps, (tx) =>
        reverseEntry(
          { tx, deps, actor: actorOf(db, 'finance') },
          {
            entryId: first.entryId,
            date: '2026-07-02',
            reason: 'x',
          },
          reversalEffects,
        ),
      ),
    ).toThrow(/is a forwarding entry/);
  });
});

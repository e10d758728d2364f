import { describe, expect, it } from 'vitest';
import {
  biddingClosed,
  dealOnDemoBook,
  importPayments,
  settled,
  soldLoans,
  type Deal,
  type Json,
} from './deal';

const balanceOf = (deal: Deal, account: string) =>
  (
    deal.t.db.$client
      .prepare(
        'select coalesce(sum(credit_fen) - sum(debit_fen), 0) as fen from journal_lines where account_code = ?',
      )
      .get(account) as { fen: number }
  ).fen;
const trialBalanceIsZero = (deal: Deal) =>
  (
    deal.t.db.$client
      .prepare('select sum(debit_fen) - sum(credit_fen) as diff from journal_lines')
      .get() as { diff: number }
  ).diff === 0;

describe('after the sale', () => {
  it('owes the buyer what is collected after the cut-off, before and after settlement, and forwards it; totals tie out to account 2242', async () => {
    const deal = await dealOnDemoBook(300);
    const { demoBid } = await biddingClosed(deal, { demo: '50000.00' });
    const award = await deal.call('risk', 'POST', `/portfolios/${deal.portfolioId}/award`, {
      bidId: demoBid,
      contractEffectiveDate: '2026-10-15',
      deliveryDate: '2026-10-31',
    });
    const [first, second] = soldLoans(deal, award.id);
    await importPayments(deal, [{ loanId: first!.loanId, date: '2026-10-05', amount: '300.00' }]);
    await deal.call('risk', 'POST', `/sales/${award.id}/sign`, undefined, 200);
    deal.clock.set('2026-10-20T15:00:00.000Z');
    const settlement = await deal.call(
      'finance',
      'POST',
      `/sales/${award.id}/settle`,
      { receivedOn: '2026-10-20' },
      200,
    );
    expect(settlement.interimCollections).toBe('300.00');
    deal.clock.set('2026-11-02T09:00:00.000Z');
    const imported = await importPayments(deal, [
      { loanId: second!.loanId, date: '2026-10-28', amount: '120.50' },
    ]);
    expect(imported.ledger).toMatchObject({
      buyerCollectionPayments: 1,
      owedToBuyers: '120.50',
      recoveryPayments: 0,
    });
    const statement = await deal.call(
      'finance',
      'GET',
      `/sales/${award.id}/forwarding?asOf=2026-11-20`,
    );
    expect(statement.totals).toMatchObject({
      items: 2,
      owed: '420.50',
      forwarded: '0.00',
      outstanding: '420.50',
    });
    expect(statement.items.map((item: Json) => item.dueDate)).toEqual(
      expect.arrayContaining(['2026-11-11']),
    );
    expect(balanceOf(deal, '2242')).toBe(42_050);
    expect(
      await deal.call('buyer', 'GET', `/buyer/sales/${award.id}/forwarding?asOf=2026-11-20`),
    ).toEqual(statement);
    expect(
      (await deal.send(deal.secondAmc.token, 'GET', `/buyer/sales/${award.id}/forwarding`)).status,
    ).toBe(404);
    const forwarded = await deal.call('finance', 'POST', `/sales/${award.id}/forwardings`, {
      reference: 'BANK-2026-11-20-01',
      date: '2026-11-20',
    });
    expect(forwarded).toMatchObject({ amount: '420.50', replayed: false });
    expect(balanceOf(deal, '2242')).toBe(0);
    const after = await deal.call(
      'finance',
      'GET',
      `/sales/${award.id}/forwarding?asOf=2026-11-20`,
    );
    expect(after.totals).toMatchObject({
      owed: '420.50',
      forwarded: '420.50',
      outstanding: '0.00',
    });
    expect(
      (
        await deal.send('finance', 'POST', `/sales/${award.id}/forwardings`, {
          reference: 'BANK-2',
          date: '2026-11-21',
        })
      ).status,
    ).toBe(409);
    expect(trialBalanceIsZero(deal)).toBe(true);
  });

  it('takes a put-back within the window: the loan’s price refunded, its sale reversed in the ledger, the loan back on the book', async () => {
    const deal = await dealOnDemoBook(300);
    const { demoBid } = await biddingClosed(deal, { demo: '80000.00' });
    const { sale } = await settled(deal, demoBid);
    const [returned] = soldLoans(deal, sale.id);
    const cashBefore = balanceOf(deal, '1002');
    const asked = await deal.call('buyer', 'POST', `/buyer/sales/${sale.id}/put-backs`, {
      loanId: returned!.loanId,
      reason: 'deceased',
      detail: 'death certificate dated 2026-09-12',
    });
    expect(asked.status).toBe('requested');
    expect(
      (
        await deal.send('buyer', 'POST', `/buyer/sales/${sale.id}/put-backs`, {
          loanId: returned!.loanId,
          reason: 'deceased',
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await deal.send('buyer', 'POST', `/buyer/sales/${sale.id}/put-backs`, {
          loanId: 'NOT-SOLD',
          reason: 'paid',
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await deal.send(deal.secondAmc.token, 'POST', `/buyer/sales/${sale.id}/put-backs`, {
          loanId: returned!.loanId,
          reason: 'paid',
        })
      ).status,
    ).toBe(404);
    const accepted = await deal.call(
      'finance',
      'POST',
      `/sales/${sale.id}/put-backs/${asked.id}/decision`,
      { decision: 'accept', note: 'certificate checked' },
      200,
    );
    expect(accepted).toMatchObject({
      status: 'accepted',
      refund: (returned!.priceFen / 100).toFixed(2),
    });
    expect(balanceOf(deal, '1002')).toBe(cashBefore + returned!.priceFen);
    const entry = deal.t.db.$client
      .prepare(
        'select sum(debit_fen) as debit, sum(credit_fen) as credit from journal_lines where entry_id = ?',
      )
      .get(accepted.entryId) as Json;
    expect(entry.debit).toBe(entry.credit);
    const loan = deal.t.db.$client
      .prepare('select status from loans where loan_id = ?')
      .get(returned!.loanId) as Json;
    expect(loan.status).toBe('charged_off');
    const member = deal.t.db.$client
      .prepare('select active from portfolio_loans where loan_id = ?')
      .get(returned!.loanId) as Json;
    expect(member.active).toBe(0);
    expect(
      (
        await deal.call(
          'finance',
          'POST',
          `/sales/${sale.id}/put-backs/${asked.id}/decision`,
          { decision: 'reject' },
          200,
        )
      ).status,
    ).toBe('accepted');
    expect(trialBalanceIsZero(deal)).toBe(true);
    deal.clock.set('2027-02-18T09:00:00.000Z');
    const late = await deal.send('buyer', 'POST', `/buyer/sales/${sale.id}/put-backs`, {
      loanId: soldLoans(deal, sale.id)[1]!.loanId,
      reason: 'fraud',
    });
    expect(late.status).toBe(409);
    expect(((await late.json()) as Json).putBackDeadline).toBe('2027-02-17');
  });
});

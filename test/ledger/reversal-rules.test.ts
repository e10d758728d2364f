import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/test-app';
import { aBadLoan, insertLoans } from '../helpers/loans';
import { biddingClosed, dealOnDemoBook } from '../transfer/deal';
import { writeOff } from './scenario';

type T = ReturnType<typeof testApp>;

const reverse = (t: T, entryId: number, date: string) =>
  t.app.request(`/ledger/entries/${entryId}/reverse`, {
    method: 'POST',
    headers: t.as('finance', { 'Content-Type': 'application/json' }),
    body: JSON.stringify({ date, reason: 'posted in error' }),
  });

describe('the date of a reversal', () => {
  it('is no later than today: 9999-12-31 is refused with 422 naming the field', async () => {
    const t = testApp(); // the clock stands on 2026-06-30
    insertLoans(t.db, [aBadLoan()]);
    const { entryId } = writeOff(t.deps, { writeOffDate: '2026-06-10' });
    for (const date of ['9999-12-31', '2026-07-01']) {
      const response = await reverse(t, entryId as number, date);
      expect(response.status).toBe(422);
      const problem = (await response.json()) as { errors: { field: string; message: string }[] };
      expect(problem.errors).toEqual([
        expect.objectContaining({ field: 'json.date', message: expect.stringContaining('today') }),
      ]);
    }
    expect((await reverse(t, entryId as number, '2026-06-09')).status).toBe(422);
    expect((await reverse(t, entryId as number, '2026-06-30')).status).toBe(201);
  });
});

describe('opening balances', () => {
  it('are corrected by an upsert tape, not reversed: 409', async () => {
    const deal = await dealOnDemoBook(30);
    const opening = deal.t.db.$client
      .prepare("select id from journal_entries where kind = 'opening_balance'")
      .get() as { id: number };
    const response = await reverse(deal.t, opening.id, '2026-10-01');
    expect(response.status).toBe(409);
    expect(((await response.json()) as { detail: string }).detail).toContain('mode=upsert');
  });
});

describe('loans in an awarded or signed sale', () => {
  it('keep their opening register and write-offs: a reversal touching them is a 409 naming the loans', async () => {
    const deal = await dealOnDemoBook(120);
    const { demoBid } = await biddingClosed(deal, { demo: '20000.00' });
    const sale = await deal.call('risk', 'POST', `/portfolios/${deal.portfolioId}/award`, {
      bidId: demoBid,
      contractEffectiveDate: '2026-10-15',
      deliveryDate: '2026-10-31',
    });
    const opening = deal.t.db.$client
      .prepare("select id from journal_entries where kind = 'write_off_opening'")
      .get() as { id: number };
    const refused = async () => {
      const response = await reverse(deal.t, opening.id, '2026-10-12');
      expect(response.status).toBe(409);
      const problem = (await response.json()) as { errors: { value: string; message: string }[] };
      expect(problem.errors.length).toBe(sale.loanCount);
      expect(problem.errors[0]?.message).toContain(`sale ${sale.id}`);
    };
    await refused();
    await deal.call('risk', 'POST', `/sales/${sale.id}/sign`, undefined, 200);
    await refused();
    deal.clock.set('2026-10-20T15:00:00.000Z');
    await deal.call(
      'finance',
      'POST',
      `/sales/${sale.id}/settle`,
      { receivedOn: '2026-10-20' },
      200,
    );
  });
});

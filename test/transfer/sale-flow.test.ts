import { describe, expect, it } from 'vitest';
import { biddingClosed, dealOnDemoBook, DEADLINE, settled, type Json } from './deal';

describe('offering a portfolio', () => {
  it('offers only approved buyers with an NDA, of a type the rule pack allows (cn-personal-npl: AMCs)', async () => {
    const { call, send, portfolioId, agency, demoBuyer } = await dealOnDemoBook(200);
    const refused = await send('risk', 'POST', `/portfolios/${portfolioId}/offers`, {
      buyerOrganisationIds: [agency.id, 999],
    });
    expect(refused.status).toBe(422);
    const { errors } = (await refused.json()) as Json;
    expect(errors.map((e: any) => e.field)).toEqual([
      'json.buyerOrganisationIds.0',
      'json.buyerOrganisationIds.1',
    ]);
    expect(errors[0].message).toContain('sells only to amc');
    await call('admin', 'PATCH', `/buyer-organisations/${demoBuyer}`, { status: 'suspended' }, 200);
    expect(
      (
        await send('risk', 'POST', `/portfolios/${portfolioId}/offers`, {
          buyerOrganisationIds: [demoBuyer],
        })
      ).status,
    ).toBe(422);
    expect((await call('risk', 'GET', `/portfolios/${portfolioId}`)).status).toBe('locked');
  });

  it('shows a buyer only the portfolios offered to it: anything else is 404', async () => {
    const { call, send, portfolioId, demoBuyer, secondAmc } = await dealOnDemoBook(200);
    expect((await send('buyer', 'GET', `/buyer/portfolios/${portfolioId}`)).status).toBe(404);
    await call('risk', 'POST', `/portfolios/${portfolioId}/offers`, {
      buyerOrganisationIds: [demoBuyer],
    });
    expect((await call('risk', 'GET', `/portfolios/${portfolioId}`)).status).toBe('offered');
    expect((await call('buyer', 'GET', '/buyer/portfolios')).map((p: any) => p.id)).toEqual([
      portfolioId,
    ]);
    expect((await call('buyer', 'GET', `/buyer/portfolios/${portfolioId}`)).id).toBe(portfolioId);
    expect(await call(secondAmc.token, 'GET', '/buyer/portfolios')).toEqual([]);
    expect((await send(secondAmc.token, 'GET', `/buyer/portfolios/${portfolioId}`)).status).toBe(
      404,
    );
    expect(
      (
        await send(secondAmc.token, 'POST', `/buyer/portfolios/${portfolioId}/bids`, {
          price: '10.00',
          validUntil: '2026-12-31',
        })
      ).status,
    ).toBe(404);
    expect((await send('buyer', 'GET', `/portfolios/${portfolioId}`)).status).toBe(403);
  });
});

describe('sealed bids', () => {
  it('lets each buyer see its own bids only, never the reserve; the seller sees all; a later bid supersedes', async () => {
    const deal = await dealOnDemoBook(200);
    const { call, send, portfolioId, demoBuyer, secondAmc, clock } = deal;
    await call('risk', 'POST', `/portfolios/${portfolioId}/offers`, {
      buyerOrganisationIds: [demoBuyer, secondAmc.id],
    });
    await call('risk', 'POST', `/portfolios/${portfolioId}/bid-rounds`, {
      name: 'Round 1',
      deadline: DEADLINE,
      reservePrice: '5000.00',
    });
    expect(
      (
        await send('risk', 'POST', `/portfolios/${portfolioId}/bid-rounds`, {
          name: 'Again',
          deadline: DEADLINE,
        })
      ).status,
    ).toBe(409);
    await call('buyer', 'POST', `/buyer/portfolios/${portfolioId}/bids`, {
      price: '6000.00',
      validUntil: '2026-12-31',
    });
    const mine = await call('buyer', 'POST', `/buyer/portfolios/${portfolioId}/bids`, {
      price: '7000.50',
      validUntil: '2026-12-31',
      conditions: 'subject to put-back of deceased accounts',
    });
    await call(secondAmc.token, 'POST', `/buyer/portfolios/${portfolioId}/bids`, {
      price: '6500.00',
      validUntil: '2026-12-31',
    });
    expect(mine.bids.map((b: any) => [b.price, b.standing])).toEqual([
      ['6000.00', false],
      ['7000.50', true],
    ]);
    expect(mine).not.toHaveProperty('reservePrice');
    const buyerView = await call('buyer', 'GET', `/buyer/portfolios/${portfolioId}/bid-rounds`);
    expect(JSON.stringify(buyerView)).not.toContain('6500.00');
    expect(JSON.stringify(buyerView)).not.toContain('5000.00');
    const [sellerRound] = (await call(
      'risk',
      'GET',
      `/portfolios/${portfolioId}/bid-rounds`,
    )) as unknown as Json[];
    expect(sellerRound?.reservePrice).toBe('5000.00');
    expect(sellerRound?.bids).toHaveLength(3);
    clock.set(DEADLINE);
    const late = await send('buyer', 'POST', `/buyer/portfolios/${portfolioId}/bids`, {
      price: '9000.00',
      validUntil: '2026-12-31',
    });
    expect(late.status).toBe(409);
    expect(((await late.json()) as Json).detail).toContain('after the deadline');
  });
});

describe('award and settlement', () => {
  it('awards after the deadline only, to a qualified bid, and records one qualified bidder as negotiated', async () => {
    const deal = await dealOnDemoBook(200);
    const { call, send, portfolioId, clock } = deal;
    const early = await biddingClosed(deal, { demo: '800.00', second: '1500.00' }, '1000.00');
    clock.set('2026-10-10T09:59:59.000Z');
    expect(
      (
        await send('risk', 'POST', `/portfolios/${portfolioId}/award`, {
          bidId: early.secondBid,
          contractEffectiveDate: '2026-10-15',
          deliveryDate: '2026-10-31',
        })
      ).status,
    ).toBe(409);
    clock.set('2026-10-12T09:00:00.000Z');
    const belowReserve = await send('risk', 'POST', `/portfolios/${portfolioId}/award`, {
      bidId: early.demoBid,
      contractEffectiveDate: '2026-10-15',
      deliveryDate: '2026-10-31',
    });
    expect(belowReserve.status).toBe(409);
    const badDates = await send('risk', 'POST', `/portfolios/${portfolioId}/award`, {
      bidId: early.secondBid,
      contractEffectiveDate: '2026-10-15',
      deliveryDate: '2026-10-14',
    });
    expect(badDates.status).toBe(422);
    const sale = await call('risk', 'POST', `/portfolios/${portfolioId}/award`, {
      bidId: early.secondBid,
      contractEffectiveDate: '2026-10-15',
      deliveryDate: '2026-10-31',
    });
    expect(sale).toMatchObject({
      awardKind: 'negotiated',
      price: '1500.00',
      status: 'awarded',
      cutOffDate: '2026-09-30',
      putBackWindowDays: 120,
    });
    expect((await call('risk', 'GET', `/portfolios/${portfolioId}`)).status).toBe('awarded');
  });

  it('allocates the price to the loans by claim, summing to the price; settles once through the ledger', async () => {
    const deal = await dealOnDemoBook(300);
    const { call, t, portfolioId } = deal;
    const { demoBid } = await biddingClosed(deal, { demo: '123456.78', second: '100000.00' });
    const { sale, settlement } = await settled(deal, demoBid);
    expect(sale.awardKind).toBe('competitive');
    const allocation = t.db.$client
      .prepare(
        'select count(*) as loans, sum(price_fen) as price, sum(claim_fen) as claim, min(price_fen) as least from sale_allocations where sale_id = ?',
      )
      .get(sale.id) as any;
    expect(allocation).toMatchObject({ loans: sale.loanCount, price: 12_345_678 });
    expect(allocation.claim).toBe(Math.round(Number(sale.claim) * 100));
    expect(settlement).toMatchObject({
      booked: true,
      sale: { status: 'settled', receivedOn: '2026-10-20', putBackDeadline: '2027-02-17' },
    });
    const entry = t.db.$client
      .prepare(
        'select sum(debit_fen) as debit, sum(credit_fen) as credit from journal_lines where entry_id = ?',
      )
      .get(settlement.sale.entryId) as any;
    expect(entry.debit).toBe(entry.credit);
    const cash = t.db.$client
      .prepare(
        "select sum(debit_fen) as fen from journal_lines where entry_id = ? and account_code = '1002'",
      )
      .get(settlement.sale.entryId) as any;
    // The bring-down took out the loans it excluded, with their allocated prices.
    const removedFen = (
      t.db.$client
        .prepare(
          "select coalesce(sum(price_fen), 0) as fen from sale_exits where sale_id = ? and kind = 'bring_down'",
        )
        .get(sale.id) as any
    ).fen;
    expect(settlement.removed.priceAfter).toBe(((12_345_678 - removedFen) / 100).toFixed(2));
    expect(cash.fen).toBe(12_345_678 - removedFen);
    const sold = t.db.$client
      .prepare(
        "select count(*) as n from loans l join sale_allocations a on a.loan_id = l.loan_id where a.sale_id = ? and l.status = 'sold'",
      )
      .get(sale.id) as any;
    expect(sold.n).toBe(settlement.sale.settledLoanCount);
    expect((await call('risk', 'GET', `/portfolios/${portfolioId}`)).status).toBe('sold');
    const again = await call(
      'finance',
      'POST',
      `/sales/${sale.id}/settle`,
      { receivedOn: '2026-10-21' },
      200,
    );
    expect(again).toMatchObject({
      booked: false,
      sale: { entryId: settlement.sale.entryId, receivedOn: '2026-10-20' },
    });
    const saleEntries = t.db.$client
      .prepare("select count(*) as n from journal_entries where kind = 'sale'")
      .get() as any;
    expect(saleEntries.n).toBe(1);
    expect(await call('buyer', 'GET', '/buyer/sales')).toHaveLength(1);
    expect(await call(deal.secondAmc.token, 'GET', '/buyer/sales')).toEqual([]);
  });

  it('refuses to settle a sale that is not signed, and to change a sale’s terms in the database', async () => {
    const deal = await dealOnDemoBook(200);
    const { call, send, t, portfolioId } = deal;
    const { demoBid } = await biddingClosed(deal, { demo: '2000.00' });
    const sale = await call('risk', 'POST', `/portfolios/${portfolioId}/award`, {
      bidId: demoBid,
      contractEffectiveDate: '2026-10-15',
      deliveryDate: '2026-10-31',
    });
    expect(
      (await send('finance', 'POST', `/sales/${sale.id}/settle`, { receivedOn: '2026-10-20' }))
        .status,
    ).toBe(409);
    expect(() =>
      t.db.$client.prepare('update sales set price_fen = 1 where id = ?').run(sale.id),
    ).toThrow(/fixed at the award/);
    expect(() =>
      t.db.$client
        .prepare('update sale_allocations set price_fen = 0 where sale_id = ?')
        .run(sale.id),
    ).toThrow(/fixed at the award/);
  });
});

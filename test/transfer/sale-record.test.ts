import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { biddingClosed, dealOnDemoBook, importEvents, settled, type Deal, type Json } from './deal';

// Issue #12 item 8 and #13 item 2: no sale can be stuck, and a sale's record is final and true.

const onOffer = (deal: Deal) =>
  deal.t.db.$client
    .prepare(
      `select loan_id as loanId, (select sum(amount_fen) from off_balance_register r where r.loan_id = pl.loan_id) as onFileFen
         from portfolio_loans pl where portfolio_id = ? and verdict is not 'excluded' order by loan_id`,
    )
    .all(deal.portfolioId) as { loanId: string; onFileFen: number }[];
const yuan = (fen: number) => (fen / 100).toFixed(2);
const fenOf = (amount: string) => Math.round(Number(amount) * 100);

async function packageManifest(deal: Deal, saleId: number) {
  const response = await deal.send('finance', 'GET', `/sales/${saleId}/package`);
  expect(response.status).toBe(200);
  const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
  const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Json;
  const notices = (
    await Promise.all(
      (manifest.files as Json[])
        .filter((file) => file.path.startsWith('notices/'))
        .map((file) => zip.file(file.path)!.async('string')),
    )
  ).join('');
  return { manifest, notices };
}

/** Every XML part of the data-room workbook inside a sale's package, as one text. */
async function packageDataRoomText(deal: Deal, saleId: number): Promise<string> {
  const response = await deal.send('finance', 'GET', `/sales/${saleId}/package`);
  const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
  const workbookPath = Object.keys(zip.files).find((path) => path.endsWith('.xlsx'))!;
  const workbook = await JSZip.loadAsync(await zip.file(workbookPath)!.async('uint8array'));
  const parts = Object.keys(workbook.files).filter((path) => path.endsWith('.xml'));
  return (await Promise.all(parts.map((path) => workbook.file(path)!.async('string')))).join('');
}

describe('no sale can be stuck', () => {
  it('never offers a loan whose claim on file a payment on the cut-off date used up, and settles without it', async () => {
    const deal = await dealOnDemoBook(300);
    const [used] = onOffer(deal);
    await importEvents(deal, [
      `${used!.loanId},2026-09-30,payment,${yuan(used!.onFileFen)},in_house,`,
    ]);
    const { demoBid } = await biddingClosed(deal, { demo: '30000.00' });
    const sale = await deal.call('risk', 'POST', `/portfolios/${deal.portfolioId}/award`, {
      bidId: demoBid,
      contractEffectiveDate: '2026-10-15',
      deliveryDate: '2026-10-31',
    });
    await deal.call('risk', 'POST', `/sales/${sale.id}/sign`, undefined, 200);
    const settlement = await deal.call(
      'finance',
      'POST',
      `/sales/${sale.id}/settle`,
      { receivedOn: '2026-09-30' },
      200,
    );
    expect(settlement.removed.loans).toEqual([
      expect.objectContaining({ loanId: used!.loanId, rules: ['no_claim_left'] }),
    ]);
    const fresh = await deal.call('risk', 'POST', '/portfolios', {
      name: 'after the payment',
      cutOffDate: '2026-09-30',
      criteria: { includeLoanIds: [used!.loanId] },
    });
    const member = deal.t.db.$client
      .prepare(
        'select verdict, fired_rules as firedRules from portfolio_loans where portfolio_id = ? and loan_id = ?',
      )
      .get(fresh.id, used!.loanId) as Json;
    expect(member.verdict).toBe('excluded');
    expect(JSON.parse(member.firedRules)).toContain('no_claim_left');
  });

  it('lets the seller cancel an award or an unsettled sale: audited, bids kept, the portfolio offered again and awarded anew', async () => {
    const deal = await dealOnDemoBook(200);
    const { demoBid, secondBid } = await biddingClosed(deal, {
      demo: '5000.00',
      second: '4000.00',
    });
    const first = await deal.call('risk', 'POST', `/portfolios/${deal.portfolioId}/award`, {
      bidId: demoBid,
      contractEffectiveDate: '2026-10-15',
      deliveryDate: '2026-10-31',
    });
    await deal.call('risk', 'POST', `/sales/${first.id}/sign`, undefined, 200);
    expect(
      (await deal.send('buyer', 'POST', `/sales/${first.id}/cancel`, { reason: 'x' })).status,
    ).toBe(403);
    expect((await deal.send('risk', 'POST', `/sales/${first.id}/cancel`, {})).status).toBe(422);
    const cancelled = await deal.call(
      'risk',
      'POST',
      `/sales/${first.id}/cancel`,
      { reason: 'the buyer did not pay by the long-stop date' },
      200,
    );
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      cancelReason: 'the buyer did not pay by the long-stop date',
    });
    expect((await deal.call('risk', 'GET', `/portfolios/${deal.portfolioId}`)).status).toBe(
      'offered',
    );
    const rounds = await deal.call('risk', 'GET', `/portfolios/${deal.portfolioId}/bid-rounds`);
    expect((rounds as unknown as Json[])[0]!.bids).toHaveLength(2);
    expect(
      (
        await deal.send('finance', 'POST', `/sales/${first.id}/settle`, {
          receivedOn: '2026-10-12',
        })
      ).status,
    ).toBe(409);
    expect((await deal.send('finance', 'GET', `/sales/${first.id}/package`)).status).toBe(409);
    expect((await deal.send('risk', 'POST', `/sales/${first.id}/sign`)).status).toBe(409);
    const audit = deal.t.db.$client
      .prepare("select count(*) as n from audit_events where action = 'transfer.sale.cancelled'")
      .get() as Json;
    expect(audit.n).toBe(1);
    const second = await deal.call('risk', 'POST', `/portfolios/${deal.portfolioId}/award`, {
      bidId: secondBid,
      contractEffectiveDate: '2026-10-15',
      deliveryDate: '2026-10-31',
    });
    expect(second).toMatchObject({ status: 'awarded', price: '4000.00' });
    expect(
      (await deal.send('buyer', 'GET', `/buyer/portfolios/${deal.portfolioId}/data-room?tier=P2`))
        .status,
    ).toBe(403);
    await deal.call('risk', 'POST', `/sales/${second.id}/sign`, undefined, 200);
    deal.clock.set('2026-10-20T15:00:00.000Z');
    await deal.call(
      'finance',
      'POST',
      `/sales/${second.id}/settle`,
      { receivedOn: '2026-10-20' },
      200,
    );
    expect(
      (await deal.send('risk', 'POST', `/sales/${second.id}/cancel`, { reason: 'late' })).status,
    ).toBe(409);
  });

  it.each([
    ['suspended', { status: 'suspended' }, 'suspended'],
    ['without an NDA', { ndaSignedOn: null }, 'no NDA'],
  ])(
    'refuses a buyer %s: no bid, no download, no award (403 naming why)',
    async (_, vetting, why) => {
      const deal = await dealOnDemoBook(200);
      const { demoBid } = await biddingClosed(deal, { demo: '5000.00' });
      await deal.call('admin', 'PATCH', `/buyer-organisations/${deal.demoBuyer}`, vetting, 200);
      deal.clock.set('2026-10-01T09:00:00.000Z');
      const bid = await deal.send('buyer', 'POST', `/buyer/portfolios/${deal.portfolioId}/bids`, {
        price: '6000.00',
        validUntil: '2026-12-31',
      });
      expect(bid.status).toBe(403);
      expect(bid.headers.get('Content-Type')).toContain('application/problem+json');
      expect(((await bid.json()) as Json).detail).toContain(why);
      const room = await deal.send(
        'buyer',
        'GET',
        `/buyer/portfolios/${deal.portfolioId}/data-room`,
      );
      expect(room.status).toBe(403);
      expect(((await room.json()) as Json).detail).toContain(why);
      deal.clock.set('2026-10-12T09:00:00.000Z');
      const award = await deal.send('risk', 'POST', `/portfolios/${deal.portfolioId}/award`, {
        bidId: demoBid,
        contractEffectiveDate: '2026-10-15',
        deliveryDate: '2026-10-31',
      });
      expect(award.status).toBe(403);
      expect(((await award.json()) as Json).detail).toContain(why);
    },
  );
});

describe("a sale's record is final and true", () => {
  it('takes out at settlement the loans the bring-down excluded: the sale, the portfolio summary, the package and its manifest agree to the loan and the fen', async () => {
    const deal = await dealOnDemoBook(300);
    const { demoBid } = await biddingClosed(deal, { demo: '60000.00' });
    const sale = await deal.call('risk', 'POST', `/portfolios/${deal.portfolioId}/award`, {
      bidId: demoBid,
      contractEffectiveDate: '2026-10-15',
      deliveryDate: '2026-10-31',
    });
    const allocation = deal.t.db.$client
      .prepare(
        'select loan_id as loanId, price_fen as priceFen, claim_fen as claimFen from sale_allocations where sale_id = ? order by loan_id',
      )
      .all(sale.id) as { loanId: string; priceFen: number; claimFen: number }[];
    const [dead, bankrupt] = [allocation[3]!, allocation[7]!];
    await importEvents(deal, [
      `${dead.loanId},2026-10-11,status,,,deceased`,
      `${bankrupt.loanId},2026-10-12,status,,,bankrupt`,
    ]);
    await deal.call('risk', 'POST', `/sales/${sale.id}/sign`, undefined, 200);
    deal.clock.set('2026-10-20T15:00:00.000Z');
    const settlement = await deal.call(
      'finance',
      'POST',
      `/sales/${sale.id}/settle`,
      { receivedOn: '2026-10-20' },
      200,
    );
    // Whatever else the bring-down found (a claim turned time-barred since the cut-off, say) left too.
    const removed = settlement.removed.loans as Json[];
    expect(removed).toEqual(
      expect.arrayContaining([
        {
          loanId: dead.loanId,
          rules: ['deceased'],
          claim: yuan(dead.claimFen),
          price: yuan(dead.priceFen),
        },
        {
          loanId: bankrupt.loanId,
          rules: ['bankrupt'],
          claim: yuan(bankrupt.claimFen),
          price: yuan(bankrupt.priceFen),
        },
      ]),
    );
    const byId = new Map(allocation.map((loan) => [loan.loanId, loan]));
    const removedFen = removed.reduce((sum, loan) => sum + byId.get(loan.loanId)!.priceFen, 0);
    const removedClaimFen = removed.reduce((sum, loan) => sum + byId.get(loan.loanId)!.claimFen, 0);
    expect(settlement.removed).toMatchObject({
      priceBefore: '60000.00',
      priceAfter: yuan(6_000_000 - removedFen),
    });
    expect(removed.every((loan) => loan.rules.length > 0)).toBe(true);
    const settledSale = await deal.call('finance', 'GET', `/sales/${sale.id}`);
    expect(settledSale).toMatchObject({
      price: '60000.00',
      loanCount: allocation.length,
      settledPrice: yuan(6_000_000 - removedFen),
      settledLoanCount: allocation.length - removed.length,
      settledClaim: yuan(
        allocation.reduce((sum, loan) => sum + loan.claimFen, 0) - removedClaimFen,
      ),
      netPrice: yuan(6_000_000 - removedFen),
      netLoanCount: allocation.length - removed.length,
    });
    const summary = (await deal.call('risk', 'GET', `/portfolios/${deal.portfolioId}`)).summary;
    expect(summary.loans).toBe(settledSale.netLoanCount);
    expect(summary.claim).toBe(settledSale.netClaim);
    const cash = deal.t.db.$client
      .prepare(
        "select sum(debit_fen) as fen from journal_lines where entry_id = ? and account_code = '1002'",
      )
      .get(settledSale.entryId) as Json;
    expect(cash.fen).toBe(fenOf(settledSale.netPrice));
    const sold = deal.t.db.$client
      .prepare("select loan_id as loanId from loans where status = 'sold' order by loan_id")
      .all() as Json[];
    expect(sold).toHaveLength(settledSale.netLoanCount);
    expect(sold.map((row) => row.loanId)).not.toContain(dead.loanId);
    const { manifest, notices } = await packageManifest(deal, sale.id);
    expect(manifest.counts.loans).toBe(settledSale.netLoanCount);
    expect(manifest.totals).toMatchObject({
      claim: settledSale.netClaim,
      allocatedPrice: settledSale.netPrice,
    });
    expect(Object.values(manifest.ties).every(Boolean)).toBe(true);
    const putBackOfRemoved = await deal.send('buyer', 'POST', `/buyer/sales/${sale.id}/put-backs`, {
      loanId: dead.loanId,
      reason: 'deceased',
    });
    expect(putBackOfRemoved.status).toBe(409);
    expect(((await putBackOfRemoved.json()) as Json).detail).toContain('left the sale');
    expect(notices).not.toContain(dead.loanId);
  });

  it('nets accepted put-backs out of the sale, drops the loan from a later package and its notice, and sets the fact on the loan', async () => {
    const deal = await dealOnDemoBook(300);
    const { demoBid } = await biddingClosed(deal, { demo: '80000.00' });
    const { sale, settlement } = await settled(deal, demoBid);
    const returned = deal.t.db.$client
      .prepare(
        'select loan_id as loanId, price_fen as priceFen, claim_fen as claimFen from sale_allocations where sale_id = ? order by loan_id limit 1 offset 5',
      )
      .get(sale.id) as { loanId: string; priceFen: number; claimFen: number };
    const asked = await deal.call('buyer', 'POST', `/buyer/sales/${sale.id}/put-backs`, {
      loanId: returned.loanId,
      reason: 'deceased',
    });
    await deal.call(
      'finance',
      'POST',
      `/sales/${sale.id}/put-backs/${asked.id}/decision`,
      { decision: 'accept' },
      200,
    );
    const after = await deal.call('finance', 'GET', `/sales/${sale.id}`);
    expect(after).toMatchObject({
      price: '80000.00',
      settledPrice: settlement.sale.settledPrice,
      refunds: yuan(returned.priceFen),
      putBacks: 1,
      netPrice: yuan(fenOf(settlement.sale.settledPrice) - returned.priceFen),
      netLoanCount: settlement.sale.settledLoanCount - 1,
      netClaim: yuan(fenOf(settlement.sale.settledClaim) - returned.claimFen),
    });
    const loan = deal.t.db.$client
      .prepare('select deceased from loans where loan_id = ?')
      .get(returned.loanId) as Json;
    expect(loan.deceased).toBe(1);
    const { manifest, notices } = await packageManifest(deal, sale.id);
    expect(manifest.counts.loans).toBe(after.netLoanCount);
    expect(manifest.totals).toMatchObject({
      claim: after.netClaim,
      allocatedPrice: after.netPrice,
    });
    expect(Object.values(manifest.ties).every(Boolean)).toBe(true);
    expect(notices).not.toContain(returned.loanId);
    // The portfolio and the package's data room agree with the sale net of the put-back.
    const summary = (await deal.call('risk', 'GET', `/portfolios/${deal.portfolioId}`)).summary;
    expect(summary.loans).toBe(after.netLoanCount);
    expect(summary.claim).toBe(after.netClaim);
    expect(await packageDataRoomText(deal, sale.id)).not.toContain(returned.loanId);
  });

  it('refuses to value a sold portfolio (409 saying it is sold); its valuations stay readable', async () => {
    const deal = await dealOnDemoBook(200);
    const curves = await deal.call('risk', 'POST', '/curves', { name: 'book', asOf: '2026-09-30' });
    const terms = {
      curveSetId: curves.id,
      discountRateAnnual: 0.12,
      targetIrrAnnual: 0.25,
      simulations: 20,
      seed: 1,
    };
    await deal.call('risk', 'POST', `/portfolios/${deal.portfolioId}/valuations`, terms);
    const { demoBid } = await biddingClosed(deal, { demo: '5000.00' });
    await settled(deal, demoBid);
    const again = await deal.send(
      'risk',
      'POST',
      `/portfolios/${deal.portfolioId}/valuations`,
      terms,
    );
    expect(again.status).toBe(409);
    expect(again.headers.get('Content-Type')).toContain('application/problem+json');
    expect(((await again.json()) as Json).detail).toContain('sold');
    expect(
      await deal.call('risk', 'GET', `/portfolios/${deal.portfolioId}/valuations`),
    ).toHaveLength(1);
  });
});

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  DEMO_AS_OF,
  biddingClosed,
  dealOnDemoBook,
  importPayments,
  settled,
  soldLoans,
  type Deal,
  type Json,
} from '../transfer/deal';

// A book driven through the whole chain on the API: a tape (opening balances and register), a
// write-off, two sales, collections before and after settlement, a put-back with a refund, a
// forwarding to the buyer. The reconciliation must tie on every line.

async function writeOffSome(deal: Deal, date: string) {
  const loanIds = (
    deal.t.db.$client
      .prepare(
        "select loan_id as loanId from loans where status = 'delinquent' order by days_past_due desc limit 6",
      )
      .all() as { loanId: string }[]
  ).map((row) => row.loanId);
  const batch = await deal.call('finance', 'POST', '/write-offs', {
    writeOffDate: date,
    loanIds,
    reason: 'uncollectable after collection efforts (坏账认定)',
  });
  await deal.call('checker', 'POST', `/write-offs/${batch.batch.id}/approve`, {}, 200);
  await deal.call('finance', 'POST', `/write-offs/${batch.batch.id}/post`, {}, 200);
  return loanIds;
}

/** Sells a second portfolio (the loans written off on `date`) to the demo AMC, settled on 2026-11-26. */
async function secondSale(deal: Deal, date: string) {
  const { call, clock, demoBuyer } = deal;
  const portfolio = await call('risk', 'POST', '/portfolios', {
    name: 'Fresh charge-offs',
    cutOffDate: date,
    criteria: { chargeOffDateFrom: date },
  });
  await call('risk', 'POST', `/portfolios/${portfolio.id}/transitions`, { to: 'locked' }, 200);
  await call('risk', 'POST', `/portfolios/${portfolio.id}/offers`, {
    buyerOrganisationIds: [demoBuyer],
  });
  await call('risk', 'POST', `/portfolios/${portfolio.id}/bid-rounds`, {
    name: 'Round 1',
    deadline: '2026-11-25T10:00:00.000Z',
    reservePrice: '100.00',
  });
  const round = await call('buyer', 'POST', `/buyer/portfolios/${portfolio.id}/bids`, {
    price: '3000.00',
    validUntil: '2026-12-31',
  });
  clock.set('2026-11-26T09:00:00.000Z');
  const sale = await call('risk', 'POST', `/portfolios/${portfolio.id}/award`, {
    bidId: round.bids.at(-1).id,
    contractEffectiveDate: '2026-11-26',
    deliveryDate: '2026-11-30',
  });
  await call('risk', 'POST', `/sales/${sale.id}/sign`, undefined, 200);
  await call('finance', 'POST', `/sales/${sale.id}/settle`, { receivedOn: '2026-11-26' }, 200);
  return sale;
}

describe('the reconciliation report', () => {
  it('ties every line after write-offs, two sales, a put-back and a forwarding', async () => {
    const deal = await dealOnDemoBook(300);
    const writtenOff = await writeOffSome(deal, '2026-10-01');
    const { demoBid } = await biddingClosed(deal, { demo: '50000.00' });
    // Settled on 2026-10-20 (the clock moves there), with a payment before settlement claimed for the buyer.
    const { sale } = await settled(deal, demoBid);
    const [paid, returned, second] = soldLoans(deal, sale.id);
    deal.clock.set('2026-11-02T09:00:00.000Z');
    await importPayments(deal, [
      { loanId: paid!.loanId, date: '2026-10-28', amount: '120.50' },
      { loanId: second!.loanId, date: '2026-10-30', amount: '80.00' },
      { loanId: writtenOff[0]!, date: '2026-10-29', amount: '55.00' },
    ]);
    const asked = await deal.call('buyer', 'POST', `/buyer/sales/${sale.id}/put-backs`, {
      loanId: returned!.loanId,
      reason: 'deceased',
      detail: 'death certificate dated before the cut-off',
    });
    await deal.call(
      'finance',
      'POST',
      `/sales/${sale.id}/put-backs/${asked.id}/decision`,
      { decision: 'accept', note: 'checked' },
      200,
    );
    deal.clock.set('2026-11-20T09:00:00.000Z');
    await deal.call('finance', 'POST', `/sales/${sale.id}/forwardings`, {
      reference: 'BANK-1',
      date: '2026-11-20',
    });
    // A payment after the forwarding, imported the next day: owed to the buyer, not yet forwarded.
    deal.clock.set('2026-11-22T09:00:00.000Z');
    await importPayments(deal, [{ loanId: second!.loanId, date: '2026-11-21', amount: '10.00' }]);
    const sale2 = await secondSale(deal, '2026-10-01');
    expect(
      soldLoans(deal, sale2.id)
        .map((loan) => loan.loanId)
        .sort(),
    ).toEqual([...writtenOff].sort());

    const report = await deal.call('finance', 'GET', '/reconciliation?as_of=2026-11-30');
    const untied = report.lines.filter((line: Json) => !line.ties);
    expect(untied).toEqual([]);
    expect(report.ties).toBe(true);
    const checks = report.lines.map((line: Json) => line.check);
    expect(checks).toEqual(
      expect.arrayContaining([
        'Book claims = on-book receivables',
        'Written-off claims: register = memorandum',
        `Sale sale-${sale.id}: net price = net cash`,
        `Sale sale-${sale2.id}: price = allocation`,
        'Collections after the cut-off = forwarded + owed to buyers',
      ]),
    );
    const byCheck = (check: string) => report.lines.find((line: Json) => line.check === check);
    expect(byCheck('Collections after the cut-off = forwarded + owed to buyers').left.amount).toBe(
      // 120.50 + 80.00 + 10.00 on the first sale's loans, and the 55.00 paid after the second sale's
      // cut-off on a loan it sold, claimed for its buyer at settlement.
      '265.50',
    );
    expect(Number(byCheck('Book claims = on-book receivables').left.amount)).toBeGreaterThan(0);

    const response = await deal.send(
      'finance',
      'GET',
      '/reconciliation?as_of=2026-11-30&format=xlsx',
    );
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const rows: ExcelJS.CellValue[][] = [];
    workbook.worksheets[0]?.eachRow((row) =>
      rows.push((row.values as ExcelJS.CellValue[]).slice(1)),
    );
    expect(rows[0]).toEqual([
      'Check',
      'Left',
      'Left amount',
      'Right',
      'Right amount',
      'Difference',
      'Ties',
    ]);
    expect(rows.slice(1).map((row) => row[6])).toEqual(report.lines.map(() => 'yes'));
  });

  it('says where a line does not tie and by how much', async () => {
    const deal = await dealOnDemoBook(60);
    // A loan balance changed behind the ledger's back (no tape): the book and the trial balance part.
    deal.t.db.$client
      .prepare(
        "update loans set principal_fen = principal_fen + 1234 where loan_id = (select loan_id from loans where status = 'current' limit 1)",
      )
      .run();
    const report = await deal.call('finance', 'GET', `/reconciliation?as_of=${DEMO_AS_OF}`);
    expect(report.ties).toBe(false);
    expect(report.lines.filter((line: Json) => !line.ties)).toEqual([
      expect.objectContaining({
        check: 'Book claims = on-book receivables',
        ties: false,
        difference: '12.34',
      }),
    ]);
    expect((await deal.send('risk', 'GET', '/reconciliation')).status).toBe(403);
  });
});

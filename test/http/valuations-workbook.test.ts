import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  demoValuationApp,
  fen,
  send,
  valued,
  type T,
  type Valuation,
} from '../valuation/demo-valuation';

let t: T;
let valuation: Valuation;
let bytes: Buffer;
let workbook: ExcelJS.Workbook;

/** Yuan in a cell → fen. */
const cellFen = (value: ExcelJS.CellValue) => Math.round((value as number) * 100);
const sheet = (name: string) => workbook.getWorksheet(name)!;
/** A key–value sheet's values by item. */
const valuesOf = (name: string) =>
  new Map(
    sheet(name)
      .getSheetValues()
      .slice(2)
      .map((row) => [(row as ExcelJS.CellValue[])[2] as string, (row as ExcelJS.CellValue[])[3]]),
  );

beforeAll(async () => {
  let portfolioId: number;
  let curveSetId: number;
  ({ t, portfolioId, curveSetId } = await demoValuationApp());
  await send(t, 'POST', '/backtests', 'risk', { asOf: '2026-03-31', simulations: 20 });
  valuation = await valued(t, portfolioId, {
    curveSetId,
    discountRateAnnual: 0.12,
    targetIrrAnnual: 0.25,
    simulations: 100,
    seed: 5,
  });
  const response = await send(t, 'GET', `/valuations/${valuation.id}/workbook`, 'risk');
  expect(response.status).toBe(200);
  expect(response.headers.get('Content-Type')).toBe(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  expect(response.headers.get('Content-Disposition')).toBe(
    `attachment; filename="valuation-${valuation.id}.xlsx"`,
  );
  bytes = Buffer.from(await response.arrayBuffer());
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
}, 60_000);

/** The demo's segments (`product=cash_loan`) as a reader of the workbook should see them: by the product table's names. */
const products: Record<string, string> = {
  consumer_loan: '消费贷 / product: Consumer loan',
  credit_card: '信用卡 / product: Credit card',
  cash_loan: '现金贷 / product: Cash loan',
  small_business: '小微经营贷 / product: Small-business loan',
};
const readable = (segment: string) => {
  const product = /^product=(\w+)$/.exec(segment)?.[1];
  return product === undefined ? segment : `产品: ${products[product]}`;
};

describe('GET /valuations/{id}/workbook', () => {
  it('prints every sheet on A4 landscape, one page wide, the header row repeated on each page', () => {
    for (const ws of workbook.worksheets) {
      expect(ws.pageSetup, ws.name).toMatchObject({
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      });
      expect(ws.pageSetup.printTitlesRow, ws.name).toBe('1:1');
    }
  });

  it('holds no JSON and no machine segment keys in any cell, and names the segments in words', () => {
    expect(valuation.segments.some((s) => /^product=/.test(s.segment))).toBe(true);
    for (const ws of workbook.worksheets)
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value !== 'string') return;
          expect(cell.value, `${ws.name}!${cell.address}`).not.toMatch(
            /^\s*[[{]|[a-z_]+=[a-z_0-9]/,
          );
        }),
      );
    expect(sheet('Curves').getCell('B1').value).toBe(readable(valuation.segments[0]!.segment));
    expect(String(sheet('Curves').getCell('B1').value)).toMatch(
      /^产品: \S+ \/ product: [A-Za-z -]+$/,
    );
    expect(valuesOf('Assumptions').get('Overrides of the fitted model')).toBe('none');
  });

  it('has the sheets of a valuation, each with a frozen bold header', () => {
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual([
      'Assumptions',
      'Summary',
      'Curves',
      'Cash flows',
      'Sensitivity',
      'Distribution',
      'Hold or sell',
      'Back-test',
      'Collection effectiveness',
    ]);
    for (const ws of workbook.worksheets) {
      expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getRow(1).font?.bold, ws.name).toBe(true);
    }
  });

  it('states every input, the curve set and who valued it, in typed cells', () => {
    const values = valuesOf('Assumptions');
    expect(values.get('Valuation id')).toBe(valuation.id);
    expect(values.get('Valuation date')).toEqual(new Date('2026-09-30T00:00:00Z'));
    expect(values.get('Horizon (months)')).toBe(120);
    expect(values.get('Discount rate (annual)')).toBe(0.12);
    expect(values.get('Target IRR (annual)')).toBe(0.25);
    expect(values.get('Curve set id')).toBe(valuation.curveSetId);
    expect(values.get('Method')).toBe('additive');
    expect(values.get('Segmented by')).toBe('product');
    expect(values.get('History as of')).toEqual(new Date('2026-09-30T00:00:00Z'));
    expect(values.get('Seed')).toBe(5);
    expect(values.get('Simulations')).toBe(100);
    expect(values.get('Valued by')).toBe('risk@demo.local');
    expect(values.get('Commission rate: agency')).toBe(
      valuation.costModel.commissionRateByChannel.agency,
    );
    expect(cellFen(values.get('Fixed cost per account-month') ?? null)).toBe(
      fen(valuation.costModel.fixedCostPerAccountMonth),
    );
    const rateRow = sheet('Assumptions')
      .getSheetValues()
      .findIndex(
        (row) => (row as ExcelJS.CellValue[] | undefined)?.[2] === 'Discount rate (annual)',
      );
    expect(sheet('Assumptions').getCell(rateRow, 3).numFmt).toBe('0.00%');
  });

  it("totals the cash flows to the API's ERC, costs and net collections to the fen, and the discounted net to its NPV", () => {
    const ws = sheet('Cash flows');
    expect(ws.getRow(1).values).toEqual([
      undefined,
      'Month',
      'Date (month end)',
      'Gross',
      'Commission',
      'Legal',
      'Fixed',
      'Costs',
      'Net',
      'Discount factor',
      'Discounted net',
      'Cumulative net',
    ]);
    expect(ws.rowCount).toBe(1 + 120 + 1);
    valuation.monthly.forEach((month, t) => {
      const row = ws.getRow(t + 2);
      expect(row.getCell(1).value).toBe(month.month);
      expect(row.getCell(2).value).toEqual(new Date(`${month.date}T00:00:00Z`));
      [month.gross, month.commission, month.legal, month.fixed, month.costs, month.net].forEach(
        (amount, i) => expect(cellFen(row.getCell(3 + i).value)).toBe(fen(amount)),
      );
    });
    const total = ws.getRow(122);
    expect(total.getCell(1).value).toBe('Total');
    expect(cellFen(total.getCell(3).value)).toBe(fen(valuation.measures.erc));
    expect(cellFen(total.getCell(7).value)).toBe(fen(valuation.measures.costs));
    expect(cellFen(total.getCell(8).value)).toBe(fen(valuation.measures.netCollections));
    expect(cellFen(total.getCell(10).value)).toBe(fen(valuation.measures.npv));
    expect(cellFen(ws.getRow(121).getCell(11).value)).toBe(fen(valuation.measures.netCollections));
    expect(ws.getRow(2).getCell(3).numFmt).toBe('#,##0.00');
    expect(ws.getRow(2).getCell(9).value).toBeCloseTo(1 / 1.12 ** (1 / 12), 12);
  });

  it('lays the sensitivity grid out as the API has it', () => {
    const ws = sheet('Sensitivity');
    expect(ws.getRow(1).values).toEqual([
      undefined,
      'Recovery shock',
      'Price at 8.00 %',
      'Price at 12.00 %',
      'Price at 16.00 %',
      'Price at 20.00 %',
      'Price at 25.00 %',
    ]);
    valuation.sensitivity.recoveryShocks.forEach((shock, i) => {
      const row = ws.getRow(i + 2);
      expect(row.getCell(1).value).toBe(shock);
      valuation.sensitivity.prices[i]!.forEach((price, j) =>
        expect(cellFen(row.getCell(j + 2).value)).toBe(fen(price)),
      );
    });
  });

  it('has the curves month by month per segment, cumulative beside, and the distribution and hold or sell of the API', () => {
    const curves = sheet('Curves');
    expect(curves.getRow(1).values).toEqual([
      undefined,
      'Months since charge-off',
      ...valuation.segments.map((s) => readable(s.segment)),
      ...valuation.segments.map((s) => `${readable(s.segment)} cumulative`),
      'Commission rate',
    ]);
    expect(curves.rowCount).toBe(1 + 120);
    expect(curves.getRow(2).getCell(1).value).toBe(0);
    const distribution = sheet('Distribution');
    const bands = [
      valuation.distribution.gross,
      valuation.distribution.net!,
      valuation.distribution.npv,
      valuation.distribution.price,
    ];
    bands.forEach((band, i) =>
      expect([3, 4, 5].map((c) => cellFen(distribution.getRow(i + 2).getCell(c).value))).toEqual([
        fen(band.p5),
        fen(band.p50),
        fen(band.p95),
      ]),
    );
    expect(cellFen(distribution.getRow(2).getCell(2).value)).toBe(fen(valuation.measures.erc));
    expect(cellFen(distribution.getRow(3).getCell(2).value)).toBe(
      fen(valuation.measures.netCollections),
    );
    const holdOrSell = valuesOf('Hold or sell');
    expect(cellFen(holdOrSell.get('NPV of collecting in house') ?? null)).toBe(
      fen(valuation.holdOrSell.inHouseNpv),
    );
    expect(cellFen(holdOrSell.get('Price − in-house NPV') ?? null)).toBe(
      fen(valuation.holdOrSell.difference),
    );
    expect(holdOrSell.get('Recommendation')).toBe(valuation.holdOrSell.recommendation);
  });

  it('shows the latest back-test per pool and collection effectiveness by channel', async () => {
    const backtest = (
      (await (await send(t, 'GET', '/backtests', 'risk')).json()) as { id: number }[]
    )[0]!;
    const stored = (await (await send(t, 'GET', `/backtests/${backtest.id}`, 'risk')).json()) as {
      pools: { cohort: string; predicted: string }[];
      total: { predicted: string };
    };
    const ws = sheet('Back-test');
    expect(ws.rowCount).toBe(1 + stored.pools.length + 1);
    expect(ws.getRow(2).getCell(1).value).toBe(stored.pools[0]!.cohort);
    expect(cellFen(ws.getRow(2).getCell(5).value)).toBe(fen(stored.pools[0]!.predicted));
    expect(ws.getRow(ws.rowCount).getCell(1).value).toBe('Total');
    expect(cellFen(ws.getRow(ws.rowCount).getCell(5).value)).toBe(fen(stored.total.predicted));
    const effectiveness = sheet('Collection effectiveness');
    expect(effectiveness.getRow(1).getCell(1).value).toBe('回款渠道 / channel');
    expect(effectiveness.getColumn(1).values).toEqual(
      expect.arrayContaining(['自催 / in-house', '委外 / agency', '合计 / total']),
    );
  });

  it('records the download in the audit trail with the SHA-256 of the file sent', () => {
    const event = t.db.$client
      .prepare(
        "select actor, file_sha256 as sha256 from audit_events where action = 'valuation.workbook.downloaded' and target_id = ?",
      )
      .get(String(valuation.id)) as { actor: string; sha256: string };
    expect(event.actor).toBe('risk@demo.local');
    expect(event.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('is for the risk team only: buyers and finance get 403, an unknown valuation 404', async () => {
    expect((await send(t, 'GET', `/valuations/${valuation.id}/workbook`, 'buyer')).status).toBe(
      403,
    );
    expect((await send(t, 'GET', `/valuations/${valuation.id}/workbook`, 'finance')).status).toBe(
      403,
    );
    expect((await send(t, 'GET', '/valuations/999/workbook', 'risk')).status).toBe(404);
  });

  it('says so on the back-test sheet when no back-test was run', async () => {
    const fresh = await demoValuationApp();
    const other = await valued(fresh.t, fresh.portfolioId, {
      curveSetId: fresh.curveSetId,
      targetIrrAnnual: 0.2,
      simulations: 10,
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      (await (
        await send(fresh.t, 'GET', `/valuations/${other.id}/workbook`, 'risk')
      ).arrayBuffer()) as ArrayBuffer,
    );
    expect(book.getWorksheet('Back-test')!.getRow(2).getCell(1).value).toBe(
      'No back-test has been run',
    );
    expect(book.getWorksheet('Back-test')!.rowCount).toBe(2);
  }, 60_000);
});

import type { Sheet, SheetColumn } from '../../xlsx';
import { roundToFen } from '../../shared';
import { type Percentiles, monthlyRate, totalFen, type MonthlyFen } from '../maths';
import { keyValueSheet, section, type KeyValue } from './key-value-sheet';
import { type ValuationResults, flowDate } from '../valuations';

// The valuation's own numbers as worksheets: money in fen (written as yuan), rates as ratios.

/** The measures: what the valuation comes to. */
export function summarySheet(results: ValuationResults): Sheet<KeyValue> {
  const { measures } = results;
  return keyValueSheet('Summary', [
    ...section('Portfolio', [
      ['Loans on offer valued', results.loans, 'integer'],
      ['Loans litigated by the plan', results.litigatedLoans, 'integer'],
      ['Face value (claim at cut-off)', measures.faceFen, 'money'],
    ]),
    ...section('Result', [
      ['ERC (gross, undiscounted)', measures.ercFen, 'money'],
      ['Costs', measures.costsFen, 'money'],
      ['Net collections', measures.netCollectionsFen, 'money'],
      ['NPV at the discount rate', measures.npvFen, 'money'],
      ['Price at the target IRR', measures.priceFen, 'money'],
      ['Price as % of face', measures.priceShareOfFace, 'rate'],
      ['Gross collection multiple', measures.grossMultiple ?? null, 'factor'],
      ['Net collection multiple', measures.netMultiple ?? null, 'factor'],
      ['Payback month', measures.paybackMonth ?? null, 'integer'],
    ]),
  ]);
}

type FlowRow = {
  month: number | 'Total';
  date: string | null;
  factor: number | null;
  discountedFen: number;
  cumulativeFen: number | null;
} & { [K in keyof MonthlyFen]: number };

/**
 * Month by month after the valuation date, each dated at its month end: gross, commission, legal,
 * fixed, costs, net, the discount factor (1 + i)^−t at the discount rate's monthly equivalent i,
 * the discounted net and the cumulative net; then a totals row whose gross, costs and net are the
 * valuation's ERC, costs and net collections to the fen, and whose discounted net is its NPV.
 * Discounted amounts are rounded to the fen only as they are written (a money cell holds whole
 * fen), the total from the unrounded months, so it is the NPV however the months round.
 */
export function cashFlowSheet(
  monthly: MonthlyFen,
  valuationDate: string,
  discountRateAnnual: number,
): Sheet<FlowRow> {
  const i = monthlyRate(discountRateAnnual);
  let cumulativeFen = 0;
  const rows: FlowRow[] = monthly.grossFen.map((grossFen, t) => {
    const factor = Math.pow(1 + i, -(t + 1));
    cumulativeFen += monthly.netFen[t]!;
    const amounts = {
      grossFen,
      commissionFen: monthly.commissionFen[t]!,
      legalFen: monthly.legalFen[t]!,
      fixedFen: monthly.fixedFen[t]!,
      costsFen: monthly.costsFen[t]!,
      netFen: monthly.netFen[t]!,
    };
    return {
      month: t + 1,
      date: flowDate(valuationDate, t + 1),
      ...amounts,
      factor,
      discountedFen: amounts.netFen * factor,
      cumulativeFen,
    };
  });
  const total = (pick: (row: FlowRow) => number) => rows.reduce((sum, row) => sum + pick(row), 0);
  rows.push({
    month: 'Total',
    date: null,
    grossFen: totalFen(monthly.grossFen),
    commissionFen: totalFen(monthly.commissionFen),
    legalFen: totalFen(monthly.legalFen),
    fixedFen: totalFen(monthly.fixedFen),
    costsFen: totalFen(monthly.costsFen),
    netFen: totalFen(monthly.netFen),
    factor: null,
    discountedFen: total((row) => row.discountedFen),
    cumulativeFen: null,
  });
  const money = (header: string, pick: (row: FlowRow) => number | null): SheetColumn<FlowRow> => ({
    header,
    kind: 'money',
    width: 16,
    value: pick,
  });
  return {
    name: 'Cash flows',
    pages: [rows],
    columns: [
      {
        header: 'Month',
        kind: 'integer',
        width: 8,
        value: (row) => (row.month === 'Total' ? { kind: 'text', value: row.month } : row.month),
      },
      { header: 'Date (month end)', kind: 'date', width: 14, value: (row) => row.date },
      money('Gross', (row) => row.grossFen),
      money('Commission', (row) => row.commissionFen),
      money('Legal', (row) => row.legalFen),
      money('Fixed', (row) => row.fixedFen),
      money('Costs', (row) => row.costsFen),
      money('Net', (row) => row.netFen),
      { header: 'Discount factor', kind: 'factor', width: 14, value: (row) => row.factor },
      money('Discounted net', (row) => roundToFen(row.discountedFen)),
      money('Cumulative net', (row) => row.cumulativeFen),
    ],
  };
}

/** Price against recovery shock (rows) and discount rate (columns). */
export function sensitivitySheet(
  grid: ValuationResults['sensitivity'],
): Sheet<{ shock: number; prices: number[] }> {
  const rows = grid.recoveryShocks.map((shock, i) => ({ shock, prices: grid.prices[i]! }));
  return {
    name: 'Sensitivity',
    pages: [rows],
    columns: [
      { header: 'Recovery shock', kind: 'rate', width: 15, value: (row) => row.shock },
      ...grid.discountRatesAnnual.map((rate, j): SheetColumn<(typeof rows)[number]> => ({
        header: `Price at ${(rate * 100).toFixed(2)} %`,
        kind: 'money',
        width: 18,
        value: (row) => row.prices[j]!,
      })),
    ],
  };
}

/** The bootstrap's P5, P50 and P95 of gross collections, NPV and price, beside the expected values. */
export function distributionSheet(
  results: ValuationResults,
): Sheet<{ measure: string; expectedFen: number; band: Percentiles }> {
  const { distribution: d, measures } = results;
  const rows = [
    { measure: 'Gross collections', expectedFen: measures.ercFen, band: d.grossFen },
    ...(d.netFen
      ? [{ measure: 'Net collections', expectedFen: measures.netCollectionsFen, band: d.netFen }]
      : []),
    { measure: 'NPV', expectedFen: measures.npvFen, band: d.npvFen },
    { measure: 'Price', expectedFen: measures.priceFen, band: d.priceFen },
  ];
  return {
    name: 'Distribution',
    pages: [rows],
    columns: [
      { header: 'Measure', kind: 'text', width: 20, value: (row) => row.measure },
      { header: 'Expected', kind: 'money', width: 18, value: (row) => row.expectedFen },
      { header: 'P5', kind: 'money', width: 18, value: (row) => row.band.p5 },
      { header: 'P50', kind: 'money', width: 18, value: (row) => row.band.p50 },
      { header: 'P95', kind: 'money', width: 18, value: (row) => row.band.p95 },
      { header: 'Seed', kind: 'integer', width: 12, value: () => d.seed },
      { header: 'Simulations', kind: 'integer', width: 12, value: () => d.simulations },
    ],
  };
}

/** The in-house NPV against the price, and which is worth more. */
export function holdOrSellSheet(
  results: ValuationResults,
  rates: { discountRateAnnual: number; targetIrrAnnual: number },
  inHouseCommissionRate: number,
): Sheet<KeyValue> {
  const { holdOrSell } = results;
  return keyValueSheet('Hold or sell', [
    ...section('Hold', [
      ['NPV of collecting in house', holdOrSell.inHouseNpvFen, 'money'],
      ['Discount rate', rates.discountRateAnnual, 'rate'],
      ['In-house commission rate', inHouseCommissionRate, 'rate'],
    ]),
    ...section('Sell', [
      ['Price at the target IRR', holdOrSell.priceFen, 'money'],
      ['Target IRR', rates.targetIrrAnnual, 'rate'],
    ]),
    ...section('Decision', [
      ['Price − in-house NPV', holdOrSell.differenceFen, 'money'],
      ['Recommendation', holdOrSell.recommendation, 'text'],
    ]),
  ]);
}

import { productNamesByCode } from '../../products';
import type { Context } from 'hono';
import { effectivenessReport, writtenOffAccounts, effectivenessSheet } from '../../collections';
import type { AppEnv } from '../../shared';
import { A4_LANDSCAPE, sendWorkbook } from '../../xlsx';
import { assumptionsSheet } from './assumptions-sheet';
import { type BacktestResult, getBacktest, listBacktests } from '../backtests';
import { backtestSheet } from './backtest-sheet';
import { type CurveSetFit, type FittedCurve, getCurveSet } from '../curves';
import { curvesSheet } from './curves-sheet';
import { bookDataDate } from '../../loans';
import {
  IN_HOUSE_CHANNEL,
  type SegmentUse,
  storedValuation,
  type ValuationRow,
} from '../valuations';
import {
  cashFlowSheet,
  distributionSheet,
  holdOrSellSheet,
  sensitivitySheet,
  summarySheet,
} from './valuation-sheets';

/**
 * Sends a stored valuation as a workbook: its assumptions and numbers as stored, beside what the
 * book shows now (the latest back-test, collection effectiveness of the whole book by channel).
 * Every sheet prints on A4 landscape, one page wide, its header repeated. The download is audited
 * with the file's SHA-256.
 */
export function sendValuationWorkbook(c: Context<AppEnv>, valuation: ValuationRow): Response {
  const { db, clock, config } = c.get('deps');
  const { inputs, results } = storedValuation(valuation);
  const curveSet = getCurveSet(db, valuation.curveSetId);
  const latest = listBacktests(db, 1)[0];
  const backtest = latest && getBacktest(db, latest.id);
  const dataEnd = bookDataDate(db);
  const effectiveness = effectivenessReport(writtenOffAccounts(db, dataEnd, dataEnd), {
    by: 'channel',
    dataEnd,
    chargeOffDpd: config.chargeOffDpdThreshold,
    grades: config.delinquencySchemes.grades ?? [],
  });
  const sheets = [
    assumptionsSheet({
      valuation,
      inputs,
      curveSet,
      backtest,
      effectivenessDataEnd: dataEnd,
      generatedBy: c.get('actor'),
      generatedAt: clock.now(),
    }),
    summarySheet(results),
    curvesSheet(
      curvesUsed(
        JSON.parse(curveSet.curves) as Pick<CurveSetFit, 'book' | 'segments'>,
        results.segments,
      ),
      inputs.costModel,
      productNamesByCode(db),
    ),
    cashFlowSheet(results.monthly, valuation.valuationDate, valuation.discountRateAnnual),
    sensitivitySheet(results.sensitivity),
    distributionSheet(results),
    holdOrSellSheet(
      results,
      valuation,
      inputs.costModel.commissionRateByChannel[IN_HOUSE_CHANNEL] ?? 0,
    ),
    backtestSheet(backtest && (JSON.parse(backtest.result) as BacktestResult)),
    { ...effectivenessSheet(effectiveness), name: 'Collection effectiveness' },
  ];
  // Printed for a credit committee: A4 landscape, each sheet one page wide, its header on every page.
  const printed = sheets.map((sheet) => ({
    ...sheet,
    columns: sheet.columns.map((column) => ({
      ...column,
      width: Math.min(255, Math.max(column.width, printedWidth(column.header) + 2)),
    })),
    print: A4_LANDSCAPE,
  }));
  return sendWorkbook(c, `valuation-${valuation.id}.xlsx`, printed, {
    action: 'valuation.workbook.downloaded',
    targetType: 'valuation',
    targetId: valuation.id,
  });
}

/** The fitted curves the valuation's segments were valued on, in the order of their names. */
function curvesUsed(
  fitted: Pick<CurveSetFit, 'book' | 'segments'>,
  segments: readonly SegmentUse[],
): FittedCurve[] {
  const names = new Set(segments.map((use) => use.curve));
  return [...fitted.segments, fitted.book].filter(
    (curve, i, all) =>
      names.has(curve.segment) && all.findIndex((other) => other.segment === curve.segment) === i,
  );
}

/**
 * A header's width in Excel's character units, so its column is wide enough to print it whole: a
 * Chinese character takes two.
 */
function printedWidth(text: string): number {
  let width = 0;
  for (const character of text) width += character.codePointAt(0)! >= 0x2e80 ? 2 : 1;
  return width;
}

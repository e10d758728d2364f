import { defaultPortfolioBands, defaultValuation, type IsoDate } from '../../shared';
import { monthIndex } from '../maths';
import type { HistoryLoan } from './recovery-history';

/** What a curve set may segment the book by. */
export const segmentDimensions = [
  'product',
  'balance_band',
  'region',
  'charge_off_age',
  'placement_stage',
  'litigation_status',
] as const;
export type SegmentDimension = (typeof segmentDimensions)[number];

/** Classes of paper by calendar months since charge-off at the as-of date, as the trade names them (the portfolio strats' default classes). */
const CHARGE_OFF_AGE_CLASSES = defaultPortfolioBands.chargeOffAge;

interface SegmentationOptions {
  dimensions: readonly SegmentDimension[];
  /** The date charge-off ages are counted to. */
  asOf: IsoDate;
  /** Lower edges in yuan, from 0 and increasing; the last band is open-ended (`defaultValuation.balanceBandEdgesYuan` when absent). */
  balanceBandEdgesYuan?: readonly number[];
}

/** The key of the book as a whole: the parent of every segment. */
const WHOLE_BOOK = 'all';

/**
 * The segment key of a loan: `dimension=value` for each chosen dimension, joined by `|`
 * (`product=credit_card|balance_band=5000-20000`), or `all` with no dimension. A missing region
 * or placement stage is `unknown`.
 * @example segmenter({ dimensions: ['product'], asOf: '2026-06-30' })(loan) // 'product=credit_card'
 * @throws RangeError for band edges that do not start at 0 or do not increase
 */
export function segmenter(options: SegmentationOptions): (loan: HistoryLoan) => string {
  const edgesFen = (options.balanceBandEdgesYuan ?? defaultValuation.balanceBandEdgesYuan).map(
    (yuan) => Math.round(yuan * 100),
  );
  if (edgesFen[0] !== 0 || edgesFen.some((edge, i) => i > 0 && edge <= (edgesFen[i - 1] ?? 0))) {
    throw new RangeError('balance band edges must start at 0 and increase');
  }
  const asOfMonth = monthIndex(options.asOf);
  const valueOf: Record<SegmentDimension, (loan: HistoryLoan) => string> = {
    product: (loan) => loan.product,
    balance_band: (loan) => bandLabel(edgesFen, loan.chargeOffFen),
    region: (loan) => loan.province ?? 'unknown',
    charge_off_age: (loan) =>
      CHARGE_OFF_AGE_CLASSES.findLast(
        (c) => asOfMonth - monthIndex(loan.chargeOffDate) >= c.fromMonths,
      )?.label ?? 'fresh',
    placement_stage: (loan) => loan.placementStage ?? 'unknown',
    litigation_status: (loan) => loan.litigationStatus,
  };
  if (options.dimensions.length === 0) return () => WHOLE_BOOK;
  return (loan) =>
    options.dimensions.map((dimension) => `${dimension}=${valueOf[dimension](loan)}`).join('|');
}

/** `5000-20000` (yuan, lower edge included), `100000+` for the last band. */
function bandLabel(edgesFen: readonly number[], amountFen: number): string {
  let band = 0;
  while (band + 1 < edgesFen.length && amountFen >= (edgesFen[band + 1] ?? Infinity)) band++;
  const low = (edgesFen[band] ?? 0) / 100;
  const high = edgesFen[band + 1];
  return high === undefined ? `${low}+` : `${low}-${high / 100}`;
}

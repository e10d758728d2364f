import type { IsoDate } from '../../shared';
import {
  type CohortGrain,
  fitChainLadderCurve,
  commissionRateByAge,
  type CostModel,
  fitCostModel,
  type RecoveryCurve,
  buildRecoveryTriangle,
  type RecoveryEvent,
  type RecoveryTriangle,
  fitSegmentCurves,
  cumulativeOf,
  perUnitOfExposure,
} from '../maths';
import {
  costModelRecords,
  type HistoryLoan,
  type RecoveryHistory,
  segmenter,
  type SegmentDimension,
} from '../history';

type CurveMethod = 'additive' | 'chain_ladder';

/** What a curve set is fitted from: the data window, the cohorts, the method and the segmentation. */
export interface CurveSetSpec {
  /** History up to this date: events after it and loans charged off after it are not seen. */
  asOf: IsoDate;
  /** Only loans charged off in this window (inclusive; open ends when absent). */
  chargeOffFrom?: IsoDate;
  chargeOffTo?: IsoDate;
  cohort: CohortGrain;
  method: CurveMethod;
  dimensions: readonly SegmentDimension[];
  balanceBandEdgesYuan?: readonly number[];
  horizonMonths: number;
  credibilityK: number;
  tailFromAge: number;
}

/** One fitted curve, per unit of charged-off balance, ages 0 … horizon − 1. */
export interface FittedCurve {
  segment: string;
  accounts: number;
  exposureFen: number;
  credibility: number;
  /** The first age whose rate comes from the exponential tail rather than the data. */
  firstFittedAge: number;
  decayPerMonth: number;
  decaySource: 'fitted' | 'fallback' | 'observed_zeros';
  gross: number[];
  /** Gross less the cost model's commission and fixed cost per account-month (legal costs are per litigated account, a plan's choice). */
  net: number[];
  cumulativeGross: number[];
}

/** A static-pool triangle per unit of charged-off balance, with each cohort's balance and accounts. */
export interface PerUnitTriangle {
  cohorts: string[];
  ages: number[];
  exposureFen: number[];
  accounts: number[];
  incremental: (number | null)[][];
  cumulative: (number | null)[][];
}

export interface CurveSetFit {
  loans: number;
  book: FittedCurve;
  segments: FittedCurve[];
  costModel: CostModel;
  triangles: { gross: PerUnitTriangle; net: PerUnitTriangle };
}

/**
 * Fits a curve set: the book's gross and net static-pool triangles, recovery curves per segment
 * by the chosen method (additive or chain ladder, each with its exponential tail) weighted by
 * credibility toward the book's curve, and the cost model from the cost history; each curve also
 * net of costs. Deterministic: the same history in the same order gives the same numbers.
 * @throws RangeError when the window holds no cohort with a complete month of history, or as `fitSegmentCurves`
 */
export function fitCurveSet(history: RecoveryHistory, spec: CurveSetSpec): CurveSetFit {
  const loans = history.loans.filter(
    (loan) =>
      loan.chargeOffDate <= spec.asOf &&
      (!spec.chargeOffFrom || loan.chargeOffDate >= spec.chargeOffFrom) &&
      (!spec.chargeOffTo || loan.chargeOffDate <= spec.chargeOffTo),
  );
  const triangleOf = (basis: 'gross' | 'net') =>
    buildRecoveryTriangle(loans, history.events, { cohort: spec.cohort, asOf: spec.asOf, basis });
  const gross = triangleOf('gross');
  const { curves } = fitCurves(loans, history.events, spec);
  const { payments, costs } = costModelRecords(history.events);
  const costModel = fitCostModel(costs, payments, loans, spec.asOf);
  const fitted = (curve: RecoveryCurve) => fittedCurve(curve, costModel, curves.parent);
  return {
    loans: loans.length,
    book: fitted(curves.parent),
    segments: [...curves.bySegment.values()]
      .sort((a, b) => a.segment.localeCompare(b.segment))
      .map(fitted),
    costModel,
    triangles: { gross: perUnitTriangle(gross), net: perUnitTriangle(triangleOf('net')) },
  };
}

/**
 * The segment curves of a spec on loans and their events (`fitSegmentCurves` with the spec's
 * method), and the function that names a loan's segment.
 * @throws RangeError as `fitSegmentCurves`
 */
export function fitCurves(
  loans: readonly HistoryLoan[],
  events: readonly RecoveryEvent[],
  spec: Omit<CurveSetSpec, 'chargeOffFrom' | 'chargeOffTo'>,
) {
  const segmentOf = segmenter({
    dimensions: spec.dimensions,
    asOf: spec.asOf,
    ...(spec.balanceBandEdgesYuan ? { balanceBandEdgesYuan: spec.balanceBandEdgesYuan } : {}),
  });
  const curves = fitSegmentCurves(loans, events, {
    segmentOf,
    cohort: spec.cohort,
    asOf: spec.asOf,
    horizonMonths: spec.horizonMonths,
    tailFromAge: spec.tailFromAge,
    credibilityK: spec.credibilityK,
    ...(spec.method === 'chain_ladder' ? { fitCurve: fitChainLadderCurve } : {}),
  });
  return { curves, segmentOf };
}

/** net(age) = gross(age) · (1 − commission(age)) − fixed cost per account-month × accounts ÷ balance (the book's mix for a segment without accounts). */
function fittedCurve(curve: RecoveryCurve, costModel: CostModel, book: RecoveryCurve): FittedCurve {
  const commission = commissionRateByAge(costModel, curve.rates.length);
  const own = curve.accounts > 0 && curve.exposureFen > 0;
  const accountsPerFen = own
    ? curve.accounts / curve.exposureFen
    : book.accounts / book.exposureFen;
  const fixedPerUnit = costModel.fixedCostPerAccountMonthFen * accountsPerFen;
  const gross = Array.from(curve.rates);
  let running = 0;
  return {
    segment: curve.segment,
    accounts: curve.accounts,
    exposureFen: curve.exposureFen,
    credibility: curve.credibility,
    firstFittedAge: curve.tail.firstFittedAge,
    decayPerMonth: curve.tail.decayPerMonth,
    decaySource: curve.tail.decaySource,
    gross,
    net: gross.map((rate, age) => rate * (1 - (commission[age] ?? 0)) - fixedPerUnit),
    cumulativeGross: gross.map((rate) => (running += rate)),
  };
}

/** A recovery triangle per unit of its cohorts' charged-off balance, incremental and cumulative. */
export function perUnitTriangle(triangle: RecoveryTriangle): PerUnitTriangle {
  return {
    cohorts: [...triangle.origins],
    ages: [...triangle.ages],
    exposureFen: [...triangle.exposure],
    accounts: [...triangle.accounts],
    incremental: perUnitOfExposure(triangle),
    cumulative: perUnitOfExposure(cumulativeOf(triangle)),
  };
}

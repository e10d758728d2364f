import type { IsoDate } from '../../shared';
import { cohortOf, lastCompleteMonth, monthIndex, type CohortGrain } from './calendar-month';
import { credibilityWeightedCurve } from './credibility';
import { fitRecoveryCurve, type CurveFitOptions, type RecoveryCurve } from './recovery-curve';
import {
  buildRecoveryTriangle,
  type PoolLoan,
  type RecoveryEvent,
  type RecoveryTriangle,
} from './recovery-triangle';

/** Fits a curve to a gross static-pool triangle; undefined when the triangle has nothing to fit (the segment then takes the book's curve). */
type CurveFitter = (
  triangle: RecoveryTriangle,
  segment: string,
  options: CurveFitOptions,
) => RecoveryCurve | undefined;

interface SegmentCurveOptions<L extends PoolLoan> extends CurveFitOptions {
  /** The segment of a loan, from the fields chosen (product, balance band, placement stage, litigation status, region…). */
  segmentOf: (loan: L) => string;
  cohort: CohortGrain;
  asOf: IsoDate;
  /** Bühlmann's k, in accounts (see `credibilityWeightedCurve`). */
  credibilityK: number;
  /** The fitting method: the additive method (`fitRecoveryCurve`) when absent. */
  fitCurve?: CurveFitter;
}

interface SegmentCurves {
  /** The whole book's curve, fitted on every loan given. */
  parent: RecoveryCurve;
  bySegment: Map<string, RecoveryCurve>;
}

/**
 * Recovery curves per segment, each fitted on its own loans' gross history (`fitRecoveryCurve` or `fitCurve`)
 * and then credibility-weighted toward the whole book's curve. A segment whose own rates do not
 * decay takes the book's decay for its tail; a segment with no complete month of history yet, or
 * one the fitting method finds nothing to fit in, is the book's curve (credibility 0).
 * @example fitSegmentCurves(loans, events, { segmentOf: (l) => `${l.product}|${l.region}`, cohort: 'quarter', asOf, horizonMonths: 120, tailFromAge: 6, credibilityK: 500 })
 * @throws RangeError as `buildRecoveryTriangle` and `fitRecoveryCurve` for the whole book
 */
export function fitSegmentCurves<L extends PoolLoan>(
  loans: readonly L[],
  events: readonly RecoveryEvent[],
  options: SegmentCurveOptions<L>,
): SegmentCurves {
  const basis = { cohort: options.cohort, asOf: options.asOf, basis: 'gross' as const };
  const fit = { horizonMonths: options.horizonMonths, tailFromAge: options.tailFromAge };
  const fitCurve = options.fitCurve ?? fitRecoveryCurve;
  const parent = fitCurve(buildRecoveryTriangle(loans, events, basis), 'all', fit);
  if (!parent) throw new RangeError('the whole book has no history to fit a curve to');
  const segmentOfLoan = new Map<string, string>();
  const loansBySegment = new Map<string, L[]>();
  for (const loan of loans) {
    const segment = options.segmentOf(loan);
    segmentOfLoan.set(loan.loanId, segment);
    const members = loansBySegment.get(segment);
    if (members) members.push(loan);
    else loansBySegment.set(segment, [loan]);
  }
  const eventsBySegment = new Map<string, RecoveryEvent[]>();
  for (const event of events) {
    const segment = segmentOfLoan.get(event.loanId);
    if (segment === undefined) continue;
    const list = eventsBySegment.get(segment);
    if (list) list.push(event);
    else eventsBySegment.set(segment, [event]);
  }
  const bySegment = new Map<string, RecoveryCurve>();
  for (const [segment, members] of loansBySegment) {
    const own = hasCompleteCohort(members, options.cohort, options.asOf)
      ? fitCurve(
          buildRecoveryTriangle(members, eventsBySegment.get(segment) ?? [], basis),
          segment,
          { ...fit, fallbackDecayPerMonth: parent.tail.decayPerMonth },
        )
      : undefined;
    bySegment.set(
      segment,
      own
        ? credibilityWeightedCurve(own, parent, { k: options.credibilityK })
        : { ...parent, segment, accounts: 0, exposureFen: 0, credibility: 0 },
    );
  }
  return { parent, bySegment };
}

/** Whether some loan belongs to a cohort that has lived a complete month by `asOf` (see `buildRecoveryTriangle`). */
function hasCompleteCohort(loans: readonly PoolLoan[], grain: CohortGrain, asOf: IsoDate): boolean {
  const lastMonth = lastCompleteMonth(asOf);
  return loans.some(
    (loan) =>
      loan.chargeOffDate <= asOf &&
      cohortOf(monthIndex(loan.chargeOffDate), grain).lastMonth <= lastMonth,
  );
}

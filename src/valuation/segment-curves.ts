import type { IsoDate } from '../shared/dates';
import { cohortOf, lastCompleteMonth, monthIndex, type CohortGrain } from './calendar-month';
import { credibilityWeightedCurve } from './credibility';
import { fitRecoveryCurve, type CurveFitOptions, type RecoveryCurve } from './recovery-curve';
import { buildRecoveryTriangle, type PoolLoan, type RecoveryEvent } from './recovery-triangle';

export interface SegmentCurveOptions<L extends PoolLoan> extends CurveFitOptions {
  /** The segment of a loan, from the fields chosen (product, balance band, placement stage, litigation status, region…). */
  segmentOf: (loan: L) => string;
  cohort: CohortGrain;
  asOf: IsoDate;
  /** Bühlmann's k, in accounts (see `credibilityWeightedCurve`). */
  credibilityK: number;
}

export interface SegmentCurves {
  /** The whole book's curve, fitted on every loan given. */
  parent: RecoveryCurve;
  bySegment: Map<string, RecoveryCurve>;
}

/**
 * Recovery curves per segment, each fitted on its own loans' gross history (`fitRecoveryCurve`)
 * and then credibility-weighted toward the whole book's curve. A segment whose own rates do not
 * decay takes the book's decay for its tail; a segment with no complete month of history yet is
 * the book's curve (credibility 0).
 * @example fitSegmentCurves(loans, events, { segmentOf: (l) => `${l.product}|${l.region}`, cohort: 'quarter', asOf, horizonMonths: 120, tailFromAge: 6, credibilityK: 500 })
 * @throws RangeError as `buildRecoveryTriangle` and `fitRecoveryCurve` for the whole book
 */
export function fitSegmentCurves<L extends PoolLoan>(loans: readonly L[], events: readonly RecoveryEvent[], options: SegmentCurveOptions<L>): SegmentCurves {
  const basis = { cohort: options.cohort, asOf: options.asOf, basis: 'gross' as const };
  const fit = { horizonMonths: options.horizonMonths, tailFromAge: options.tailFromAge };
  const parent = fitRecoveryCurve(buildRecoveryTriangle(loans, events, basis), 'all', fit);
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
    if (!hasCompleteCohort(members, options.cohort, options.asOf)) {
      bySegment.set(segment, { ...parent, segment, accounts: 0, exposureFen: 0, credibility: 0 });
      continue;
    }
    const triangle = buildRecoveryTriangle(members, eventsBySegment.get(segment) ?? [], basis);
    const own = fitRecoveryCurve(triangle, segment, { ...fit, fallbackDecayPerMonth: parent.tail.decayPerMonth });
    bySegment.set(segment, credibilityWeightedCurve(own, parent, { k: options.credibilityK }));
  }
  return { parent, bySegment };
}

/** Whether some loan belongs to a cohort that has lived a complete month by `asOf` (see `buildRecoveryTriangle`). */
function hasCompleteCohort(loans: readonly PoolLoan[], grain: CohortGrain, asOf: IsoDate): boolean {
  const lastMonth = lastCompleteMonth(asOf);
  return loans.some((loan) => loan.chargeOffDate <= asOf && cohortOf(monthIndex(loan.chargeOffDate), grain).lastMonth <= lastMonth);
}

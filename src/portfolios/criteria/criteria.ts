import type { LitigationStatus, PlacementStage } from '../../../db';
import type { IsoDate, Fen } from '../../shared';

/**
 * Which written-off loans a portfolio takes. Every range is inclusive and every absent field
 * leaves its dimension open. `includeLoanIds` are taken whatever the other criteria say;
 * `excludeLoanIds` are left out whatever they say (exclusion wins).
 */
export interface PortfolioCriteria {
  chargeOffDateFrom?: IsoDate;
  chargeOffDateTo?: IsoDate;
  products?: string[];
  provinces?: string[];
  /** Total claim (principal + interest + fees + penalty) at the cut-off date. */
  claimFenMin?: Fen;
  claimFenMax?: Fen;
  dpdAtChargeOffMin?: number;
  dpdAtChargeOffMax?: number;
  monthsSinceChargeOffMin?: number;
  monthsSinceChargeOffMax?: number;
  placementStages?: PlacementStage[];
  litigationStatuses?: LitigationStatus[];
  includeLoanIds?: string[];
  excludeLoanIds?: string[];
}

/** What the criteria look at: a written-off loan's fields as of the cut-off date. */
export interface CriteriaCandidate {
  loanId: string;
  chargeOffDate: IsoDate;
  product: string;
  province: string | null;
  claimFen: Fen;
  dpdAtChargeOff: number;
  monthsSinceChargeOff: number;
  placementStage: string | null;
  litigationStatus: string;
}

const within = (
  value: number | string,
  min: number | string | undefined,
  max: number | string | undefined,
) => (min === undefined || value >= min) && (max === undefined || value <= max);

const oneOf = (value: string | null, allowed: ReadonlySet<string> | undefined) =>
  allowed === undefined || (value !== null && allowed.has(value));

const setOf = (values: readonly string[] | undefined) =>
  values === undefined ? undefined : new Set(values);

/**
 * The criteria as a predicate, with the lists turned into sets once so that a million candidates
 * can be checked quickly.
 * @example criteriaMatcher({ products: ['credit_card'] })({ ...candidate, product: 'credit_card' }) // true
 */
export function criteriaMatcher(
  criteria: PortfolioCriteria,
): (candidate: CriteriaCandidate) => boolean {
  const included = setOf(criteria.includeLoanIds);
  const excluded = setOf(criteria.excludeLoanIds);
  const products = setOf(criteria.products);
  const provinces = setOf(criteria.provinces);
  const stages = setOf(criteria.placementStages);
  const litigation = setOf(criteria.litigationStatuses);
  return (candidate) => {
    if (excluded?.has(candidate.loanId)) return false;
    if (included?.has(candidate.loanId)) return true;
    return (
      within(candidate.chargeOffDate, criteria.chargeOffDateFrom, criteria.chargeOffDateTo) &&
      oneOf(candidate.product, products) &&
      oneOf(candidate.province, provinces) &&
      within(candidate.claimFen, criteria.claimFenMin, criteria.claimFenMax) &&
      within(candidate.dpdAtChargeOff, criteria.dpdAtChargeOffMin, criteria.dpdAtChargeOffMax) &&
      within(
        candidate.monthsSinceChargeOff,
        criteria.monthsSinceChargeOffMin,
        criteria.monthsSinceChargeOffMax,
      ) &&
      oneOf(candidate.placementStage, stages) &&
      oneOf(candidate.litigationStatus, litigation)
    );
  };
}

import { additiveMethod } from './additive';
import { fitExponentialTail, type ExponentialTail } from './exponential-tail';
import type { RecoveryTriangle } from './recovery-triangle';

/**
 * What a segment's charged-off balance is expected to give back: the gross collections in each
 * month of age (0 = the charge-off month) per unit of charged-off balance, to the curve's horizon;
 * nothing after it. Costs are the cost model's, so the curve stays one number per month.
 */
export interface RecoveryCurve {
  segment: string;
  rates: Float64Array;
  /** Accounts and charged-off balance behind the curve, for credibility. */
  accounts: number;
  exposureFen: number;
  /** 1 for a curve from its own data alone; the weight Z of its own data after credibility weighting. */
  credibility: number;
  tail: Omit<ExponentialTail, 'rates'>;
}

export interface CurveFitOptions {
  horizonMonths: number;
  /** The first age that enters the tail fit. */
  tailFromAge: number;
  /** The decay to impose when this segment's own rates do not decay (the parent curve's). */
  fallbackDecayPerMonth?: number;
}

/**
 * A recovery curve fitted to a gross static-pool triangle: the additive method's ζₖ (collections per
 * unit of charged-off balance at each observed age, pooled over cohorts) then an exponential tail
 * to the horizon (`fitExponentialTail`, each ζₖ weighted by the balance it rests on).
 * @example fitRecoveryCurve(buildRecoveryTriangle(loans, events, { cohort: 'month', asOf, basis: 'gross' }), 'card', { horizonMonths: 120, tailFromAge: 6 })
 * @throws RangeError as `additiveMethod` and `fitExponentialTail`
 */
export function fitRecoveryCurve(
  triangle: RecoveryTriangle,
  segment: string,
  options: CurveFitOptions,
): RecoveryCurve {
  const { zeta, exposureByAge } = additiveMethod(triangle);
  const { rates, ...tail } = fitExponentialTail(zeta, {
    fromAge: options.tailFromAge,
    weights: exposureByAge,
    horizonMonths: options.horizonMonths,
    ...(options.fallbackDecayPerMonth !== undefined
      ? { fallbackDecayPerMonth: options.fallbackDecayPerMonth }
      : {}),
  });
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    segment,
    rates,
    accounts: sum(triangle.accounts),
    exposureFen: sum(triangle.exposure),
    credibility: 1,
    tail,
  };
}

/**
 * Running sums of a curve, cum[a] = Σ_{age < a} rate(age), one longer than the curve: what a unit of
 * balance gives from age `from` to age `to` (exclusive) is cum[to] − cum[from], ages past the curve
 * giving nothing.
 * @example cumulativeRates(new Float64Array([0.1, 0.2])) // [0, 0.1, 0.3…]
 */
export function cumulativeRates(rates: Float64Array): Float64Array {
  const cum = new Float64Array(rates.length + 1);
  for (let age = 0; age < rates.length; age++) cum[age + 1] = (cum[age] ?? 0) + (rates[age] ?? 0);
  return cum;
}

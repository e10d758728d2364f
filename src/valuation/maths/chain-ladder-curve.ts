import { additiveMethod } from './additive';
import { ageToAgeFactors } from './age-to-age';
import { fitExponentialTail } from './exponential-tail';
import type { CurveFitOptions, RecoveryCurve } from './recovery-curve';
import type { RecoveryTriangle } from './recovery-triangle';
import { cumulativeOf } from './triangle';

/**
 * A recovery curve from the chain ladder: the book's cumulative recovery rate at age 0,
 * c₀ = Σᵢ C(i,0) ÷ Σᵢ Eᵢ, developed with the volume-weighted age-to-age factors,
 * cₖ₊₁ = cₖ · fₖ, so the monthly rate is rₖ₊₁ = cₖ · (fₖ − 1); then the exponential tail to the
 * horizon, as `fitRecoveryCurve` does for the additive method. Chain ladder develops what has
 * been collected: where nothing has been collected yet at an age there is nothing to develop,
 * and the curve is undefined (a thin segment then takes its parent's curve).
 * @example fitChainLadderCurve(buildRecoveryTriangle(loans, events, { cohort: 'month', asOf, basis: 'gross' }), 'all', { horizonMonths: 120, tailFromAge: 6 })
 * @throws RangeError as `fitExponentialTail`
 */
export function fitChainLadderCurve(
  triangle: RecoveryTriangle,
  segment: string,
  options: CurveFitOptions,
): RecoveryCurve | undefined {
  const cumulative = cumulativeOf(triangle);
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  let factors: number[];
  try {
    factors = ageToAgeFactors(cumulative, { average: 'volume' });
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
  let collectedRate = sum(cumulative.values.map((row) => row[0] ?? 0)) / sum(triangle.exposure);
  const observed = [collectedRate];
  for (const factor of factors) {
    observed.push(collectedRate * (factor - 1));
    collectedRate *= factor;
  }
  const { rates, ...tail } = fitExponentialTail(observed, {
    fromAge: options.tailFromAge,
    weights: additiveMethod(triangle).exposureByAge,
    horizonMonths: options.horizonMonths,
    ...(options.fallbackDecayPerMonth !== undefined
      ? { fallbackDecayPerMonth: options.fallbackDecayPerMonth }
      : {}),
  });
  return {
    segment,
    rates,
    accounts: sum(triangle.accounts),
    exposureFen: sum(triangle.exposure),
    credibility: 1,
    tail,
  };
}

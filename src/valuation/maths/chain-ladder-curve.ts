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
 * been collected, so the chain starts at the first age k₀ where some pool has collected: the ages
 * before it collected exactly nothing (rate 0), c(k₀) = Σᵢ C(i,k₀) ÷ Σᵢ Eᵢ over the pools observed
 * at k₀, and the factors run from k₀ on. (Lenders often collect nothing in the charge-off month
 * itself: placement with an agency takes weeks.) Where no pool has collected anything, or a later
 * age has nothing to develop from, the curve is undefined (a thin segment then takes its parent's).
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
  const firstAge = cumulative.ages.findIndex((_, k) =>
    cumulative.values.some((row) => (row[k] ?? 0) > 0),
  );
  if (firstAge === -1) return undefined;
  let factors: number[];
  try {
    factors = ageToAgeFactors(
      {
        ...cumulative,
        ages: cumulative.ages.slice(firstAge),
        values: cumulative.values.map((row) => row.slice(firstAge)),
      },
      { average: 'volume' },
    );
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
  let collected = 0;
  let exposed = 0;
  cumulative.values.forEach((row, origin) => {
    const value = row[firstAge];
    if (value == null) return;
    collected += value;
    exposed += triangle.exposure[origin] ?? 0;
  });
  let collectedRate = collected / exposed;
  const observed = [...new Array<number>(firstAge).fill(0), collectedRate];
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

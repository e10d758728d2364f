import { cumulativeOf, type Triangle } from './triangle';

/** `volume`: Σ C(i,k+1) ÷ Σ C(i,k), the chain-ladder standard; `simple`: the plain mean of the link ratios. */
export type Averaging = 'volume' | 'simple';

/** One origin's step from age k to k + 1: its cumulative value at k and at k + 1. */
interface DevelopmentPair {
  origin: number;
  from: number;
  to: number;
}

/** The origins known at both age index k and k + 1, with their cumulative values. */
export function developmentPairs(cumulative: Triangle, k: number): DevelopmentPair[] {
  const pairs: DevelopmentPair[] = [];
  cumulative.values.forEach((row, origin) => {
    const from = row[k];
    const to = row[k + 1];
    if (from != null && to != null) pairs.push({ origin, from, to });
  });
  return pairs;
}

/**
 * The weight of a link ratio F = C(i,k+1) ÷ C(i,k) in the average: C(i,k) for the volume-weighted
 * average, 1 for the simple one. In Mack's model Var(C(i,k+1) | C(i,k)) = σ²ₖ C(i,k)^δ, the weights
 * C^(2−δ) give the best unbiased estimator: δ = 1 is volume-weighted, δ = 2 the simple average.
 */
export function linkRatioWeight(cumulativeValue: number, average: Averaging): number {
  return average === 'volume' ? cumulativeValue : 1;
}

/**
 * Age-to-age (link) factors fₖ = Σᵢ wᵢₖ Fᵢₖ ÷ Σᵢ wᵢₖ over the origins known at both ages, with
 * Fᵢₖ = C(i,k+1) ÷ C(i,k) and w as in `linkRatioWeight`: the volume-weighted average is
 * Σ C(i,k+1) ÷ Σ C(i,k) (Mack 1993, "Distribution-free calculation of the standard error of chain
 * ladder reserve estimates", ASTIN Bulletin 23(2)). One factor per age but the last.
 * @example ageToAgeFactors(raa, { average: 'volume' })[0] // 2.999359 (RAA, 12 → 24 months)
 * @throws RangeError when an age has no pair of known values, or only zero values to develop from
 */
export function ageToAgeFactors(
  triangle: Triangle,
  options: { average?: Averaging } = {},
): number[] {
  const average = options.average ?? 'volume';
  const cumulative = cumulativeOf(triangle);
  return cumulative.ages.slice(0, -1).map((age, k) => {
    // Σ w·F = Σ C(i,k+1) for the volume weights, which keeps an origin that starts from zero in the sum.
    let weighted = 0;
    let weights = 0;
    for (const { from, to } of developmentPairs(cumulative, k)) {
      if (average === 'simple' && from === 0) continue;
      weighted += average === 'volume' ? to : to / from;
      weights += linkRatioWeight(from, average);
    }
    if (!(weights > 0))
      throw new RangeError(
        `no development to learn from at age ${age}: no origin has a non-zero value there and a value after`,
      );
    return weighted / weights;
  });
}

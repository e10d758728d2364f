import { linearRegression } from 'simple-statistics';
import { developmentPairs, linkRatioWeight, type Averaging } from './age-to-age';
import type { Triangle } from './triangle';

/** How to fill a σ that the data cannot give (an age with a single link ratio). */
export type SigmaExtrapolation = 'mack' | 'log-linear';

/**
 * Mack's σₖ from the link ratios: σ²ₖ = 1/(nₖ − 1) · Σᵢ wᵢₖ (Fᵢₖ − fₖ)², with nₖ link ratios at
 * age k and w as in `linkRatioWeight` (Mack 1993, eq. 5). NaN where nₖ < 2.
 * @example developmentSigmas(raaCumulative, ageToAgeFactors(raa))[0] // 166.98 (Mack 1994 p130: σ² = 27883)
 */
export function developmentSigmas(
  cumulative: Triangle,
  factors: readonly number[],
  average: Averaging,
): number[] {
  return factors.map((factor, k) => {
    const pairs = developmentPairs(cumulative, k).filter(({ from }) => from !== 0);
    if (pairs.length < 2) return NaN;
    const squares = pairs.reduce(
      (sum, { from, to }) => sum + linkRatioWeight(from, average) * (to / from - factor) ** 2,
      0,
    );
    return Math.sqrt(squares / (pairs.length - 1));
  });
}

/**
 * Fills the σ's the data cannot give.
 * - `mack` (Mack 1993, p. 218): σ²ₖ = min(σ⁴ₖ₋₁ ÷ σ²ₖ₋₂, min(σ²ₖ₋₂, σ²ₖ₋₁)).
 * - `log-linear` (R ChainLadder's default): ln σₖ = a + b·k fitted by least squares (simple-statistics
 *   `linearRegression`) to the known positive σ's, and read off at the missing k. With fewer than
 *   two σ's to fit it falls back to `mack`, as R does. R also falls back when the slope's p-value
 *   exceeds 5 %; that test is not made here.
 * @example extrapolateSigmas([166.98, 33.29, …, 2.81, NaN], 'mack') // last = 1.159 (RAA)
 * @throws RangeError when a σ cannot be filled (fewer than two earlier σ's for `mack`)
 */
export function extrapolateSigmas(sigmas: readonly number[], method: SigmaExtrapolation): number[] {
  const points = sigmas.flatMap((sigma, k) => (sigma > 0 ? [[k, Math.log(sigma)]] : []));
  if (method === 'log-linear' && points.length >= 2) {
    const { m, b } = linearRegression(points);
    return sigmas.map((sigma, k) => (Number.isNaN(sigma) ? Math.exp(b + m * k) : sigma));
  }
  const filled = [...sigmas];
  filled.forEach((sigma, k) => {
    if (!Number.isNaN(sigma)) return;
    const before = filled[k - 1];
    const twoBefore = filled[k - 2];
    if (
      before === undefined ||
      twoBefore === undefined ||
      Number.isNaN(before) ||
      Number.isNaN(twoBefore)
    ) {
      throw new RangeError(`σ at age index ${k} cannot be extrapolated: it needs two earlier σ's`);
    }
    filled[k] = Math.sqrt(
      Math.abs(Math.min(before ** 4 / twoBefore ** 2, Math.min(twoBefore ** 2, before ** 2))),
    );
  });
  return filled;
}

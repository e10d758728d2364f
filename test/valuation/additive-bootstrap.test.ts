import { describe, expect, it } from 'vitest';
import { prepareAdditiveBootstrap } from '../../src/valuation/maths/additive-bootstrap';
import { SeededRandom } from '../../src/valuation/maths/random';
import type { Triangle } from '../../src/valuation/maths/triangle';

const COHORTS = 48;
const AGES = 24;
const EXPOSURE_FEN = 100_000_000;
const PHI_FEN = 1_000;
const zeta = Array.from({ length: AGES }, (_, k) => 0.03 * Math.exp(-0.08 * k));

/** A run-off triangle whose cohorts each carry a level factor of mean 1 and standard deviation `sigma`, cells over-dispersed Poisson (φ = 1,000 fen). */
function triangleWithVintages(sigma: number, seed: number): Triangle {
  const random = new SeededRandom(seed);
  const values = Array.from({ length: COHORTS }, (_, i) => {
    const factor = sigma > 0 ? random.gamma(1 / sigma ** 2) * sigma ** 2 : 1;
    return zeta.map((rate, k) => {
      if (k >= COHORTS - i) return null;
      const mean = EXPOSURE_FEN * rate * factor;
      return random.gamma(mean / PHI_FEN) * PHI_FEN;
    });
  });
  return {
    origins: values.map((_, i) => `c${i}`),
    ages: zeta.map((_, k) => k),
    kind: 'incremental',
    values,
    exposure: values.map(() => EXPOSURE_FEN),
  };
}

describe('prepareAdditiveBootstrap: the variance between cohorts', () => {
  it("finds the spread of the cohorts' levels beyond the process noise", () => {
    const estimates = [1, 2, 3, 4, 5].map(
      (seed) => prepareAdditiveBootstrap(triangleWithVintages(0.2, seed)).cohortVariance,
    );
    const mean = estimates.reduce((a, b) => a + b, 0) / estimates.length;
    expect(mean).toBeGreaterThan(0.04 * 0.7);
    expect(mean).toBeLessThan(0.04 * 1.3);
  });

  it('finds next to none when the cohorts differ only by chance', () => {
    for (const seed of [1, 2, 3])
      expect(prepareAdditiveBootstrap(triangleWithVintages(0, seed)).cohortVariance).toBeLessThan(
        0.002,
      );
  });
});

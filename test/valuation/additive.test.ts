import { describe, expect, it } from 'vitest';
import { additiveMethod } from '../../src/valuation/maths/additive';
import { cumulativeTriangle } from './published-triangle';
import { expectClose, expected } from './fixtures';

// chainladder-python's test_incremental::test_schmidt on ia_sample (Schmidt 2006, the additive
// method), values in test/fixtures/chainladder/expected.json to ten significant digits.
describe('additiveMethod on the ia_sample of chainladder-python (test_schmidt)', () => {
  const sample = expected.IA_sample_additive;
  const result = additiveMethod(
    cumulativeTriangle(sample.origins, sample.cumulative, sample.exposure),
  );

  it('reproduces the incremental rates ζ and their sums to ultimate', () => {
    expectClose(result.zeta, sample.zeta_incremental_rates, 1e-8);
    expectClose(result.cumZeta, sample.cum_zeta, 1e-8);
  });

  it('reproduces the ultimates and IBNR', () => {
    expectClose(result.ultimate, sample.ultimate, 1e-8);
    expectClose(result.reserve, sample.ibnr, 1e-8);
  });

  it('reports the exposure each ζ rests on', () => {
    const total = sample.exposure.reduce((a, b) => a + b, 0);
    expect(result.exposureByAge[0]).toBe(total);
    expect(result.exposureByAge[5]).toBe(sample.exposure[0]);
  });

  it('needs an exposure', () => {
    expect(() => additiveMethod(cumulativeTriangle(sample.origins, sample.cumulative))).toThrow(
      RangeError,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { mackSummary } from '../../src/valuation/maths/mack-summary';
import { expectClose, expected, publishedCheck, triangleOf } from './fixtures';

// Known answers: test/fixtures/chainladder/expected.json (casact/chainladder-python, and the
// printed figures of Mack 1994 and R ChainLadder it cites). RAA's total Mack standard error is
// 26,909.01 with Mack's σ extrapolation, GenIns's 2,447,094.86.
const SIX_DECIMALS = 1e-6;

describe.each([
  ['RAA', 26_909.01],
  ['GenIns', 2_447_094.86],
] as const)("Mack's figures by cohort and in total on %s", (name, totalSe) => {
  const summary = mackSummary(triangleOf(name), { sigma: 'mack' });
  const wanted = expected[name].mack_mack;

  it(`gives the total standard error ${totalSe.toLocaleString('en')}`, () => {
    expect(summary.total.se.toFixed(2)).toBe(totalSe.toFixed(2));
    expectClose([summary.total.se], [wanted.total_mack_se], SIX_DECIMALS);
  });

  it('gives each origin its latest, ultimate, reserve and standard error', () => {
    expectClose(
      summary.origins.map((o) => o.latest),
      wanted.latest,
      SIX_DECIMALS,
    );
    expectClose(
      summary.origins.map((o) => o.ultimate),
      wanted.ultimate,
      SIX_DECIMALS,
    );
    expectClose(
      summary.origins.map((o) => o.reserve),
      wanted.ibnr,
      SIX_DECIMALS,
    );
    expectClose(
      summary.origins.map((o) => o.se),
      wanted.mack_se_by_origin,
      SIX_DECIMALS,
    );
    expectClose(
      [summary.total.latest, summary.total.ultimate, summary.total.reserve],
      [wanted.total_latest, wanted.total_ultimate, wanted.total_ibnr],
      SIX_DECIMALS,
    );
  });

  it('splits each standard error into process and parameter parts, se² = process² + parameter², and gives CV = se ÷ reserve', () => {
    for (const figures of [...summary.origins, summary.total]) {
      expect(Math.hypot(figures.processSe, figures.parameterSe)).toBeCloseTo(figures.se, 6);
      if (figures.reserve > 0) expect(figures.cv).toBeCloseTo(figures.se / figures.reserve, 12);
      else expect(figures.cv).toBeNull();
    }
    // The oldest origin is fully developed: nothing remains and nothing is uncertain.
    expect(summary.origins[0]).toMatchObject({ reserve: 0, se: 0, cv: null });
    expect(summary.throughAge).toBe(triangleOf(name).ages.at(-1));
  });
});

describe("Mack's figures with R ChainLadder's log-linear σ", () => {
  it('gives R MackChainLadder(RAA) total standard error 26,880.74', () => {
    expect(mackSummary(triangleOf('RAA'), { sigma: 'log-linear' }).total.se.toFixed(2)).toBe(
      publishedCheck<string>('RAA total Mack SE').slice(0, 8),
    );
  });

  it('gives the GenIns total of chainladder-python', () => {
    expectClose(
      [mackSummary(triangleOf('GenIns')).total.se],
      [expected.GenIns.mack_log_linear.total_mack_se],
      SIX_DECIMALS,
    );
  });
});

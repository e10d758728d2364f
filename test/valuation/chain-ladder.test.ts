import { describe, expect, it } from 'vitest';
import { ageToAgeFactors } from '../../src/valuation/maths/age-to-age';
import { chainLadder } from '../../src/valuation/maths/chain-ladder';
import { mack } from '../../src/valuation/maths/mack';
import { cumulativeTriangle } from './published-triangle';
import { expectAsPublished, expectClose, expected, publishedCheck, triangleOf } from './fixtures';

// Expected values: test/fixtures/chainladder/expected.json, computed by casact/chainladder-python
// on its bundled RAA, GenIns and Mortgage triangles and given to six decimals; the published checks
// cite Mack (1994, 1999) and R ChainLadder's unit tests (runit.MackChainLadder.R), and are met to
// the precision they are printed with.
const SIX_DECIMALS = 1e-6;

describe.each(['RAA', 'GenIns', 'Mortgage'] as const)('chain ladder on %s', (name) => {
  const triangle = triangleOf(name);
  const wanted = expected[name].mack_mack;

  it('reproduces the volume-weighted age-to-age factors and cumulative development factors', () => {
    expectClose(
      ageToAgeFactors(triangle, { average: 'volume' }),
      wanted.f_volume_weighted,
      SIX_DECIMALS,
    );
    expectClose(chainLadder(triangle).cdf, wanted.cdf_to_ultimate, SIX_DECIMALS);
  });

  it('reproduces the latest diagonal, ultimates, IBNR and their totals', () => {
    const result = chainLadder(triangle);
    expectClose(result.latest, wanted.latest, SIX_DECIMALS);
    expectClose(result.ultimate, wanted.ultimate, SIX_DECIMALS);
    expectClose(result.reserve, wanted.ibnr, SIX_DECIMALS);
    expectClose(
      [result.totals.latest, result.totals.ultimate, result.totals.reserve],
      [wanted.total_latest, wanted.total_ultimate, wanted.total_ibnr],
      SIX_DECIMALS,
    );
  });

  it.each([
    ['mack', 'mack_mack'],
    ['log-linear', 'mack_log_linear'],
  ] as const)(
    'reproduces Mack σ, se(f) and standard errors with %s σ extrapolation',
    (sigma, key) => {
      const result = mack(triangle, { sigma });
      const published = expected[name][key];
      expectClose(result.sigma, published.sigma, SIX_DECIMALS);
      expectClose(result.factorSe, published.f_se, 1e-4);
      expectClose(result.se, published.mack_se_by_origin, SIX_DECIMALS);
      expectClose([result.totalSe], [published.total_mack_se], SIX_DECIMALS);
    },
  );
});

describe('published checks of the Mack method', () => {
  it('gives the σ² of Mack (1994, p. 130) for RAA', () => {
    const sigma = mack(triangleOf('RAA'), { sigma: 'mack' }).sigma.slice(0, 8);
    expectAsPublished(
      sigma.map((s) => s ** 2),
      publishedCheck<number[]>('RAA Mack(1994) p130 sigma^2'),
    );
  });

  it('gives the reserve standard errors of Mack (1994, p. 130) for RAA to the unit, and the total IBNR 52,135', () => {
    const result = mack(triangleOf('RAA'), { sigma: 'mack' });
    expect(result.se.slice(1).map(Math.round)).toEqual(
      publishedCheck<number[]>('RAA Mack(1994) p130 reserve SE'),
    );
    expect(Math.round(result.totals.reserve)).toBe(publishedCheck<number>('RAA total IBNR'));
  });

  it('gives R MackChainLadder(RAA) total standard error 26,880.74 with the log-linear σ', () => {
    expect(mack(triangleOf('RAA'), { sigma: 'log-linear' }).totalSe.toFixed(2)).toBe(
      publishedCheck<string>('RAA total Mack SE').slice(0, 8),
    );
  });

  it('gives R MackChainLadder(RAA, est.sigma = "Mack", tail = 1.05) total standard error 28,669.91, the tail se and σ read off the log-linear fits', () => {
    expect(
      mack(triangleOf('RAA'), { sigma: 'mack', tail: { factor: 1.05 } }).totalSe.toFixed(2),
    ).toBe(publishedCheck<string>('R MackChainLadder(RAA, est.sigma="Mack", tail=1.05)'));
  });

  describe('Mortgage with the tail of Mack (1999): factor 1.05, se 0.02, σ 71', () => {
    const result = mack(triangleOf('Mortgage'), {
      sigma: 'mack',
      tail: { factor: 1.05, se: 0.02, sigma: 71 },
    });

    it('gives Table 1: f, se(f) and σ', () => {
      expectAsPublished(result.factors, publishedCheck<number[]>('Mortgage Mack(1999) Table1 f'));
      expectAsPublished(
        result.factorSe,
        publishedCheck<number[]>('Mortgage Mack(1999) Table1 f.se'),
      );
      expectAsPublished(result.sigma, publishedCheck<number[]>('Mortgage Mack(1999) Table1 sigma'));
    });

    it('gives Table 2: the standard errors by origin at the last observed age, in thousands', () => {
      expect(result.seByAge.map((row) => Math.round((row[8] ?? NaN) / 1000))).toEqual(
        publishedCheck<number[]>('Mortgage Mack(1999) Table2'),
      );
    });

    it("gives R's link-ratio standard errors of origin 3, the tail's included", () => {
      expectAsPublished(
        result.linkRatioSe[2] ?? [],
        publishedCheck<number[]>('Mortgage F.se row 3'),
      );
    });

    it('adds the tail to every ultimate and to the standard error of every origin, the oldest too', () => {
      const withoutTail = mack(triangleOf('Mortgage'), { sigma: 'mack' });
      result.ultimate.forEach((u, i) =>
        expect(u).toBeCloseTo((withoutTail.ultimate[i] ?? NaN) * 1.05, 4),
      );
      expect(result.se[0]).toBeGreaterThan(0);
      expect(result.totalSe).toBeGreaterThan(withoutTail.totalSe);
    });
  });
});

describe('ageToAgeFactors', () => {
  const small = cumulativeTriangle(
    ['a', 'b', 'c'],
    [
      [100, 150, 165],
      [200, 260, null],
      [50, null, null],
    ],
  );

  it('takes Σ C(k+1) ÷ Σ C(k) for the volume-weighted average and the plain mean of link ratios for the simple one', () => {
    expectClose(ageToAgeFactors(small, { average: 'volume' }), [410 / 300, 1.1], 1e-12);
    expectClose(ageToAgeFactors(small, { average: 'simple' }), [(1.5 + 1.3) / 2, 1.1], 1e-12);
  });

  it('refuses an age from which only zeros develop', () => {
    const zeros = cumulativeTriangle(
      ['a', 'b'],
      [
        [0, 10],
        [0, null],
      ],
    );
    expect(() => ageToAgeFactors(zeros)).toThrow(RangeError);
  });
});

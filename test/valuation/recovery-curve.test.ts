import { describe, expect, it } from 'vitest';
import { credibilityWeightedCurve } from '../../src/valuation/maths/credibility';
import { fitExponentialTail } from '../../src/valuation/maths/exponential-tail';
import {
  cumulativeRates,
  fitRecoveryCurve,
  type RecoveryCurve,
} from '../../src/valuation/maths/recovery-curve';
import { buildRecoveryTriangle } from '../../src/valuation/maths/recovery-triangle';
import { fitSegmentCurves } from '../../src/valuation/maths/segment-curves';
import { exponentialCurve, syntheticBook } from './synthetic-book';

const decaying = (ages: number, first: number, decay: number) =>
  Array.from({ length: ages }, (_, age) => first * Math.exp(-decay * age));

describe('fitExponentialTail', () => {
  it('recovers an exact exponential decay and extends it to the horizon', () => {
    const tail = fitExponentialTail(decaying(24, 0.03, 0.05), { fromAge: 0, horizonMonths: 120 });
    expect(tail.decayPerMonth).toBeCloseTo(0.05, 10);
    expect(tail.intercept).toBeCloseTo(Math.log(0.03), 10);
    expect(tail.rates).toHaveLength(120);
    expect(tail.rates[119]).toBeCloseTo(0.03 * Math.exp(-0.05 * 119), 12);
    expect(tail.firstFittedAge).toBe(24);
    expect(tail.rSquared).toBeCloseTo(1, 10);
  });

  it('keeps the observed rates as they are and fits only from the given age', () => {
    const observed = [0.001, 0.5, ...decaying(10, 0.02, 0.1).slice(2)];
    const tail = fitExponentialTail(observed, { fromAge: 2, horizonMonths: 84 });
    expect(Array.from(tail.rates.slice(0, 10))).toEqual(observed);
    expect(tail.decayPerMonth).toBeCloseTo(0.1, 10);
  });

  it('imposes the fallback decay on rates that rise, fitting only their level', () => {
    const tail = fitExponentialTail([0.01, 0.011, 0.012, 0.013], {
      fromAge: 0,
      horizonMonths: 10,
      fallbackDecayPerMonth: 0.2,
    });
    expect(tail.decaySource).toBe('fallback');
    expect(tail.decayPerMonth).toBe(0.2);
    const level = 0.046 / [0, 1, 2, 3].reduce((sum, age) => sum + Math.exp(-0.2 * age), 0);
    expect(tail.rates[5]).toBeCloseTo(level * Math.exp(-0.2 * 5), 12);
  });

  it('refuses rates that rise when no fallback is given, and a horizon that is not a whole number of months', () => {
    expect(() => fitExponentialTail([0.01, 0.02, 0.03], { fromAge: 0, horizonMonths: 10 })).toThrow(
      RangeError,
    );
    expect(() => fitExponentialTail([0.03, 0.02], { fromAge: 0, horizonMonths: 12.5 })).toThrow(
      RangeError,
    );
    expect(() => fitExponentialTail([], { fromAge: 0, horizonMonths: 12 })).toThrow(RangeError);
  });

  it('ends the curve where the last six observed months collected nothing on a balance', () => {
    // A pool that paid, decayed, then stopped: 13 months of exact zeros on a balance still owed.
    const observed = [...decaying(24, 0.03, 0.08), ...new Array<number>(13).fill(0)];
    const weights = new Array<number>(observed.length).fill(1_000_000);
    const tail = fitExponentialTail(observed, { fromAge: 6, horizonMonths: 120, weights });
    expect(tail.decaySource).toBe('observed_zeros');
    expect(Array.from(tail.rates.slice(0, observed.length))).toEqual(observed);
    expect(tail.rates.slice(observed.length).every((rate) => rate === 0)).toBe(true);
    // Five zeros are not yet evidence: the tail goes on decaying.
    const short = [...decaying(24, 0.03, 0.08), 0, 0, 0, 0, 0];
    const fitted = fitExponentialTail(short, { fromAge: 6, horizonMonths: 120 });
    expect(fitted.decaySource).toBe('fitted');
    expect(fitted.rates[60]).toBeGreaterThan(0);
    // Zeros on no balance say nothing about the pool: they do not end it.
    const unexposed = fitExponentialTail(observed, {
      fromAge: 6,
      horizonMonths: 120,
      weights: weights.map((w, age) => (age >= 24 ? 0 : w)),
    });
    expect(unexposed.decaySource).toBe('fitted');
  });

  it('names the setting to change when the rates do not decay', () => {
    expect(() => fitExponentialTail([0.01, 0.02, 0.03], { fromAge: 0, horizonMonths: 10 })).toThrow(
      /tailFromAge/,
    );
  });

  it('forecasts nothing after a window that collected nothing', () => {
    const tail = fitExponentialTail([0.02, 0, 0, 0], {
      fromAge: 1,
      horizonMonths: 8,
      fallbackDecayPerMonth: 0.1,
    });
    expect(Array.from(tail.rates.slice(4))).toEqual([0, 0, 0, 0]);
  });
});

const curve = (accounts: number, rate: number): RecoveryCurve => ({
  segment: 's',
  rates: new Float64Array([rate, rate]),
  accounts,
  exposureFen: 1,
  credibility: 1,
  tail: {
    firstFittedAge: 1,
    intercept: 0,
    decayPerMonth: 0,
    decaySource: 'fitted',
    rSquared: 1,
    points: 2,
  },
});

describe('credibilityWeightedCurve', () => {
  it('weighs a segment by Z = n ÷ (n + k) of its accounts against its parent', () => {
    const blended = credibilityWeightedCurve(curve(1_500, 0.02), curve(100_000, 0.01), { k: 500 });
    expect(blended.credibility).toBe(0.75);
    expect(blended.rates[0]).toBeCloseTo(0.75 * 0.02 + 0.25 * 0.01, 15);
  });

  it('gives a segment without accounts the parent curve', () => {
    expect(credibilityWeightedCurve(curve(0, 0.02), curve(10, 0.01), { k: 500 }).rates[1]).toBe(
      0.01,
    );
  });
});

describe('fitted recovery curves', () => {
  const truth = exponentialCurve({
    ageZeroRate: 0.004,
    firstMonthRate: 0.015,
    decayPerMonth: 0.04,
    horizonMonths: 120,
  });
  const book = syntheticBook({
    seed: 11,
    cohorts: 48,
    accountsPerCohort: 2_000,
    asOf: '2025-12-31',
    trueRates: truth,
    futureMonths: 0,
  });

  it('find the true curve of a synthetic book within 2 %, cumulatively at every year of age to 120 months', () => {
    const triangle = buildRecoveryTriangle(book.loans, book.events, {
      cohort: 'month',
      asOf: '2025-12-31',
      basis: 'gross',
    });
    const fitted = cumulativeRates(
      fitRecoveryCurve(triangle, 'all', { horizonMonths: 120, tailFromAge: 3 }).rates,
    );
    const wanted = cumulativeRates(truth);
    for (let age = 12; age <= 120; age += 12)
      expect(Math.abs((fitted[age] ?? NaN) / (wanted[age] ?? NaN) - 1)).toBeLessThan(0.02);
  });

  it('per segment, pull a thin segment toward the book while a thick one keeps most of its own experience', () => {
    const thin = new Set(book.loans.filter((_, i) => i % 40 === 0).map((loan) => loan.loanId));
    const curves = fitSegmentCurves(book.loans, book.events, {
      segmentOf: (loan) => (thin.has(loan.loanId) ? 'thin' : loan.band),
      cohort: 'quarter',
      asOf: '2025-12-31',
      horizonMonths: 120,
      tailFromAge: 3,
      credibilityK: 500,
    });
    expect(curves.parent.accounts).toBe(96_000);
    const thinCurve = curves.bySegment.get('thin');
    const small = curves.bySegment.get('small');
    expect(thinCurve?.credibility).toBeCloseTo(2_400 / (2_400 + 500), 10);
    expect(small?.credibility).toBeGreaterThan(0.97);
    for (const segment of [thinCurve, small]) {
      const total = cumulativeRates(segment?.rates ?? new Float64Array())[120] ?? NaN;
      expect(Math.abs(total / (cumulativeRates(truth)[120] ?? NaN) - 1)).toBeLessThan(0.05);
    }
  });

  it('per segment, give a segment without a complete month the book curve', () => {
    const young = {
      loanId: 'young',
      chargeOffDate: '2025-12-10',
      chargeOffFen: 100_000,
      claimFen: 100_000,
      band: 'small' as const,
    };
    const curves = fitSegmentCurves([...book.loans, young], book.events, {
      segmentOf: (loan) => (loan.loanId === 'young' ? 'young' : 'old'),
      cohort: 'month',
      asOf: '2025-12-15',
      horizonMonths: 120,
      tailFromAge: 3,
      credibilityK: 500,
    });
    expect(curves.bySegment.get('young')?.credibility).toBe(0);
    expect(curves.bySegment.get('young')?.rates).toEqual(curves.parent.rates);
  });
});

import { describe, expect, it } from 'vitest';
import { perUnitTriangle } from '../../src/valuation/curves/curve-set';
import { buildRecoveryTriangle } from '../../src/valuation/maths/recovery-triangle';
import { storedCurves, storedHistory } from '../../src/valuation/curves/stored-curves';
import { exponentialCurve, syntheticBook } from './synthetic-book';

describe('storedHistory', () => {
  it('gives back, from the rates stored per unit of balance, the triangle in fen they were taken from', () => {
    const asOf = '2025-12-31';
    const truth = exponentialCurve({
      ageZeroRate: 0.004,
      firstMonthRate: 0.015,
      decayPerMonth: 0.04,
      horizonMonths: 60,
    });
    const book = syntheticBook({
      seed: 3,
      cohorts: 12,
      accountsPerCohort: 50,
      asOf,
      trueRates: truth,
      futureMonths: 0,
    });
    const triangle = buildRecoveryTriangle(book.loans, book.events, {
      cohort: 'month',
      asOf,
      basis: 'gross',
    });
    const restored = storedHistory(JSON.parse(JSON.stringify(perUnitTriangle(triangle))));
    expect(restored).toMatchObject({
      origins: triangle.origins,
      ages: triangle.ages,
      kind: 'incremental',
      exposure: triangle.exposure,
      accounts: triangle.accounts,
    });
    restored.values.forEach((row, i) =>
      row.forEach((value, k) =>
        value === null
          ? expect(triangle.values[i]![k]).toBeNull()
          : expect(value).toBeCloseTo(triangle.values[i]![k]!, 6),
      ),
    );
  });
});

describe('storedCurves', () => {
  it('keys each segment curve by its segment, the book curve apart', () => {
    const fitted = (segment: string, gross: number[]) => ({
      segment,
      accounts: 1,
      exposureFen: 1,
      credibility: 1,
      firstFittedAge: 1,
      decayPerMonth: 0.1,
      decaySource: 'fitted' as const,
      gross,
      net: gross,
      cumulativeGross: gross,
    });
    const curves = storedCurves({
      book: fitted('all', [0.1, 0.2]),
      segments: [fitted('product=card', [0.3, 0.4])],
    });
    expect(curves.book).toEqual({ segment: 'all', rates: Float64Array.from([0.1, 0.2]) });
    expect([...curves.bySegment.keys()]).toEqual(['product=card']);
    expect(curves.bySegment.get('product=card')?.rates).toEqual(Float64Array.from([0.3, 0.4]));
  });
});

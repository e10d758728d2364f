import { describe, expect, it } from 'vitest';
import { fitChainLadderCurve } from '../../src/valuation/maths/chain-ladder-curve';
import { fitCurveSet } from '../../src/valuation/curves/curve-set';
import { forecastAccuracy } from '../../src/valuation/maths/forecast-accuracy';
import { fitRecoveryCurve } from '../../src/valuation/maths/recovery-curve';
import type { HistoryLoan } from '../../src/valuation/history/recovery-history';
import { buildRecoveryTriangle } from '../../src/valuation/maths/recovery-triangle';
import { segmenter } from '../../src/valuation/history/segments';
import { exponentialCurve } from './synthetic-book';
import { syntheticHistory } from './synthetic-history';
import { asFen } from '../../src/shared';

const loan = (overrides: Partial<HistoryLoan> = {}): HistoryLoan => ({
  loanId: 'L1',
  chargeOffDate: '2025-01-15',
  chargeOffFen: asFen(1_200_000),
  product: 'credit_card',
  province: '广东',
  placementStage: null,
  litigationStatus: 'none',
  ...overrides,
});

describe('segmenter', () => {
  it("names a loan's segment by the chosen dimensions, in their order", () => {
    const of = segmenter({
      dimensions: ['product', 'balance_band', 'region', 'charge_off_age'],
      asOf: '2026-06-30',
    });
    expect(of(loan())).toBe(
      'product=credit_card|balance_band=5000-20000|region=广东|charge_off_age=secondary',
    );
    expect(
      of(loan({ chargeOffFen: asFen(10_000_000), province: null, chargeOffDate: '2026-02-01' })),
    ).toBe('product=credit_card|balance_band=100000+|region=unknown|charge_off_age=fresh');
    expect(segmenter({ dimensions: [], asOf: '2026-06-30' })(loan())).toBe('all');
  });

  it('bands the charge-off amount by the given edges, the lower edge included', () => {
    const of = segmenter({
      dimensions: ['balance_band'],
      asOf: '2026-06-30',
      balanceBandEdgesYuan: [0, 1_000],
    });
    expect(of(loan({ chargeOffFen: asFen(99_999) }))).toBe('balance_band=0-1000');
    expect(of(loan({ chargeOffFen: asFen(100_000) }))).toBe('balance_band=1000+');
    expect(() =>
      segmenter({ dimensions: [], asOf: '2026-06-30', balanceBandEdgesYuan: [5, 1] }),
    ).toThrow(RangeError);
  });
});

describe('fitChainLadderCurve', () => {
  it('finds the same curve as the additive method where development is proportional, and the truth within 5 %', () => {
    const history = syntheticHistory({
      seed: 3,
      cohorts: 36,
      accountsPerCohort: 1_000,
      asOf: '2025-12-31',
    });
    const triangle = buildRecoveryTriangle(history.loans, history.events, {
      cohort: 'month',
      asOf: '2025-12-31',
      basis: 'gross',
    });
    const options = { horizonMonths: 120, tailFromAge: 3 };
    const ladder = fitChainLadderCurve(triangle, 'all', options)!;
    const additive = fitRecoveryCurve(triangle, 'all', options);
    const cumulative = (rates: Float64Array, months: number) =>
      rates.slice(0, months).reduce((a, b) => a + b, 0);
    expect(cumulative(ladder.rates, 36) / cumulative(additive.rates, 36)).toBeCloseTo(1, 1);
    const truth = exponentialCurve({
      ageZeroRate: 0.004,
      firstMonthRate: 0.015,
      decayPerMonth: 0.04,
      horizonMonths: 120,
    });
    expect(Math.abs(cumulative(ladder.rates, 120) / cumulative(truth, 120) - 1)).toBeLessThan(0.05);
    expect(ladder.tail.decayPerMonth).toBeCloseTo(0.04, 2);
  });

  it('fits when nothing was collected at age 0, starting the chain at the first age that collected', () => {
    const history = syntheticHistory({
      seed: 3,
      cohorts: 36,
      accountsPerCohort: 1_000,
      asOf: '2025-12-31',
    });
    // Drop every payment made in a loan's charge-off month: placement takes weeks.
    const chargeOffMonth = new Map(
      history.loans.map((l) => [l.loanId, l.chargeOffDate.slice(0, 7)]),
    );
    const events = history.events.filter(
      (e) => e.eventDate.slice(0, 7) !== chargeOffMonth.get(e.loanId),
    );
    expect(events.length).toBeLessThan(history.events.length);
    const triangle = buildRecoveryTriangle(history.loans, events, {
      cohort: 'month',
      asOf: '2025-12-31',
      basis: 'gross',
    });
    const options = { horizonMonths: 120, tailFromAge: 3 };
    const ladder = fitChainLadderCurve(triangle, 'all', options);
    expect(ladder).toBeDefined();
    expect(ladder!.rates[0]).toBe(0);
    const additive = fitRecoveryCurve(triangle, 'all', options);
    const cumulative = (rates: Float64Array, months: number) =>
      rates.slice(0, months).reduce((a, b) => a + b, 0);
    expect(cumulative(ladder!.rates, 36) / cumulative(additive.rates, 36)).toBeCloseTo(1, 1);
  });

  it('has no curve to give where nothing was collected to develop from', () => {
    const triangle = buildRecoveryTriangle([loan()], [], {
      cohort: 'month',
      asOf: '2025-04-30',
      basis: 'gross',
    });
    expect(
      fitChainLadderCurve(triangle, 'all', { horizonMonths: 84, tailFromAge: 0 }),
    ).toBeUndefined();
  });
});

describe('fitCurveSet', () => {
  const history = syntheticHistory({
    seed: 5,
    cohorts: 24,
    accountsPerCohort: 300,
    asOf: '2025-12-31',
  });
  const spec = {
    asOf: '2025-12-31',
    cohort: 'month' as const,
    method: 'additive' as const,
    dimensions: ['product' as const],
    horizonMonths: 84,
    credibilityK: 500,
    tailFromAge: 3,
  };

  it('fits each segment toward the book by its credibility, with the triangles it came from', () => {
    const fit = fitCurveSet(history, spec);
    expect(fit.segments.map((s) => s.segment)).toEqual(['product=card', 'product=loan']);
    for (const segment of fit.segments)
      expect(segment.credibility).toBeCloseTo(segment.accounts / (segment.accounts + 500), 12);
    expect(fit.book.accounts).toBe(24 * 300);
    expect(fit.triangles.gross.cohorts).toHaveLength(24);
    expect(fit.triangles.gross.cumulative[0]!.at(-1)).toBeCloseTo(
      fit.triangles.gross.incremental[0]!.reduce((a, b) => a! + b!, 0)!,
      12,
    );
    // No cost history: net is gross.
    expect(fit.book.net).toEqual(fit.book.gross);
  });

  it('gives the same numbers for the same history and spec', () => {
    expect(JSON.stringify(fitCurveSet(history, spec))).toBe(
      JSON.stringify(fitCurveSet(history, spec)),
    );
  });

  it('fits only the loans charged off in the window', () => {
    const fit = fitCurveSet(history, {
      ...spec,
      chargeOffFrom: '2025-01-01',
      chargeOffTo: '2025-06-30',
    });
    expect(fit.triangles.gross.cohorts).toEqual([
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
    ]);
  });
});

describe('forecastAccuracy', () => {
  it('weighs the errors by what was collected', () => {
    const accuracy = forecastAccuracy([
      { predictedFen: 90, actualFen: 100 },
      { predictedFen: 130, actualFen: 100 },
    ]);
    expect(accuracy).toEqual({
      predictedFen: 220,
      actualFen: 200,
      ratio: 1.1,
      bias: expect.closeTo(0.1, 12),
      weightedMape: 0.2,
    });
    expect(forecastAccuracy([{ predictedFen: 5, actualFen: 0 }]).ratio).toBeNull();
  });
});

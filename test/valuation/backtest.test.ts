import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../src/valuation/backtests/backtest';
import { syntheticHistory } from './synthetic-history';

const spec = {
  cohort: 'month' as const,
  method: 'additive' as const,
  dimensions: [],
  horizonMonths: 120,
  credibilityK: 500,
  tailFromAge: 3,
  seed: 9,
  simulations: 200,
};

describe('runBacktest on a synthetic book drawn from a known curve', () => {
  const history = syntheticHistory({
    seed: 17,
    cohorts: 48,
    accountsPerCohort: 400,
    asOf: '2025-12-31',
  });

  it('forecasts the pools charged off by D within 5 % of what they then collected, the total inside its band', () => {
    const result = runBacktest(history, {
      ...spec,
      asOf: '2024-12-31',
      actualsThrough: '2025-12-31',
    });
    expect(result.months).toBe(12);
    // The book's cohorts run from 2021-12 to 2025-11; those of 2024-12 and before are the pools at D.
    expect(result.pools).toHaveLength(37);
    expect(result.pools[0]!.cohort).toBe('2021-12');
    expect(result.pools.at(-1)!.cohort).toBe('2024-12');
    expect(Math.abs(result.total.ratio! - 1)).toBeLessThan(0.05);
    expect(result.total.inside).toBe(true);
    expect(result.pools.filter((pool) => pool.inside).length).toBe(result.total.poolsInside);
    expect(result.monthly.reduce((sum, month) => sum + month.actualFen, 0)).toBe(
      result.total.actualFen,
    );
  });

  it('sees nothing after D: the fit and the forecast do not change when the actuals do', () => {
    const doubled = {
      ...history,
      events: history.events.map((e) =>
        e.eventDate > '2024-12-31' ? { ...e, amountFen: e.amountFen * 2 } : e,
      ),
    };
    const base = runBacktest(history, {
      ...spec,
      asOf: '2024-12-31',
      actualsThrough: '2025-06-30',
    });
    const after = runBacktest(doubled, {
      ...spec,
      asOf: '2024-12-31',
      actualsThrough: '2025-06-30',
    });
    expect(after.total.predictedFen).toBe(base.total.predictedFen);
    expect(after.total.actualFen).toBe(2 * base.total.actualFen);
  });

  it('refuses dates that are not month ends, or no month between them', () => {
    expect(() =>
      runBacktest(history, { ...spec, asOf: '2024-12-15', actualsThrough: '2025-06-30' }),
    ).toThrow(RangeError);
    expect(() =>
      runBacktest(history, { ...spec, asOf: '2024-12-31', actualsThrough: '2024-12-31' }),
    ).toThrow(RangeError);
  });
});

import type { z } from '@hono/zod-openapi';
import { formatFen } from '../../shared';
import type { BacktestResult, JudgedForecast } from './backtest';
import type { BacktestSchema, BacktestSummarySchema } from './backtest-schemas';
import type { BacktestRow, BacktestSummaryRow } from './backtests-repository';
import { storedFitSettings } from '../curves';

// Stored back-tests as the API shows them: money as yuan strings (already whole fen), ratios as numbers.

function judgedView(judged: JudgedForecast) {
  const { predictedFen, actualFen, band, ...measures } = judged;
  return {
    ...measures,
    predicted: formatFen(predictedFen),
    actual: formatFen(actualFen),
    band: { p5: formatFen(band.p5), p50: formatFen(band.p50), p95: formatFen(band.p95) },
  };
}

export function backtestSummaryView(
  row: BacktestSummaryRow,
): z.infer<typeof BacktestSummarySchema> {
  return {
    id: row.id,
    name: row.name,
    asOf: row.asOf,
    actualsThrough: row.actualsThrough,
    ...storedFitSettings(row),
    seed: row.seed,
    simulations: row.simulations,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
  };
}

export function backtestView(row: BacktestRow): z.infer<typeof BacktestSchema> {
  const result = JSON.parse(row.result) as BacktestResult;
  const { poolsInside, ...total } = result.total;
  return {
    ...backtestSummaryView(row),
    months: result.months,
    segments: result.segments,
    total: { ...judgedView(total), pools: result.pools.length, poolsInside },
    pools: result.pools.map(({ cohort, loans, exposureFen, claimFen, ...judged }) => ({
      cohort,
      loans,
      exposure: formatFen(exposureFen),
      claim: formatFen(claimFen),
      ...judgedView(judged),
    })),
    monthly: result.monthly.map((month) => ({
      month: month.month,
      predicted: formatFen(month.predictedFen),
      actual: formatFen(month.actualFen),
    })),
  };
}

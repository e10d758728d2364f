import type { Sheet } from '../../xlsx';
import type { BacktestResult, JudgedForecast } from '../backtests';

type Row = Partial<JudgedForecast> & {
  cohort: string;
  loans?: number;
  exposureFen?: number;
  claimFen?: number;
};

/**
 * A stored back-test's per-pool table and its total: predicted against actual collections after
 * D, ratio, bias, weighted MAPE and the bootstrap band; one row saying so when none was run.
 */
export function backtestSheet(result: BacktestResult | undefined): Sheet<Row> {
  const sum = (pick: (pool: BacktestResult['pools'][number]) => number) =>
    result?.pools.reduce((total, pool) => total + pick(pool), 0);
  const total = result && {
    ...result.total,
    cohort: 'Total',
    loans: sum((pool) => pool.loans),
    exposureFen: sum((pool) => pool.exposureFen),
    claimFen: sum((pool) => pool.claimFen),
  };
  const rows: Row[] =
    result && total ? [...result.pools, total] : [{ cohort: 'No back-test has been run' }];
  return {
    name: 'Back-test',
    pages: [rows],
    columns: [
      { header: 'Cohort', kind: 'text', width: 26, value: (row) => row.cohort },
      { header: 'Loans', kind: 'integer', width: 10, value: (row) => row.loans ?? null },
      { header: 'Exposure', kind: 'money', width: 18, value: (row) => row.exposureFen ?? null },
      { header: 'Still owed at D', kind: 'money', width: 18, value: (row) => row.claimFen ?? null },
      { header: 'Predicted', kind: 'money', width: 16, value: (row) => row.predictedFen ?? null },
      { header: 'Actual', kind: 'money', width: 16, value: (row) => row.actualFen ?? null },
      {
        header: 'Predicted ÷ actual',
        kind: 'factor',
        width: 16,
        value: (row) => row.ratio ?? null,
      },
      { header: 'Bias', kind: 'rate', width: 10, value: (row) => row.bias ?? null },
      {
        header: 'Weighted MAPE',
        kind: 'rate',
        width: 14,
        value: (row) => row.weightedMape ?? null,
      },
      { header: 'P5', kind: 'money', width: 16, value: (row) => row.band?.p5 ?? null },
      { header: 'P50', kind: 'money', width: 16, value: (row) => row.band?.p50 ?? null },
      { header: 'P95', kind: 'money', width: 16, value: (row) => row.band?.p95 ?? null },
      {
        header: 'Inside P5–P95',
        kind: 'text',
        width: 14,
        value: (row) => (row.inside === undefined ? null : row.inside ? 'yes' : 'no'),
      },
    ],
  };
}

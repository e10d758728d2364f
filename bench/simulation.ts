import { parseArgs } from 'node:util';
import { buildRecoveryTriangle, simulate, compileBook } from '../src/valuation';
import { exponentialCurve, syntheticBook } from '../test/valuation/synthetic-book';
import { BENCH_VALUATION_DATE, benchCostModel, benchCurves, benchLoans } from './valuation';

/**
 * The `simulation` case: `--simulations` bootstrap simulations (1,000 by default) of the
 * `valuation` case's book of `--loans` loans (1,000,000) over 120 months, the history a synthetic
 * book of 48 monthly cohorts × 500 accounts. Seconds count `simulate` alone: its base projection,
 * then every redrawn history, refitted curve and simulated month.
 */
export async function simulationCase(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      simulations: { type: 'string', default: '1000' },
      loans: { type: 'string', default: '1000000' },
    },
  });
  const simulations = Number(values.simulations);
  const count = Number(values.loans);
  const curveFit = { horizonMonths: 180, tailFromAge: 3 };
  const trueRates = exponentialCurve({
    ageZeroRate: 0.004,
    firstMonthRate: 0.015,
    decayPerMonth: 0.04,
    horizonMonths: curveFit.horizonMonths,
  });
  const history = syntheticBook({
    seed: 1,
    cohorts: 48,
    accountsPerCohort: 500,
    asOf: BENCH_VALUATION_DATE,
    trueRates,
    futureMonths: 0,
  });
  const triangle = buildRecoveryTriangle(history.loans, history.events, {
    cohort: 'month',
    asOf: BENCH_VALUATION_DATE,
    basis: 'gross',
  });
  const curves = benchCurves(curveFit.horizonMonths);
  const book = compileBook(
    benchLoans(count, 1),
    (loan) => curves[loan.segment] ?? curves[0]!,
    BENCH_VALUATION_DATE,
  );
  const started = performance.now();
  const result = simulate({
    seed: 1,
    simulations,
    history: triangle,
    curveFit,
    book,
    costModel: benchCostModel,
    terms: { horizonMonths: 120, discountRateAnnual: 0.12, targetIrrAnnual: 0.25 },
  });
  const seconds = (performance.now() - started) / 1000;
  if (!(result.priceFen.p5 <= result.priceFen.p95))
    throw new Error('the simulated price band is upside down');
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(
    JSON.stringify({
      case: 'simulation',
      simulations,
      loans: count,
      seconds: Number(seconds.toFixed(2)),
      peakRssMb,
    }),
  );
}

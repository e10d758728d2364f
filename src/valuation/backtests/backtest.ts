import { asFen, type Fen, type IsoDate, roundToFen, sumFen } from '../../shared';
import {
  cohortOf,
  lastCompleteMonth,
  monthIndex,
  type CostModel,
  forecastAccuracy,
  type ForecastAccuracy,
  type Percentiles,
  projectBook,
  type RecoveryCurve,
  buildRecoveryTriangle,
  type RecoveryTriangle,
  simulate,
  compileBook,
} from '../maths';
import { fitCurves, type CurveSetSpec } from '../curves';
import { historyKnownAt, type HistoryLoan, type RecoveryHistory } from '../history';

interface BacktestSpec extends Omit<CurveSetSpec, 'chargeOffFrom' | 'chargeOffTo'> {
  /** D, a month end: curves are fitted on what was known then. */
  asOf: IsoDate;
  /** A later month end: the collections of months D + 1 … this one are what the forecast is judged against. */
  actualsThrough: IsoDate;
  seed: number;
  simulations: number;
}

/** A forecast judged, rounded to fen, with its P5–P95 band and whether the actual fell inside it. */
export interface JudgedForecast extends Omit<ForecastAccuracy, 'predictedFen' | 'actualFen'> {
  predictedFen: Fen;
  actualFen: Fen;
  band: Percentiles<Fen>;
  inside: boolean;
}

export interface PoolBacktest extends JudgedForecast {
  cohort: string;
  loans: number;
  /** The pool's charged-off balance, and what it still owed at D (charge-off less payments). */
  exposureFen: Fen;
  claimFen: Fen;
}

export interface BacktestResult {
  months: number;
  segments: number;
  pools: PoolBacktest[];
  /** Over the pools: ratio, bias and weighted MAPE of the pools' totals; the band of the whole book. */
  total: JudgedForecast & { poolsInside: number };
  monthly: { month: string; predictedFen: Fen; actualFen: Fen }[];
}

/** A loan of a pool with what it still owed at D. */
type BacktestLoan = HistoryLoan & { claimFen: Fen };

interface Pool {
  cohort: string;
  loans: BacktestLoan[];
  actualFen: Float64Array;
}

const NO_COSTS: CostModel = {
  commissionRateByChannel: {},
  channelMixByAge: [{}],
  legalCostPerLitigatedAccountFen: 0,
  fixedCostPerAccountMonthFen: 0,
};

/**
 * A back-test: fit the curves on the history known at D (loans charged off by D, events up to D),
 * forecast each static pool's gross collections month by month from D to `actualsThrough`
 * (`projectBook`, each loan capped at what it still owed at D), and compare with what the pools
 * then collected. Per pool and in total: predicted ÷ actual, bias, weighted MAPE (over the pool's
 * months; over the pools for the total) and whether the actual fell inside the seeded bootstrap's
 * P5–P95 band (`simulate`, same seed for every pool). Deterministic for a seed.
 * @throws RangeError when D or `actualsThrough` is not a month end, or no month lies between them, or as `fitCurves` and `simulate`
 */
export function runBacktest(history: RecoveryHistory, spec: BacktestSpec): BacktestResult {
  for (const date of [spec.asOf, spec.actualsThrough]) {
    if (lastCompleteMonth(date) !== monthIndex(date))
      throw new RangeError(`a back-test runs from month end to month end: ${date} is not one`);
  }
  const months = monthIndex(spec.actualsThrough) - monthIndex(spec.asOf);
  if (months < 1)
    throw new RangeError(`no month of actuals after ${spec.asOf} up to ${spec.actualsThrough}`);
  const known = historyKnownAt(history, spec.asOf);
  const { curves, segmentOf } = fitCurves(known.loans, known.events, spec);
  const forecast: Forecaster = {
    curveFor: (loan) => curves.bySegment.get(segmentOf(loan)) ?? curves.parent,
    history: buildRecoveryTriangle(known.loans, known.events, {
      cohort: spec.cohort,
      asOf: spec.asOf,
      basis: 'gross',
    }),
    spec,
    months,
  };
  const pools = poolsOf(history, spec, months);
  const judged = pools.map((pool) => ({
    cohort: pool.cohort,
    loans: pool.loans.length,
    exposureFen: sumFen(pool.loans.map((loan) => loan.chargeOffFen)),
    claimFen: sumFen(pool.loans.map((loan) => loan.claimFen)),
    ...judgedForecast(forecast, pool.loans, pool.actualFen),
  }));
  const actualByMonth = new Float64Array(months);
  for (const pool of pools) pool.actualFen.forEach((fen, t) => (actualByMonth[t]! += fen));
  const whole = judgedForecast(
    forecast,
    pools.flatMap((pool) => pool.loans),
    actualByMonth,
  );
  const overPools = forecastAccuracy(judged);
  return {
    months,
    segments: curves.bySegment.size,
    pools: judged.map(({ monthlyPredictedFen: _monthly, ...pool }) => pool),
    total: {
      ...overPools,
      // Sums of the pools' whole-fen predictions and actuals: whole fen, checked.
      predictedFen: asFen(overPools.predictedFen),
      actualFen: asFen(overPools.actualFen),
      band: whole.band,
      inside: whole.inside,
      poolsInside: judged.filter((pool) => pool.inside).length,
    },
    monthly: Array.from(actualByMonth, (actualFen, t) => ({
      month: cohortOf(monthIndex(spec.asOf) + t + 1, 'month').label,
      predictedFen: roundToFen(whole.monthlyPredictedFen[t] ?? 0),
      // Payments of whole fen summed: a whole number of fen, checked.
      actualFen: asFen(actualFen),
    })),
  };
}

/** What every forecast of a back-test shares: the curves fitted at D and the history they came from. */
interface Forecaster {
  curveFor: (loan: HistoryLoan) => RecoveryCurve;
  history: RecoveryTriangle;
  spec: BacktestSpec;
  months: number;
}

/** Loans' forecast month by month against their actuals, with the bootstrap band of the total. */
function judgedForecast(
  forecast: Forecaster,
  loans: readonly BacktestLoan[],
  actualFen: Float64Array,
): JudgedForecast & { monthlyPredictedFen: Float64Array } {
  const { spec, months } = forecast;
  const book = compileBook(loans, forecast.curveFor, spec.asOf);
  const predicted = projectBook(book, NO_COSTS, { horizonMonths: months }).grossFen;
  const accuracy = forecastAccuracy(
    Array.from(predicted, (predictedFen, t) => ({ predictedFen, actualFen: actualFen[t] ?? 0 })),
  );
  const band = simulate({
    seed: spec.seed,
    simulations: spec.simulations,
    history: forecast.history,
    curveFit: { horizonMonths: spec.horizonMonths, tailFromAge: spec.tailFromAge },
    book,
    costModel: NO_COSTS,
    terms: { horizonMonths: months, discountRateAnnual: 0, targetIrrAnnual: 0 },
  }).grossFen;
  return {
    ...accuracy,
    predictedFen: roundToFen(accuracy.predictedFen),
    actualFen: asFen(accuracy.actualFen),
    band,
    inside: band.p5 <= accuracy.actualFen && accuracy.actualFen <= band.p95,
    monthlyPredictedFen: predicted,
  };
}

/**
 * The static pools of loans charged off by D, each loan with what it still owed at D (its
 * charge-off balance less its payments after charge-off up to D), and each pool's payments in
 * the months after D (index 0: the month after D's).
 */
function poolsOf(history: RecoveryHistory, spec: BacktestSpec, months: number): Pool[] {
  const pools = new Map<string, Pool>();
  const placeOf = new Map<string, { pool: Pool; loan: BacktestLoan }>();
  for (const loan of history.loans) {
    if (loan.chargeOffDate > spec.asOf) continue;
    const cohort = cohortOf(monthIndex(loan.chargeOffDate), spec.cohort).label;
    let pool = pools.get(cohort);
    if (!pool)
      pools.set(cohort, (pool = { cohort, loans: [], actualFen: new Float64Array(months) }));
    const entry = { ...loan, claimFen: loan.chargeOffFen };
    pool.loans.push(entry);
    placeOf.set(loan.loanId, { pool, loan: entry });
  }
  const dMonth = monthIndex(spec.asOf);
  for (const event of history.events) {
    const place = placeOf.get(event.loanId);
    if (
      !place ||
      event.type !== 'payment' ||
      event.eventDate <= place.loan.chargeOffDate ||
      event.eventDate > spec.actualsThrough
    )
      continue;
    if (event.eventDate <= spec.asOf)
      place.loan.claimFen = asFen(Math.max(0, place.loan.claimFen - event.amountFen));
    else place.pool.actualFen[monthIndex(event.eventDate) - dMonth - 1]! += event.amountFen;
  }
  // Labels (`2024-03`, `2024-Q1`, `2024`) sort as their cohorts do.
  return [...pools.values()].sort((a, b) => a.cohort.localeCompare(b.cohort));
}

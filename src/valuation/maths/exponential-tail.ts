import { linearRegression, rSquared } from 'simple-statistics';

interface ExponentialTailOptions {
  /** The first age whose rate enters the fit: early months, before the decay sets in, are better left out. */
  fromAge: number;
  /** Ages of the extended curve: 0 … horizonMonths − 1 (84, 120 or 180 in practice). */
  horizonMonths: number;
  /** What each rate rests on (for a recovery curve, the charged-off balance observed at that age); equal when omitted. */
  weights?: ArrayLike<number>;
  /** A decay to impose when the rates themselves do not decay: only the level is fitted then. */
  fallbackDecayPerMonth?: number;
  /**
   * How many observed months of exact zeros, resting on a balance, end the curve: the pool has
   * stopped paying, and no tail follows (default `ZERO_RUN_ENDS_TAIL_MONTHS`).
   */
  zeroRunMonths?: number;
}

/**
 * Six months in a row of nothing collected from a balance still outstanding is evidence the
 * recoveries have stopped (the accounts are closed, sold or abandoned by the agencies): a fitted
 * tail would restart them. Back-tested on a pool that stopped paying, a tail fitted through 13
 * months of zeros predicted 1.89 × what was then collected.
 */
export const ZERO_RUN_ENDS_TAIL_MONTHS = 6;

export interface ExponentialTail {
  /** Observed rates up to the last observed age, fitted ones after it, to the horizon. */
  rates: Float64Array;
  /** The first age whose rate is fitted rather than observed. */
  firstFittedAge: number;
  /** ln r(age) = intercept − decayPerMonth · age. */
  intercept: number;
  decayPerMonth: number;
  /** `observed_zeros`: the last observed months collected nothing, so the curve ends there. */
  decaySource: 'fitted' | 'fallback' | 'observed_zeros';
  /** R² of the fitted line against the logarithms of the positive rates. */
  rSquared: number;
  points: number;
}

interface Point {
  age: number;
  rate: number;
  weight: number;
}

const MAX_ITERATIONS = 50;

/**
 * Extends monthly rates past the last observed age with an exponential decay
 * r(age) = e^(a − b·age). Collections of a charged-off pool fall off roughly geometrically once
 * the first placements are over (docs/domain.md §3). The line is fitted to the rates from `fromAge` on
 * by weighted quasi-Poisson maximum likelihood (the log-link GLM, solved by Newton's method from
 * simple-statistics' `linearRegression` of ln r on age): Σ w (r − e^(a−b·age)) (1, age) = 0. Least
 * squares on logarithms alone would be biased low where rates are noisy (E ln r < ln E r), and
 * most at the oldest ages, which rest on the fewest pools — the ones the tail hangs on; the
 * quasi-Poisson fit is the over-dispersed Poisson model that the bootstrap assumes, and takes zero
 * rates as they are. If the fit does not decay, `fallbackDecayPerMonth` (say the parent segment's)
 * is imposed and only the level is fitted: e^a = Σ w r ÷ Σ w e^(−b·age). Evidence ends the tail: when
 * the last `zeroRunMonths` observed rates are exact zeros on a balance (weight > 0), nothing is
 * forecast after the last observed age (`decaySource: 'observed_zeros'`).
 * @example fitExponentialTail([0.05, 0.04, 0.032, 0.0256], { fromAge: 1, horizonMonths: 120 }).decayPerMonth // ln 1.25
 * @throws RangeError for no observed rate, a horizon that is not a positive integer, or rates that do not decay without a fallback
 */
export function fitExponentialTail(
  observedRates: ArrayLike<number>,
  options: ExponentialTailOptions,
): ExponentialTail {
  const { horizonMonths } = options;
  if (observedRates.length === 0) throw new RangeError('no observed rates to extend');
  if (!Number.isInteger(horizonMonths) || horizonMonths <= 0)
    throw new RangeError(`the horizon must be a positive whole number of months: ${horizonMonths}`);
  const points: Point[] = [];
  for (let age = Math.max(0, options.fromAge); age < observedRates.length; age++) {
    points.push({ age, rate: observedRates[age] ?? 0, weight: options.weights?.[age] ?? 1 });
  }
  const own = quasiPoissonLine(points);
  const fitted = endedByZeros(observedRates, options)
    ? {
        intercept: -Infinity,
        decay: own && own.decay > 0 ? own.decay : 0,
        source: 'observed_zeros' as const,
      }
    : own && own.decay > 0
      ? { ...own, source: 'fitted' as const }
      : levelOnly(points, options.fallbackDecayPerMonth, options.fromAge);
  const line = (age: number) => fitted.intercept - fitted.decay * age;
  const rates = new Float64Array(horizonMonths);
  for (let age = 0; age < horizonMonths; age++)
    rates[age] = age < observedRates.length ? (observedRates[age] ?? 0) : Math.exp(line(age));
  const logPoints = points.filter((p) => p.rate > 0).map((p) => [p.age, Math.log(p.rate)]);
  return {
    rates,
    firstFittedAge: observedRates.length,
    intercept: fitted.intercept,
    decayPerMonth: fitted.decay,
    decaySource: fitted.source,
    rSquared:
      logPoints.length >= 2 && fitted.source !== 'observed_zeros' ? rSquared(logPoints, line) : NaN,
    points: points.length,
  };
}

/** Newton's method on the quasi-Poisson score; undefined without two positive rates to start from. */
function quasiPoissonLine(
  points: readonly Point[],
): { intercept: number; decay: number } | undefined {
  const logPoints = points.filter((p) => p.rate > 0).map((p) => [p.age, Math.log(p.rate)]);
  if (logPoints.length < 2) return undefined;
  const start = linearRegression(logPoints);
  let a = start.b;
  let m = start.m;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    let g0 = 0,
      g1 = 0,
      h00 = 0,
      h01 = 0,
      h11 = 0;
    for (const { age, rate, weight } of points) {
      const mean = Math.exp(a + m * age);
      g0 += weight * (rate - mean);
      g1 += weight * age * (rate - mean);
      h00 += weight * mean;
      h01 += weight * mean * age;
      h11 += weight * mean * age * age;
    }
    const determinant = h00 * h11 - h01 * h01;
    if (!(determinant > 0)) return undefined;
    const da = (h11 * g0 - h01 * g1) / determinant;
    const dm = (h00 * g1 - h01 * g0) / determinant;
    a += da;
    m += dm;
    if (Math.abs(da) < 1e-12 && Math.abs(dm) < 1e-12) break;
  }
  return Number.isFinite(a) && Number.isFinite(m) ? { intercept: a, decay: -m } : undefined;
}

/** Whether the last `zeroRunMonths` observed rates are exact zeros, each on a balance. */
function endedByZeros(observedRates: ArrayLike<number>, options: ExponentialTailOptions): boolean {
  const run = options.zeroRunMonths ?? ZERO_RUN_ENDS_TAIL_MONTHS;
  if (!(run > 0) || observedRates.length < run) return false;
  for (let age = observedRates.length - run; age < observedRates.length; age++) {
    if (observedRates[age] !== 0) return false;
    if (options.weights && !((options.weights[age] ?? 0) > 0)) return false;
  }
  return true;
}

function levelOnly(points: readonly Point[], decay: number | undefined, fromAge: number) {
  if (decay === undefined || !(decay > 0))
    throw new RangeError(
      `the recovery rates from month ${fromAge} of age on do not decay, so no tail can be fitted: fit the tail from a later month (tailFromAge), or with fewer segment dimensions`,
    );
  let collected = 0;
  let shape = 0;
  for (const { age, rate, weight } of points) {
    collected += weight * rate;
    shape += weight * Math.exp(-decay * age);
  }
  // Nothing collected in the window: nothing forecast after it (e^−∞ = 0).
  const intercept = collected > 0 && shape > 0 ? Math.log(collected / shape) : -Infinity;
  return { intercept, decay, source: 'fallback' as const };
}

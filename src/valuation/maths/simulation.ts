import { additiveMethod } from './additive';
import {
  prepareAdditiveBootstrap,
  resampleTriangle,
  scaleAtAge,
  type AdditiveBootstrap,
} from './additive-bootstrap';
import type { CostModel } from './cost-model';
import { npv } from './discounting';
import { fitExponentialTail } from './exponential-tail';
import { type Fen, roundToFen } from '../../shared';
import { percentiles, type Percentiles } from './percentiles';
import { priceAtTargetIrr } from './pricing';
import { projectBook } from './projection';
import { SeededRandom } from './random';
import { fitRecoveryCurve, type CurveFitOptions, type RecoveryCurve } from './recovery-curve';
import type { RecoveryTriangle } from './recovery-triangle';
import type { Triangle } from './triangle';
import type { ValuationBook } from './valuation-book';

interface SimulationInput {
  seed: number;
  simulations: number;
  /** The whole book's gross static-pool history, as the curves were fitted on. */
  history: RecoveryTriangle;
  curveFit: CurveFitOptions;
  book: ValuationBook;
  costModel: CostModel;
  terms: { horizonMonths: number; discountRateAnnual: number; targetIrrAnnual: number };
}

/** P5, P50 and P95 in fen of the simulated gross collections, net collections, NPV and price. */
export interface SimulationResult {
  seed: number;
  simulations: number;
  grossFen: Percentiles<Fen>;
  /** Gross less costs (commission at its share of gross, legal and fixed as projected). */
  netFen: Percentiles<Fen>;
  npvFen: Percentiles<Fen>;
  priceFen: Percentiles<Fen>;
}

/**
 * A seeded bootstrap of the valuation. Each simulation
 * 1. redraws the history (`resampleTriangle`: the additive method's residual bootstrap) and refits
 *    the whole-book curve, ζ* then its exponential tail: the estimation error;
 * 2. moves every curve of the book by that refit, age by age (rate* ÷ rate of the book's curve), so
 *    segment curves share the book's estimation error;
 * 3. projects the book's expected gross month by month from its balances by curve and age (flows
 *    are linear in balance, so this is a sum over (curve, age) groups, not loans), scaled by the
 *    base projection's share that the claim caps leave;
 * 4. moves the loans of each charge-off month by a cohort factor, a gamma of mean 1 and the history's
 *    variance between cohorts (`AdditiveBootstrap.cohortVariance`): a vintage's luck carries into
 *    its future, which the pooled curve does not know;
 * 5. draws each month's collections from a gamma with that mean and variance Σ φ(age) · mean(age)
 *    (the over-dispersed Poisson process error, φ by age band from the history);
 * 6. takes costs as the base projection's: commission at its share of gross, legal and fixed as they are.
 * The same input and seed give the same numbers.
 * @example simulate({ seed: 7, simulations: 1000, history, curveFit, book, costModel, terms }).priceFen.p5
 * @throws RangeError for fewer than one simulation, or as `prepareAdditiveBootstrap`
 */
export function simulate(input: SimulationInput): SimulationResult {
  const { simulations, terms } = input;
  if (!Number.isInteger(simulations) || simulations < 1)
    throw new RangeError(`simulations must be a positive whole number: ${simulations}`);
  const random = new SeededRandom(input.seed);
  const bootstrap = prepareAdditiveBootstrap(input.history);
  const bookCurve = fitRecoveryCurve(input.history, 'all', input.curveFit);
  const plan = monthlyPlan(input.book, input.costModel, terms.horizonMonths);
  const gross = new Float64Array(simulations);
  const netTotals = new Float64Array(simulations);
  const npvs = new Float64Array(simulations);
  const prices = new Float64Array(simulations);
  const net = new Float64Array(terms.horizonMonths);
  const cohortFactor = new Float64Array(plan.span);
  for (let s = 0; s < simulations; s++) {
    const ratio = refitRatio(resampleTriangle(bootstrap, random), bookCurve, input.curveFit);
    drawCohortFactors(cohortFactor, bootstrap.cohortVariance, random);
    let total = 0;
    let netTotal = 0;
    for (let t = 1; t <= terms.horizonMonths; t++) {
      const { mean, variance } = expectedGross(plan, bootstrap, ratio, cohortFactor, t);
      // Gamma with that mean and variance: shape mean² ÷ variance, scale variance ÷ mean.
      const collected =
        mean > 0 && variance > 0
          ? (variance / mean) * random.gamma((mean * mean) / variance)
          : Math.max(0, mean);
      net[t - 1] = collected * (1 - plan.commissionShare[t - 1]!) - plan.otherCostsFen[t - 1]!;
      total += collected;
      netTotal += net[t - 1]!;
    }
    gross[s] = total;
    netTotals[s] = netTotal;
    npvs[s] = npv(net, terms.discountRateAnnual);
    prices[s] = priceAtTargetIrr(net, terms.targetIrrAnnual);
  }
  const inFen = (p: Percentiles): Percentiles<Fen> => ({
    p5: roundToFen(p.p5),
    p50: roundToFen(p.p50),
    p95: roundToFen(p.p95),
  });
  return {
    seed: input.seed,
    simulations,
    grossFen: inFen(percentiles(gross)),
    netFen: inFen(percentiles(netTotals)),
    npvFen: inFen(percentiles(npvs)),
    priceFen: inFen(percentiles(prices)),
  };
}

interface MonthlyPlan {
  span: number;
  /** byStartAge[(t − 1) · span + a]: Σ over curves of balance aged a × rate(a + t), uncapped. */
  byStartAge: Float64Array;
  capShare: Float64Array;
  commissionShare: Float64Array;
  otherCostsFen: Float64Array;
}

/** What every simulation shares: the uncapped gross by start age, and from the base projection the cap share and costs. */
function monthlyPlan(book: ValuationBook, costModel: CostModel, horizon: number): MonthlyPlan {
  const span = book.maxAgeMonths + 1;
  const balance = new Float64Array(book.curves.length * span);
  for (let i = 0; i < book.curveIndex.length; i++)
    balance[book.curveIndex[i]! * span + book.ageMonths[i]!]! += book.chargeOffFen[i]!;
  const byStartAge = new Float64Array(horizon * span);
  book.curves.forEach((curve, c) => {
    for (let a = 0; a < span; a++) {
      const fen = balance[c * span + a]!;
      if (fen === 0) continue;
      for (let t = 1; t <= horizon && a + t < curve.rates.length; t++)
        byStartAge[(t - 1) * span + a]! += fen * curve.rates[a + t]!;
    }
  });
  const base = projectBook(book, costModel, { horizonMonths: horizon });
  const capShare = new Float64Array(horizon);
  const commissionShare = new Float64Array(horizon);
  const otherCostsFen = new Float64Array(horizon);
  for (let t = 0; t < horizon; t++) {
    let uncapped = 0;
    for (let a = 0; a < span; a++) uncapped += byStartAge[t * span + a]!;
    capShare[t] = uncapped > 0 ? base.grossFen[t]! / uncapped : 0;
    commissionShare[t] = base.grossFen[t]! > 0 ? base.commissionFen[t]! / base.grossFen[t]! : 0;
    otherCostsFen[t] = base.legalFen[t]! + base.fixedFen[t]!;
  }
  return { span, byStartAge, capShare, commissionShare, otherCostsFen };
}

/** rate* ÷ rate of the book's curve at each age, rate* refitted on a pseudo-history (1 where the book's rate is 0). */
function refitRatio(
  pseudoHistory: Triangle,
  bookCurve: RecoveryCurve,
  fit: CurveFitOptions,
): Float64Array {
  const { zeta, exposureByAge } = additiveMethod(pseudoHistory);
  const refit = fitExponentialTail(zeta, {
    fromAge: fit.tailFromAge,
    horizonMonths: fit.horizonMonths,
    weights: exposureByAge,
    fallbackDecayPerMonth: bookCurve.tail.decayPerMonth,
  });
  return refit.rates.map((rate, age) =>
    bookCurve.rates[age]! > 0 ? rate / bookCurve.rates[age]! : 1,
  );
}

/**
 * A factor per start age (the loans charged off in one calendar month): Gamma(1 ÷ σ², 1) · σ², of
 * mean 1 and variance σ²; all 1 when the history shows no spread between cohorts.
 */
function drawCohortFactors(factors: Float64Array, variance: number, random: SeededRandom): void {
  for (let a = 0; a < factors.length; a++)
    factors[a] = variance > 0 ? random.gamma(1 / variance) * variance : 1;
}

/** Month t's expected gross (capped) and its process variance Σ φ(age) · mean(age) over the ages collecting then. */
function expectedGross(
  plan: MonthlyPlan,
  bootstrap: AdditiveBootstrap,
  ratio: Float64Array,
  cohortFactor: Float64Array,
  t: number,
): { mean: number; variance: number } {
  let mean = 0;
  let variance = 0;
  const row = (t - 1) * plan.span;
  const capShare = plan.capShare[t - 1]!;
  for (let a = 0; a < plan.span; a++) {
    const fen = plan.byStartAge[row + a]!;
    if (fen === 0) continue;
    const part = capShare * fen * (ratio[a + t] ?? 1) * cohortFactor[a]!;
    mean += part;
    if (part > 0) variance += scaleAtAge(bootstrap, a + t) * part;
  }
  return { mean, variance };
}

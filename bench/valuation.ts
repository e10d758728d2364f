import { parseArgs } from 'node:util';
import {
  type CostModel,
  valuePortfolio,
  SeededRandom,
  type RecoveryCurve,
  compileBook,
  type ValuationLoan,
} from '../src/valuation';

export const BENCH_VALUATION_DATE = '2025-12-31';
const SEGMENTS = 24;
const MAX_AGE_MONTHS = 72;

/** 24 segment curves to 180 months: exponential decays of different levels and speeds. */
export function benchCurves(horizonMonths = 180): RecoveryCurve[] {
  return Array.from({ length: SEGMENTS }, (_, s) => {
    const firstMonthRate = 0.008 + 0.0005 * s;
    const decayPerMonth = 0.025 + 0.001 * (s % 8);
    const rates = Float64Array.from({ length: horizonMonths }, (_, age) =>
      age === 0 ? firstMonthRate / 4 : firstMonthRate * Math.exp(-decayPerMonth * (age - 1)),
    );
    return {
      segment: `S${s}`,
      rates,
      accounts: 10_000,
      exposureFen: 1e10,
      credibility: 1,
      tail: {
        firstFittedAge: 36,
        intercept: Math.log(firstMonthRate) + decayPerMonth,
        decayPerMonth,
        decaySource: 'fitted',
        rSquared: 1,
        points: 30,
      },
    };
  });
}

export interface BenchLoan extends ValuationLoan {
  segment: number;
}

/** `count` charged-off loans aged 0–72 months, 5,000–50,000 yuan, some partly repaid, 2 % to be litigated. */
export function benchLoans(count: number, seed: number): BenchLoan[] {
  const random = new SeededRandom(seed);
  return Array.from({ length: count }, () => {
    const chargeOffMonth = 2025 * 12 + 11 - random.below(MAX_AGE_MONTHS + 1);
    const chargeOffFen = 500_000 + random.below(4_500_000);
    return {
      segment: random.below(SEGMENTS),
      chargeOffDate: `${Math.floor(chargeOffMonth / 12)}-${String((chargeOffMonth % 12) + 1).padStart(2, '0')}-10`,
      chargeOffFen,
      claimFen: Math.round(chargeOffFen * (random.next() < 0.1 ? 0.05 + 0.3 * random.next() : 1.1)),
      litigate: random.next() < 0.02,
    };
  });
}

export const benchCostModel: CostModel = {
  commissionRateByChannel: { in_house: 0, agency: 0.3, legal: 0.4 },
  channelMixByAge: [
    { in_house: 1 },
    { in_house: 1 },
    { in_house: 1 },
    { in_house: 0.2, agency: 0.7, legal: 0.1 },
  ],
  legalCostPerLitigatedAccountFen: 80_000,
  fixedCostPerAccountMonthFen: 150,
};

/**
 * The `valuation` case: values `--loans` loans (1,000,000 by default) in 24 segments over
 * `--months` months (120): compiling the book, projecting it with each loan's claim cap, the
 * measures, and a 5 × 4 sensitivity grid (five projections). The loans are made before the clock starts.
 */
export async function valuationCase(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      loans: { type: 'string', default: '1000000' },
      months: { type: 'string', default: '120' },
    },
  });
  const count = Number(values.loans);
  const months = Number(values.months);
  const curves = benchCurves();
  const loans = benchLoans(count, 1);
  const started = performance.now();
  const book = compileBook(
    loans,
    (loan) => curves[loan.segment] ?? curves[0]!,
    BENCH_VALUATION_DATE,
  );
  const valuation = valuePortfolio(book, benchCostModel, {
    horizonMonths: months,
    discountRateAnnual: 0.12,
    targetIrrAnnual: 0.25,
    sensitivity: {
      recoveryShocks: [-0.2, -0.1, 0, 0.1, 0.2],
      discountRatesAnnual: [0.1, 0.15, 0.2, 0.25],
    },
  });
  const seconds = (performance.now() - started) / 1000;
  if (!(valuation.priceFen > 0))
    throw new Error(`the bench portfolio priced at ${valuation.priceFen}`);
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(
    JSON.stringify({
      case: 'valuation',
      loans: count,
      months,
      seconds: Number(seconds.toFixed(2)),
      loansPerSecond: Math.round(count / seconds),
      priceShareOfFace: Number(valuation.priceShareOfFace.toFixed(4)),
      peakRssMb,
    }),
  );
}

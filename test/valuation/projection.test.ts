import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commissionRateByAge, type CostModel } from '../../src/valuation/maths/cost-model';
import { projectBook, type MonthlyCashFlows } from '../../src/valuation/maths/projection';
import type { RecoveryCurve } from '../../src/valuation/maths/recovery-curve';
import {
  compileBook,
  type ProjectedCurve,
  type ValuationLoan,
} from '../../src/valuation/maths/valuation-book';

/** The month-by-month flows, without the per-curve totals. */
type Monthly = Omit<MonthlyCashFlows, 'byCurve'>;

/** Loans projected to monthly cash flows: `compileBook`, then `projectBook`. */
function projectCashFlows<L extends ValuationLoan>(
  loans: readonly L[],
  curveFor: (loan: L) => ProjectedCurve,
  costModel: CostModel,
  options: { valuationDate: string; horizonMonths: number; recoveryShock?: number },
): MonthlyCashFlows {
  return projectBook(compileBook(loans, curveFor, options.valuationDate), costModel, options);
}

const curveOf = (segment: string, rates: number[]): RecoveryCurve => ({
  segment,
  rates: Float64Array.from(rates),
  accounts: 1,
  exposureFen: 1,
  credibility: 1,
  tail: {
    firstFittedAge: rates.length,
    intercept: 0,
    decayPerMonth: 0,
    decaySource: 'fitted',
    rSquared: 1,
    points: 0,
  },
});
const costs: CostModel = {
  commissionRateByChannel: { in_house: 0, agency: 0.3 },
  channelMixByAge: [
    { in_house: 1 },
    { in_house: 1 },
    { in_house: 0.5, agency: 0.5 },
    { agency: 1 },
  ],
  legalCostPerLitigatedAccountFen: 5_000,
  fixedCostPerAccountMonthFen: 10,
};
const flat = curveOf('flat', [0.1, 0.1, 0.1, 0.1, 0.1, 0.1]);

describe('projectCashFlows', () => {
  it("collects each month the loan's balance times the rate of its age after the valuation date", () => {
    const loan: ValuationLoan = {
      chargeOffDate: '2025-10-05',
      chargeOffFen: 100_000,
      claimFen: 1_000_000,
    };
    const flows = projectCashFlows([loan], () => flat, costs, {
      valuationDate: '2025-12-31',
      horizonMonths: 4,
    });
    // Aged 2 at the valuation date: months 1–3 are ages 3–5; age 6 is past the curve.
    expect(Array.from(flows.grossFen)).toEqual([10_000, 10_000, 10_000, 0]);
    expect(Array.from(flows.commissionFen)).toEqual([3_000, 3_000, 3_000, 0]);
    expect(Array.from(flows.fixedFen)).toEqual([10, 10, 10, 0]);
    expect(Array.from(flows.netFen)).toEqual([6_990, 6_990, 6_990, 0]);
  });

  it('charges no fixed cost once the curve expects nothing more', () => {
    // A curve ended by observed zeros: it collects at ages 0–2, nothing after.
    const ended = curveOf('ended', [0.1, 0.1, 0.1, 0, 0, 0, 0, 0]);
    const loan: ValuationLoan = {
      chargeOffDate: '2025-12-01',
      chargeOffFen: 100_000,
      claimFen: 1_000_000,
    };
    const flows = projectCashFlows([loan], () => ended, costs, {
      valuationDate: '2025-12-31',
      horizonMonths: 6,
    });
    expect(Array.from(flows.grossFen)).toEqual([10_000, 10_000, 0, 0, 0, 0]);
    expect(Array.from(flows.fixedFen)).toEqual([10, 10, 0, 0, 0, 0]);
  });

  it('stops a loan at its claim: the month it is reached pays the rest, then nothing', () => {
    const loan: ValuationLoan = {
      chargeOffDate: '2025-12-01',
      chargeOffFen: 100_000,
      claimFen: 25_000,
    };
    const flows = projectCashFlows([loan], () => flat, costs, {
      valuationDate: '2025-12-31',
      horizonMonths: 5,
    });
    [10_000, 10_000, 5_000, 0, 0].forEach((fen, t) =>
      expect(flows.grossFen[t]).toBeCloseTo(fen, 6),
    );
    expect(Array.from(flows.fixedFen)).toEqual([10, 10, 10, 0, 0]);
  });

  it('scales every rate by the recovery shock, the cap still holding', () => {
    const loan: ValuationLoan = {
      chargeOffDate: '2025-12-01',
      chargeOffFen: 100_000,
      claimFen: 25_000,
    };
    const flows = projectCashFlows([loan], () => flat, costs, {
      valuationDate: '2025-12-31',
      horizonMonths: 5,
      recoveryShock: 0.5,
    });
    [15_000, 10_000, 0, 0, 0].forEach((fen, t) => expect(flows.grossFen[t]).toBeCloseTo(fen, 6));
  });

  it('totals each curve over the horizon, the capped loans on their own curve, adding up to the months', () => {
    const steep = curveOf('steep', [0.3, 0.3, 0.3, 0.2, 0.1, 0.05]);
    const loans: (ValuationLoan & { curve: ProjectedCurve })[] = [
      { chargeOffDate: '2025-10-05', chargeOffFen: 100_000, claimFen: 1_000_000, curve: flat },
      { chargeOffDate: '2025-12-01', chargeOffFen: 100_000, claimFen: 25_000, curve: steep },
      { chargeOffDate: '2025-11-11', chargeOffFen: 50_000, claimFen: 500_000, curve: steep },
    ];
    const flows = projectCashFlows(loans, (loan) => loan.curve, costs, {
      valuationDate: '2025-12-31',
      horizonMonths: 6,
    });
    const sum = (xs: Float64Array) => xs.reduce((a, b) => a + b, 0);
    expect(flows.byCurve.grossFen).toHaveLength(2);
    expect(sum(flows.byCurve.grossFen)).toBeCloseTo(sum(flows.grossFen), 6);
    expect(sum(flows.byCurve.commissionFen)).toBeCloseTo(sum(flows.commissionFen), 6);
    expect(sum(flows.byCurve.fixedFen)).toBeCloseTo(sum(flows.fixedFen), 6);
    // The flat curve's one loan, aged 2: ages 3–5 collect 10 % of 100,000 each.
    expect(flows.byCurve.grossFen[0]).toBeCloseTo(30_000, 6);
  });

  it('spends the legal cost of each litigated account in the first month', () => {
    const loans: ValuationLoan[] = [
      { chargeOffDate: '2025-12-01', chargeOffFen: 100_000, claimFen: 100_000, litigate: true },
      { chargeOffDate: '2025-12-01', chargeOffFen: 100_000, claimFen: 100_000 },
    ];
    const flows = projectCashFlows(loans, () => flat, costs, {
      valuationDate: '2025-12-31',
      horizonMonths: 2,
    });
    expect(Array.from(flows.legalFen)).toEqual([5_000, 0]);
  });

  it('refuses a loan charged off after the valuation date and a shock below −100 %', () => {
    const loan: ValuationLoan = { chargeOffDate: '2026-01-02', chargeOffFen: 1, claimFen: 1 };
    expect(() => compileBook([loan], () => flat, '2025-12-31')).toThrow(RangeError);
    const book = compileBook([{ ...loan, chargeOffDate: '2025-01-01' }], () => flat, '2025-12-31');
    expect(() => projectBook(book, costs, { horizonMonths: 3, recoveryShock: -1.5 })).toThrow(
      RangeError,
    );
  });

  it('gives the same flows as walking every loan month by month', () => {
    const curves = [
      flat,
      curveOf('decay', [0.02, 0.3, 0.2, 0.1, 0.05, 0.03, 0.02, 0.01]),
      curveOf(
        'long',
        Array.from({ length: 40 }, (_, a) => 0.05 * 0.95 ** a),
      ),
    ];
    const loanArbitrary = fc.record({
      curve: fc.integer({ min: 0, max: 2 }),
      ageMonths: fc.integer({ min: 0, max: 30 }),
      chargeOffFen: fc.integer({ min: 0, max: 5_000_000 }),
      claimShare: fc.double({ min: 0, max: 1.5, noNaN: true }),
      litigate: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(loanArbitrary, { minLength: 1, maxLength: 40 }),
        fc.double({ min: -0.9, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 50 }),
        (drawn, shock, horizon) => {
          const loans = drawn.map((d) => ({
            ...d,
            chargeOffDate: monthsBefore('2025-12-31', d.ageMonths),
            claimFen: Math.round(d.chargeOffFen * d.claimShare),
          }));
          const fast = projectCashFlows(loans, (loan) => curves[loan.curve] ?? flat, costs, {
            valuationDate: '2025-12-31',
            horizonMonths: horizon,
            recoveryShock: shock,
          });
          const slow = walkEveryLoan(
            loans.map((loan) => ({ ...loan, rates: (curves[loan.curve] ?? flat).rates })),
            horizon,
            shock,
          );
          expectFlowsClose(fast, slow);
        },
      ),
      { numRuns: 200 },
    );
  });
});

/** The definition, loan by loan and month by month: the reference the grouped projection must match. */
function walkEveryLoan(
  loans: {
    ageMonths: number;
    chargeOffFen: number;
    claimFen: number;
    litigate: boolean;
    rates: Float64Array;
  }[],
  horizon: number,
  shock: number,
): Monthly {
  const zero = () => new Float64Array(horizon);
  const flows: Monthly = {
    grossFen: zero(),
    commissionFen: zero(),
    legalFen: zero(),
    fixedFen: zero(),
    costsFen: zero(),
    netFen: zero(),
  };
  const commission = commissionRateByAge(costs, 100);
  for (const loan of loans) {
    let owedFen = loan.claimFen;
    const lastPayingAge = loan.rates.findLastIndex((rate) => rate > 0);
    if (loan.litigate) flows.legalFen[0]! += costs.legalCostPerLitigatedAccountFen;
    for (let t = 1; t <= horizon; t++) {
      const age = loan.ageMonths + t;
      if (age >= loan.rates.length || owedFen <= 0) break;
      const paidFen = Math.min(owedFen, loan.chargeOffFen * (1 + shock) * (loan.rates[age] ?? 0));
      owedFen -= paidFen;
      flows.grossFen[t - 1]! += paidFen;
      flows.commissionFen[t - 1]! += paidFen * (commission[age] ?? 0);
      if (age <= lastPayingAge) flows.fixedFen[t - 1]! += costs.fixedCostPerAccountMonthFen;
    }
  }
  for (let t = 0; t < horizon; t++) {
    flows.costsFen[t] = flows.commissionFen[t]! + flows.legalFen[t]! + flows.fixedFen[t]!;
    flows.netFen[t] = flows.grossFen[t]! - flows.costsFen[t]!;
  }
  return flows;
}

function expectFlowsClose(actual: MonthlyCashFlows, wanted: Monthly): void {
  for (const key of ['grossFen', 'commissionFen', 'legalFen', 'fixedFen', 'netFen'] as const) {
    wanted[key].forEach((w, t) =>
      expect(Math.abs((actual[key][t] ?? NaN) - w)).toBeLessThanOrEqual(
        1e-6 * Math.max(1, Math.abs(w)),
      ),
    );
  }
}

function monthsBefore(date: string, months: number): string {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 - months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-15`;
}

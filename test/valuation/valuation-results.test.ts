import { describe, expect, it } from 'vitest';
import type { CostModel } from '../../src/valuation/maths/cost-model';
import { buildRecoveryTriangle } from '../../src/valuation/maths/recovery-triangle';
import {
  valuationResults,
  type OfferedLoan,
  type ValuationSetup,
} from '../../src/valuation/valuations/valuation-results';
import { exponentialCurve, syntheticBook } from './synthetic-book';

const asOf = '2025-12-31';
const truth = exponentialCurve({
  ageZeroRate: 0.004,
  firstMonthRate: 0.015,
  decayPerMonth: 0.04,
  horizonMonths: 120,
});
const synthetic = syntheticBook({
  seed: 5,
  cohorts: 24,
  accountsPerCohort: 100,
  asOf,
  trueRates: truth,
  futureMonths: 0,
});
const costs: CostModel = {
  commissionRateByChannel: { agency: 0.3 },
  channelMixByAge: [{ agency: 1 }],
  legalCostPerLitigatedAccountFen: 10_000,
  fixedCostPerAccountMonthFen: 100,
};
const card = { segment: 'product=card', rates: truth.map((rate) => rate * 1.2) };
const book = { segment: 'all', rates: truth };
const loans: OfferedLoan[] = synthetic.loans.map((loan, i) => ({
  ...loan,
  product: i % 3 === 0 ? 'card' : 'cash',
  province: null,
  placementStage: null,
  litigationStatus: i % 10 === 0 ? 'filed' : 'none',
}));

function setup(overrides: Partial<ValuationSetup> = {}): ValuationSetup {
  return {
    loans,
    curves: { book, bySegment: new Map([['product=card', card]]) },
    segmentOf: (loan) => `product=${loan.product}`,
    litigates: (loan) => loan.litigationStatus === 'filed',
    history: buildRecoveryTriangle(synthetic.loans, synthetic.events, {
      cohort: 'month',
      asOf,
      basis: 'gross',
    }),
    curveFit: { horizonMonths: 120, tailFromAge: 3 },
    costModel: costs,
    valuationDate: asOf,
    terms: {
      horizonMonths: 120,
      discountRateAnnual: 0.12,
      targetIrrAnnual: 0.25,
      sensitivity: { recoveryShocks: [-0.1, 0, 0.1], discountRatesAnnual: [0.12, 0.25] },
    },
    seed: 3,
    simulations: 50,
    ...overrides,
  };
}

describe('valuationResults', () => {
  const results = valuationResults(setup());

  it("counts each segment's loans and face, and names the curve they took: their own, else the book's", () => {
    const face = (product: string) =>
      loans
        .filter((loan) => loan.product === product)
        .reduce((sum, loan) => sum + loan.claimFen, 0);
    expect(results.segments).toMatchObject([
      { segment: 'product=card', curve: 'product=card', loans: 800, faceFen: face('card') },
      { segment: 'product=cash', curve: 'all', loans: 1600, faceFen: face('cash') },
    ]);
    // Their expected collections share out the valuation's, to the fen.
    const total = (pick: (use: (typeof results.segments)[number]) => number) =>
      results.segments.reduce((sum, use) => sum + pick(use), 0);
    expect(total((use) => use.expectedGrossFen)).toBe(results.measures.ercFen);
    expect(total((use) => use.expectedCostsFen)).toBe(results.measures.costsFen);
    expect(total((use) => use.expectedNetFen)).toBe(results.measures.netCollectionsFen);
    expect(results.loans).toBe(2400);
    expect(results.measures.faceFen).toBe(face('card') + face('cash'));
  });

  it('litigates the loans the plan names, their legal cost in the first month', () => {
    expect(results.litigatedLoans).toBe(240);
    expect(results.monthly.legalFen[0]).toBe(240 * 10_000);
  });

  it('reads the loans once, one at a time, from any iterable', () => {
    function* cursor() {
      yield* loans;
    }
    expect(valuationResults(setup({ loans: cursor() }))).toEqual(results);
  });

  it('refuses no loans, and names a loan charged off after the valuation date', () => {
    expect(() => valuationResults(setup({ loans: [] }))).toThrow(RangeError);
    expect(() => valuationResults(setup({ valuationDate: '2025-11-10' }))).toThrow(
      /loan S23-\d+ was charged off on 2025-11-\d\d, after the valuation date 2025-11-10/,
    );
  });
});

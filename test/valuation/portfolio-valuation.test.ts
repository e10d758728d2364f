import { describe, expect, it } from 'vitest';
import type { CostModel } from '../../src/valuation/maths/cost-model';
import { irr } from './irr';
import { valuePortfolio } from '../../src/valuation/valuations/portfolio-valuation';
import { fitRecoveryCurve } from '../../src/valuation/maths/recovery-curve';
import { buildRecoveryTriangle } from '../../src/valuation/maths/recovery-triangle';
import { simulate } from '../../src/valuation/maths/simulation';
import { compileBook } from '../../src/valuation/maths/valuation-book';
import { exponentialCurve, syntheticBook } from './synthetic-book';

const asOf = '2025-12-31';
const curveFit = { horizonMonths: 120, tailFromAge: 3 };
const costs: CostModel = {
  commissionRateByChannel: { agency: 0.3 },
  channelMixByAge: [{ in_house: 1 }, { in_house: 1 }, { in_house: 1 }, { agency: 1 }],
  legalCostPerLitigatedAccountFen: 80_000,
  fixedCostPerAccountMonthFen: 150,
};
const truth = exponentialCurve({
  ageZeroRate: 0.004,
  firstMonthRate: 0.015,
  decayPerMonth: 0.04,
  horizonMonths: 120,
});
const synthetic = syntheticBook({
  seed: 5,
  cohorts: 24,
  accountsPerCohort: 400,
  asOf,
  trueRates: truth,
  futureMonths: 0,
});
const history = buildRecoveryTriangle(synthetic.loans, synthetic.events, {
  cohort: 'month',
  asOf,
  basis: 'gross',
});
const curve = fitRecoveryCurve(history, 'all', curveFit);
const book = compileBook(
  synthetic.loans.map((loan, i) => ({ ...loan, litigate: i % 50 === 0 })),
  () => curve,
  asOf,
);
const terms = {
  horizonMonths: 120,
  discountRateAnnual: 0.12,
  targetIrrAnnual: 0.25,
  sensitivity: { recoveryShocks: [-0.2, 0, 0.2], discountRatesAnnual: [0.12, 0.25] },
};

describe('valuePortfolio', () => {
  const valuation = valuePortfolio(book, costs, terms);

  it('reports ERC, costs and net collections in whole fen that add up, and are the sums of the months', () => {
    expect(
      Number.isInteger(valuation.ercFen) &&
        Number.isInteger(valuation.npvFen) &&
        Number.isInteger(valuation.priceFen),
    ).toBe(true);
    expect(valuation.ercFen - valuation.costsFen).toBe(valuation.netCollectionsFen);
    const total = (months: number[]) => months.reduce((a, b) => a + b, 0);
    expect(total(valuation.monthly.grossFen)).toBe(valuation.ercFen);
    expect(total(valuation.monthly.costsFen)).toBe(valuation.costsFen);
    expect(total(valuation.monthly.netFen)).toBe(valuation.netCollectionsFen);
    valuation.monthly.costsFen.forEach((costs, t) =>
      expect(costs).toBe(
        valuation.monthly.commissionFen[t]! +
          valuation.monthly.legalFen[t]! +
          valuation.monthly.fixedFen[t]!,
      ),
    );
    expect(valuation.faceFen).toBe(synthetic.loans.reduce((sum, loan) => sum + loan.claimFen, 0));
  });

  it('prices at the target IRR: buying at that price earns the target', () => {
    expect(irr([-valuation.priceFen, ...valuation.monthly.netFen])).toBeCloseTo(
      terms.targetIrrAnnual,
      4,
    );
    expect(valuation.priceFen).toBeLessThan(valuation.npvFen);
    expect(valuation.priceShareOfFace).toBeCloseTo(valuation.priceFen / valuation.faceFen, 9);
  });

  it('reports multiples at the price and the month the price is paid back', () => {
    expect(valuation.netMultiple).toBeCloseTo(valuation.netCollectionsFen / valuation.priceFen, 6);
    expect((valuation.grossMultiple ?? NaN) - (valuation.netMultiple ?? NaN)).toBeCloseTo(
      valuation.costsFen / valuation.priceFen,
      6,
    );
    const month = valuation.paybackMonth ?? NaN;
    const netBy = (m: number) => valuation.monthly.netFen.slice(0, m).reduce((a, b) => a + b, 0);
    expect(netBy(month)).toBeGreaterThanOrEqual(valuation.priceFen - 120);
    expect(netBy(month - 1)).toBeLessThan(valuation.priceFen);
  });

  it('holds the price itself in the sensitivity grid, with prices rising with recoveries', () => {
    const grid = valuation.sensitivity;
    expect(grid?.prices[1]?.[1]).toBe(valuation.priceFen);
    expect(grid?.prices[1]?.[0]).toBe(valuation.npvFen);
    expect(grid?.prices.map((row) => row[1])).toEqual(
      [...(grid?.prices.map((row) => row[1] ?? NaN) ?? [])].sort((a, b) => a - b),
    );
  });

  it('gives the same numbers for the same inputs', () => {
    expect(valuePortfolio(book, costs, terms)).toEqual(valuation);
  });
});

describe('simulate', () => {
  const input = { seed: 17, simulations: 300, history, curveFit, book, costModel: costs, terms };
  const result = simulate(input);

  it('gives the same percentiles for the same seed and others for another seed', () => {
    expect(simulate(input)).toEqual(result);
    expect(simulate({ ...input, seed: 18 }).grossFen).not.toEqual(result.grossFen);
  });

  it('brackets the valuation: P5 ≤ P50 ≤ P95, the median near the expected value', () => {
    const valuation = valuePortfolio(book, costs, terms);
    for (const measure of [result.grossFen, result.npvFen, result.priceFen]) {
      expect(measure.p5).toBeLessThanOrEqual(measure.p50);
      expect(measure.p50).toBeLessThanOrEqual(measure.p95);
    }
    expect(result.grossFen.p5).toBeLessThan(valuation.ercFen);
    expect(result.grossFen.p95).toBeGreaterThan(valuation.ercFen);
    expect(Math.abs(result.priceFen.p50 / valuation.priceFen - 1)).toBeLessThan(0.03);
  });

  it('takes the number of simulations as a parameter and refuses none', () => {
    expect(simulate({ ...input, simulations: 7 }).simulations).toBe(7);
    expect(() => simulate({ ...input, simulations: 0 })).toThrow(RangeError);
  });
});

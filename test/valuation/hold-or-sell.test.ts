import { describe, expect, it } from 'vitest';
import type { CostModel } from '../../src/valuation/maths/cost-model';
import { npv } from '../../src/valuation/maths/discounting';
import { holdOrSell, inHouseCostModel } from '../../src/valuation/valuations/hold-or-sell';
import { projectBook } from '../../src/valuation/maths/projection';
import { compileBook } from '../../src/valuation/maths/valuation-book';
import { asFen } from '../../src/shared';

const costs: CostModel = {
  commissionRateByChannel: { in_house: 0.1, agency: 0.3 },
  channelMixByAge: [{ in_house: 1 }, { agency: 1 }],
  legalCostPerLitigatedAccountFen: 50_000,
  fixedCostPerAccountMonthFen: 200,
};
const curve = {
  segment: 'all',
  rates: Float64Array.from({ length: 60 }, (_, age) =>
    age === 0 ? 0 : 0.02 * Math.exp(-0.05 * age),
  ),
};
const loans = Array.from({ length: 40 }, (_, i) => ({
  chargeOffDate: '2025-01-15',
  chargeOffFen: 1_000_000 + i * 10_000,
  claimFen: 1_200_000,
  litigate: i < 4,
}));
const book = compileBook(loans, () => curve, '2025-12-31');
const terms = { horizonMonths: 60, discountRateAnnual: 0.12 };

describe('inHouseCostModel', () => {
  it('puts every collection in house at its own rate, legal and fixed costs unchanged', () => {
    expect(inHouseCostModel(costs)).toEqual({
      commissionRateByChannel: { in_house: 0.1 },
      channelMixByAge: [{ in_house: 1 }],
      legalCostPerLitigatedAccountFen: 50_000,
      fixedCostPerAccountMonthFen: 200,
    });
    expect(
      inHouseCostModel({ ...costs, commissionRateByChannel: { agency: 0.3 } })
        .commissionRateByChannel,
    ).toEqual({ in_house: 0 });
  });
});

describe('holdOrSell', () => {
  const flows = projectBook(book, inHouseCostModel(costs), { horizonMonths: 60 });
  const inHouseNpv = npv(flows.netFen, 0.12);

  it('is the NPV at the discount rate of collecting in house, against the price', () => {
    const decision = holdOrSell(book, costs, terms, asFen(1_000_000));
    expect(Math.abs(decision.inHouseNpvFen - inHouseNpv)).toBeLessThan(60);
    expect(decision.differenceFen).toBe(1_000_000 - decision.inHouseNpvFen);
  });

  it('sells when the price is worth more, holds when it is not or on a tie', () => {
    const { inHouseNpvFen } = holdOrSell(book, costs, terms, asFen(0));
    expect(holdOrSell(book, costs, terms, asFen(inHouseNpvFen + 1)).recommendation).toBe('sell');
    expect(holdOrSell(book, costs, terms, inHouseNpvFen).recommendation).toBe('hold');
    expect(holdOrSell(book, costs, terms, asFen(inHouseNpvFen - 1)).recommendation).toBe('hold');
  });
});

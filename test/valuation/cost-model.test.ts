import { describe, expect, it } from 'vitest';
import { commissionRateByAge, withCostOverrides } from '../../src/valuation/maths/cost-model';
import {
  fitCostModel,
  type CostRecord,
  type PaymentRecord,
} from '../../src/valuation/maths/fit-cost-model';

const loans = [
  { loanId: 'a', chargeOffDate: '2025-01-15' },
  { loanId: 'b', chargeOffDate: '2025-02-10' },
  { loanId: 'late', chargeOffDate: '2025-07-01' },
];
const payments: PaymentRecord[] = [
  { loanId: 'a', eventDate: '2025-02-01', amountFen: 10_000, channel: 'in_house' },
  { loanId: 'a', eventDate: '2025-04-03', amountFen: 20_000, channel: 'agency' },
  { loanId: 'b', eventDate: '2025-04-20', amountFen: 30_000, channel: 'agency' },
  { loanId: 'b', eventDate: '2025-05-05', amountFen: 40_000, channel: 'legal' },
  { loanId: 'a', eventDate: '2025-07-02', amountFen: 99_000, channel: 'agency' }, // after the cut
];
const costs: CostRecord[] = [
  { loanId: 'a', eventDate: '2025-04-03', amountFen: 5_000, costKind: 'agency_commission' },
  { loanId: 'b', eventDate: '2025-04-20', amountFen: 9_000, costKind: 'agency_commission' },
  { loanId: 'b', eventDate: '2025-05-05', amountFen: 4_000, costKind: 'agency_commission' }, // billed on the legal payment
  { loanId: 'b', eventDate: '2025-03-01', amountFen: 30_000, costKind: 'legal_fee' },
  { loanId: 'b', eventDate: '2025-03-01', amountFen: 2_500, costKind: 'court_fee' },
  { loanId: 'a', eventDate: '2025-01-20', amountFen: 1_300, costKind: 'sms_call' },
  { loanId: 'b', eventDate: '2025-02-20', amountFen: 700, costKind: 'sms_call' },
  { loanId: 'a', eventDate: '2025-06-30', amountFen: 1_000, costKind: 'other' },
];

describe('fitCostModel', () => {
  const model = fitCostModel(costs, payments, loans, '2025-06-30');

  it('sets commission against the payments of the channel it was billed on', () => {
    expect(model.commissionRateByChannel).toEqual({
      in_house: 0,
      agency: 14_000 / 50_000,
      legal: 4_000 / 40_000,
    });
  });

  it('spreads legal and court fees over the accounts that were litigated', () => {
    expect(model.legalCostPerLitigatedAccountFen).toBe(32_500);
  });

  it('spreads every other cost over the account-months observed from each charge-off month', () => {
    // a: January to June (6 months), b: February to June (5); 'late' is charged off after the cut.
    expect(model.fixedCostPerAccountMonthFen).toBe(3_000 / 11);
  });

  it("learns each age's channel mix from the payments made at that age", () => {
    expect(model.channelMixByAge[1]).toEqual({ in_house: 1 });
    expect(model.channelMixByAge[2]).toEqual({ agency: 1 });
    expect(model.channelMixByAge[3]).toEqual({ agency: 20_000 / 60_000, legal: 40_000 / 60_000 });
    // Age 0 saw no payment: it takes the mix of all ages.
    expect(model.channelMixByAge[0]).toEqual({ in_house: 0.1, agency: 0.5, legal: 0.4 });
  });

  it('turns the mix and the rates into a commission rate per age, the last mix continuing', () => {
    const rates = commissionRateByAge(model, 6);
    const lastMix = (1 / 3) * 0.28 + (2 / 3) * 0.1;
    expect(rates[1]).toBe(0);
    expect(rates[2]).toBeCloseTo(0.28, 15);
    expect(rates[3]).toBeCloseTo(lastMix, 15);
    expect(rates[5]).toBeCloseTo(lastMix, 15);
  });

  it('refuses a book with nothing charged off by the cut', () => {
    expect(() =>
      fitCostModel(
        costs,
        payments,
        [{ loanId: 'late', chargeOffDate: '2025-07-01' }],
        '2025-06-30',
      ),
    ).toThrow(RangeError);
  });
});

describe('withCostOverrides', () => {
  const model = fitCostModel(costs, payments, loans, '2025-06-30');

  it('replaces the assumptions a valuation sets, channel by channel, and keeps the rest', () => {
    const overridden = withCostOverrides(model, {
      commissionRateByChannel: { agency: 0.35 },
      fixedCostPerAccountMonthFen: 100,
    });
    expect(overridden.commissionRateByChannel).toEqual({ in_house: 0, agency: 0.35, legal: 0.1 });
    expect(overridden.fixedCostPerAccountMonthFen).toBe(100);
    expect(overridden.legalCostPerLitigatedAccountFen).toBe(32_500);
  });

  it('replaces the whole channel mix when one is given', () => {
    const overridden = withCostOverrides(model, {
      channelMixByAge: [{ in_house: 1 }, { agency: 0.25, legal: 0.75 }],
    });
    expect(overridden.channelMixByAge).toEqual([{ in_house: 1 }, { agency: 0.25, legal: 0.75 }]);
    expect(commissionRateByAge(overridden, 3)[2]).toBeCloseTo(0.25 * 0.28 + 0.75 * 0.1, 15);
  });

  it('refuses a commission rate above 100 %, a negative cost, or a channel mix that is empty or does not add up to 1', () => {
    expect(() => withCostOverrides(model, { commissionRateByChannel: { agency: 1.2 } })).toThrow(
      RangeError,
    );
    expect(() => withCostOverrides(model, { legalCostPerLitigatedAccountFen: -1 })).toThrow(
      RangeError,
    );
    expect(() => withCostOverrides(model, { channelMixByAge: [] })).toThrow(RangeError);
    expect(() =>
      withCostOverrides(model, { channelMixByAge: [{ in_house: 0.5, agency: 0.4 }] }),
    ).toThrow(RangeError);
    expect(() =>
      withCostOverrides(model, { channelMixByAge: [{ in_house: 1.5, agency: -0.5 }] }),
    ).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { applyPayment } from '../../src/demo/claim';
import { claimFen } from '../../src/shared';
import { courtFeeFen } from '../../src/demo/court-fee';

const claim = { principalFen: 100_000, interestFen: 5_000, feeFen: 1_000, penaltyFen: 2_000 };

describe('applying a payment to a claim', () => {
  it('pays fees, then penalty, then interest, then principal', () => {
    expect(applyPayment(claim, 2_500)).toEqual({
      principalFen: 100_000,
      interestFen: 5_000,
      feeFen: 0,
      penaltyFen: 500,
    });
    expect(applyPayment(claim, 10_000)).toEqual({
      principalFen: 98_000,
      interestFen: 0,
      feeFen: 0,
      penaltyFen: 0,
    });
  });

  it('reduces the total by exactly the payment, down to nothing', () => {
    expect(claimFen(applyPayment(claim, 12_345))).toBe(claimFen(claim) - 12_345);
    expect(claimFen(applyPayment(claim, claimFen(claim)))).toBe(0);
  });

  it('refuses a payment larger than the claim, or not a positive whole number of fen', () => {
    expect(() => applyPayment(claim, claimFen(claim) + 1)).toThrow(RangeError);
    expect(() => applyPayment(claim, 0)).toThrow(RangeError);
    expect(() => applyPayment(claim, 1.5)).toThrow(RangeError);
  });
});

describe('court acceptance fee', () => {
  it('is 50 yuan up to 10,000 yuan', () => {
    expect(courtFeeFen(100_000)).toBe(5_000);
    expect(courtFeeFen(1_000_000)).toBe(5_000);
  });

  it('matches the published figures for 100,000 yuan and 1 million yuan', () => {
    expect(courtFeeFen(10_000_000)).toBe(230_000);
    expect(courtFeeFen(100_000_000)).toBe(1_380_000);
  });

  it('adds 2.5 % of the part between 10,000 and 100,000 yuan', () => {
    expect(courtFeeFen(2_000_000)).toBe(5_000 + 25_000);
  });
});

import { describe, expect, it } from 'vitest';
import { applyPayment } from '../../src/demo/claim';
import { asFen, claimFen, type Fen } from '../../src/shared';
import { courtFeeFen } from '../../src/demo/court-fee';

const claim = {
  principalFen: asFen(100_000),
  interestFen: asFen(5_000),
  feeFen: asFen(1_000),
  penaltyFen: asFen(2_000),
};

describe('applying a payment to a claim', () => {
  it('pays fees, then penalty, then interest, then principal', () => {
    expect(applyPayment(claim, asFen(2_500))).toEqual({
      principalFen: 100_000,
      interestFen: 5_000,
      feeFen: 0,
      penaltyFen: 500,
    });
    expect(applyPayment(claim, asFen(10_000))).toEqual({
      principalFen: 98_000,
      interestFen: 0,
      feeFen: 0,
      penaltyFen: 0,
    });
  });

  it('reduces the total by exactly the payment, down to nothing', () => {
    expect(claimFen(applyPayment(claim, asFen(12_345)))).toBe(claimFen(claim) - 12_345);
    expect(claimFen(applyPayment(claim, claimFen(claim)))).toBe(0);
  });

  it('refuses a payment larger than the claim, or not a positive whole number of fen', () => {
    expect(() => applyPayment(claim, asFen(claimFen(claim) + 1))).toThrow(RangeError);
    expect(() => applyPayment(claim, asFen(0))).toThrow(RangeError);
    // Cast past the brand on purpose: applyPayment's own guard is what is under test.
    expect(() => applyPayment(claim, 1.5 as Fen)).toThrow(RangeError);
  });
});

describe('court acceptance fee', () => {
  it('is 50 yuan up to 10,000 yuan', () => {
    expect(courtFeeFen(asFen(100_000))).toBe(5_000);
    expect(courtFeeFen(asFen(1_000_000))).toBe(5_000);
  });

  it('matches the published figures for 100,000 yuan and 1 million yuan', () => {
    expect(courtFeeFen(asFen(10_000_000))).toBe(230_000);
    expect(courtFeeFen(asFen(100_000_000))).toBe(1_380_000);
  });

  it('adds 2.5 % of the part between 10,000 and 100,000 yuan', () => {
    expect(courtFeeFen(asFen(2_000_000))).toBe(5_000 + 25_000);
  });
});

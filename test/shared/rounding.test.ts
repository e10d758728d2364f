import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocatePrice, fenFromYuanNumber, roundToFen } from '../../src/shared/rounding';
import { asFen } from '../../src/shared';

describe('the three rounding rules, side by side', () => {
  it('give the same half fen three different answers, each for its purpose', () => {
    // A spreadsheet cell of 0.005 yuan is not money anyone booked: refused, not rounded.
    expect(fenFromYuanNumber(0.005)).toBeUndefined();
    // A forecast of 12.5 fen rounds to even: over many months, no drift up or down.
    expect([roundToFen(12.5), roundToFen(13.5), roundToFen(-2.5)]).toEqual([12, 14, -2]);
    // 25 fen shared by two equal claims: 13 + 12, never 13 + 13 or 12 + 12.
    expect(allocatePrice(asFen(25), [asFen(1), asFen(1)])).toEqual([13, 12]);
  });

  it('spreadsheet money: half away from zero at the fen, exact for two decimals', () => {
    expect(1.15 * 100).not.toBe(115); // 114.99999999999999 in floating point
    expect(fenFromYuanNumber(1.15)).toBe(115);
    expect(fenFromYuanNumber(-0.29)).toBe(-29);
    expect(fenFromYuanNumber(0.015)).toBeUndefined(); // a third decimal is no fen
    expect(fenFromYuanNumber(Number.NaN)).toBeUndefined();
  });

  it('forecasts: half to even adds no drift over many halves', () => {
    const halves = Array.from({ length: 1000 }, (_, index) => index + 0.5);
    const drift = halves.reduce((sum, value) => sum + roundToFen(value) - value, 0);
    expect(drift).toBe(0);
    expect(() => roundToFen(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('shares of a whole: the allocations always add up to the price, each within a fen of its share', () => {
    const claims = fc.array(fc.integer({ min: 0, max: 10_000_000_000 }).map(asFen), {
      minLength: 1,
      maxLength: 50,
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }).map(asFen), claims, (priceFen, claimsFen) => {
        const total = claimsFen.reduce((sum, claim) => sum + claim, 0);
        fc.pre(total > 0);
        const allocated = allocatePrice(priceFen, claimsFen);
        expect(allocated.reduce((sum, fen) => sum + fen, 0)).toBe(priceFen);
        allocated.forEach((fen, index) => {
          const share = (priceFen * claimsFen[index]!) / total;
          expect(Math.abs(fen - share)).toBeLessThan(1 + 1e-6 * Math.max(1, share));
        });
      }),
    );
  });
});

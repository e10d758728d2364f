import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocatePrice } from '../../src/shared/rounding';
import { asFen, type Fen } from '../../src/shared';

describe('allocatePrice', () => {
  it('gives the fen left over to the largest remainders, ties to the earlier loan', () => {
    expect(allocatePrice(asFen(100), [asFen(1), asFen(1), asFen(1)])).toEqual([34, 33, 33]);
    expect(allocatePrice(asFen(10), [asFen(1), asFen(2), asFen(3), asFen(4)])).toEqual([
      1, 2, 3, 4,
    ]);
    expect(allocatePrice(asFen(7), [asFen(5), asFen(0), asFen(5)])).toEqual([4, 0, 3]);
  });

  it('stays exact where price × claim passes 2^53', () => {
    const claims = [9_000_000_000_001, 3, 7_000_000_000_000].map(asFen);
    const allocated = allocatePrice(asFen(8_000_000_000_000), claims);
    expect(allocated.reduce((a, b) => a + b, 0)).toBe(8_000_000_000_000);
    const total = claims.reduce((a, b) => a + BigInt(b), 0n);
    allocated.forEach((fen, i) =>
      expect([0n, 1n]).toContain(BigInt(fen) - (8_000_000_000_000n * BigInt(claims[i]!)) / total),
    );
  });

  it('always sums to the price, and no loan is more than a fen from its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 12 }).map(asFen),
        fc.array(fc.integer({ min: 0, max: 10 ** 10 }).map(asFen), { minLength: 1, maxLength: 50 }),
        (price, claims) => {
          fc.pre(claims.some((claim) => claim > 0));
          const allocated = allocatePrice(price, claims);
          const total = claims.reduce((a, b) => a + b, 0);
          expect(allocated.reduce((a, b) => a + b, 0)).toBe(price);
          allocated.forEach((fen, i) =>
            expect(Math.abs(fen - (price * claims[i]!) / total)).toBeLessThan(1 + 1e-6),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses a positive price over loans that owe nothing, and fractional fen', () => {
    expect(() => allocatePrice(asFen(1), [asFen(0), asFen(0)])).toThrow(RangeError);
    expect(allocatePrice(asFen(0), [asFen(0), asFen(0)])).toEqual([0, 0]);
    // Cast past the brand on purpose: allocatePrice's own guard is what is under test.
    expect(() => allocatePrice(1.5 as Fen, [asFen(1)])).toThrow(RangeError);
  });
});

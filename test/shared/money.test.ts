import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claimFen, claimSql } from '../../src/shared/claim';
import {
  addFen,
  asFen,
  type Fen,
  formatFen,
  negateFen,
  parseFen,
  subtractFen,
  sumFen,
  ZERO_FEN,
} from '../../src/shared/money';
import { fenFromYuanNumber } from '../../src/shared/rounding';

const fen = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }).map(asFen);

describe('the API speaks money as decimal strings, exactly', () => {
  it('reads back every amount it writes (formatFen then parseFen is the identity)', () => {
    fc.assert(fc.property(fen, (amount) => parseFen(formatFen(amount)) === amount));
  });

  it('writes back every canonical string it reads (parseFen then formatFen)', () => {
    const canonical = fen.map(formatFen);
    fc.assert(fc.property(canonical, (text) => formatFen(parseFen(text)!) === text));
  });

  it('reads thousands separators and one decimal, refuses what is not an amount', () => {
    expect(parseFen('1,234.5')).toBe(123_450);
    expect(parseFen('-0.05')).toBe(-5);
    for (const bad of ['1.234', '1,23.00', '1e3', '', '--1', '12,34', '90071992547409.92'])
      expect(parseFen(bad)).toBeUndefined();
  });

  it('refuses to format what is not whole fen', () => {
    // Cast past the brand on purpose: formatFen's own guard is what is under test.
    expect(() => formatFen(1.5 as Fen)).toThrow(RangeError);
    expect(() => formatFen(Number.NaN as Fen)).toThrow(RangeError);
  });

  it('takes a spreadsheet number to the fen half away from zero, refusing more decimals', () => {
    expect(fenFromYuanNumber(0.125)).toBeUndefined();
    expect(fenFromYuanNumber(1234.56)).toBe(123_456);
    expect(fenFromYuanNumber(-0.01)).toBe(-1);
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (amount) => {
        return fenFromYuanNumber(amount / 100) === amount;
      }),
    );
  });
});

describe('Fen is a brand: money is made by a checked maker, not by any number', () => {
  it('asFen passes whole fen through and refuses a fraction, NaN and 2^53, naming the value', () => {
    expect(asFen(123_456)).toBe(123_456);
    expect(asFen(-5)).toBe(-5);
    expect(asFen(Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => asFen(1.5)).toThrow(new RangeError('not an integer amount of fen: 1.5'));
    expect(() => asFen(Number.NaN)).toThrow(new RangeError('not an integer amount of fen: NaN'));
    expect(() => asFen(2 ** 53)).toThrow(
      new RangeError('not an integer amount of fen: 9007199254740992'),
    );
    expect(() => asFen(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('sums, adds, subtracts and negates amounts as money, checked', () => {
    expect(ZERO_FEN).toBe(0);
    expect(sumFen([])).toBe(0);
    expect(sumFen([asFen(100), asFen(-30), asFen(5)])).toBe(75);
    expect(addFen(asFen(100), asFen(23))).toBe(123);
    expect(subtractFen(asFen(100), asFen(123))).toBe(-23);
    expect(negateFen(asFen(5))).toBe(-5);
    expect(Object.is(negateFen(ZERO_FEN), 0)).toBe(true);
    expect(() => sumFen([asFen(Number.MAX_SAFE_INTEGER), asFen(1)])).toThrow(RangeError);
    expect(() => addFen(asFen(Number.MAX_SAFE_INTEGER), asFen(1))).toThrow(RangeError);
  });

  it('does not take a plain number where money is expected (checked by tsc, not at run time)', () => {
    const count = 3;
    // @ts-expect-error a plain number is not money: an alias `type Fen = number` fails this line
    const notMoney: Fen = count;
    // @ts-expect-error nor does arithmetic on money give money back
    const sum: Fen = asFen(1) + asFen(2);
    // @ts-expect-error nor is a yuan float money
    expect(() => formatFen(12.5)).toThrow(RangeError);
    const money: Fen = asFen(count);
    const stillANumber: number = money;
    expect([notMoney, sum, stillANumber]).toEqual([3, 3, 3]);
  });
});

describe('the claim', () => {
  it('is principal + interest + fee + penalty, in TypeScript and in SQL', () => {
    expect(
      claimFen({
        principalFen: asFen(100_00),
        interestFen: asFen(5_00),
        feeFen: asFen(1_00),
        penaltyFen: asFen(50),
      }),
    ).toBe(106_50);
    expect(claimSql('l')).toBe('(l.principal_fen + l.interest_fen + l.fee_fen + l.penalty_fen)');
  });
});

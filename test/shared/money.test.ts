import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claimFen, claimSql } from '../../src/shared/claim';
import { formatFen, parseFen } from '../../src/shared/money';
import { fenFromYuanNumber } from '../../src/shared/rounding';

const fen = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });

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
    expect(() => formatFen(1.5)).toThrow(RangeError);
    expect(() => formatFen(Number.NaN)).toThrow(RangeError);
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

describe('the claim', () => {
  it('is principal + interest + fee + penalty, in TypeScript and in SQL', () => {
    expect(
      claimFen({ principalFen: 100_00, interestFen: 5_00, feeFen: 1_00, penaltyFen: 50 }),
    ).toBe(106_50);
    expect(claimSql('l')).toBe('(l.principal_fen + l.interest_fen + l.fee_fen + l.penalty_fen)');
  });
});

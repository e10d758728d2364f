import { describe, expect, it } from 'vitest';
import {
  birthYear,
  maskName,
  maskNationalId,
  maskPhone,
} from '../../src/transfer/data-room/disclosure-masking';
import { loanToken, newTokenKey } from '../../src/transfer/offers/loan-token';

describe('the P1 masks (docs/domain.md §5: 张*, 110***********1234, 138****5678, birth year only)', () => {
  it('masks as the domain shows', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskNationalId('110101199003071234')).toBe('110***********1234');
    expect(maskNationalId('11010119900307123X')).toBe('110***********123X');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(birthYear('1990-03-07')).toBe('1990');
  });

  it('masks a value too short to keep its ends entirely', () => {
    expect(maskPhone('1234567')).toBe('*******');
    expect(maskName('')).toBe('');
  });
});

describe('loanToken', () => {
  it('is stable for a key and a loan, differs across keys and loans, and hides the id', () => {
    const key = newTokenKey();
    const token = loanToken(key, 'L000123');
    expect(token).toMatch(/^T-[0-9A-HJKMNP-TV-Z]{16}$/);
    expect(loanToken(key, 'L000123')).toBe(token);
    expect(loanToken(key, 'L000124')).not.toBe(token);
    expect(loanToken(newTokenKey(), 'L000123')).not.toBe(token);
    expect(token).not.toContain('123');
  });
});

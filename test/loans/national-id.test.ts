import { describe, expect, it } from 'vitest';
import {
  composeNationalId,
  isValidNationalId,
  nationalIdCheckCharacter,
} from '../../src/loans/tape/national-id';

describe('national id check character (GB 11643-1999)', () => {
  it('gives X for the standard published example 11010519491231002X', () => {
    expect(nationalIdCheckCharacter('11010519491231002')).toBe('X');
  });

  it('gives the digit of other published ids', () => {
    // The worked examples of GB 11643-1999 itself.
    expect(nationalIdCheckCharacter('44052418800101001')).toBe('4');
    expect(composeNationalId('440524', '1880-01-01', 1)).toBe('440524188001010014');
  });

  it('composes an id from area code, birth date and sequence', () => {
    expect(composeNationalId('110105', '1949-12-31', 2)).toBe('11010519491231002X');
  });

  it('accepts a valid id and refuses one with a changed digit or a lowercase x', () => {
    expect(isValidNationalId('11010519491231002X')).toBe(true);
    expect(isValidNationalId('11010519491231003X')).toBe(false);
    expect(isValidNationalId('11010519491231002x')).toBe(false);
    expect(isValidNationalId('1101051949123100')).toBe(false);
  });

  it('refuses anything but 17 digits', () => {
    expect(() => nationalIdCheckCharacter('1101051949123100')).toThrow(RangeError);
    expect(() => nationalIdCheckCharacter('1101051949123100A')).toThrow(RangeError);
  });
});

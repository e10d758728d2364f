import { describe, expect, it } from 'vitest';
import { projectedDaysPastDue } from '../../src/loans/book/days-past-due';

describe('projectedDaysPastDue', () => {
  it('ages a delinquent loan one day per day since its tape date', () => {
    expect(projectedDaysPastDue(5, '2026-05-31', '2026-06-30')).toBe(35);
    expect(projectedDaysPastDue(1, '2026-02-28', '2026-03-01')).toBe(2);
  });

  it('keeps the tape value on the tape date itself', () => {
    expect(projectedDaysPastDue(90, '2026-05-31', '2026-05-31')).toBe(90);
  });

  it('keeps a current loan current however much later', () => {
    expect(projectedDaysPastDue(0, '2026-05-31', '2027-05-31')).toBe(0);
  });

  it('counts days across a leap day', () => {
    expect(projectedDaysPastDue(10, '2028-02-28', '2028-03-01')).toBe(12);
  });

  it('refuses a date before the tape date', () => {
    expect(() => projectedDaysPastDue(10, '2026-05-31', '2026-05-30')).toThrow(RangeError);
  });
});

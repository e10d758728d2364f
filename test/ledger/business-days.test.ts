import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessDays } from '../../src/shared/business-days';
import { addDays, dayNumber } from '../../src/shared/dates';

const weekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

describe('adding business days', () => {
  it('skips Saturdays and Sundays, from a weekday or a weekend day', () => {
    expect(addBusinessDays('2026-06-05', 10)).toBe('2026-06-19');
    expect(addBusinessDays('2026-06-05', 1)).toBe('2026-06-08');
    expect(addBusinessDays('2026-06-06', 1)).toBe('2026-06-08');
    expect(addBusinessDays('2026-06-07', 1)).toBe('2026-06-08');
    expect(addBusinessDays('2026-06-06', 0)).toBe('2026-06-06');
    expect(addBusinessDays('2026-12-31', 2)).toBe('2027-01-04');
    expect(addBusinessDays('1969-12-31', 3)).toBe('1970-01-05');
  });

  it('refuses a negative or fractional count', () => {
    expect(() => addBusinessDays('2026-06-05', -1)).toThrow(RangeError);
    expect(() => addBusinessDays('2026-06-05', 1.5)).toThrow(RangeError);
  });

  it('lands on a weekday after exactly n weekdays (the weekday counted by the calendar, not by day numbers)', () => {
    const date = fc
      .integer({ min: dayNumber('1960-01-01'), max: dayNumber('2100-12-31') })
      .map((day) => addDays('1970-01-01', day));
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 60 }), (start, n) => {
        const end = addBusinessDays(start, n);
        let weekdays = 0;
        for (let day = addDays(start, 1); day <= end; day = addDays(day, 1))
          if (!weekend(day)) weekdays += 1;
        expect(weekdays).toBe(n);
        expect(weekend(end)).toBe(false);
      }),
    );
  });
});

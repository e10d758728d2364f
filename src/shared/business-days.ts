import { dayNumber, fromDayNumber, type IsoDate } from './dates';

/** 1970-01-01, day number 0, was a Thursday: day numbers + 4, modulo 7, count from Sunday = 0. */
const weekdayOf = (day: number): number => (((day + 4) % 7) + 7) % 7;

const isWeekend = (day: number): boolean => weekdayOf(day) === 0 || weekdayOf(day) === 6;

/**
 * `date` plus `days` business days (工作日): each Saturday and Sunday is skipped, so Friday + 1 is
 * the next Monday and a Saturday + 1 is also that Monday. Weekends only: public holidays (and the
 * Chinese make-up working weekends, 调休) are not modelled, so a due date may fall on a holiday.
 * @example addBusinessDays('2026-06-05', 10) // '2026-06-19' (a Friday plus two weeks)
 * @throws RangeError for a negative or fractional number of days
 */
export function addBusinessDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days) || days < 0)
    throw new RangeError(`a number of business days is a whole number from 0: ${days}`);
  let day = dayNumber(date);
  for (let left = days; left > 0;) {
    day += 1;
    if (!isWeekend(day)) left -= 1;
  }
  return fromDayNumber(day);
}

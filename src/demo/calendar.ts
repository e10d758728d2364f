import { fromDayNumber, type IsoDate } from '../shared/dates';

const MS_PER_DAY = 86_400_000;
/** Every month has a 28th: up to it, adding months never needs the month's length. */
const DAYS_IN_EVERY_MONTH = 28;

/**
 * The day number (days since 1970-01-01) of `date` plus `months` calendar months (negative to go
 * back), the day clamped to the last day of the target month: 2026-01-31 + 1 month = 2026-02-28.
 * Works in numbers only, because the demo generator calls it for every month of every loan.
 */
export function addMonthsToDayNumber(date: IsoDate, months: number): number {
  const monthIndex = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const day = Number(date.slice(8, 10));
  const lastDay = day <= DAYS_IN_EVERY_MONTH ? day : new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(day, lastDay)) / MS_PER_DAY;
}

/** `date` plus `months` calendar months, clamped like {@link addMonthsToDayNumber}. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  return fromDayNumber(addMonthsToDayNumber(date, months));
}

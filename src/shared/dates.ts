/**
 * Calendar dates are ISO `YYYY-MM-DD` strings, computed in UTC day numbers: no local time zone
 * ever enters a date.
 */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const SLASHED = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;

function fromParts(year: number, month: number, day: number): IsoDate | undefined {
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return undefined;
  return date.toISOString().slice(0, 10);
}

/** Parses `YYYY-MM-DD` or `YYYY/M/D`; `undefined` if the text is not a real calendar date. */
export function parseIsoDate(text: string): IsoDate | undefined {
  const trimmed = text.trim();
  const match = ISO.exec(trimmed) ?? SLASHED.exec(trimmed);
  if (!match) return undefined;
  return fromParts(Number(match[1]), Number(match[2]), Number(match[3]));
}

/**
 * An Excel serial date (1900 date system) as an ISO date. Excel counts 1900-02-29, which never
 * existed (a Lotus 1-2-3 compatibility bug), so serials from 61 on are one day ahead of the count
 * from 1899-12-31; serial 60 itself is refused.
 */
export function excelSerialToIsoDate(serial: number): IsoDate | undefined {
  if (!Number.isInteger(serial) || serial < 1 || serial === 60 || serial > 2_958_465)
    return undefined;
  const epoch = Date.UTC(1899, 11, serial < 60 ? 31 : 30);
  return new Date(epoch + serial * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Days since 1970-01-01 of an ISO date. */
export function dayNumber(date: IsoDate): number {
  return (
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) /
    MS_PER_DAY
  );
}

/** The ISO date of a day number. */
export function fromDayNumber(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** `date` plus `days` days. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Whole calendar months from `from` to `to`, counting a month only once its day is reached. */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  const months =
    (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
    Number(to.slice(5, 7)) -
    Number(from.slice(5, 7));
  return Number(to.slice(8, 10)) < Number(from.slice(8, 10)) ? months - 1 : months;
}

/** Every month has a 28th: up to it, adding months never needs the month's length. */
const DAYS_IN_EVERY_MONTH = 28;

/**
 * The day number (days since 1970-01-01) of `date` plus `months` calendar months (negative to go
 * back), the day clamped to the last day of the target month: 2026-01-31 + 1 month = 2026-02-28.
 * Works in numbers only: the demo generator calls it for every month of every loan.
 */
export function addMonthsToDayNumber(date: IsoDate, months: number): number {
  const monthIndex = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const day = Number(date.slice(8, 10));
  const lastDay =
    day <= DAYS_IN_EVERY_MONTH ? day : new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(day, lastDay)) / MS_PER_DAY;
}

/** `date` plus `months` calendar months, clamped like {@link addMonthsToDayNumber}. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  return fromDayNumber(addMonthsToDayNumber(date, months));
}

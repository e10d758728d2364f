import { dayNumber, type IsoDate } from '../shared';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** 1970-01-01 in Excel's 1900 date system: day 1 is 1900-01-01 and 1900-02-29 (which never was) is counted. */
const SERIAL_OF_1970 = 25_569;
/** 1900-03-01: before it Excel's count is one day off the calendar, and no loan date is that old. */
const FIRST_SERIAL = 61;

/**
 * The Excel date serial (1900 date system) of an ISO date: days since 1970-01-01 + 25,569.
 * Checked in arithmetic, without Date objects: a loan tape has four million dates.
 * @example excelDateSerial('2024-01-01') // 45292
 * @throws RangeError unless `date` is a real `YYYY-MM-DD` day from 1900-03-01 on
 */
export function excelDateSerial(date: IsoDate): number {
  const match = ISO_DATE.exec(date);
  const serial = dayNumber(date) + SERIAL_OF_1970;
  if (
    !match ||
    !isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3])) ||
    serial < FIRST_SERIAL
  ) {
    throw new RangeError(`not an ISO date from 1900-03-01 on: "${date}"`);
  }
  return serial;
}

function isCalendarDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (DAYS_IN_MONTH[month - 1] ?? 0) + (month === 2 && leap ? 1 : 0);
}

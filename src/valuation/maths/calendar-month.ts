import { addDays, type IsoDate } from '../../shared';

/**
 * Calendar months as integers (year · 12 + month − 1), so that ages and cohorts are plain
 * subtraction. Valuation counts ages in calendar months: a payment made in the month after the
 * charge-off month is at age 1, whatever the days.
 */
type MonthIndex = number;

export type CohortGrain = 'month' | 'quarter' | 'year';

/** @example monthIndex('2024-03-15') // 2024 · 12 + 2 */
export function monthIndex(date: IsoDate): MonthIndex {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

/**
 * The last month whose data is complete on `asOf`: its own month when `asOf` is that month's last
 * day, else the month before.
 * @example lastCompleteMonth('2024-02-29') === monthIndex('2024-02-01'); lastCompleteMonth('2024-02-28') === monthIndex('2024-01-01')
 */
export function lastCompleteMonth(asOf: IsoDate): MonthIndex {
  return monthIndex(addDays(asOf, 1)) - 1;
}

/**
 * The last day of a calendar month.
 * @example lastDayOfMonth(monthIndex('2024-02-10')) // '2024-02-29'
 */
export function lastDayOfMonth(month: MonthIndex): IsoDate {
  const next = month + 1;
  return addDays(`${Math.floor(next / 12)}-${String((next % 12) + 1).padStart(2, '0')}-01`, -1);
}

/** A charge-off cohort: its label and the first and last calendar months it covers. */
export interface Cohort {
  label: string;
  firstMonth: MonthIndex;
  lastMonth: MonthIndex;
}

const MONTHS_PER_GRAIN: Record<CohortGrain, number> = { month: 1, quarter: 3, year: 12 };

/**
 * The cohort of a charge-off month: `2024-03`, `2024-Q1` or `2024`.
 * @example cohortOf(monthIndex('2024-05-10'), 'quarter') // { label: '2024-Q2', firstMonth: …04, lastMonth: …06 }
 */
export function cohortOf(month: MonthIndex, grain: CohortGrain): Cohort {
  const size = MONTHS_PER_GRAIN[grain];
  const firstMonth = month - (month % size);
  const year = Math.floor(firstMonth / 12);
  const monthOfYear = (firstMonth % 12) + 1;
  const label =
    grain === 'year'
      ? `${year}`
      : grain === 'quarter'
        ? `${year}-Q${(monthOfYear + 2) / 3}`
        : `${year}-${String(monthOfYear).padStart(2, '0')}`;
  return { label, firstMonth, lastMonth: firstMonth + size - 1 };
}

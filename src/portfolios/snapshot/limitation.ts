import { daysBetween, type IsoDate } from '../../shared';
import { delinquencyStartDate } from './loan-ages';
import type { ScreeningSubject } from './screening-subject';

/**
 * The same day `years` later; 29 February falls back to 28 February in a common year (a period
 * ends on the corresponding day of its last month, or that month's last day if it has none).
 * @example sameDayYearsLater('2024-02-29', 1) // '2025-02-28'
 */
export function sameDayYearsLater(date: IsoDate, years: number): IsoDate {
  const year = Number(date.slice(0, 4)) + years;
  const monthDay = date.slice(4);
  const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${String(year).padStart(4, '0')}${monthDay === '-02-29' && !isLeap ? '-02-28' : monthDay}`;
}

/**
 * The day the limitation period last started to run: the latest of the last payment, the last
 * acknowledgement or other interruption the lender recorded, and — when neither is known — the
 * first day of the default.
 */
export function limitationStartDate(
  subject: Pick<
    ScreeningSubject,
    'lastPaymentDate' | 'lastAcknowledgementDate' | 'chargeOffDate' | 'dpdAtChargeOff'
  >,
): IsoDate {
  const interruptions = [subject.lastPaymentDate, subject.lastAcknowledgementDate].filter(
    (date): date is IsoDate => date !== null,
  );
  if (interruptions.length === 0)
    return delinquencyStartDate(subject.chargeOffDate, subject.dpdAtChargeOff);
  return interruptions.reduce((latest, date) => (date > latest ? date : latest));
}

/**
 * Days left of a limitation period of `years` on `asOf`: 0 on its last day, negative once the
 * claim is time-barred. Under 民法典 art. 188 and 201 the general period is 3 years, counted from
 * the day after it starts, so its last day is the start's anniversary. A lawsuit interrupts it:
 * callers leave litigated loans out.
 * @example limitationDaysLeft({ ...subject, lastPaymentDate: '2023-06-30' }, '2026-06-30', 3) // 0
 */
export function limitationDaysLeft(
  subject: Pick<
    ScreeningSubject,
    'lastPaymentDate' | 'lastAcknowledgementDate' | 'chargeOffDate' | 'dpdAtChargeOff'
  >,
  asOf: IsoDate,
  years: number,
): number {
  return daysBetween(asOf, sameDayYearsLater(limitationStartDate(subject), years));
}

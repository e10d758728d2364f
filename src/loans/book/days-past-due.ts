import { daysBetween, type IsoDate } from '../../shared';

/**
 * Days past due of an on-book loan as of `asOf`, from the days past due its tape reported on
 * `tapeDate`. No payment is known after the tape, so a loan delinquent on the tape date stays
 * delinquent and ages one day per day; a current loan stays current:
 *
 *   dpd(asOf) = dpd(tapeDate) + (asOf − tapeDate)   if dpd(tapeDate) > 0
 *   dpd(asOf) = 0                                    otherwise
 *
 * @example projectedDaysPastDue(5, '2026-05-31', '2026-06-30') // 35
 * @throws RangeError when `asOf` is before `tapeDate`: the past before a tape cannot be reconstructed
 */
export function projectedDaysPastDue(
  daysPastDue: number,
  tapeDate: IsoDate,
  asOf: IsoDate,
): number {
  const elapsedDays = daysBetween(tapeDate, asOf);
  if (elapsedDays < 0) throw new RangeError(`as of ${asOf} is before the tape date ${tapeDate}`);
  return daysPastDue > 0 ? daysPastDue + elapsedDays : 0;
}

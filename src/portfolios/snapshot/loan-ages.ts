import { addDays, daysBetween, monthsBetween, parseIsoDate, type IsoDate } from '../../shared';

// How old a written-off loan and its borrower are: the derived fields of a portfolio snapshot.
// The snapshot computes them in SQL (snapshot-sql.ts); these are the definitions, and the tests
// hold the two to each other.

/**
 * Days past due when the loan was charged off, from the tape's count. Servicing systems keep
 * counting after charge-off, so the days since charge-off are taken off:
 *
 *   dpdAtChargeOff = dpd(tape) − (tapeDate − chargeOffDate)   if that is ≥ 0
 *   dpdAtChargeOff = dpd(tape)                                otherwise (a count frozen at charge-off)
 *
 * @example daysPastDueAtChargeOff(210, '2026-05-31', '2026-05-01') // 180
 */
export function daysPastDueAtChargeOff(
  daysPastDue: number,
  tapeDate: IsoDate,
  chargeOffDate: IsoDate,
): number {
  const sinceChargeOff = daysBetween(chargeOffDate, tapeDate);
  return daysPastDue >= sinceChargeOff ? daysPastDue - sinceChargeOff : daysPastDue;
}

/**
 * The first day of the default: the charge-off date less the days past due at charge-off. The
 * limitation period and "years in default" run from here when nothing later interrupted them.
 * @example delinquencyStartDate('2026-05-01', 180) // '2025-11-02'
 */
export function delinquencyStartDate(chargeOffDate: IsoDate, dpdAtChargeOff: number): IsoDate {
  return addDays(chargeOffDate, -dpdAtChargeOff);
}

/**
 * The date of birth a resident identity number encodes: digits 7–14 (YYYYMMDD) of an 18-character
 * id, digits 7–12 (YYMMDD, 19YY) of a legacy 15-digit one; undefined if they are not a real date.
 * @example birthDateOfNationalId('11010519491231002X') // '1949-12-31'
 */
export function birthDateOfNationalId(nationalId: string): IsoDate | undefined {
  const digits =
    nationalId.length === 18
      ? nationalId.slice(6, 14)
      : nationalId.length === 15
        ? `19${nationalId.slice(6, 12)}`
        : '';
  if (!/^\d{8}$/.test(digits)) return undefined;
  const date = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  return parseIsoDate(date) === date ? date : undefined;
}

/**
 * Age in whole years on `date` (a birthday counts from its day).
 * @example ageInYears('1990-07-01', '2026-06-30') // 35
 */
export function ageInYears(birthDate: IsoDate, date: IsoDate): number {
  return Math.floor(monthsBetween(birthDate, date) / 12);
}

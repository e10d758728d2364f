// The snapshot's facts about a loan: loan ages, the limitation period, what a screening rule sees of a
// loan, and the SQL that computes them over the loan book at the cut-off.
// The door of this sub-room: what its sibling rooms and the portfolios door use.
export { limitationDaysLeft, sameDayYearsLater } from './limitation';
export { ageInYears, delinquencyStartDate } from './loan-ages';
export { type ScreeningSubject } from './screening-subject';
export {
  candidatesSql,
  claimOnFileSql,
  collectedSinceChargeOffSql,
  FLAG_BITS,
  lastPaymentDateSql,
  litigationStatusSql,
  monthsBetweenSql,
  packedFlagsSql,
} from './snapshot-sql';

import { claimSql } from '../../shared';
// SQL twins of the snapshot's derived fields (loan-ages.ts), held to them by the tests.
// Dates are ISO text; `unixepoch(date) / 86400` is the day number of a date (midnight UTC).

/** SQL of `monthsBetween(from, to)`: whole months, a month counted once its day is reached. */
export function monthsBetweenSql(from: string, to: string): string {
  return `((cast(substr(${to}, 1, 4) as integer) - cast(substr(${from}, 1, 4) as integer)) * 12
    + cast(substr(${to}, 6, 2) as integer) - cast(substr(${from}, 6, 2) as integer)
    - (substr(${to}, 9, 2) < substr(${from}, 9, 2)))`;
}

const daysSinceChargeOff = '((unixepoch(l.tape_date) - unixepoch(l.charge_off_date)) / 86400)';

/** SQL of `daysPastDueAtChargeOff(l.days_past_due, l.tape_date, l.charge_off_date)`. */
const dpdAtChargeOffSql = `(case when l.days_past_due >= ${daysSinceChargeOff} then l.days_past_due - ${daysSinceChargeOff} else l.days_past_due end)`;

/** SQL of `projectedDaysPastDue(l.days_past_due, l.tape_date, @cutOff)`. */
const dpdAtCutOffSql = `(case when l.days_past_due > 0 then l.days_past_due + (unixepoch(@cutOff) - unixepoch(l.tape_date)) / 86400 else 0 end)`;

const idBirthDate = `(case length(l.national_id)
    when 18 then substr(l.national_id, 7, 4) || '-' || substr(l.national_id, 11, 2) || '-' || substr(l.national_id, 13, 2)
    when 15 then '19' || substr(l.national_id, 7, 2) || '-' || substr(l.national_id, 9, 2) || '-' || substr(l.national_id, 11, 2) end)`;

/** The tape's date of birth, else `birthDateOfNationalId(l.national_id)` (SQLite's date() normalises 02-30, so it must round-trip). */
const birthDateSql = `coalesce(l.birth_date, case when date(${idBirthDate}) = ${idBirthDate} then ${idBirthDate} end)`;

/** The litigation status, or the `litigation_pending` flag's reading of it when the tape has none. */
export const litigationStatusSql = `coalesce(l.litigation_status, case when l.litigation_pending then 'filed' else 'none' end)`;

const paymentsOf = (loanId: string) =>
  `collection_events e where e.loan_id = ${loanId} and e.event_type = 'payment'`;

/**
 * The last payment on or before `date`: the loan's own when it is not later (the common case, no
 * lookup), else the latest payment event up to that day.
 */
export function lastPaymentDateSql(date: string): string {
  return `(case when l.last_payment_date is null or l.last_payment_date <= ${date} then l.last_payment_date
    else (select max(e.event_date) from ${paymentsOf('l.loan_id')} and e.event_date <= ${date}) end)`;
}

function lastPaymentFenSql(date: string): string {
  return `(case when l.last_payment_date is null or l.last_payment_date <= ${date} then l.last_payment_fen
    else (select e.amount_fen from ${paymentsOf('l.loan_id')} and e.event_date <= ${date} order by e.event_date desc, e.id desc limit 1) end)`;
}

/** Payments after the charge-off date up to `date`, of the loan named by `loanId` charged off on `chargeOffDate`. */
export function collectedSinceChargeOffSql(
  loanId: string,
  chargeOffDate: string,
  date: string,
): string {
  return `coalesce((select sum(e.amount_fen) from ${paymentsOf(loanId)} and e.event_date > ${chargeOffDate} and e.event_date <= ${date}), 0)`;
}

/** The claim on the off-balance register of the loan named by `loanId` on `date`: null if it never entered it. */
export function claimOnFileSql(loanId: string, date: string): string {
  return `(select sum(r.amount_fen) from off_balance_register r where r.loan_id = ${loanId} and r.movement_date <= ${date})`;
}

/** The loan's flags packed into one integer: one value to hand over per loan instead of eight. */
export const FLAG_BITS = {
  bankrupt: 1,
  deceased: 2,
  fraud: 4,
  disputed: 8,
  complaintOpen: 16,
  activeRepaymentPlan: 32,
  servicemember: 64,
  documentsComplete: 128,
} as const;
const FLAG_COLUMNS: Record<keyof typeof FLAG_BITS, string> = {
  bankrupt: 'bankrupt',
  deceased: 'deceased',
  fraud: 'fraud',
  disputed: 'disputed',
  complaintOpen: 'complaint_open',
  activeRepaymentPlan: 'active_repayment_plan',
  servicemember: 'servicemember',
  documentsComplete: 'documents_complete',
};
export const packedFlagsSql = Object.entries(FLAG_BITS)
  .map(([flag, bit]) => `l.${FLAG_COLUMNS[flag as keyof typeof FLAG_BITS]} * ${bit}`)
  .join(' + ');

/**
 * Every written-off loan charged off by the cut-off (and among `@loanIds`, when `byLoanIds`), with
 * its snapshot fields as of `@cutOff` and the facts the rules read (status, flags). The
 * unary `+` keeps SQLite off the status and charge-off-date indexes: a full scan in row order is
 * ten times faster than a million index lookups. `limit -1 offset 0` stops SQLite from flattening
 * this into the query around it, which would copy each derived expression into every place that
 * uses it and evaluate it that many times (a third of the snapshot's time on a million loans).
 */
export const candidatesSql = (
  byLoanIds: boolean,
) => `select l.loan_id, l.borrower_id, l.product, l.province, l.origination_date, l.charge_off_date, l.charge_off_fen,
    l.principal_fen, l.interest_fen, l.fee_fen, l.penalty_fen, ${claimSql('l')} as claim_fen,
    ${dpdAtChargeOffSql} as dpd_at_charge_off, ${dpdAtCutOffSql} as dpd_at_cut_off,
    ${monthsBetweenSql('l.charge_off_date', '@cutOff')} as months_since_charge_off,
    ${lastPaymentDateSql('@cutOff')} as last_payment_date, ${lastPaymentFenSql('@cutOff')} as last_payment_fen,
    ${birthDateSql} as birth_date, l.placement_stage, ${litigationStatusSql} as litigation_status,
    l.status, l.last_acknowledgement_date, ${packedFlagsSql} as flags
  from loans l where +l.status = 'charged_off' and +l.charge_off_date <= @cutOff
    ${byLoanIds ? 'and l.loan_id in (select value from json_each(@loanIds))' : ''} limit -1 offset 0`;

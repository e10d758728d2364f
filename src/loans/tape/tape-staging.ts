import type { TapeRecord } from './tape-record';

/**
 * A column of the loan tape's staging table: the `loans` column it fills, and the tape columns
 * whose presence in a file means `mode=upsert` overwrites it (a file without a column leaves that
 * field of existing loans alone; the status also follows the charge-off date, the charge-off
 * amount is derived from it).
 */
interface StagedLoanColumn {
  name: string;
  sqlType: 'TEXT' | 'INTEGER';
  updatedBy: readonly string[];
}

const same = (name: string, sqlType: 'TEXT' | 'INTEGER' = 'TEXT'): StagedLoanColumn => ({
  name,
  sqlType,
  updatedBy: [name],
});
const fenOf = (name: string, tapeColumn: string): StagedLoanColumn => ({
  name,
  sqlType: 'INTEGER',
  updatedBy: [tapeColumn],
});

/** In the order of `stagedLoanRow`. */
export const stagedLoanColumns: readonly StagedLoanColumn[] = [
  same('loan_id'),
  same('borrower_id'),
  same('borrower_name'),
  same('national_id'),
  same('mobile_phone'),
  same('province'),
  same('city'),
  same('mailing_address'),
  same('postal_code'),
  same('product'),
  same('channel'),
  same('currency'),
  same('origination_date'),
  same('maturity_date'),
  fenOf('original_principal_fen', 'original_principal'),
  fenOf('principal_fen', 'principal_balance'),
  fenOf('interest_fen', 'interest_balance'),
  fenOf('fee_fen', 'fee_balance'),
  fenOf('penalty_fen', 'penalty_balance'),
  same('days_past_due', 'INTEGER'),
  same('last_payment_date'),
  fenOf('last_payment_fen', 'last_payment_amount'),
  { name: 'status', sqlType: 'TEXT', updatedBy: ['status', 'charge_off_date'] },
  same('charge_off_date'),
  {
    name: 'charge_off_fen',
    sqlType: 'INTEGER',
    updatedBy: ['charge_off_amount', 'charge_off_date'],
  },
  same('bankrupt', 'INTEGER'),
  same('deceased', 'INTEGER'),
  same('disputed', 'INTEGER'),
  same('fraud', 'INTEGER'),
  same('litigation_pending', 'INTEGER'),
  same('complaint_open', 'INTEGER'),
  same('active_repayment_plan', 'INTEGER'),
  same('birth_date'),
  same('servicemember', 'INTEGER'),
  same('documents_complete', 'INTEGER'),
  same('last_acknowledgement_date'),
  same('placement_stage'),
  same('litigation_status'),
];

const bit = (flag: boolean) => (flag ? 1 : 0);

/** The staging row of a checked tape record, `[fileRow, ...]` in the order of `stagedLoanColumns`. */
export function stagedLoanRow(r: TapeRecord, row: number): unknown[] {
  return [
    row,
    r.loan_id,
    r.borrower_id,
    r.borrower_name,
    r.national_id,
    r.mobile_phone,
    r.province,
    r.city,
    r.mailing_address,
    r.postal_code,
    r.product,
    r.channel,
    r.currency,
    r.origination_date,
    r.maturity_date,
    r.original_principal,
    r.principal_balance,
    r.interest_balance,
    r.fee_balance,
    r.penalty_balance,
    r.days_past_due,
    r.last_payment_date,
    r.last_payment_amount,
    r.status,
    r.charge_off_date,
    r.charge_off_amount,
    bit(r.bankrupt),
    bit(r.deceased),
    bit(r.disputed),
    bit(r.fraud),
    bit(r.litigation_pending),
    bit(r.complaint_open),
    bit(r.active_repayment_plan),
    r.birth_date,
    bit(r.servicemember),
    bit(r.documents_complete),
    r.last_acknowledgement_date,
    r.placement_stage,
    r.litigation_status,
  ];
}

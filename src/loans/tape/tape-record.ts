import { z } from 'zod';
import {
  loanStatuses,
  type LitigationStatus,
  type LoanStatus,
  type PlacementStage,
} from '../../../db';
import type { Blankable } from '../../imports';
import { isValidNationalId } from './national-id';

/** A loan-tape row once its cells are typed: money in integer fen, dates ISO, keyed by column name. */
export interface TapeRecord {
  loan_id: string;
  borrower_id: string;
  borrower_name: string;
  national_id: string;
  mobile_phone: string | null;
  province: string | null;
  city: string | null;
  mailing_address: string | null;
  postal_code: string | null;
  product: string;
  channel: string | null;
  currency: string;
  origination_date: string;
  maturity_date: string | null;
  original_principal: number;
  principal_balance: number;
  interest_balance: number;
  fee_balance: number;
  penalty_balance: number;
  days_past_due: number;
  last_payment_date: string | null;
  last_payment_amount: number | null;
  status: LoanStatus;
  charge_off_date: string | null;
  charge_off_amount: number | null;
  bankrupt: boolean;
  deceased: boolean;
  disputed: boolean;
  fraud: boolean;
  litigation_pending: boolean;
  complaint_open: boolean;
  active_repayment_plan: boolean;
  birth_date: string | null;
  servicemember: boolean;
  documents_complete: boolean;
  last_acknowledgement_date: string | null;
  placement_stage: PlacementStage | null;
  litigation_status: LitigationStatus | null;
}

const notNegative = z.number().min(0, 'must not be negative');

/**
 * The rules a loan-tape row must satisfy once its cells are typed: amounts not negative, a valid
 * national id and mobile number, a currency code, maturity, last payment, acknowledgement and
 * charge-off not before origination, birth before it, and a charge-off date for loans charged off
 * or sold. Issue paths are column names.
 *
 * Only the columns that carry a rule are in the schema. The cell parsers already give every
 * column its type, and zod allocates two objects per field per row: over all 30 columns it tripled
 * the GC work of a 1,000,000-row import (see bench/import.ts); over these 18 it costs about 0.4 µs a row.
 */
const ruleFields = z.object({
  national_id: z
    .string()
    .refine(
      isValidNationalId,
      'not a valid national id: 18 characters with a correct GB 11643 check character, or 15 digits',
    ),
  mobile_phone: z
    .string()
    .regex(/^1\d{10}$/, 'not a mobile number: 11 digits starting with 1')
    .nullable(),
  postal_code: z
    .string()
    .regex(/^\d{6}$/, 'not a postal code: 6 digits')
    .nullable(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'not a currency code: 3 capital letters such as CNY'),
  origination_date: z.string(),
  maturity_date: z.string().nullable(),
  original_principal: notNegative,
  principal_balance: notNegative,
  interest_balance: notNegative,
  fee_balance: notNegative,
  penalty_balance: notNegative,
  days_past_due: notNegative,
  last_payment_date: z.string().nullable(),
  last_payment_amount: notNegative.nullable(),
  status: z.enum(loanStatuses),
  charge_off_date: z.string().nullable(),
  charge_off_amount: notNegative.nullable(),
  birth_date: z.string().nullable(),
  last_acknowledgement_date: z.string().nullable(),
}) satisfies z.ZodType<Partial<TapeRecord>>;

type RuleFields = z.infer<typeof ruleFields>;

/**
 * Rules across columns, as a raw zod check pushing issues onto the payload: `.superRefine` costs
 * several times more (its per-call context made every young-generation GC of the import 6× slower).
 */
function checkDates(payload: z.core.ParsePayload<RuleFields>): void {
  const record = payload.value;
  const start = record.origination_date;
  for (const column of [
    'maturity_date',
    'last_payment_date',
    'charge_off_date',
    'last_acknowledgement_date',
  ] as const) {
    const date = record[column];
    if (date !== null && date < start)
      blame(payload, column, `before the origination date ${start}`);
  }
  if (record.birth_date !== null && record.birth_date >= start)
    blame(payload, 'birth_date', `not before the origination date ${start}`);
  if (record.charge_off_date === null) {
    if (record.status === 'charged_off' || record.status === 'sold')
      blame(
        payload,
        'charge_off_date',
        `required: a loan with status ${record.status} needs its charge-off date`,
      );
    if (record.charge_off_amount !== null)
      blame(payload, 'charge_off_amount', 'a charge-off amount needs a charge-off date');
  }
}

function blame(
  payload: z.core.ParsePayload<RuleFields>,
  column: keyof RuleFields,
  message: string,
): void {
  payload.issues.push({ code: 'custom', path: [column], message, input: payload.value[column] });
}

export const tapeRulesSchema = ruleFields.check(checkDates);

/**
 * The status of a row that leaves it blank: charged off once it has a charge-off date, else
 * delinquent while days past due > 0, else current.
 */
function derivedLoanStatus(chargeOffDate: string | null, daysPastDue: number): LoanStatus {
  if (chargeOffDate !== null) return 'charged_off';
  return daysPastDue > 0 ? 'delinquent' : 'current';
}

/**
 * Fills what blank cells leave to derive: the status (`derivedLoanStatus`), the borrower id (the
 * national id), and the charge-off amount of a charged-off row (the claim: principal + interest
 * + fee + penalty balances). Writes the national id's check character `x` as `X`.
 */
export function completeTapeRecord(draft: Blankable<TapeRecord>): void {
  if (draft.national_id?.endsWith('x')) draft.national_id = draft.national_id.toUpperCase();
  draft.borrower_id ??= draft.national_id;
  draft.status ??= derivedLoanStatus(draft.charge_off_date, draft.days_past_due ?? 0);
  if (draft.charge_off_date !== null && draft.charge_off_amount === null) {
    draft.charge_off_amount =
      (draft.principal_balance ?? 0) +
      (draft.interest_balance ?? 0) +
      (draft.fee_balance ?? 0) +
      (draft.penalty_balance ?? 0);
  }
}

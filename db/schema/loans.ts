import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { type Fen, ZERO_FEN } from './fen';
import { fileImports } from './imports';

export const loanStatuses = [
  'current',
  'delinquent',
  'charged_off',
  'sold',
  'settled',
  'closed',
] as const;
export type LoanStatus = (typeof loanStatuses)[number];

/** How many collection agencies have already worked the account: none, one, two, three or more. */
export const placementStages = ['fresh', 'primary', 'secondary', 'tertiary'] as const;
export type PlacementStage = (typeof placementStages)[number];

/** Where the lender's lawsuit stands: not sued, filed and pending, judgment obtained, in enforcement, enforcement ended (终本). */
export const litigationStatuses = [
  'none',
  'filed',
  'judgment',
  'enforcement',
  'terminated',
] as const;
export type LitigationStatus = (typeof litigationStatuses)[number];

const flag = (name: string) => integer(name, { mode: 'boolean' }).notNull().default(false);

/**
 * The loan book. Balances are as of `tapeDate`, the date of the tape that last wrote the row.
 * All money is integer fen.
 */
export const loans = sqliteTable(
  'loans',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    loanId: text('loan_id').notNull().unique(),
    borrowerId: text('borrower_id').notNull(),
    borrowerName: text('borrower_name').notNull(),
    nationalId: text('national_id').notNull(),
    mobilePhone: text('mobile_phone'),
    province: text('province'),
    city: text('city'),
    /** Where letters reach the borrower (通讯地址): transfer notices are posted here. */
    mailingAddress: text('mailing_address'),
    /** The address's 6-digit postal code (邮政编码). */
    postalCode: text('postal_code'),
    product: text('product').notNull(),
    channel: text('channel'),
    currency: text('currency').notNull().default('CNY'),
    originationDate: text('origination_date').notNull(),
    maturityDate: text('maturity_date'),
    originalPrincipalFen: integer('original_principal_fen').$type<Fen>().notNull(),
    principalFen: integer('principal_fen').$type<Fen>().notNull().default(ZERO_FEN),
    interestFen: integer('interest_fen').$type<Fen>().notNull().default(ZERO_FEN),
    feeFen: integer('fee_fen').$type<Fen>().notNull().default(ZERO_FEN),
    penaltyFen: integer('penalty_fen').$type<Fen>().notNull().default(ZERO_FEN),
    daysPastDue: integer('days_past_due').notNull().default(0),
    lastPaymentDate: text('last_payment_date'),
    lastPaymentFen: integer('last_payment_fen').$type<Fen>(),
    status: text('status', { enum: loanStatuses }).notNull(),
    chargeOffDate: text('charge_off_date'),
    chargeOffFen: integer('charge_off_fen').$type<Fen>(),
    bankrupt: flag('bankrupt'),
    deceased: flag('deceased'),
    disputed: flag('disputed'),
    fraud: flag('fraud'),
    litigationPending: flag('litigation_pending'),
    complaintOpen: flag('complaint_open'),
    activeRepaymentPlan: flag('active_repayment_plan'),
    tapeDate: text('tape_date').notNull(),
    importId: integer('import_id').references(() => fileImports.id),
    // Facts the sale-eligibility rules need. Added after the loan book existed, hence nullable or
    // defaulted. Placement stage and litigation status are closed lists that the tape import
    // enforces: a CHECK would rebuild the whole loans table, and an INSERT trigger would make SQLite
    // copy every bulk load to a temporary table first.
    /** Borrower's date of birth; when null, the one encoded in the national id is used. */
    birthDate: text('birth_date'),
    /** Borrower an active-duty servicemember (军人): US practice does not sell such accounts. */
    servicemember: flag('servicemember'),
    /** Contract, statements and proof of the debt on file (资料齐全). */
    documentsComplete: integer('documents_complete', { mode: 'boolean' }).notNull().default(true),
    /** Latest date from which the limitation period runs anew: acknowledgement, demand or other interruption (诉讼时效起算日). */
    lastAcknowledgementDate: text('last_acknowledgement_date'),
    /** Unknown when null. */
    placementStage: text('placement_stage', { enum: placementStages }),
    /** When null, `litigation_pending` decides: filed if set, none otherwise. */
    litigationStatus: text('litigation_status', { enum: litigationStatuses }),
  },
  (t) => [
    check(
      'loans_status',
      sql`${t.status} in ('current', 'delinquent', 'charged_off', 'sold', 'settled', 'closed')`,
    ),
    check(
      'loans_money_non_negative',
      sql`${t.originalPrincipalFen} >= 0 and ${t.principalFen} >= 0 and ${t.interestFen} >= 0 and ${t.feeFen} >= 0 and ${t.penaltyFen} >= 0 and coalesce(${t.lastPaymentFen}, 0) >= 0 and coalesce(${t.chargeOffFen}, 0) >= 0`,
    ),
    check('loans_dpd_non_negative', sql`${t.daysPastDue} >= 0`),
    check(
      'loans_charge_off_dated',
      sql`${t.status} not in ('charged_off', 'sold') or (${t.chargeOffDate} is not null and ${t.chargeOffFen} is not null)`,
    ),
    index('loans_status_idx').on(t.status, t.daysPastDue),
    // The loans of one import, in id order: what its opening register entry reads.
    index('loans_import_idx').on(t.importId),
    index('loans_charge_off_idx').on(t.chargeOffDate),
  ],
);

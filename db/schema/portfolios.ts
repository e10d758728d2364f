import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core';
import type { Fen } from './fen';
import { users } from './access';
import { loans } from './loans';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * draft → locked → offered → awarded → sold → closed, or withdrawn; `split` is a draft whose loans
 * moved to its lots (portfolios whose `parentId` names it).
 */
export const portfolioStatuses = [
  'draft',
  'locked',
  'offered',
  'awarded',
  'sold',
  'closed',
  'withdrawn',
  'split',
] as const;
export type PortfolioStatus = (typeof portfolioStatuses)[number];

export const screeningVerdicts = ['eligible', 'flagged', 'excluded'] as const;
export type ScreeningVerdict = (typeof screeningVerdicts)[number];

/** A package of written-off loans for sale, frozen at its cut-off date. `criteria` is the selection as JSON. */
export const portfolios = sqliteTable(
  'portfolios',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    status: text('status', { enum: portfolioStatuses }).notNull(),
    cutOffDate: text('cut_off_date').notNull(),
    criteria: text('criteria').notNull(),
    rulePackId: text('rule_pack_id').notNull(),
    rulePackVersion: integer('rule_pack_version').notNull(),
    parentId: integer('parent_id').references((): AnySQLiteColumn => portfolios.id),
    /** What sets a lot apart from its siblings, e.g. `charge_off_age: fresh` or `lot 2 of 4`. */
    lotLabel: text('lot_label'),
    createdBy: text('created_by').notNull(),
    createdByUserId: integer('created_by_user_id').references(() => users.id),
    createdAt: text('created_at').notNull(),
    statusChangedAt: text('status_changed_at').notNull(),
  },
  (t) => [
    check('portfolios_status', sql`${t.status} in (${inList(portfolioStatuses)})`),
    check('portfolios_lot_has_parent', sql`(${t.parentId} is null) = (${t.lotLabel} is null)`),
    index('portfolios_parent_idx').on(t.parentId),
  ],
);

/**
 * One run of a rule pack over a portfolio, as of a date. `rules` keeps the pack's rule table as it
 * was (id, action, descriptions), so a verdict can be explained after the pack has changed. A lot
 * starts with a copy of its parent's latest run (`inheritedFromId`).
 */
export const portfolioScreenings = sqliteTable(
  'portfolio_screenings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    portfolioId: integer('portfolio_id')
      .notNull()
      .references(() => portfolios.id),
    asOf: text('as_of').notNull(),
    rulePackId: text('rule_pack_id').notNull(),
    rulePackVersion: integer('rule_pack_version').notNull(),
    rules: text('rules').notNull(),
    eligibleCount: integer('eligible_count').notNull(),
    flaggedCount: integer('flagged_count').notNull(),
    excludedCount: integer('excluded_count').notNull(),
    changedCount: integer('changed_count').notNull(),
    inheritedFromId: integer('inherited_from_id').references(
      (): AnySQLiteColumn => portfolioScreenings.id,
    ),
    screenedAt: text('screened_at').notNull(),
    screenedBy: text('screened_by').notNull(),
    screenedByUserId: integer('screened_by_user_id').references(() => users.id),
  },
  (t) => [index('portfolio_screenings_portfolio_idx').on(t.portfolioId)],
);

/**
 * A loan in a portfolio: its snapshot at the cut-off date (balances in fen, derived ages) and its
 * verdict with the ids of the rules that fired (JSON array, null when none); `screeningId` names
 * the screening that set that verdict (later screenings that agreed left it alone).
 * `active` is cleared when the portfolio is withdrawn, closed or split: a loan is in at most one
 * active portfolio. Snapshot columns cannot change once the portfolio leaves `draft` (triggers).
 */
export const portfolioLoans = sqliteTable(
  'portfolio_loans',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    portfolioId: integer('portfolio_id')
      .notNull()
      .references(() => portfolios.id),
    loanId: text('loan_id')
      .notNull()
      .references(() => loans.loanId),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    borrowerId: text('borrower_id').notNull(),
    product: text('product').notNull(),
    province: text('province'),
    originationDate: text('origination_date').notNull(),
    chargeOffDate: text('charge_off_date').notNull(),
    chargeOffFen: integer('charge_off_fen').$type<Fen>().notNull(),
    principalFen: integer('principal_fen').$type<Fen>().notNull(),
    interestFen: integer('interest_fen').$type<Fen>().notNull(),
    feeFen: integer('fee_fen').$type<Fen>().notNull(),
    penaltyFen: integer('penalty_fen').$type<Fen>().notNull(),
    claimFen: integer('claim_fen').$type<Fen>().notNull(),
    /** Payments after the charge-off date up to the cut-off date. */
    collectedFen: integer('collected_fen').$type<Fen>().notNull(),
    lastPaymentDate: text('last_payment_date'),
    lastPaymentFen: integer('last_payment_fen').$type<Fen>(),
    dpdAtChargeOff: integer('dpd_at_charge_off').notNull(),
    dpdAtCutOff: integer('dpd_at_cut_off').notNull(),
    monthsSinceChargeOff: integer('months_since_charge_off').notNull(),
    monthsSinceLastPayment: integer('months_since_last_payment'),
    birthDate: text('birth_date'),
    borrowerAgeYears: integer('borrower_age_years'),
    placementStage: text('placement_stage'),
    litigationStatus: text('litigation_status').notNull(),
    verdict: text('verdict', { enum: screeningVerdicts }),
    firedRules: text('fired_rules'),
    screeningId: integer('screening_id').references(() => portfolioScreenings.id),
  },
  (t) => [
    check(
      'portfolio_loans_verdict',
      sql`${t.verdict} is null or ${t.verdict} in (${inList(screeningVerdicts)})`,
    ),
    check(
      'portfolio_loans_claim',
      sql`${t.claimFen} = ${t.principalFen} + ${t.interestFen} + ${t.feeFen} + ${t.penaltyFen}`,
    ),
    check(
      'portfolio_loans_money_non_negative',
      sql`${t.principalFen} >= 0 and ${t.interestFen} >= 0 and ${t.feeFen} >= 0 and ${t.penaltyFen} >= 0 and ${t.collectedFen} >= 0 and ${t.chargeOffFen} >= 0`,
    ),
    uniqueIndex('portfolio_loans_portfolio_loan_unique').on(t.portfolioId, t.loanId),
    // A loan is in at most one active portfolio; withdrawn, closed and split ones let go of theirs.
    uniqueIndex('portfolio_loans_one_active')
      .on(t.loanId)
      .where(sql`${t.active} = 1`),
  ],
);

/**
 * Per-loan verdict history: a row for every loan whose verdict or fired rules a screening changed
 * (the bring-down). The first screening's verdicts are the `previous` of the first change, or the
 * loan's verdict if nothing ever changed.
 */
export const portfolioVerdictChanges = sqliteTable(
  'portfolio_verdict_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    screeningId: integer('screening_id')
      .notNull()
      .references(() => portfolioScreenings.id),
    loanId: text('loan_id').notNull(),
    previousVerdict: text('previous_verdict', { enum: screeningVerdicts }).notNull(),
    previousFiredRules: text('previous_fired_rules'),
    verdict: text('verdict', { enum: screeningVerdicts }).notNull(),
    firedRules: text('fired_rules'),
  },
  (t) => [
    check(
      'portfolio_verdict_changes_verdicts',
      sql`${t.previousVerdict} in (${inList(screeningVerdicts)}) and ${t.verdict} in (${inList(screeningVerdicts)})`,
    ),
    index('portfolio_verdict_changes_screening_idx').on(t.screeningId),
  ],
);

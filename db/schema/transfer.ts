import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import type { Fen } from './fen';
import { buyerOrganisations, users } from './access';
import { journalEntries } from './ledger';
import { loans } from './loans';
import { portfolios } from './portfolios';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/** A portfolio offered to an approved buyer with an NDA on file: only such a buyer sees it at all. */
export const portfolioOffers = sqliteTable(
  'portfolio_offers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    portfolioId: integer('portfolio_id')
      .notNull()
      .references(() => portfolios.id),
    buyerOrganisationId: integer('buyer_organisation_id')
      .notNull()
      .references(() => buyerOrganisations.id),
    offeredAt: text('offered_at').notNull(),
    offeredBy: text('offered_by').notNull(),
    offeredByUserId: integer('offered_by_user_id').references(() => users.id),
  },
  (t) => [
    uniqueIndex('portfolio_offers_portfolio_buyer_unique').on(t.portfolioId, t.buyerOrganisationId),
  ],
);

/**
 * The secret behind a portfolio's pseudonymous loan tokens (HMAC of the loan id): the same token
 * in every download of that portfolio, unrelated tokens across portfolios. Made at the first offer.
 */
export const dataRoomKeys = sqliteTable('data_room_keys', {
  portfolioId: integer('portfolio_id')
    .primaryKey()
    .references(() => portfolios.id),
  tokenKey: text('token_key').notNull(),
  createdAt: text('created_at').notNull(),
});

export const disclosureTiers = ['P1', 'P2'] as const;
export type DisclosureTier = (typeof disclosureTiers)[number];

/**
 * One download of a data room: the buyer it was made for, its tier and its fingerprint (what
 * `POST /data-rooms/trace` finds in a leaked copy). The SHA-256 and size are filled in when the
 * stream has been written to the end.
 */
export const dataRoomDownloads = sqliteTable(
  'data_room_downloads',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    portfolioId: integer('portfolio_id')
      .notNull()
      .references(() => portfolios.id),
    buyerOrganisationId: integer('buyer_organisation_id')
      .notNull()
      .references(() => buyerOrganisations.id),
    userId: integer('user_id').references(() => users.id),
    tier: text('tier', { enum: disclosureTiers }).notNull(),
    fingerprint: text('fingerprint').notNull().unique(),
    loanRows: integer('loan_rows').notNull(),
    startedAt: text('started_at').notNull(),
    completedAt: text('completed_at'),
    sha256: text('sha256'),
    bytes: integer('bytes'),
  },
  (t) => [
    check('data_room_downloads_tier', sql`${t.tier} in (${inList(disclosureTiers)})`),
    index('data_room_downloads_portfolio_idx').on(t.portfolioId),
  ],
);

/** A sealed-bid round on a portfolio: bids until the deadline (an ISO instant); the reserve is never shown to buyers. */
export const bidRounds = sqliteTable(
  'bid_rounds',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    portfolioId: integer('portfolio_id')
      .notNull()
      .references(() => portfolios.id),
    name: text('name').notNull(),
    deadline: text('deadline').notNull(),
    reservePriceFen: integer('reserve_price_fen').$type<Fen>(),
    openedAt: text('opened_at').notNull(),
    openedBy: text('opened_by').notNull(),
    openedByUserId: integer('opened_by_user_id').references(() => users.id),
  },
  (t) => [
    check('bid_rounds_reserve', sql`${t.reservePriceFen} is null or ${t.reservePriceFen} > 0`),
    index('bid_rounds_portfolio_idx').on(t.portfolioId),
  ],
);

/** A sealed bid: a price for the whole portfolio (a lot is a portfolio of its own), valid until a date, with its conditions. A later bid of the same buyer in the round supersedes it. */
export const bids = sqliteTable(
  'bids',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    roundId: integer('round_id')
      .notNull()
      .references(() => bidRounds.id),
    buyerOrganisationId: integer('buyer_organisation_id')
      .notNull()
      .references(() => buyerOrganisations.id),
    priceFen: integer('price_fen').$type<Fen>().notNull(),
    validUntil: text('valid_until').notNull(),
    conditions: text('conditions'),
    submittedAt: text('submitted_at').notNull(),
    submittedByUserId: integer('submitted_by_user_id').references(() => users.id),
  },
  (t) => [check('bids_price', sql`${t.priceFen} > 0`), index('bids_round_idx').on(t.roundId)],
);

export const awardKinds = ['competitive', 'negotiated'] as const;
/** `cancelled`: the seller called off an award or an unsettled sale; its bids stay, its portfolio is offered again. */
export const saleStatuses = ['awarded', 'signed', 'settled', 'cancelled'] as const;
export type SaleStatus = (typeof saleStatuses)[number];

/**
 * The sale of a portfolio to one buyer: the award fixes the price, the dates (cut-off 交易基准日,
 * contract effective, delivery 交割日) and the put-back window; signing opens the clear (P2) data
 * room to that buyer; settlement books it through the ledger (`entryId`).
 */
export const sales = sqliteTable(
  'sales',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    portfolioId: integer('portfolio_id')
      .notNull()
      .references(() => portfolios.id),
    buyerOrganisationId: integer('buyer_organisation_id')
      .notNull()
      .references(() => buyerOrganisations.id),
    roundId: integer('round_id')
      .notNull()
      .references(() => bidRounds.id),
    bidId: integer('bid_id')
      .notNull()
      .references(() => bids.id),
    awardKind: text('award_kind', { enum: awardKinds }).notNull(),
    priceFen: integer('price_fen').$type<Fen>().notNull(),
    claimFen: integer('claim_fen').$type<Fen>().notNull(),
    loanCount: integer('loan_count').notNull(),
    cutOffDate: text('cut_off_date').notNull(),
    contractEffectiveDate: text('contract_effective_date').notNull(),
    deliveryDate: text('delivery_date').notNull(),
    putBackWindowDays: integer('put_back_window_days').notNull(),
    status: text('status', { enum: saleStatuses }).notNull(),
    awardedAt: text('awarded_at').notNull(),
    awardedBy: text('awarded_by').notNull(),
    awardedByUserId: integer('awarded_by_user_id').references(() => users.id),
    signedAt: text('signed_at'),
    settledAt: text('settled_at'),
    receivedOn: text('received_on'),
    entryId: integer('entry_id').references(() => journalEntries.id),
    cancelledAt: text('cancelled_at'),
    cancelledBy: text('cancelled_by'),
    cancelReason: text('cancel_reason'),
    // What the sale is now, after the bring-down at settlement took out the loans it excluded
    // (null until settled) and after accepted put-backs: the figures the ledger reconciles to.
    settledPriceFen: integer('settled_price_fen').$type<Fen>(),
    settledClaimFen: integer('settled_claim_fen').$type<Fen>(),
    settledLoanCount: integer('settled_loan_count'),
    refundsFen: integer('refunds_fen')
      .$type<Fen>()
      .notNull()
      .default(sql`0`),
    putBackClaimFen: integer('put_back_claim_fen')
      .$type<Fen>()
      .notNull()
      .default(sql`0`),
    putBackCount: integer('put_back_count').notNull().default(0),
  },
  (t) => [
    // One live sale per portfolio: a cancelled one leaves room for the next award.
    uniqueIndex('sales_portfolio_live_unique')
      .on(t.portfolioId)
      .where(sql`${t.status} <> 'cancelled'`),
    check('sales_status', sql`${t.status} in (${inList(saleStatuses)})`),
    check('sales_award_kind', sql`${t.awardKind} in (${inList(awardKinds)})`),
    check('sales_price', sql`${t.priceFen} > 0`),
    check(
      'sales_dates',
      sql`${t.cutOffDate} <= ${t.contractEffectiveDate} and ${t.contractEffectiveDate} <= ${t.deliveryDate}`,
    ),
    check('sales_settled_booked', sql`(${t.status} = 'settled') = (${t.entryId} is not null)`),
    check(
      'sales_cancelled',
      sql`(${t.status} = 'cancelled') = (${t.cancelledAt} is not null and ${t.cancelReason} is not null)`,
    ),
    check(
      'sales_settled_figures',
      sql`(${t.settledPriceFen} is null) = (${t.settledLoanCount} is null) and (${t.settledPriceFen} is null) = (${t.settledClaimFen} is null)`,
    ),
  ],
);

export const saleExitKinds = ['bring_down', 'put_back'] as const;
export type SaleExitKind = (typeof saleExitKinds)[number];

/**
 * A loan that left a sale after the award: the bring-down at settlement excluded it (`reason`: the
 * rules that fired), or the buyer put it back and the seller accepted (`reason`: the put-back's).
 * Its allocation stays as the award fixed it; the sale's settled and net figures leave it out.
 */
export const saleExits = sqliteTable(
  'sale_exits',
  {
    saleId: integer('sale_id')
      .notNull()
      .references(() => sales.id),
    loanId: text('loan_id')
      .notNull()
      .references(() => loans.loanId),
    kind: text('kind', { enum: saleExitKinds }).notNull(),
    reason: text('reason').notNull(),
    exitDate: text('exit_date').notNull(),
    claimFen: integer('claim_fen').$type<Fen>().notNull(),
    priceFen: integer('price_fen').$type<Fen>().notNull(),
    refundFen: integer('refund_fen').$type<Fen>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.saleId, t.loanId] }),
    check('sale_exits_kind', sql`${t.kind} in (${inList(saleExitKinds)})`),
    check(
      'sale_exits_amounts',
      sql`${t.claimFen} >= 0 and ${t.priceFen} >= 0 and ${t.refundFen} >= 0 and ${t.refundFen} <= ${t.priceFen}`,
    ),
  ],
);

/** The price of a sale allocated to its loans in proportion to their claims, to the fen: the allocations sum to the price. Fixed at the award. */
export const saleAllocations = sqliteTable(
  'sale_allocations',
  {
    saleId: integer('sale_id')
      .notNull()
      .references(() => sales.id),
    loanId: text('loan_id')
      .notNull()
      .references(() => loans.loanId),
    claimFen: integer('claim_fen').$type<Fen>().notNull(),
    priceFen: integer('price_fen').$type<Fen>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.saleId, t.loanId] }),
    check('sale_allocations_amounts', sql`${t.claimFen} >= 0 and ${t.priceFen} >= 0`),
  ],
);

export const putBackReasons = [
  'bankrupt',
  'deceased',
  'paid',
  'fraud',
  'ineligible',
  'other',
] as const;
export const putBackStatuses = ['requested', 'accepted', 'rejected'] as const;

/** An account the buyer returns within the put-back window, and the seller's decision; an accepted one is refunded and booked (`entryId`). */
export const putBacks = sqliteTable(
  'put_backs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    saleId: integer('sale_id')
      .notNull()
      .references(() => sales.id),
    loanId: text('loan_id')
      .notNull()
      .references(() => loans.loanId),
    reason: text('reason', { enum: putBackReasons }).notNull(),
    detail: text('detail'),
    status: text('status', { enum: putBackStatuses }).notNull(),
    requestedAt: text('requested_at').notNull(),
    requestedByUserId: integer('requested_by_user_id').references(() => users.id),
    decidedAt: text('decided_at'),
    decidedBy: text('decided_by'),
    decisionNote: text('decision_note'),
    refundFen: integer('refund_fen').$type<Fen>(),
    entryId: integer('entry_id').references(() => journalEntries.id),
  },
  (t) => [
    check('put_backs_reason', sql`${t.reason} in (${inList(putBackReasons)})`),
    check('put_backs_status', sql`${t.status} in (${inList(putBackStatuses)})`),
    check(
      'put_backs_accepted_booked',
      sql`(${t.status} = 'accepted') = (${t.entryId} is not null)`,
    ),
    // One live request per loan and sale: a rejected one may be asked again with new evidence.
    uniqueIndex('put_backs_one_live')
      .on(t.saleId, t.loanId)
      .where(sql`${t.status} <> 'rejected'`),
  ],
);

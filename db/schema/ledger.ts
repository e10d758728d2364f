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
import { buyerOrganisations, users } from './access';
import { collectionEvents } from './collections';
import { loans, loanStatuses } from './loans';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export const accountTypes = [
  'asset',
  'liability',
  'equity',
  'income',
  'expense',
  'off_balance',
] as const;
export type AccountType = (typeof accountTypes)[number];

/**
 * The chart of accounts (会计科目), as data: the default set is seeded by a migration, a lender may
 * add its own. `normalSide` is the side on which the balance normally stands (the loan-loss
 * allowance is an asset-side account with a credit balance).
 */
export const ledgerAccounts = sqliteTable(
  'ledger_accounts',
  {
    code: text('code').primaryKey(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    type: text('type', { enum: accountTypes }).notNull(),
    normalSide: text('normal_side', { enum: ['debit', 'credit'] }).notNull(),
  },
  (t) => [
    check('ledger_accounts_type', sql`${t.type} in (${inList(accountTypes)})`),
    check('ledger_accounts_normal_side', sql`${t.normalSide} in ('debit', 'credit')`),
  ],
);

export const journalEntryKinds = [
  'write_off',
  'write_off_opening',
  'recovery',
  'collection_cost',
  'sale',
  'reversal',
  'put_back',
  'buyer_collection',
  'forwarding',
  'opening_balance',
] as const;
export type JournalEntryKind = (typeof journalEntryKinds)[number];

/**
 * A posted journal entry: immutable (triggers refuse UPDATE and DELETE). A mistake is corrected by a
 * reversing entry that names it in `reversesEntryId`; an entry is reversed at most once.
 * `sourceRef` says what the entry books, e.g. `write_off_batch:12`, `file_import:7`, `sale:S-1`.
 */
export const journalEntries = sqliteTable(
  'journal_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entryDate: text('entry_date').notNull(),
    kind: text('kind', { enum: journalEntryKinds }).notNull(),
    memo: text('memo').notNull(),
    sourceRef: text('source_ref').notNull(),
    reversesEntryId: integer('reverses_entry_id').references(
      (): AnySQLiteColumn => journalEntries.id,
    ),
    postedAt: text('posted_at').notNull(),
    postedBy: text('posted_by').notNull(),
    postedByUserId: integer('posted_by_user_id').references(() => users.id),
  },
  (t) => [
    check('journal_entries_kind', sql`${t.kind} in (${inList(journalEntryKinds)})`),
    check(
      'journal_entries_reversal_names_entry',
      sql`(${t.kind} = 'reversal') = (${t.reversesEntryId} is not null)`,
    ),
    uniqueIndex('journal_entries_reverses_unique').on(t.reversesEntryId),
    // One entry per source and date: what makes posting a batch, an import or a sale twice impossible.
    uniqueIndex('journal_entries_source_unique')
      .on(t.kind, t.sourceRef, t.entryDate)
      .where(sql`${t.kind} <> 'reversal'`),
    index('journal_entries_date_idx').on(t.entryDate),
  ],
);

/** One line of an entry: exactly one of debit and credit is positive. Immutable like its entry. */
export const journalLines = sqliteTable(
  'journal_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entryId: integer('entry_id')
      .notNull()
      .references(() => journalEntries.id),
    lineNo: integer('line_no').notNull(),
    accountCode: text('account_code')
      .notNull()
      .references(() => ledgerAccounts.code),
    debitFen: integer('debit_fen').$type<Fen>().notNull(),
    creditFen: integer('credit_fen').$type<Fen>().notNull(),
    loanId: text('loan_id').references(() => loans.loanId),
    memo: text('memo'),
  },
  (t) => [
    check(
      'journal_lines_one_side',
      sql`(${t.debitFen} > 0 and ${t.creditFen} = 0) or (${t.debitFen} = 0 and ${t.creditFen} > 0)`,
    ),
    uniqueIndex('journal_lines_entry_line_unique').on(t.entryId, t.lineNo),
  ],
);

export const registerMovementKinds = [
  'written_off',
  'opening',
  'recovery',
  'sold',
  'put_back',
] as const;
export type RegisterMovementKind = (typeof registerMovementKinds)[number];

/**
 * The off-balance register (账销案存): per-loan movements of the written-off claims still pursued.
 * `amountFen` is signed (+ claim written off, opened, or put back by its buyer; − recovered or
 * sold); a reversal adds the opposite movement with `reversal` set. A loan's claim as of a date is
 * the sum of its movements up to that date. Append-only, like the journal it mirrors (memo accounts
 * 7001/7002).
 */
export const offBalanceRegister = sqliteTable(
  'off_balance_register',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    loanId: text('loan_id')
      .notNull()
      .references(() => loans.loanId),
    movementDate: text('movement_date').notNull(),
    kind: text('kind', { enum: registerMovementKinds }).notNull(),
    amountFen: integer('amount_fen').$type<Fen>().notNull(),
    reversal: integer('reversal', { mode: 'boolean' }).notNull().default(false),
    entryId: integer('entry_id')
      .notNull()
      .references(() => journalEntries.id),
    buyerOrganisationId: integer('buyer_organisation_id').references(() => buyerOrganisations.id),
    collectionEventId: integer('collection_event_id').references(() => collectionEvents.id),
  },
  (t) => [
    check('off_balance_register_kind', sql`${t.kind} in (${inList(registerMovementKinds)})`),
    check('off_balance_register_amount', sql`${t.amountFen} <> 0`),
    check(
      'off_balance_register_sold_has_buyer',
      sql`${t.kind} not in ('sold', 'put_back') or ${t.buyerOrganisationId} is not null`,
    ),
    index('off_balance_register_loan_idx').on(t.loanId, t.movementDate),
    index('off_balance_register_date_idx').on(t.movementDate),
    // A collection event is recovered once (its reversal is the only other movement naming it).
    uniqueIndex('off_balance_register_event_unique')
      .on(t.collectionEventId)
      .where(sql`${t.reversal} = 0 and ${t.collectionEventId} is not null`),
  ],
);

export const writeOffBatchStates = ['draft', 'approved', 'posted', 'rejected', 'reversed'] as const;
export type WriteOffBatchState = (typeof writeOffBatchStates)[number];

/**
 * A write-off batch (核销批次): draft → approved (by a second finance user) → posted, or rejected
 * before posting; a posted batch whose entry is reversed becomes `reversed`. Drafts are not journal
 * rows, so a batch may change state; its entry, once posted, may not.
 */
export const writeOffBatches = sqliteTable(
  'write_off_batches',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    writeOffDate: text('write_off_date').notNull(),
    state: text('state', { enum: writeOffBatchStates }).notNull(),
    /** `candidates` when drafted from the charge-off candidates as of the write-off date, else `loan_ids`. */
    selection: text('selection', { enum: ['candidates', 'loan_ids'] }).notNull(),
    loanCount: integer('loan_count').notNull(),
    principalFen: integer('principal_fen').$type<Fen>().notNull(),
    interestFen: integer('interest_fen').$type<Fen>().notNull(),
    feeFen: integer('fee_fen').$type<Fen>().notNull(),
    penaltyFen: integer('penalty_fen').$type<Fen>().notNull(),
    preparedByUserId: integer('prepared_by_user_id').references(() => users.id),
    preparedBy: text('prepared_by').notNull(),
    preparedAt: text('prepared_at').notNull(),
    approvedByUserId: integer('approved_by_user_id').references(() => users.id),
    approvedAt: text('approved_at'),
    rejectedByUserId: integer('rejected_by_user_id').references(() => users.id),
    rejectedAt: text('rejected_at'),
    rejectionReason: text('rejection_reason'),
    postedByUserId: integer('posted_by_user_id').references(() => users.id),
    postedAt: text('posted_at'),
    entryId: integer('entry_id').references(() => journalEntries.id),
  },
  (t) => [
    check('write_off_batches_state', sql`${t.state} in (${inList(writeOffBatchStates)})`),
    check('write_off_batches_selection', sql`${t.selection} in ('candidates', 'loan_ids')`),
    check(
      'write_off_batches_posted_has_entry',
      sql`${t.state} not in ('posted', 'reversed') or ${t.entryId} is not null`,
    ),
  ],
);

/**
 * One loan of a batch with its balances when the draft was made and the reason it is written off.
 * `released` is set when the batch is rejected or reversed: the partial unique index lets a loan be in
 * at most one unreleased batch, so it is never in two open batches nor written off twice.
 */
export const writeOffItems = sqliteTable(
  'write_off_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    batchId: integer('batch_id')
      .notNull()
      .references(() => writeOffBatches.id),
    loanId: text('loan_id')
      .notNull()
      .references(() => loans.loanId),
    principalFen: integer('principal_fen').$type<Fen>().notNull(),
    interestFen: integer('interest_fen').$type<Fen>().notNull(),
    feeFen: integer('fee_fen').$type<Fen>().notNull(),
    penaltyFen: integer('penalty_fen').$type<Fen>().notNull(),
    /** Comma-separated rule codes (`dpd_threshold`, `bankrupt`, `deceased`) or `stated`. */
    reasonCodes: text('reason_codes').notNull(),
    reason: text('reason').notNull(),
    /** The loan's status before posting, restored if the write-off is reversed. */
    previousStatus: text('previous_status', { enum: loanStatuses }).notNull(),
    released: integer('released', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    check(
      'write_off_items_money',
      sql`${t.principalFen} >= 0 and ${t.interestFen} >= 0 and ${t.feeFen} >= 0 and ${t.penaltyFen} >= 0 and ${t.principalFen} + ${t.interestFen} + ${t.feeFen} + ${t.penaltyFen} > 0`,
    ),
    index('write_off_items_batch_idx').on(t.batchId, t.id),
    uniqueIndex('write_off_items_loan_unreleased')
      .on(t.loanId)
      .where(sql`${t.released} = 0`),
  ],
);

/**
 * A sale's cut-off date (交易基准日) as the settlement gave it when it claimed the interim
 * collections for the buyer: payments dated after it belong to the buyer. One row per sale; it
 * names the `buyer_collection` entry of the claim, if there was anything to claim. Append-only.
 */
export const saleCutOffs = sqliteTable('sale_cut_offs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  saleEntryId: integer('sale_entry_id')
    .notNull()
    .unique()
    .references(() => journalEntries.id),
  buyerOrganisationId: integer('buyer_organisation_id')
    .notNull()
    .references(() => buyerOrganisations.id),
  cutOffDate: text('cut_off_date').notNull(),
  claimEntryId: integer('claim_entry_id').references(() => journalEntries.id),
  recordedAt: text('recorded_at').notNull(),
  recordedBy: text('recorded_by').notNull(),
});

/**
 * A collection owed to a debt buyer (应付债权受让方款项): a payment for a sold loan dated after the
 * sale's cut-off, received by the seller (the borrower was not yet notified, 民法典 art. 546).
 * `entryId` is the `buyer_collection` entry that booked it (Dr cash / Cr 2242); it is due for
 * forwarding on `dueDate`. Append-only: forwarding it adds a `buyer_forwarding_items` row.
 */
export const buyerPayables = sqliteTable(
  'buyer_payables',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    loanId: text('loan_id')
      .notNull()
      .references(() => loans.loanId),
    buyerOrganisationId: integer('buyer_organisation_id')
      .notNull()
      .references(() => buyerOrganisations.id),
    saleEntryId: integer('sale_entry_id')
      .notNull()
      .references(() => journalEntries.id),
    collectionEventId: integer('collection_event_id')
      .notNull()
      .unique()
      .references(() => collectionEvents.id),
    amountFen: integer('amount_fen').$type<Fen>().notNull(),
    receivedDate: text('received_date').notNull(),
    dueDate: text('due_date').notNull(),
    entryId: integer('entry_id')
      .notNull()
      .references(() => journalEntries.id),
  },
  (t) => [
    check('buyer_payables_amount', sql`${t.amountFen} > 0`),
    check('buyer_payables_due_after_receipt', sql`${t.dueDate} >= ${t.receivedDate}`),
    index('buyer_payables_buyer_idx').on(t.buyerOrganisationId, t.id),
    index('buyer_payables_sale_idx').on(t.saleEntryId),
  ],
);

/** One forwarding of collections to a buyer (Dr 2242 / Cr cash), once per reference. Append-only. */
export const buyerForwardings = sqliteTable('buyer_forwardings', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  reference: text('reference').notNull().unique(),
  buyerOrganisationId: integer('buyer_organisation_id')
    .notNull()
    .references(() => buyerOrganisations.id),
  forwardedDate: text('forwarded_date').notNull(),
  amountFen: integer('amount_fen').$type<Fen>().notNull(),
  entryId: integer('entry_id')
    .notNull()
    .unique()
    .references(() => journalEntries.id),
});

/** Which payables a forwarding paid: the primary key makes a payable forwarded at most once. */
export const buyerForwardingItems = sqliteTable(
  'buyer_forwarding_items',
  {
    payableId: integer('payable_id')
      .primaryKey()
      .references(() => buyerPayables.id),
    forwardingId: integer('forwarding_id')
      .notNull()
      .references(() => buyerForwardings.id),
  },
  (t) => [index('buyer_forwarding_items_forwarding_idx').on(t.forwardingId)],
);

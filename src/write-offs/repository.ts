import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import { type DbOrTx, writeOffBatches, type LoanStatus, type WriteOffBatchState } from '../../db';
import { statement } from '../ledger';
import { claimSql, type AppDeps, type IsoDate } from '../shared';
import type { DraftItem } from './draft-item';

export type WriteOffBatchRow = typeof writeOffBatches.$inferSelect;
export type NewWriteOffBatch = typeof writeOffBatches.$inferInsert;

export interface WriteOffItemRow extends DraftItem {
  id: number;
}

export function insertBatch(tx: DbOrTx, batch: NewWriteOffBatch): WriteOffBatchRow {
  return tx.insert(writeOffBatches).values(batch).returning().get();
}

export function insertItem(deps: AppDeps, batchId: number, item: DraftItem): void {
  statement(
    deps,
    `insert into write_off_items (batch_id, loan_id, principal_fen, interest_fen, fee_fen, penalty_fen, reason_codes, reason, previous_status)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    batchId,
    item.loanId,
    item.principalFen,
    item.interestFen,
    item.feeFen,
    item.penaltyFen,
    item.reasonCodes,
    item.reason,
    item.previousStatus,
  );
}

export function findBatch(tx: DbOrTx, batchId: number): WriteOffBatchRow | undefined {
  return tx.select().from(writeOffBatches).where(eq(writeOffBatches.id, batchId)).get();
}

export function findBatchByEntry(tx: DbOrTx, entryId: number): WriteOffBatchRow | undefined {
  return tx.select().from(writeOffBatches).where(eq(writeOffBatches.entryId, entryId)).get();
}

/** Batches newest first, before the `beforeId` cursor. */
export function listBatches(
  tx: DbOrTx,
  filter: { state?: WriteOffBatchState; beforeId?: number; limit: number },
): WriteOffBatchRow[] {
  const where: (SQL | undefined)[] = [
    filter.state === undefined ? undefined : eq(writeOffBatches.state, filter.state),
    filter.beforeId === undefined ? undefined : lt(writeOffBatches.id, filter.beforeId),
  ];
  return tx
    .select()
    .from(writeOffBatches)
    .where(and(...where))
    .orderBy(desc(writeOffBatches.id))
    .limit(filter.limit)
    .all();
}

export function updateBatch(tx: DbOrTx, batchId: number, patch: Partial<NewWriteOffBatch>): void {
  tx.update(writeOffBatches).set(patch).where(eq(writeOffBatches.id, batchId)).run();
}

/** A page of a batch's items in id order, after `afterId`. */
export function itemsPage(
  deps: AppDeps,
  batchId: number,
  afterId: number,
  limit: number,
): WriteOffItemRow[] {
  return statement(
    deps,
    `select id, loan_id as loanId, principal_fen as principalFen, interest_fen as interestFen, fee_fen as feeFen, penalty_fen as penaltyFen,
            reason_codes as reasonCodes, reason, previous_status as previousStatus
       from write_off_items where batch_id = ? and id > ? order by id limit ?`,
  ).all(batchId, afterId, limit) as WriteOffItemRow[];
}

/** Every item of a batch, read a page at a time so that no statement stays open while the caller writes. */
export function* allItems(
  deps: AppDeps,
  batchId: number,
  pageSize = 5000,
): Generator<WriteOffItemRow[]> {
  let afterId = 0;
  for (;;) {
    const page = itemsPage(deps, batchId, afterId, pageSize);
    if (page.length === 0) return;
    yield page;
    afterId = page[page.length - 1]?.id ?? afterId;
  }
}

/** Of these loans, those already in a batch that is open or posted, with that batch. */
export function loansInUnreleasedBatches(
  deps: AppDeps,
  loanIds: readonly string[],
): Map<string, number> {
  const rows = statement(
    deps,
    'select loan_id as loanId, batch_id as batchId from write_off_items where released = 0 and loan_id in (select value from json_each(?))',
  ).all(JSON.stringify(loanIds)) as { loanId: string; batchId: number }[];
  return new Map(rows.map((row) => [row.loanId, row.batchId]));
}

export function releaseItems(deps: AppDeps, batchId: number): void {
  statement(deps, 'update write_off_items set released = 1 where batch_id = ?').run(batchId);
}

/** Loans of the batch that have left the book since the draft (charged off by a tape, sold, settled…). */
export function itemsOffTheBook(
  deps: AppDeps,
  batchId: number,
  limit: number,
): { loanId: string; status: LoanStatus }[] {
  return statement(
    deps,
    `select i.loan_id as loanId, l.status from write_off_items i join loans l on l.loan_id = i.loan_id
      where i.batch_id = ? and l.status not in ('current', 'delinquent') order by i.id limit ?`,
  ).all(batchId, limit) as { loanId: string; status: LoanStatus }[];
}

/** Posting: the batch's loans become charged_off on the write-off date for their claim. */
export function markLoansChargedOff(deps: AppDeps, batchId: number, writeOffDate: IsoDate): number {
  return statement(
    deps,
    `update loans set status = 'charged_off', charge_off_date = ?,
            charge_off_fen = ${claimSql('i')}
       from write_off_items i where i.batch_id = ? and i.loan_id = loans.loan_id`,
  ).run(writeOffDate, batchId).changes;
}

/** Reversal: the batch's loans return to the status they had before posting, no longer charged off. */
export function restoreLoans(deps: AppDeps, batchId: number): number {
  return statement(
    deps,
    `update loans set status = i.previous_status, charge_off_date = null, charge_off_fen = null
       from write_off_items i where i.batch_id = ? and i.loan_id = loans.loan_id and loans.status = 'charged_off'`,
  ).run(batchId).changes;
}

export interface LoanForDraft {
  loanId: string;
  status: LoanStatus;
  principalFen: number;
  interestFen: number;
  feeFen: number;
  penaltyFen: number;
  daysPastDue: number;
  tapeDate: IsoDate;
  bankrupt: number;
  deceased: number;
}

export function loansForDraft(deps: AppDeps, loanIds: readonly string[]): LoanForDraft[] {
  return statement(
    deps,
    `select loan_id as loanId, status, principal_fen as principalFen, interest_fen as interestFen, fee_fen as feeFen, penalty_fen as penaltyFen,
            days_past_due as daysPastDue, tape_date as tapeDate, bankrupt, deceased
       from loans where loan_id in (select value from json_each(?))`,
  ).all(JSON.stringify(loanIds)) as LoanForDraft[];
}

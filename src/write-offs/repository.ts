import type { Fen } from '../shared';
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import {
  type DbOrTx,
  prepared,
  writeOffBatches,
  type LoanStatus,
  type WriteOffBatchState,
} from '../../db';
import type { IsoDate } from '../shared';
import type { DraftItem } from './draft-item';

export type WriteOffBatchRow = typeof writeOffBatches.$inferSelect;
export type NewWriteOffBatch = typeof writeOffBatches.$inferInsert;

export interface WriteOffItemRow extends DraftItem {
  id: number;
}

export function insertBatch(tx: DbOrTx, batch: NewWriteOffBatch): WriteOffBatchRow {
  return tx.insert(writeOffBatches).values(batch).returning().get();
}

export function insertItem(tx: DbOrTx, batchId: number, item: DraftItem): void {
  prepared(
    tx,
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
  tx: DbOrTx,
  batchId: number,
  afterId: number,
  limit: number,
): WriteOffItemRow[] {
  return prepared(
    tx,
    `select id, loan_id as loanId, principal_fen as principalFen, interest_fen as interestFen, fee_fen as feeFen, penalty_fen as penaltyFen,
            reason_codes as reasonCodes, reason, previous_status as previousStatus
       from write_off_items where batch_id = ? and id > ? order by id limit ?`,
  ).all(batchId, afterId, limit) as WriteOffItemRow[];
}

/** Every item of a batch, read a page at a time so that no statement stays open while the caller writes. */
export function* allItems(
  tx: DbOrTx,
  batchId: number,
  pageSize = 5000,
): Generator<WriteOffItemRow[]> {
  let afterId = 0;
  for (;;) {
    const page = itemsPage(tx, batchId, afterId, pageSize);
    if (page.length === 0) return;
    yield page;
    afterId = page[page.length - 1]?.id ?? afterId;
  }
}

/** Of these loans, those already in a batch that is open or posted, with that batch. */
export function loansInUnreleasedBatches(
  tx: DbOrTx,
  loanIds: readonly string[],
): Map<string, number> {
  const rows = prepared(
    tx,
    'select loan_id as loanId, batch_id as batchId from write_off_items where released = 0 and loan_id in (select value from json_each(?))',
  ).all(JSON.stringify(loanIds)) as { loanId: string; batchId: number }[];
  return new Map(rows.map((row) => [row.loanId, row.batchId]));
}

export function releaseItems(tx: DbOrTx, batchId: number): void {
  prepared(tx, 'update write_off_items set released = 1 where batch_id = ?').run(batchId);
}

/** Loans of the batch that have left the book since the draft (charged off by a tape, sold, settled…). */
export function itemsOffTheBook(
  tx: DbOrTx,
  batchId: number,
  limit: number,
): { loanId: string; status: LoanStatus }[] {
  return prepared(
    tx,
    `select i.loan_id as loanId, l.status from write_off_items i join loans l on l.loan_id = i.loan_id
      where i.batch_id = ? and l.status not in ('current', 'delinquent') order by i.id limit ?`,
  ).all(batchId, limit) as { loanId: string; status: LoanStatus }[];
}

/**
 * The batch's loans still charged off, with the status each had before posting. A loan a later tape
 * has moved on (settled, closed) stays where the tape put it when the batch is released.
 */
export function itemsStillChargedOff(
  tx: DbOrTx,
  batchId: number,
): { loanId: string; previousStatus: LoanStatus }[] {
  return prepared(
    tx,
    `select i.loan_id as loanId, i.previous_status as previousStatus
       from write_off_items i join loans l on l.loan_id = i.loan_id
      where i.batch_id = ? and l.status = 'charged_off'`,
  ).all(batchId) as { loanId: string; previousStatus: LoanStatus }[];
}

export interface LoanForDraft {
  loanId: string;
  status: LoanStatus;
  principalFen: Fen;
  interestFen: Fen;
  feeFen: Fen;
  penaltyFen: Fen;
  daysPastDue: number;
  tapeDate: IsoDate;
  bankrupt: number;
  deceased: number;
}

export function loansForDraft(tx: DbOrTx, loanIds: readonly string[]): LoanForDraft[] {
  return prepared(
    tx,
    `select loan_id as loanId, status, principal_fen as principalFen, interest_fen as interestFen, fee_fen as feeFen, penalty_fen as penaltyFen,
            days_past_due as daysPastDue, tape_date as tapeDate, bankrupt, deceased
       from loans where loan_id in (select value from json_each(?))`,
  ).all(JSON.stringify(loanIds)) as LoanForDraft[];
}

import type { Fen } from '../shared';
import { asc, eq } from 'drizzle-orm';
import {
  type DbOrTx,
  journalEntries,
  journalLines,
  type JournalEntryKind,
  prepared,
} from '../../db';
import type { IsoDate } from '../shared';
import type { JournalLineDraft } from './journal-line';

export type JournalEntryRow = typeof journalEntries.$inferSelect;
export type JournalLineRow = typeof journalLines.$inferSelect;

export interface EntryHeader {
  entryDate: IsoDate;
  kind: JournalEntryKind;
  memo: string;
  sourceRef: string;
  reversesEntryId: number | null;
  postedAt: string;
  postedBy: string;
  postedByUserId: number | null;
}

export function insertEntry(tx: DbOrTx, header: EntryHeader): number {
  return tx.insert(journalEntries).values(header).returning({ id: journalEntries.id }).get().id;
}

/** Inserts one line; `lineNo` counts from 1 within the entry. */
export function insertLine(
  tx: DbOrTx,
  entryId: number,
  lineNo: number,
  line: JournalLineDraft,
): void {
  prepared(
    tx,
    'insert into journal_lines (entry_id, line_no, account_code, debit_fen, credit_fen, loan_id, memo) values (?, ?, ?, ?, ?, ?, ?)',
  ).run(entryId, lineNo, line.accountCode, line.debitFen, line.creditFen, line.loanId, line.memo);
}

/** The posted totals of an entry, balance-sheet and off-balance memo lines apart. */
export function entryTotals(
  tx: DbOrTx,
  entryId: number,
): { memo: number; lines: number; debitFen: Fen; creditFen: Fen }[] {
  return prepared(
    tx,
    `select a.type = 'off_balance' as memo, count(*) as lines, sum(l.debit_fen) as debitFen, sum(l.credit_fen) as creditFen
       from journal_lines l join ledger_accounts a on a.code = l.account_code
      where l.entry_id = ? group by 1`,
  ).all(entryId) as { memo: number; lines: number; debitFen: Fen; creditFen: Fen }[];
}

export function findEntry(tx: DbOrTx, entryId: number): JournalEntryRow | undefined {
  return tx.select().from(journalEntries).where(eq(journalEntries.id, entryId)).get();
}

export function findReversalOf(tx: DbOrTx, entryId: number): JournalEntryRow | undefined {
  return tx.select().from(journalEntries).where(eq(journalEntries.reversesEntryId, entryId)).get();
}

export function entryLines(tx: DbOrTx, entryId: number): JournalLineRow[] {
  return tx
    .select()
    .from(journalLines)
    .where(eq(journalLines.entryId, entryId))
    .orderBy(asc(journalLines.lineNo))
    .all();
}

/** Whether an entry of this kind already books this source (a batch, an import, a sale) on any date. */
export function sourceIsPosted(
  tx: DbOrTx,
  kinds: readonly JournalEntryKind[],
  sourceRef: string,
): boolean {
  const found = prepared(
    tx,
    `select 1 from journal_entries where source_ref = ? and kind in (select value from json_each(?)) limit 1`,
  ).get(sourceRef, JSON.stringify(kinds));
  return found !== undefined;
}

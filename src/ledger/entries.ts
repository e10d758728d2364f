import { and, asc, eq, gt } from 'drizzle-orm';
import { type DbOrTx, journalLines, ledgerAccounts } from '../../db';
import { Problem } from '../shared';
import {
  findEntry,
  findReversalOf,
  type JournalEntryRow,
  type JournalLineRow,
} from './journal-repository';

export interface EntryWithLines extends JournalEntryRow {
  reversedByEntryId: number | null;
  lines: JournalLineRow[];
  nextCursor: string | null;
}

/** The chart of accounts, by code. */
export function listAccounts(db: DbOrTx) {
  return db.select().from(ledgerAccounts).orderBy(asc(ledgerAccounts.code)).all();
}

/**
 * One posted entry with a page of its lines (a write-off batch's entry has several lines per loan).
 * @throws Problem not_found for an unknown entry
 */
export function getEntry(
  db: DbOrTx,
  entryId: number,
  page: { limit: number; cursor?: number },
): EntryWithLines {
  const entry = findEntry(db, entryId);
  if (!entry) throw new Problem('not_found', `no journal entry ${entryId}`);
  const rows = db
    .select()
    .from(journalLines)
    .where(and(eq(journalLines.entryId, entryId), gt(journalLines.lineNo, page.cursor ?? 0)))
    .orderBy(asc(journalLines.lineNo))
    .limit(page.limit + 1)
    .all();
  const lines = rows.slice(0, page.limit);
  const nextCursor = rows.length > page.limit ? String(lines.at(-1)?.lineNo) : null;
  return {
    ...entry,
    reversedByEntryId: findReversalOf(db, entryId)?.id ?? null,
    lines,
    nextCursor,
  };
}

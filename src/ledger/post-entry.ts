import type { DbOrTx } from '../../db';
import type { AuditActor } from '../audit';
import type { AppDeps } from '../shared';
import { assertBalanced, UnbalancedEntryError, type JournalLineDraft } from './journal-line';
import { entryTotals, insertEntry, insertLine, type EntryHeader } from './journal-repository';

/**
 * Posts one journal entry inside the caller's transaction. Lines come in groups that each balance on
 * their own (one loan's lines, usually): every group is asserted before it is inserted, so a broken
 * posting rule stops before writing, and a large entry is never held in memory whole. After the
 * inserts the entry's totals are read back from the database and must balance too, balance-sheet and
 * memo lines apart: what a deferred constraint would check, which SQLite does not have.
 * @throws UnbalancedEntryError when a group or the posted entry does not balance, or it has no line
 */
export function postEntry(
  tx: DbOrTx,
  /** Unused since the journal's statements run on `tx`; kept while write-offs/post.ts passes it. */
  _deps: AppDeps,
  header: EntryHeader,
  groups: Iterable<readonly JournalLineDraft[]>,
): { entryId: number; lineCount: number } {
  const entryId = insertEntry(tx, header);
  let lineCount = 0;
  for (const group of groups) {
    assertBalanced(group);
    for (const line of group) insertLine(tx, entryId, ++lineCount, line);
  }
  if (lineCount === 0)
    throw new UnbalancedEntryError(`${header.kind} entry for ${header.sourceRef} has no line`);
  assertPostedEntryBalances(tx, entryId);
  return { entryId, lineCount };
}

/**
 * Reads a posted entry's totals back from the database: balance-sheet and memo lines must each
 * balance. Entries whose lines are written by set-based SQL are checked with this too.
 * @throws UnbalancedEntryError when a part does not balance
 */
export function assertPostedEntryBalances(tx: DbOrTx, entryId: number): void {
  for (const part of entryTotals(tx, entryId)) {
    if (part.debitFen !== part.creditFen) {
      const section = part.memo ? 'off-balance memo' : 'balance-sheet';
      throw new UnbalancedEntryError(
        `posted entry ${entryId}: ${section} debits ${part.debitFen} ≠ credits ${part.creditFen}`,
      );
    }
  }
}

/** The header of an entry posted now by `actor`. */
export function entryHeader(
  deps: AppDeps,
  actor: AuditActor,
  entry: Pick<EntryHeader, 'entryDate' | 'kind' | 'memo' | 'sourceRef'> & {
    reversesEntryId?: number;
  },
): EntryHeader {
  return {
    ...entry,
    reversesEntryId: entry.reversesEntryId ?? null,
    postedAt: deps.clock.now(),
    postedBy: actor.label,
    postedByUserId: actor.userId,
  };
}

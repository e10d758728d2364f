import type { DbOrTx, JournalEntryKind } from '../../db';
import { recordAudit } from '../audit';
import { type FieldError, type IsoDate, negateFen, Problem, type VerbContext } from '../shared';
import { entryLines, findEntry, findReversalOf } from './journal-repository';
import { entryHeader, postEntry } from './post-entry';
import { entryMovements, insertMovement, type RegisterMovementRow } from './register-repository';
import { assertReversibleKind, reversalBlockers } from './reversal-blockers';
import { reversalLines } from './reversal-lines';

/**
 * What reversing an entry of a kind does beyond the ledger, supplied by the room that owns that kind
 * of posting (a write-off batch is released, a sale's loans are charged off again): the ledger knows
 * how to undo lines and register movements, not what a write-off batch or a sale is.
 */
export type ReversalEffects = Partial<
  Record<
    JournalEntryKind,
    (ctx: VerbContext, reversed: { entryId: number; loanIds: readonly string[] }) => void
  >
> & {
  /**
   * Of an entry's loans, those another room holds so that nothing booked on them may be undone
   * (loans in an awarded or signed sale): one error per loan, which refuses the reversal.
   */
  held?: (tx: DbOrTx, loanIds: readonly string[]) => FieldError[];
};

export interface ReversalRequest {
  entryId: number;
  date: IsoDate;
  reason: string;
}

/** Net register amount of the entry per loan. */
function amountsByLoan(movements: readonly RegisterMovementRow[]): Map<string, number> {
  const amounts = new Map<string, number>();
  for (const movement of movements)
    amounts.set(movement.loanId, (amounts.get(movement.loanId) ?? 0) + movement.amountFen);
  return amounts;
}

/**
 * A reversal is dated in the entry's period or later, and never in the future: no earlier than the
 * entry it reverses (it cannot undo what had not happened yet) and no later than today (a
 * reversal dated 9999-12-31 would sit in no period a controller ever closes).
 * @throws Problem validation_failed naming `json.date`
 */
export function assertReversalDate(date: IsoDate, entryDate: IsoDate, today: IsoDate): void {
  const message =
    date < entryDate
      ? `a reversal cannot be dated before the entry it reverses (${entryDate})`
      : date > today
        ? `a reversal cannot be dated after today (${today})`
        : null;
  if (message)
    throw new Problem('validation_failed', message, {
      errors: [{ field: 'json.date', value: date, message }],
    });
}

/**
 * Undoes a posted entry by a reversing entry that references it (never by editing it), inside the
 * caller's transaction: the same lines on opposite sides, the opposite register movements, and the
 * loans back where the entry found them (a write-off's loans back on the book, a sale's loans
 * charged off again). An entry is reversed at most once; a reversal is not itself reversed, nor is
 * an entry of the buyer side of a sale (put-back, collections owed to the buyer, forwarding).
 * @throws Problem not_found, conflict (already reversed, not reversible, loans moved on since or
 *   held in an awarded or signed sale), validation_failed (dated before the entry or after today)
 */
export function reverseEntry(
  ctx: VerbContext,
  request: ReversalRequest,
  effects: ReversalEffects,
): { entryId: number; reversesEntryId: number; lineCount: number } {
  const { tx, deps, actor } = ctx;
  const original = findEntry(tx, request.entryId);
  if (!original) throw new Problem('not_found', `no journal entry ${request.entryId}`);
  assertReversibleKind(original);
  const earlier = findReversalOf(tx, original.id);
  if (earlier)
    throw new Problem(
      'conflict',
      `entry ${original.id} is already reversed by entry ${earlier.id}`,
    );
  assertReversalDate(request.date, original.entryDate, deps.clock.today());
  const movements = entryMovements(tx, original.id);
  const amounts = amountsByLoan(movements);
  const errors = [
    ...reversalBlockers(tx, original, movements, amounts),
    ...(effects.held?.(tx, [...amounts.keys()]) ?? []),
  ];
  if (errors.length > 0)
    throw new Problem(
      'conflict',
      `entry ${original.id} cannot be reversed: ${errors.length} loan(s) have moved on or are held`,
      { errors },
    );

  const memo = `Reversal of entry ${original.id} (${original.kind}): ${request.reason}`;
  const header = entryHeader(deps, actor, {
    entryDate: request.date,
    kind: 'reversal',
    memo,
    sourceRef: `journal_entry:${original.id}`,
    reversesEntryId: original.id,
  });
  const { entryId, lineCount } = postEntry(tx, deps, header, [
    reversalLines(entryLines(tx, original.id)),
  ]);
  for (const { loanId, kind, amountFen, buyerOrganisationId, collectionEventId } of movements) {
    insertMovement(tx, {
      loanId,
      kind,
      amountFen: negateFen(amountFen),
      movementDate: request.date,
      reversal: true,
      entryId,
      buyerOrganisationId,
      collectionEventId,
    });
  }
  effects[original.kind]?.(ctx, { entryId: original.id, loanIds: [...amounts.keys()] });
  recordAudit(tx, actor, deps.clock.now(), {
    action: 'ledger.entry.reversed',
    targetType: 'journal_entry',
    targetId: original.id,
    detail: {
      reversalEntryId: entryId,
      kind: original.kind,
      reason: request.reason,
      loans: amounts.size,
    },
  });
  return { entryId, reversesEntryId: original.id, lineCount };
}

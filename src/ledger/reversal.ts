import type { DbOrTx } from '../../db/client';
import { recordAudit, type AuditActor } from '../audit/record';
import type { AppDeps } from '../shared/deps';
import type { IsoDate } from '../shared/dates';
import { Problem, type FieldError } from '../shared/problem';
import { releaseReversedBatch } from '../write-offs/release';
import { entryLines, findEntry, findReversalOf, type JournalEntryRow } from './journal-repository';
import { loanStatuses, moveLoanStatus } from './loan-repository';
import { entryHeader, postEntry } from './post-entry';
import { entryMovements, insertMovement, registerPositions, type RegisterMovementRow } from './register-repository';
import { reversalLines } from './reversal-lines';

export interface ReversalRequest {
  entryId: number;
  date: IsoDate;
  reason: string;
}

/** Net register amount of the entry per loan. */
function amountsByLoan(movements: readonly RegisterMovementRow[]): Map<string, number> {
  const amounts = new Map<string, number>();
  for (const movement of movements) amounts.set(movement.loanId, (amounts.get(movement.loanId) ?? 0) + movement.amountFen);
  return amounts;
}

/**
 * Why the entry's loans stop it from being undone: a write-off (or opening) only while nothing else
 * has touched the claims it put on file; a recovery only while the loan is not sold; a sale only
 * while its loans are still sold.
 */
function blockingLoans(deps: AppDeps, entry: JournalEntryRow, amounts: Map<string, number>): FieldError[] {
  const loanIds = [...amounts.keys()];
  const errors: FieldError[] = [];
  const refuse = (loanId: string, message: string) => errors.push({ field: 'loanId', value: loanId, message });
  if (entry.kind === 'write_off' || entry.kind === 'write_off_opening') {
    const positions = registerPositions(deps, loanIds);
    for (const [loanId, amountFen] of amounts) {
      if (positions.get(loanId)?.balanceFen !== amountFen) refuse(loanId, 'the claim has had recoveries or a sale since: reverse those first');
    }
  } else if (entry.kind === 'recovery' || entry.kind === 'sale') {
    const statuses = loanStatuses(deps, loanIds);
    for (const loanId of loanIds) {
      const sold = statuses.get(loanId) === 'sold';
      if (entry.kind === 'recovery' && sold) refuse(loanId, 'the loan has been sold since: reverse the sale first');
      if (entry.kind === 'sale' && !sold) refuse(loanId, `the loan is ${statuses.get(loanId)}, no longer sold`);
    }
  }
  return errors;
}

/**
 * Undoes a posted entry by a reversing entry that references it (never by editing it), inside the
 * caller's transaction: the same lines on opposite sides, the opposite register movements, and the
 * loans back where the entry found them (a write-off's loans back on the book, a sale's loans
 * charged off again). An entry is reversed at most once; a reversal is not itself reversed.
 * @throws Problem not_found, conflict (already reversed, a reversal, or loans moved on since),
 *   validation_failed (dated before the entry)
 */
export function reverseEntry(tx: DbOrTx, deps: AppDeps, actor: AuditActor, request: ReversalRequest): { entryId: number; reversesEntryId: number; lineCount: number } {
  const original = findEntry(tx, request.entryId);
  if (!original) throw new Problem('not_found', `no journal entry ${request.entryId}`);
  if (original.kind === 'reversal') throw new Problem('conflict', `entry ${original.id} is itself a reversal and cannot be reversed`);
  const earlier = findReversalOf(tx, original.id);
  if (earlier) throw new Problem('conflict', `entry ${original.id} is already reversed by entry ${earlier.id}`);
  if (request.date < original.entryDate) {
    const message = `a reversal cannot be dated before the entry it reverses (${original.entryDate})`;
    throw new Problem('validation_failed', message, { errors: [{ field: 'json.date', value: request.date, message }] });
  }
  const movements = entryMovements(tx, original.id);
  const amounts = amountsByLoan(movements);
  const errors = blockingLoans(deps, original, amounts);
  if (errors.length > 0) throw new Problem('conflict', `entry ${original.id} cannot be reversed: ${errors.length} loan(s) have moved on`, { errors });

  const memo = `Reversal of entry ${original.id} (${original.kind}): ${request.reason}`;
  const header = entryHeader(deps, actor, { entryDate: request.date, kind: 'reversal', memo, sourceRef: `journal_entry:${original.id}`, reversesEntryId: original.id });
  const { entryId, lineCount } = postEntry(tx, deps, header, [reversalLines(entryLines(tx, original.id))]);
  for (const { loanId, kind, amountFen, buyerOrganisationId, collectionEventId } of movements) {
    insertMovement(deps, { loanId, kind, amountFen: -amountFen, movementDate: request.date, reversal: true, entryId, buyerOrganisationId, collectionEventId });
  }
  if (original.kind === 'write_off') releaseReversedBatch(tx, deps, actor, original.id);
  if (original.kind === 'sale') moveLoanStatus(deps, [...amounts.keys()], 'sold', 'charged_off');
  recordAudit(tx, actor, deps.clock.now(), {
    action: 'ledger.entry.reversed',
    targetType: 'journal_entry',
    targetId: original.id,
    detail: { reversalEntryId: entryId, kind: original.kind, reason: request.reason, loans: amounts.size },
  });
  return { entryId, reversesEntryId: original.id, lineCount };
}

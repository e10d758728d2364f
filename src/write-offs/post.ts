import { recordAudit } from '../audit';
import { ledgerPolicyOf, entryHeader, postEntry, insertMovement, writeOffLines } from '../ledger';
import { type ChargeOffMove, moveLoans } from '../loans';
import { claimFen, Problem, type VerbContext } from '../shared';
import { assertBatchAction } from './batch-state';
import { existingBatch } from './decide';
import * as repository from './repository';

/**
 * Posts an approved batch in the caller's transaction: one balanced `write_off` entry dated the
 * write-off date (per loan: principal Dr allowance / Cr loans receivable; interest and fees reversed
 * as configured; the full claim Dr 7001 / Cr 7002), each loan's claim into the off-balance register,
 * and the loans `charged_off` on that date for that claim (the lifecycle's `charge_off`). Every
 * loan must still be on the book.
 * @throws Problem conflict unless the batch is approved, or when a loan has left the book since
 */
export function postWriteOffBatch(
  { tx, deps, actor }: VerbContext,
  { batchId }: { batchId: number },
): repository.WriteOffBatchRow {
  const batch = existingBatch(tx, batchId);
  assertBatchAction(batchId, batch.state, 'post');
  const offTheBook = repository.itemsOffTheBook(tx, batchId, 20);
  if (offTheBook.length > 0) {
    const errors = offTheBook.map(({ loanId, status }) => ({
      field: 'loanId',
      value: loanId,
      message: `the loan is ${status} now`,
    }));
    throw new Problem(
      'conflict',
      `write-off batch ${batchId} has loans no longer on the book; reject it and prepare a new one`,
      { errors },
    );
  }
  const policy = ledgerPolicyOf(deps.config);
  const memo = `Write-off batch ${batchId} (核销): ${batch.loanCount} loans`;
  const header = entryHeader(deps, actor, {
    entryDate: batch.writeOffDate,
    kind: 'write_off',
    memo,
    sourceRef: `write_off_batch:${batchId}`,
  });
  function* lineGroups() {
    for (const page of repository.allItems(tx, batchId))
      for (const item of page) yield writeOffLines(item, policy);
  }
  const { entryId, lineCount } = postEntry(tx, deps, header, lineGroups());
  const chargeOffs: ChargeOffMove[] = [];
  for (const page of repository.allItems(tx, batchId)) {
    for (const item of page) {
      const movement = {
        loanId: item.loanId,
        movementDate: batch.writeOffDate,
        kind: 'written_off',
        amountFen: claimFen(item),
        reversal: false,
      } as const;
      insertMovement(deps, {
        ...movement,
        entryId,
        buyerOrganisationId: null,
        collectionEventId: null,
      });
      chargeOffs.push({
        loanId: item.loanId,
        chargeOffDate: batch.writeOffDate,
        chargeOffFen: movement.amountFen,
      });
    }
  }
  const charged = moveLoans(tx, 'charge_off', chargeOffs);
  if (charged !== batch.loanCount)
    throw new Error(
      `write-off batch ${batchId}: ${charged} loans charged off, ${batch.loanCount} expected`,
    );
  const postedAt = deps.clock.now();
  repository.updateBatch(tx, batchId, {
    state: 'posted',
    postedByUserId: actor.userId,
    postedAt,
    entryId,
  });
  recordAudit(tx, actor, postedAt, {
    action: 'write_off_batch.posted',
    targetType: 'write_off_batch',
    targetId: batchId,
    detail: { entryId, lineCount, loans: charged },
  });
  return existingBatch(tx, batchId);
}

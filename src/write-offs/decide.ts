import type { DbOrTx } from '../../db';
import { recordAudit } from '../audit';
import { Problem, type VerbContext } from '../shared';
import { assertBatchAction, assertSecondPair } from './batch-state';
import * as repository from './repository';

/** @throws Problem not_found for an unknown batch */
export function existingBatch(tx: DbOrTx, batchId: number): repository.WriteOffBatchRow {
  const batch = repository.findBatch(tx, batchId);
  if (!batch) throw new Problem('not_found', `no write-off batch ${batchId}`);
  return batch;
}

/**
 * Approves a draft batch, by a finance user other than its preparer (maker-checker).
 * @throws Problem forbidden for the preparer; conflict unless the batch is a draft
 */
export function approveWriteOffBatch(
  { tx, deps, actor }: VerbContext,
  { batchId }: { batchId: number },
): repository.WriteOffBatchRow {
  const batch = existingBatch(tx, batchId);
  assertBatchAction(batchId, batch.state, 'approve');
  assertSecondPair(batchId, batch.preparedByUserId, actor.userId);
  const approvedAt = deps.clock.now();
  repository.updateBatch(tx, batchId, {
    state: 'approved',
    approvedByUserId: actor.userId,
    approvedAt,
  });
  recordAudit(tx, actor, approvedAt, {
    action: 'write_off_batch.approved',
    targetType: 'write_off_batch',
    targetId: batchId,
    detail: { loans: batch.loanCount },
  });
  return existingBatch(tx, batchId);
}

/**
 * Rejects a batch before it is posted; its loans are free to be written off in another batch.
 * @throws Problem conflict once the batch is posted, rejected or reversed
 */
export function rejectWriteOffBatch(
  { tx, deps, actor }: VerbContext,
  { batchId, reason }: { batchId: number; reason: string },
): repository.WriteOffBatchRow {
  const batch = existingBatch(tx, batchId);
  assertBatchAction(batchId, batch.state, 'reject');
  const rejectedAt = deps.clock.now();
  repository.updateBatch(tx, batchId, {
    state: 'rejected',
    rejectedByUserId: actor.userId,
    rejectedAt,
    rejectionReason: reason,
  });
  repository.releaseItems(tx, batchId);
  recordAudit(tx, actor, rejectedAt, {
    action: 'write_off_batch.rejected',
    targetType: 'write_off_batch',
    targetId: batchId,
    detail: { reason, from: batch.state },
  });
  return existingBatch(tx, batchId);
}

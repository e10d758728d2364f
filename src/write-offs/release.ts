import { recordAudit } from '../audit';
import { moveLoans, type LoanMove } from '../loans';
import type { VerbContext } from '../shared';
import * as repository from './repository';

/**
 * A posted batch whose entry is reversed: its loans return to their status before posting and are
 * free to be written off again (the lifecycle's `release_write_off`); the batch becomes
 * `reversed`. Called by the ledger's reversal.
 */
export function releaseWriteOffBatch(
  { tx, deps, actor }: VerbContext,
  { entryId }: { entryId: number },
): void {
  const batch = repository.findBatchByEntry(tx, entryId);
  if (!batch) throw new Error(`write-off entry ${entryId} belongs to no batch`);
  const releases = repository
    .itemsStillChargedOff(tx, batch.id)
    .map(({ loanId, previousStatus }): LoanMove<'release_write_off'> => {
      if (previousStatus !== 'current' && previousStatus !== 'delinquent')
        throw new Error(`write-off batch ${batch.id}: loan ${loanId} was ${previousStatus}`);
      return { loanId, status: previousStatus };
    });
  const restored = moveLoans(tx, 'release_write_off', releases);
  repository.releaseItems(tx, batch.id);
  repository.updateBatch(tx, batch.id, { state: 'reversed' });
  recordAudit(tx, actor, deps.clock.now(), {
    action: 'write_off_batch.reversed',
    targetType: 'write_off_batch',
    targetId: batch.id,
    detail: { entryId, restored },
  });
}

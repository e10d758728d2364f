import type { DbOrTx } from '../../db';
import { recordAudit, type AuditActor } from '../audit';
import type { AppDeps } from '../shared';
import * as repository from './repository';

/**
 * A posted batch whose entry is reversed: its loans return to their status before posting and are
 * free to be written off again; the batch becomes `reversed`. Called by the ledger's reversal.
 */
export function releaseReversedBatch(
  tx: DbOrTx,
  deps: AppDeps,
  actor: AuditActor,
  { entryId }: { entryId: number },
): void {
  const batch = repository.findBatchByEntry(tx, entryId);
  if (!batch) throw new Error(`write-off entry ${entryId} belongs to no batch`);
  const restored = repository.restoreLoans(deps, batch.id);
  repository.releaseItems(deps, batch.id);
  repository.updateBatch(tx, batch.id, { state: 'reversed' });
  recordAudit(tx, actor, deps.clock.now(), {
    action: 'write_off_batch.reversed',
    targetType: 'write_off_batch',
    targetId: batch.id,
    detail: { entryId, restored },
  });
}

import type { WriteOffBatchState } from '../../db';
import { Problem } from '../shared';

export type BatchAction = 'approve' | 'reject' | 'post';

/** The states each action starts from: draft → approved → posted; draft or approved → rejected. */
const startsFrom: Record<BatchAction, readonly WriteOffBatchState[]> = {
  approve: ['draft'],
  reject: ['draft', 'approved'],
  post: ['approved'],
};

const done: Record<BatchAction, string> = {
  approve: 'approved',
  reject: 'rejected',
  post: 'posted',
};

/** @throws Problem conflict when the batch is not in a state the action starts from */
export function assertBatchAction(
  batchId: number,
  state: WriteOffBatchState,
  action: BatchAction,
): void {
  if (!startsFrom[action].includes(state)) {
    throw new Problem(
      'conflict',
      `write-off batch ${batchId} is ${state}; only a batch that is ${startsFrom[action].join(' or ')} can be ${done[action]}`,
    );
  }
}

/**
 * Maker-checker: a write-off is approved by a finance user other than the one who prepared it.
 * @throws Problem forbidden when the approver prepared the batch
 */
export function assertSecondPair(
  batchId: number,
  preparedByUserId: number | null,
  approverUserId: number | null,
): void {
  if (approverUserId === null || approverUserId === preparedByUserId) {
    throw new Problem(
      'forbidden',
      `write-off batch ${batchId} was prepared by you: it must be approved by another finance user (maker-checker)`,
    );
  }
}

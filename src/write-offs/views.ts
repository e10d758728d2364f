import { claimFen } from '../shared';
import type { z } from '@hono/zod-openapi';
import { formatFen } from '../shared';
import type { WriteOffItemRow, WriteOffBatchRow } from './repository';
import type { WriteOffBatchSchema, WriteOffItemPageSchema } from './schemas';

// Batches and items (integer fen) as the API shows them (decimal strings).

export function batchView(batch: WriteOffBatchRow): z.infer<typeof WriteOffBatchSchema> {
  return {
    id: batch.id,
    writeOffDate: batch.writeOffDate,
    state: batch.state,
    selection: batch.selection,
    loans: batch.loanCount,
    principal: formatFen(batch.principalFen),
    interest: formatFen(batch.interestFen),
    fee: formatFen(batch.feeFen),
    penalty: formatFen(batch.penaltyFen),
    claim: formatFen(claimFen(batch)),
    preparedBy: batch.preparedBy,
    preparedByUserId: batch.preparedByUserId,
    preparedAt: batch.preparedAt,
    approvedByUserId: batch.approvedByUserId,
    approvedAt: batch.approvedAt,
    rejectedByUserId: batch.rejectedByUserId,
    rejectedAt: batch.rejectedAt,
    rejectionReason: batch.rejectionReason,
    postedByUserId: batch.postedByUserId,
    postedAt: batch.postedAt,
    entryId: batch.entryId,
  };
}

export function itemView(
  item: WriteOffItemRow,
): z.infer<typeof WriteOffItemPageSchema>['items'][number] {
  return {
    id: item.id,
    loanId: item.loanId,
    principal: formatFen(item.principalFen),
    interest: formatFen(item.interestFen),
    fee: formatFen(item.feeFen),
    penalty: formatFen(item.penaltyFen),
    claim: formatFen(claimFen(item)),
    reasonCodes: item.reasonCodes.split(','),
    reason: item.reason,
    previousStatus: item.previousStatus,
  };
}

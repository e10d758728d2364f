import { z } from '@hono/zod-openapi';
import { writeOffBatchStates } from '../../db';
import { IdParams, isoDate, pageLimit, yuanAmount } from '../shared';

// The API contract of write-off batches, hand-written so the tables can change without breaking callers.

export const BatchParams = IdParams;

export const PrepareWriteOffSchema = z
  .object({
    writeOffDate: isoDate.openapi({
      description: 'The date the loans are written off (not in the future)',
    }),
    loanIds: z.array(z.string().min(1)).min(1).max(100_000).optional().openapi({
      description:
        'The loans to write off; when absent, the charge-off candidates as of the write-off date not already in a batch',
    }),
    reason: z.string().trim().min(1).max(500).optional().openapi({
      description:
        'A stated reason, recorded with the charge-off rules that fire; required for a loan no rule fires for',
    }),
  })
  .openapi('PrepareWriteOff');

export const RejectWriteOffSchema = z
  .object({ reason: z.string().trim().min(1).max(500) })
  .openapi('RejectWriteOff');

export const BatchListQuery = z.object({
  state: z.enum(writeOffBatchStates).optional(),
  limit: pageLimit,
  cursor: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .openapi({ description: 'The `nextCursor` of the previous page (batches newest first)' }),
});

export const ItemsQuery = z.object({
  limit: pageLimit,
  cursor: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .openapi({ description: 'The `nextCursor` of the previous page' }),
});

export const WriteOffBatchSchema = z
  .object({
    id: z.number().int(),
    writeOffDate: isoDate,
    state: z.enum(writeOffBatchStates),
    selection: z.enum(['candidates', 'loan_ids']),
    loans: z.number().int(),
    principal: yuanAmount,
    interest: yuanAmount,
    fee: yuanAmount,
    penalty: yuanAmount,
    claim: yuanAmount.openapi({
      description: 'principal + interest + fee + penalty: what enters the off-balance register',
    }),
    preparedBy: z.string(),
    preparedByUserId: z.number().int().nullable(),
    preparedAt: z.string(),
    approvedByUserId: z.number().int().nullable(),
    approvedAt: z.string().nullable(),
    rejectedByUserId: z.number().int().nullable(),
    rejectedAt: z.string().nullable(),
    rejectionReason: z.string().nullable(),
    postedByUserId: z.number().int().nullable(),
    postedAt: z.string().nullable(),
    entryId: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'The journal entry that booked the batch, once posted' }),
  })
  .openapi('WriteOffBatch');

export const PreparedBatchSchema = z
  .object({
    batch: WriteOffBatchSchema,
    skippedInOtherBatches: z
      .number()
      .int()
      .openapi({ description: 'Candidates already in another batch' }),
  })
  .openapi('PreparedWriteOffBatch');

export const BatchPageSchema = z
  .object({ items: z.array(WriteOffBatchSchema), nextCursor: z.number().int().nullable() })
  .openapi('WriteOffBatchPage');

export const WriteOffItemPageSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.number().int(),
        loanId: z.string(),
        principal: yuanAmount,
        interest: yuanAmount,
        fee: yuanAmount,
        penalty: yuanAmount,
        claim: yuanAmount,
        reasonCodes: z
          .array(z.string())
          .openapi({ description: '`dpd_threshold`, `bankrupt`, `deceased` and/or `stated`' }),
        reason: z.string(),
        previousStatus: z.string(),
      }),
    ),
    nextCursor: z.number().int().nullable(),
  })
  .openapi('WriteOffItemPage');

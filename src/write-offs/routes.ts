// Mounted at /write-offs (src/app.ts).
import { auditActorOf, defineRoute } from '../access';
import {
  idempotently,
  jsonBody as body,
  jsonResponse as json,
  problemResponseDoc as problem,
  createRouter,
} from '../shared';
import { approveWriteOffBatch, rejectWriteOffBatch } from './decide';
import { postWriteOffBatch } from './post';
import { prepareWriteOffBatch } from './prepare';
import { getWriteOffBatch, listWriteOffBatches, writeOffBatchItems } from './queries';
import {
  BatchListQuery,
  BatchPageSchema,
  BatchParams,
  ItemsQuery,
  PreparedBatchSchema,
  PrepareWriteOffSchema,
  RejectWriteOffSchema,
  WriteOffBatchSchema,
  WriteOffItemPageSchema,
} from './schemas';
import { batchView, itemView } from './views';

const idempotencyNote =
  'Honours `Idempotency-Key`: a repeat returns the first response (`Idempotent-Replayed: true`) and does nothing twice.';

const postBatch = defineRoute('write-offs:prepare', {
  method: 'post',
  path: '/',
  tags: ['Write-offs'],
  summary: 'Prepare a draft write-off batch (核销) from the charge-off candidates or from loan ids',
  description: idempotencyNote,
  request: body(PrepareWriteOffSchema),
  responses: { 201: json('The draft batch', PreparedBatchSchema) },
});
const getBatches = defineRoute('write-offs:read', {
  method: 'get',
  path: '/',
  tags: ['Write-offs'],
  summary: 'Write-off batches, newest first',
  request: { query: BatchListQuery },
  responses: { 200: json('A page of batches', BatchPageSchema) },
});
const getBatch = defineRoute('write-offs:read', {
  method: 'get',
  path: '/{id}',
  tags: ['Write-offs'],
  summary: 'One write-off batch with its totals',
  request: { params: BatchParams },
  responses: { 200: json('The batch', WriteOffBatchSchema), 404: problem('No such batch') },
});
const getItems = defineRoute('write-offs:read', {
  method: 'get',
  path: '/{id}/items',
  tags: ['Write-offs'],
  summary: "A batch's loans with their balances and reasons",
  request: { params: BatchParams, query: ItemsQuery },
  responses: {
    200: json('A page of loans', WriteOffItemPageSchema),
    404: problem('No such batch'),
  },
});
const approveBatch = defineRoute('write-offs:approve', {
  method: 'post',
  path: '/{id}/approve',
  tags: ['Write-offs'],
  summary: 'Approve a draft batch (a finance user other than the preparer)',
  description: `Maker-checker: the preparer may not approve (403). ${idempotencyNote}`,
  request: { params: BatchParams },
  responses: {
    200: json('The approved batch', WriteOffBatchSchema),
    404: problem('No such batch'),
    409: problem('The batch is not a draft'),
  },
});
const rejectBatch = defineRoute('write-offs:approve', {
  method: 'post',
  path: '/{id}/reject',
  tags: ['Write-offs'],
  summary: 'Reject a batch before it is posted',
  request: { params: BatchParams, ...body(RejectWriteOffSchema) },
  responses: {
    200: json('The rejected batch', WriteOffBatchSchema),
    404: problem('No such batch'),
    409: problem('The batch is posted already'),
  },
});
const postPostBatch = defineRoute('write-offs:post', {
  method: 'post',
  path: '/{id}/post',
  tags: ['Write-offs'],
  summary: 'Post an approved batch: journal entry, register, loans charged off, in one transaction',
  description: idempotencyNote,
  request: { params: BatchParams },
  responses: {
    200: json('The posted batch, with its journal entry', WriteOffBatchSchema),
    404: problem('No such batch'),
    409: problem('The batch is not approved, or a loan has left the book since it was drafted'),
  },
});

export const writeOffs = createRouter()
  .openapi(postBatch, (c) => {
    const request = c.req.valid('json');
    const prepared = idempotently(c, request, 201, (tx) => {
      const { batch, skippedInOtherBatches } = prepareWriteOffBatch(
        { tx, deps: c.get('deps'), actor: auditActorOf(c) },
        request,
      );
      return { batch: batchView(batch), skippedInOtherBatches };
    });
    return c.json(prepared, 201);
  })
  .openapi(getBatches, (c) => {
    const page = listWriteOffBatches(c.get('deps'), c.req.valid('query'));
    return c.json({ items: page.items.map(batchView), nextCursor: page.nextCursor }, 200);
  })
  .openapi(getBatch, (c) =>
    c.json(batchView(getWriteOffBatch(c.get('deps'), c.req.valid('param').id)), 200),
  )
  .openapi(getItems, (c) => {
    const page = writeOffBatchItems(c.get('deps'), c.req.valid('param').id, c.req.valid('query'));
    return c.json({ items: page.items.map(itemView), nextCursor: page.nextCursor }, 200);
  })
  .openapi(approveBatch, (c) => {
    const { id } = c.req.valid('param');
    return c.json(
      idempotently(c, { id }, 200, (tx) =>
        batchView(
          approveWriteOffBatch(
            { tx, deps: c.get('deps'), actor: auditActorOf(c) },
            { batchId: id },
          ),
        ),
      ),
      200,
    );
  })
  .openapi(rejectBatch, (c) => {
    const { id } = c.req.valid('param');
    const { reason } = c.req.valid('json');
    return c.json(
      idempotently(c, { id, reason }, 200, (tx) =>
        batchView(
          rejectWriteOffBatch(
            { tx, deps: c.get('deps'), actor: auditActorOf(c) },
            { batchId: id, reason },
          ),
        ),
      ),
      200,
    );
  })
  .openapi(postPostBatch, (c) => {
    const { id } = c.req.valid('param');
    return c.json(
      idempotently(c, { id }, 200, (tx) =>
        batchView(
          postWriteOffBatch({ tx, deps: c.get('deps'), actor: auditActorOf(c) }, { batchId: id }),
        ),
      ),
      200,
    );
  });

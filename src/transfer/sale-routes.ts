// Mounted at /sales (src/app.ts).
import { z } from '@hono/zod-openapi';
import { auditActorOf, defineRoute } from '../access';
import {
  idempotently,
  jsonBody as body,
  jsonResponse as json,
  problemResponseDoc as problem,
  Problem,
  createRouter,
} from '../shared';
import { startTransferPackage, writeTransferPackage } from './package';
import {
  cancelSale,
  decidePutBack,
  findPutBack,
  forwardSaleCollections,
  listSales,
  putBacksOf,
  requireSale,
  settleSale,
  signSale,
} from './sale';
import * as schemas from './schemas';
import { streamedResponse } from './streamed-response';
import {
  forwardingStatementResponse,
  forwardingView,
  putBackView,
  saleView,
  settlementView,
} from './views';

const tags = ['Transfer'];
const notFound = problem('No such sale');

const getSales = defineRoute('sales:read', {
  method: 'get',
  path: '/',
  tags,
  summary: 'Sales, newest first',
  responses: { 200: json('The sales', schemas.SaleViewSchema.array()) },
});
const getSale = defineRoute('sales:read', {
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'A sale: buyer, price, dates, status',
  request: { params: schemas.SaleIdParams },
  responses: { 200: json('The sale', schemas.SaleViewSchema), 404: notFound },
});
const postSign = defineRoute('sales:manage', {
  method: 'post',
  path: '/{id}/sign',
  tags,
  summary: 'Record the signing of the contract: the buyer then gets the clear (P2) data room',
  request: { params: schemas.SaleIdParams },
  responses: {
    200: json('The sale', schemas.SaleViewSchema),
    404: notFound,
    409: problem('The portfolio was withdrawn'),
  },
});
const postCancel = defineRoute('sales:manage', {
  method: 'post',
  path: '/{id}/cancel',
  tags,
  summary:
    'Cancel an award or a signed sale not yet settled: bids kept, the portfolio back on offer to award again',
  description:
    'The reason is kept on the sale and in the audit trail. Cancelling a cancelled sale changes nothing. Honours `Idempotency-Key`.',
  request: { params: schemas.SaleIdParams, ...body(schemas.CancelSaleSchema) },
  responses: {
    200: json('The cancelled sale', schemas.SaleViewSchema),
    404: notFound,
    409: problem('The sale is settled: put-backs or a reversal undo it'),
  },
});
const postSettle = defineRoute('sales:settle', {
  method: 'post',
  path: '/{id}/settle',
  tags,
  summary:
    'Settle a signed sale when the price is received: bring-down, the loans it excludes taken out with their prices, the sale booked through the ledger, loans sold, portfolio sold',
  description:
    'The answer lists the loans the bring-down removed, their rules, and the price before and after. Settling twice books once: the second answer says `booked: false`. Honours `Idempotency-Key`.',
  request: { params: schemas.SaleIdParams, ...body(schemas.SettleSchema) },
  responses: {
    200: json('The settlement', schemas.SettlementSchema),
    404: notFound,
    409: problem('The sale is not signed (or cancelled), or the bring-down left nothing to sell'),
  },
});

const PutBackDecisionParams = schemas.SaleIdParams.extend({
  putBackId: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'putBackId', in: 'path' }, example: 1 }),
});
const getPutBacks = defineRoute('sales:read', {
  method: 'get',
  path: '/{id}/put-backs',
  tags,
  summary: 'The accounts the buyer asked to return, and the decisions',
  request: { params: schemas.SaleIdParams },
  responses: {
    200: json('The put-backs, latest first', schemas.PutBackViewSchema.array()),
    404: notFound,
  },
});
const postDecision = defineRoute('sales:settle', {
  method: 'post',
  path: '/{id}/put-backs/{putBackId}/decision',
  tags,
  summary:
    "Accept or reject a put-back: accepting refunds the loan's allocated price, reverses its sale in the ledger and returns it to the book",
  description: 'Deciding a decided put-back changes nothing. Honours `Idempotency-Key`.',
  request: { params: PutBackDecisionParams, ...body(schemas.PutBackDecisionSchema) },
  responses: {
    200: json('The put-back', schemas.PutBackViewSchema),
    404: problem('No such sale or put-back'),
  },
});
const getForwarding = defineRoute('sales:read', {
  method: 'get',
  path: '/{id}/forwarding',
  tags,
  summary:
    'The forwarding statement: collections after the cut-off owed to the buyer, their due dates and what was forwarded',
  request: { params: schemas.SaleIdParams, query: schemas.ForwardingQuery },
  responses: { 200: json('The statement', schemas.ForwardingStatementSchema), 404: notFound },
});
const postForwarding = defineRoute('sales:settle', {
  method: 'post',
  path: '/{id}/forwardings',
  tags,
  summary:
    'Forward the outstanding collections (or those named) to the buyer, booked through the ledger once per payment reference',
  request: { params: schemas.SaleIdParams, ...body(schemas.ForwardSchema) },
  responses: {
    201: json('The forwarding', schemas.ForwardingSchema),
    404: notFound,
    409: problem('Nothing outstanding, or the reference was used with other terms'),
  },
});

const getPackage = defineRoute('sales:read', {
  method: 'get',
  path: '/{id}/package',
  tags,
  summary:
    'The transfer package (zip): the P2 data room, the asset schedule (资产明细表), a notice per borrower (债权转让通知) with its mail-merge sheet, and a manifest of SHA-256s and totals',
  description:
    "Streamed. The manifest ties out: the allocated prices sum to the price, the schedule's claims to the sale's, one notice per borrower. The download is in the audit trail with its SHA-256.",
  request: { params: schemas.SaleIdParams },
  responses: {
    200: {
      description: 'The zip',
      content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } },
    },
    404: notFound,
    409: problem('The sale is not signed yet, or was cancelled'),
  },
});

export const salesRoutes = createRouter()
  .openapi(getSales, (c) => c.json(listSales(c.get('deps').db, {}).map(saleView), 200))
  .openapi(getSale, (c) =>
    c.json(
      saleView(c.get('deps').db.transaction((tx) => requireSale(tx, c.req.valid('param').id))),
      200,
    ),
  )
  .openapi(postSign, (c) => {
    const { id } = c.req.valid('param');
    return c.json(
      idempotently(c, { id }, 200, (tx) =>
        saleView(signSale({ tx, deps: c.get('deps'), actor: auditActorOf(c) }, { saleId: id })),
      ),
      200,
    );
  })
  .openapi(postSettle, (c) => {
    const { id } = c.req.valid('param');
    const { receivedOn } = c.req.valid('json');
    const settlement = idempotently(c, { id, receivedOn }, 200, (tx) =>
      settlementView(
        settleSale({ tx, deps: c.get('deps'), actor: auditActorOf(c) }, { saleId: id, receivedOn }),
      ),
    );
    return c.json(settlement, 200);
  })
  .openapi(postCancel, (c) => {
    const { id } = c.req.valid('param');
    const { reason } = c.req.valid('json');
    return c.json(
      idempotently(c, { id, reason }, 200, (tx) =>
        saleView(
          cancelSale({ tx, deps: c.get('deps'), actor: auditActorOf(c) }, { saleId: id, reason }),
        ),
      ),
      200,
    );
  })
  .openapi(getPackage, (c) => {
    const deps = c.get('deps');
    const { id } = c.req.valid('param');
    const sale = deps.db.transaction((tx) => requireSale(tx, id));
    if (sale.status === 'awarded' || sale.status === 'cancelled')
      throw new Problem(
        'conflict',
        sale.status === 'cancelled'
          ? `sale ${id} was cancelled: it has no transfer package`
          : `sale ${id} is not signed: the transfer package follows signing`,
      );
    const actor = auditActorOf(c);
    const started = startTransferPackage(deps, actor, id);
    return streamedResponse(
      c,
      { contentType: 'application/zip', fileName: `transfer-package-sale-${id}.zip` },
      {
        action: 'transfer.package.downloaded',
        targetType: 'sale',
        targetId: id,
        detail: {
          buyerOrganisationId: sale.buyerOrganisationId,
          tier: 'P2',
          downloadId: started.dataRoom.download.id,
        },
      },
      async (output) =>
        (await writeTransferPackage(deps, actor, id, output, started)).manifest.counts,
    );
  })
  .openapi(getPutBacks, (c) => {
    const { id } = c.req.valid('param');
    return c.json(
      c
        .get('deps')
        .db.transaction((tx) => putBacksOf(tx, requireSale(tx, id).id))
        .map(putBackView),
      200,
    );
  })
  .openapi(postDecision, (c) => {
    const { id, putBackId } = c.req.valid('param');
    const { decision, note } = c.req.valid('json');
    const decided = idempotently(c, { id, putBackId, decision, note }, 200, (tx) => {
      if (findPutBack(tx, putBackId)?.saleId !== requireSale(tx, id).id)
        throw new Problem('not_found', `sale ${id} has no put-back ${putBackId}`);
      return putBackView(
        decidePutBack(
          { tx, deps: c.get('deps'), actor: auditActorOf(c) },
          { putBackId, accept: decision === 'accept', note },
        ),
      );
    });
    return c.json(decided, 200);
  })
  .openapi(getForwarding, (c) =>
    c.json(
      forwardingStatementResponse(
        c.get('deps'),
        c.req.valid('param').id,
        c.req.valid('query').asOf,
      ),
      200,
    ),
  )
  .openapi(postForwarding, (c) => {
    const { id } = c.req.valid('param');
    const request = c.req.valid('json');
    return c.json(
      idempotently(c, { id, request }, 201, (tx) =>
        forwardingView(
          forwardSaleCollections(
            { tx, deps: c.get('deps'), actor: auditActorOf(c) },
            { saleId: id, ...request },
          ),
        ),
      ),
      201,
    );
  });

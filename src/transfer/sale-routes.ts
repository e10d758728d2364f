import { auditActorOf } from '../access/actor';
import { defineRoute } from '../access/guard';
import { changeView } from '../portfolios/views';
import { idempotently } from '../shared/idempotently';
import { jsonBody as body, jsonResponse as json, problemResponseDoc as problem } from '../shared/openapi-docs';
import { createRouter } from '../shared/router';
import { listSales } from './sale-repository';
import * as schemas from './schemas';
import { requireSale, settleSale, signSale } from './settlement';
import { saleView } from './views';

const tags = ['Transfer'];
const notFound = problem('No such sale');

const getSales = defineRoute('sales:read', {
  method: 'get', path: '/', tags, summary: 'Sales, newest first',
  responses: { 200: json('The sales', schemas.SaleViewSchema.array()) },
});
const getSale = defineRoute('sales:read', {
  method: 'get', path: '/{id}', tags, summary: 'A sale: buyer, price, dates, status', request: { params: schemas.SaleIdParams },
  responses: { 200: json('The sale', schemas.SaleViewSchema), 404: notFound },
});
const postSign = defineRoute('sales:manage', {
  method: 'post', path: '/{id}/sign', tags, summary: 'Record the signing of the contract: the buyer then gets the clear (P2) data room', request: { params: schemas.SaleIdParams },
  responses: { 200: json('The sale', schemas.SaleViewSchema), 404: notFound, 409: problem('The portfolio was withdrawn') },
});
const postSettle = defineRoute('sales:settle', {
  method: 'post', path: '/{id}/settle', tags, summary: 'Settle a signed sale when the price is received: bring-down, the sale booked through the ledger, loans sold, portfolio sold',
  description: 'Settling twice books once: the second answer says `booked: false`. Honours `Idempotency-Key`.',
  request: { params: schemas.SaleIdParams, ...body(schemas.SettleSchema) },
  responses: { 200: json('The settlement', schemas.SettlementSchema), 404: notFound, 409: problem('The sale is not signed, or a loan cannot be sold') },
});

export const salesRoutes = createRouter()
  .openapi(getSales, (c) => c.json(listSales(c.get('deps').db, {}).map(saleView), 200))
  .openapi(getSale, (c) => c.json(saleView(c.get('deps').db.transaction((tx) => requireSale(tx, c.req.valid('param').id))), 200))
  .openapi(postSign, (c) => {
    const { id } = c.req.valid('param');
    return c.json(idempotently(c, { id }, 200, (tx) => saleView(signSale(tx, c.get('deps'), auditActorOf(c), id))), 200);
  })
  .openapi(postSettle, (c) => {
    const { id } = c.req.valid('param');
    const { receivedOn } = c.req.valid('json');
    const settlement = idempotently(c, { id, receivedOn }, 200, (tx) => {
      const { sale, booked, changes } = settleSale(tx, c.get('deps'), auditActorOf(c), id, receivedOn);
      return { sale: saleView(sale), booked, bringDown: changes.map(changeView) };
    });
    return c.json(settlement, 200);
  });

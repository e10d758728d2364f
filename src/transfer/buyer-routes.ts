import type { Context } from 'hono';
import { auditActorOf } from '../access/actor';
import { defineRoute } from '../access/guard';
import { detailView } from '../portfolios/views';
import { portfolioDetail } from '../portfolios/queries';
import { PortfolioDetailSchema } from '../portfolios/view-schemas';
import type { AppEnv } from '../shared/deps';
import { idempotently } from '../shared/idempotently';
import { jsonBody as body, jsonResponse as json, problemResponseDoc as problem } from '../shared/openapi-docs';
import { createRouter } from '../shared/router';
import { buyerRounds, submitBid } from './bid-rounds';
import { portfolioIdsOfferedTo } from './offer-repository';
import { requireOfferedTo } from './offers';
import { listSales } from './sale-repository';
import * as schemas from './schemas';
import { buyerRoundView, saleView } from './views';

const tags = ['Buyer'];
const notOffered = problem('No such portfolio offered to your organisation');

/** The buyer's organisation: every buyer user has one (a database CHECK). */
export function buyerOrganisationOf(c: Context<AppEnv>): number {
  const id = c.get('user')?.buyerOrganisationId;
  if (id === null || id === undefined) throw new Error('a buyer route was reached by a user without a buyer organisation');
  return id;
}

const getOffered = defineRoute('buyer:deal', {
  method: 'get', path: '/portfolios', tags, summary: 'The portfolios offered to your organisation, with their summaries',
  responses: { 200: json('The portfolios', PortfolioDetailSchema.array()) },
});
const getOfferedOne = defineRoute('buyer:deal', {
  method: 'get', path: '/portfolios/{id}', tags, summary: 'A portfolio offered to your organisation: its summary', request: { params: schemas.PortfolioIdParams },
  responses: { 200: json('The portfolio', PortfolioDetailSchema), 404: notOffered },
});
const getRounds = defineRoute('buyer:deal', {
  method: 'get', path: '/portfolios/{id}/bid-rounds', tags, summary: "The portfolio's bid rounds with your own bids (never another buyer's, never the reserve)", request: { params: schemas.PortfolioIdParams },
  responses: { 200: json('The rounds, latest first', schemas.BuyerRoundSchema.array()), 404: notOffered },
});
const postBid = defineRoute('buyer:deal', {
  method: 'post', path: '/portfolios/{id}/bids', tags, summary: 'Submit a sealed bid in the open round; it supersedes your earlier bid in that round',
  description: 'Bids after the deadline are refused (409). Honours `Idempotency-Key`.',
  request: { params: schemas.PortfolioIdParams, ...body(schemas.BidSchema) },
  responses: { 201: json('The round with your bids', schemas.BuyerRoundSchema), 404: notOffered, 409: problem('No round open, or its deadline has passed') },
});
const getSales = defineRoute('buyer:deal', {
  method: 'get', path: '/sales', tags, summary: 'The sales awarded to your organisation',
  responses: { 200: json('The sales', schemas.SaleViewSchema.array()) },
});

export const buyerRoutes = createRouter()
  .openapi(getOffered, (c) => {
    const deps = c.get('deps');
    return c.json(portfolioIdsOfferedTo(deps.db, buyerOrganisationOf(c)).map((id) => detailView(portfolioDetail(deps, id))), 200);
  })
  .openapi(getOfferedOne, (c) => {
    const deps = c.get('deps');
    const { id } = c.req.valid('param');
    requireOfferedTo(deps.db, id, buyerOrganisationOf(c));
    return c.json(detailView(portfolioDetail(deps, id)), 200);
  })
  .openapi(getRounds, (c) => {
    const { db, clock } = c.get('deps');
    const { id } = c.req.valid('param');
    return c.json(db.transaction((tx) => buyerRounds(tx, id, buyerOrganisationOf(c))).map((round) => buyerRoundView(round, clock.now())), 200);
  })
  .openapi(postBid, (c) => {
    const deps = c.get('deps');
    const { id } = c.req.valid('param');
    const request = c.req.valid('json');
    const organisation = buyerOrganisationOf(c);
    const answer = idempotently(c, { id, request }, 201, (tx) => {
      const { round } = submitBid(tx, deps, auditActorOf(c), id, organisation, { priceFen: request.price, validUntil: request.validUntil, conditions: request.conditions });
      return buyerRoundView(buyerRounds(tx, id, organisation).find((entry) => entry.round.id === round.id)!, deps.clock.now());
    });
    return c.json(answer, 201);
  })
  .openapi(getSales, (c) => c.json(listSales(c.get('deps').db, { buyerOrganisationId: buyerOrganisationOf(c) }).map(saleView), 200));

// Mounted at /portfolios (src/app.ts): offers, bid rounds and the award of a portfolio.
import { auditActorOf, defineRoute } from '../access';
import {
  idempotently,
  jsonBody as body,
  jsonResponse as json,
  problemResponseDoc as problem,
  createRouter,
} from '../shared';
import { awardSale, openRound, roundsWithBids } from './bids';
import { offerPortfolio, offersOf } from './offers';
import * as schemas from './schemas';
import { offerView, saleView, sellerRoundView } from './views';

const tags = ['Transfer'];
const notFound = problem('No such portfolio');
const idempotencyNote = 'Honours `Idempotency-Key`.';

const postOffers = defineRoute('sales:manage', {
  method: 'post',
  path: '/{id}/offers',
  tags,
  summary:
    'Offer a locked portfolio to approved buyers with an NDA on file (the first offer moves it to offered)',
  description: `A buyer must be approved, have an NDA on file and be of a type the portfolio's rule pack allows (cn-personal-npl: AMCs only). ${idempotencyNote}`,
  request: { params: schemas.PortfolioIdParams, ...body(schemas.OfferSchema) },
  responses: {
    201: json("The portfolio's offers", schemas.OfferViewSchema.array()),
    404: notFound,
    409: problem('The portfolio is not locked or offered'),
  },
});
const getOffers = defineRoute('sales:read', {
  method: 'get',
  path: '/{id}/offers',
  tags,
  summary: 'The buyers a portfolio is offered to',
  request: { params: schemas.PortfolioIdParams },
  responses: { 200: json('The offers', schemas.OfferViewSchema.array()), 404: notFound },
});
const postRound = defineRoute('sales:manage', {
  method: 'post',
  path: '/{id}/bid-rounds',
  tags,
  summary:
    'Open a sealed-bid round with a deadline and an optional reserve price (never shown to buyers)',
  request: { params: schemas.PortfolioIdParams, ...body(schemas.RoundSchema) },
  responses: {
    201: json('The round', schemas.SellerRoundSchema),
    404: notFound,
    409: problem('Not on offer, a round is still open, or the deadline has passed'),
  },
});
const getRounds = defineRoute('sales:manage', {
  method: 'get',
  path: '/{id}/bid-rounds',
  tags,
  summary: "The seller's view of the rounds: every bid, and the reserve",
  request: { params: schemas.PortfolioIdParams },
  responses: {
    200: json('The rounds, latest first', schemas.SellerRoundSchema.array()),
    404: notFound,
  },
});
const postAward = defineRoute('sales:manage', {
  method: 'post',
  path: '/{id}/award',
  tags,
  summary:
    'Award the portfolio to a qualified bid after the deadline: fixes price, dates, put-back window and the allocation of the price to the loans',
  description: `With one qualified bidder the sale is recorded as negotiated. ${idempotencyNote}`,
  request: { params: schemas.PortfolioIdParams, ...body(schemas.AwardSchema) },
  responses: {
    201: json('The sale', schemas.SaleViewSchema),
    403: problem("The bid's buyer is suspended or has no NDA on file"),
    404: notFound,
    409: problem('Not on offer, the round is still open, or the bid does not qualify'),
  },
});

/** The seller's side of offering a portfolio, mounted beside the portfolio routes. */
export const sellerTransfer = createRouter()
  .openapi(postOffers, (c) => {
    const { id } = c.req.valid('param');
    const { buyerOrganisationIds } = c.req.valid('json');
    return c.json(
      idempotently(c, { id, buyerOrganisationIds }, 201, (tx) =>
        offerPortfolio(
          { tx, deps: c.get('deps'), actor: auditActorOf(c) },
          { portfolioId: id, buyerOrganisationIds },
        ).map(offerView),
      ),
      201,
    );
  })
  .openapi(getOffers, (c) => {
    const { id } = c.req.valid('param');
    const { db } = c.get('deps');
    return c.json(db.transaction((tx) => offersOf(tx, id)).map(offerView), 200);
  })
  .openapi(postRound, (c) => {
    const { id } = c.req.valid('param');
    const request = c.req.valid('json');
    const deps = c.get('deps');
    const round = idempotently(c, { id, request }, 201, (tx) =>
      sellerRoundView(
        {
          round: openRound(
            { tx, deps, actor: auditActorOf(c) },
            {
              portfolioId: id,
              ...request,
              reservePriceFen: request.reservePrice,
            },
          ),
          bids: [],
        },
        deps.clock.now(),
      ),
    );
    return c.json(round, 201);
  })
  .openapi(getRounds, (c) => {
    const { id } = c.req.valid('param');
    const { db, clock } = c.get('deps');
    return c.json(
      db
        .transaction((tx) => roundsWithBids(tx, id))
        .map((round) => sellerRoundView(round, clock.now())),
      200,
    );
  })
  .openapi(postAward, (c) => {
    const { id } = c.req.valid('param');
    const request = c.req.valid('json');
    return c.json(
      idempotently(c, { id, request }, 201, (tx) =>
        saleView(
          awardSale(
            { tx, deps: c.get('deps'), actor: auditActorOf(c) },
            { portfolioId: id, ...request },
          ),
        ),
      ),
      201,
    );
  });

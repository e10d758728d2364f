// Mounted at /buyer (src/app.ts).
import type { Context } from 'hono';
import { auditActorOf, defineRoute } from '../access';
import { detailView, portfolioDetail, PortfolioDetailSchema } from '../portfolios';
import {
  type AppDeps,
  type AppEnv,
  idempotently,
  jsonBody as body,
  jsonResponse as json,
  problemResponseDoc as problem,
  createRouter,
  transferTermsOf,
} from '../shared';
import { XLSX_CONTENT_TYPE } from '../xlsx';
import { buyerRounds, submitBid } from './bids';
import { portfolioForBuyer, putBackForBuyer } from './buyer-views';
import {
  dataRoomDownloadAudit,
  dataRoomFileName,
  startDownload,
  streamDataRoom,
} from './data-room';
import { portfolioIdsOfferedTo, requireDealingBuyer, requireOfferedTo } from './offers';
import { listSales, putBacksOf, requestPutBack, requireSale } from './sale';
import * as schemas from './schemas';
import { streamedResponse } from './streamed-response';
import { buyerRoundView, forwardingStatementResponse, putBackView, saleView } from './views';

const tags = ['Buyer'];

/** The seller as a buyer's answers name it, in place of its staff. */
const sellerNameOf = (deps: AppDeps) => transferTermsOf(deps.config).sellerName;
const notOffered = problem('No such portfolio offered to your organisation');

/** The buyer's organisation: every buyer user has one (a database CHECK). */
function buyerOrganisationOf(c: Context<AppEnv>): number {
  const id = c.get('user')?.buyerOrganisationId;
  if (id === null || id === undefined)
    throw new Error('a buyer route was reached by a user without a buyer organisation');
  return id;
}

const getOffered = defineRoute('buyer:deal', {
  method: 'get',
  path: '/portfolios',
  tags,
  summary: 'The portfolios offered to your organisation, with their summaries',
  responses: { 200: json('The portfolios', PortfolioDetailSchema.array()) },
});
const getOfferedOne = defineRoute('buyer:deal', {
  method: 'get',
  path: '/portfolios/{id}',
  tags,
  summary: 'A portfolio offered to your organisation: its summary',
  request: { params: schemas.PortfolioIdParams },
  responses: { 200: json('The portfolio', PortfolioDetailSchema), 404: notOffered },
});
const getRounds = defineRoute('buyer:deal', {
  method: 'get',
  path: '/portfolios/{id}/bid-rounds',
  tags,
  summary:
    "The portfolio's bid rounds with your own bids (never another buyer's, never the reserve)",
  request: { params: schemas.PortfolioIdParams },
  responses: {
    200: json('The rounds, latest first', schemas.BuyerRoundSchema.array()),
    404: notOffered,
  },
});
const postBid = defineRoute('buyer:deal', {
  method: 'post',
  path: '/portfolios/{id}/bids',
  tags,
  summary: 'Submit a sealed bid in the open round; it supersedes your earlier bid in that round',
  description: 'Bids after the deadline are refused (409). Honours `Idempotency-Key`.',
  request: { params: schemas.PortfolioIdParams, ...body(schemas.BidSchema) },
  responses: {
    201: json('The round with your bids', schemas.BuyerRoundSchema),
    403: problem('Your organisation is suspended or has no NDA on file'),
    404: notOffered,
    409: problem('No round open, or its deadline has passed'),
  },
});
const getSales = defineRoute('buyer:deal', {
  method: 'get',
  path: '/sales',
  tags,
  summary: 'The sales awarded to your organisation',
  responses: { 200: json('The sales', schemas.SaleViewSchema.array()) },
});

const postPutBack = defineRoute('buyer:deal', {
  method: 'post',
  path: '/sales/{id}/put-backs',
  tags,
  summary: 'Return an account within the put-back window, with a reason; the seller decides',
  description: 'Honours `Idempotency-Key`.',
  request: { params: schemas.SaleIdParams, ...body(schemas.PutBackRequestSchema) },
  responses: {
    201: json('The put-back', schemas.PutBackViewSchema),
    404: problem('No such sale of your organisation'),
    409: problem(
      'Not settled, the window has closed, the loan was not sold in it, or it was asked already',
    ),
  },
});
const getPutBacks = defineRoute('buyer:deal', {
  method: 'get',
  path: '/sales/{id}/put-backs',
  tags,
  summary: 'Your put-backs of a sale and their decisions',
  request: { params: schemas.SaleIdParams },
  responses: {
    200: json('The put-backs, latest first', schemas.PutBackViewSchema.array()),
    404: problem('No such sale of your organisation'),
  },
});
const getForwarding = defineRoute('buyer:deal', {
  method: 'get',
  path: '/sales/{id}/forwarding',
  tags,
  summary:
    'The collections the seller received for you after the cut-off, their due dates and what was forwarded',
  request: { params: schemas.SaleIdParams, query: schemas.ForwardingQuery },
  responses: {
    200: json('The statement', schemas.ForwardingStatementSchema),
    404: problem('No such sale of your organisation'),
  },
});

const getDataRoom = defineRoute('buyer:deal', {
  method: 'get',
  path: '/portfolios/{id}/data-room',
  tags,
  summary:
    'Download the data room (.xlsx, streamed): read-me, summary, strats, loan tape, collection history, exclusions, bid form',
  description:
    'P1 (masked names, ids and phones, birth year only, loan ids replaced by tokens stable for the portfolio) for every buyer offered the portfolio; P2 (clear) only for the buyer who signed, after signing, and by default for it. Each copy carries a fingerprint of the buyer it was made for; every download is in the audit trail with its SHA-256.',
  request: { params: schemas.PortfolioIdParams, query: schemas.DataRoomQuery },
  responses: {
    200: {
      description: 'The workbook',
      content: { [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } },
    },
    403: problem(
      'P2 asked before signing, or by another buyer; or your organisation is suspended or has no NDA on file',
    ),
    404: notOffered,
  },
});

export const buyerRoutes = createRouter()
  .openapi(getOffered, (c) => {
    const deps = c.get('deps');
    return c.json(
      portfolioIdsOfferedTo(deps.db, buyerOrganisationOf(c)).map((id) =>
        portfolioForBuyer(detailView(portfolioDetail(deps, id)), sellerNameOf(deps)),
      ),
      200,
    );
  })
  .openapi(getOfferedOne, (c) => {
    const deps = c.get('deps');
    const { id } = c.req.valid('param');
    requireOfferedTo(deps.db, id, buyerOrganisationOf(c));
    return c.json(
      portfolioForBuyer(detailView(portfolioDetail(deps, id)), sellerNameOf(deps)),
      200,
    );
  })
  .openapi(getRounds, (c) => {
    const { db, clock } = c.get('deps');
    const { id } = c.req.valid('param');
    return c.json(
      db
        .transaction((tx) => buyerRounds(tx, id, buyerOrganisationOf(c)))
        .map((round) => buyerRoundView(round, clock.now())),
      200,
    );
  })
  .openapi(postBid, (c) => {
    const deps = c.get('deps');
    const { id } = c.req.valid('param');
    const request = c.req.valid('json');
    const organisation = buyerOrganisationOf(c);
    const answer = idempotently(c, { id, request }, 201, (tx) => {
      const { round } = submitBid(
        { tx, deps, actor: auditActorOf(c) },
        {
          portfolioId: id,
          buyerOrganisationId: organisation,
          priceFen: request.price,
          validUntil: request.validUntil,
          conditions: request.conditions,
        },
      );
      return buyerRoundView(
        buyerRounds(tx, id, organisation).find((entry) => entry.round.id === round.id)!,
        deps.clock.now(),
      );
    });
    return c.json(answer, 201);
  })
  .openapi(getDataRoom, (c) => {
    const deps = c.get('deps');
    const { id } = c.req.valid('param');
    const actor = auditActorOf(c);
    const organisation = buyerOrganisationOf(c);
    const started = deps.db.transaction((tx) => {
      requireOfferedTo(tx, id, organisation);
      requireDealingBuyer(tx, organisation);
      return startDownload(
        { tx, deps, actor },
        { portfolioId: id, buyerOrganisationId: organisation, tier: c.req.valid('query').tier },
      );
    });
    return streamedResponse(
      c,
      { contentType: XLSX_CONTENT_TYPE, fileName: dataRoomFileName(started) },
      dataRoomDownloadAudit(started),
      async (output) => ({
        loanRows: (await streamDataRoom(deps, actor, started, output)).loanRows,
      }),
    );
  })
  .openapi(getSales, (c) =>
    c.json(
      listSales(c.get('deps').db, { buyerOrganisationId: buyerOrganisationOf(c) }).map(saleView),
      200,
    ),
  )
  .openapi(postPutBack, (c) => {
    const { id } = c.req.valid('param');
    const claim = c.req.valid('json');
    const organisation = buyerOrganisationOf(c);
    return c.json(
      idempotently(c, { id, claim }, 201, (tx) =>
        putBackForBuyer(
          putBackView(
            requestPutBack(
              { tx, deps: c.get('deps'), actor: auditActorOf(c) },
              { saleId: id, buyerOrganisationId: organisation, ...claim },
            ),
          ),
          sellerNameOf(c.get('deps')),
        ),
      ),
      201,
    );
  })
  .openapi(getPutBacks, (c) => {
    const { id } = c.req.valid('param');
    const organisation = buyerOrganisationOf(c);
    return c.json(
      c
        .get('deps')
        .db.transaction((tx) => putBacksOf(tx, requireSale(tx, id, organisation).id))
        .map((putBack) => putBackForBuyer(putBackView(putBack), sellerNameOf(c.get('deps')))),
      200,
    );
  })
  .openapi(getForwarding, (c) =>
    c.json(
      forwardingStatementResponse(
        c.get('deps'),
        c.req.valid('param').id,
        c.req.valid('query').asOf,
        buyerOrganisationOf(c),
      ),
      200,
    ),
  );

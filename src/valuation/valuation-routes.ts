// Mounted at / (src/app.ts): /portfolios/{id}/valuations and /valuations/….
import { z } from '@hono/zod-openapi';
import { defineRoute } from '../access';
import { XLSX_CONTENT_TYPE } from '../xlsx';
import { requirePortfolio } from '../portfolios';
import {
  jsonBody as body,
  jsonResponse as json,
  problemResponseDoc as problem,
  createRouter,
  IdParams,
} from '../shared';
import { preparedPost } from './prepared-post';
import {
  CreateValuationSchema,
  ValuationSchema,
  ValuationSummarySchema,
  createValuation,
  getValuation,
  prepareValuation,
  valuationSummaryView,
  valuationView,
  listValuations,
} from './valuations';
import { sendValuationWorkbook } from './workbook';

const tags = ['Valuation'];
const LIST_LIMIT = 100;
const notFound = problem('No such valuation');

const postValuation = defineRoute('valuation:manage', {
  method: 'post',
  path: '/portfolios/{id}/valuations',
  tags,
  summary:
    "Value a portfolio's loans on offer with a curve set: cash flows, ERC, NPV, price at a target IRR, sensitivity, bootstrap percentiles, hold or sell",
  description:
    "Each loan on offer takes its segment's curve (else the book's), from its months since charge-off at the valuation date, capped by its claim at the cut-off; costs are the curve set's cost model with the overrides. The price is the net collections discounted at the target IRR; hold or sell sets it against the NPV at the discount rate of collecting in house. The P5/P50/P95 come from a seeded bootstrap of the curve set's history. Stored, never changed: the same inputs and seed give the same numbers. Honours `Idempotency-Key`.",
  request: { params: IdParams, ...body(CreateValuationSchema) },
  responses: {
    201: json('The valuation', ValuationSchema),
    404: problem('No such portfolio or curve set'),
    409: problem(
      "The horizon is longer than the curve set's, a loan was charged off after the valuation date, or the portfolio has no loan on offer",
    ),
  },
});
const getPortfolioValuations = defineRoute('valuation:read', {
  method: 'get',
  path: '/portfolios/{id}/valuations',
  tags,
  summary: "A portfolio's valuations, newest first (the latest 100), without their flows",
  request: { params: IdParams },
  responses: {
    200: json('Valuation summaries', ValuationSummarySchema.array()),
    404: problem('No such portfolio'),
  },
});
const getValuationById = defineRoute('valuation:read', {
  method: 'get',
  path: '/valuations/{id}',
  tags,
  summary:
    'A stored valuation with its inputs, measures, monthly flows, sensitivity grid, distribution and hold or sell',
  request: { params: IdParams },
  responses: { 200: json('The valuation', ValuationSchema), 404: notFound },
});
const getWorkbook = defineRoute('valuation:read', {
  method: 'get',
  path: '/valuations/{id}/workbook',
  tags,
  summary:
    'The valuation workbook (xlsx): assumptions, curves, cash flows, sensitivity, distribution, hold or sell, back-test, collection effectiveness',
  description:
    'For the risk team: real numbers, percentages and dates, frozen headers. Each download is in the audit trail with the SHA-256 of the file sent.',
  request: { params: IdParams },
  responses: {
    200: {
      description: 'The workbook',
      content: { [XLSX_CONTENT_TYPE]: { schema: z.string().openapi({ format: 'binary' }) } },
    },
    404: notFound,
  },
});

/** Mounted at the root: its paths live under both `/portfolios` and `/valuations`. */
export const valuations = createRouter()
  .openapi(postValuation, (c) => {
    const request = c.req.valid('json');
    const portfolioId = c.req.valid('param').id;
    const created = preparedPost(
      c,
      request,
      201,
      (ctx) => prepareValuation(ctx, { portfolioId, request }),
      (ctx, prepared) => valuationView(createValuation(ctx, { request, prepared })),
    );
    return c.json(created, 201);
  })
  .openapi(getPortfolioValuations, (c) => {
    const { db } = c.get('deps');
    const portfolio = requirePortfolio(db, c.req.valid('param').id);
    return c.json(listValuations(db, portfolio.id, LIST_LIMIT).map(valuationSummaryView), 200);
  })
  .openapi(getValuationById, (c) =>
    c.json(valuationView(getValuation(c.get('deps').db, c.req.valid('param').id)), 200),
  )
  .openapi(getWorkbook, (c) =>
    sendValuationWorkbook(c, getValuation(c.get('deps').db, c.req.valid('param').id)),
  );

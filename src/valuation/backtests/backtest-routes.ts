// Mounted at /backtests (src/app.ts).
import { defineRoute } from '../../access';
import {
  createRouter,
  IdParams,
  jsonResponse as json,
  problemResponseDoc as problem,
} from '../../shared';
import * as schemas from './backtest-schemas';
import { createBacktest, getBacktest, prepareBacktest } from './backtest-service';
import { backtestSummaryView, backtestView } from './backtest-views';
import { listBacktests } from './backtests-repository';
import { preparedPost } from '../prepared-post';

const tags = ['Valuation'];
const LIST_LIMIT = 100;

const postBacktest = defineRoute('valuation:manage', {
  method: 'post',
  path: '/',
  tags,
  summary:
    'Back-test the curves: fit on what was known at D, forecast each pool after D, compare with what it collected',
  description:
    "Per static pool and in total: predicted ÷ actual, bias, weighted MAPE and whether the actual fell inside the seeded bootstrap's P5–P95 band; gross collections, each loan capped at what it still owed at D. Stored, never changed. Honours `Idempotency-Key`.",
  request: {
    body: {
      required: true,
      content: { 'application/json': { schema: schemas.CreateBacktestSchema } },
    },
  },
  responses: {
    201: json('The back-test', schemas.BacktestSchema),
    409: problem(
      'The book is empty, has no complete month after D, or its history at D cannot be fitted',
    ),
  },
});
const getBacktests = defineRoute('valuation:read', {
  method: 'get',
  path: '/',
  tags,
  summary: 'Back-tests, newest first (the latest 100), without their results',
  responses: { 200: json('Back-test summaries', schemas.BacktestSummarySchema.array()) },
});
const getBacktestById = defineRoute('valuation:read', {
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'A back-test with its pools, total and months',
  request: { params: IdParams },
  responses: {
    200: json('The back-test', schemas.BacktestSchema),
    404: problem('No such back-test'),
  },
});

export const backtests = createRouter()
  .openapi(postBacktest, (c) => {
    const request = c.req.valid('json');
    const created = preparedPost(
      c,
      request,
      201,
      (ctx) => prepareBacktest(ctx, request),
      (ctx, prepared) => backtestView(createBacktest(ctx, { request, prepared })),
    );
    return c.json(created, 201);
  })
  .openapi(getBacktests, (c) =>
    c.json(listBacktests(c.get('deps').db, LIST_LIMIT).map(backtestSummaryView), 200),
  )
  .openapi(getBacktestById, (c) =>
    c.json(backtestView(getBacktest(c.get('deps').db, c.req.valid('param').id)), 200),
  );

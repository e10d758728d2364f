// Mounted at /curves (src/app.ts).
import { defineRoute } from '../../access';
import {
  createRouter,
  IdParams,
  jsonResponse as json,
  problemResponseDoc as problem,
} from '../../shared';
import * as schemas from './curve-schemas';
import { listCurveSets } from './curve-sets-repository';
import { createCurveSet, getCurveSet, prepareCurveSet } from './curve-sets-service';
import { curveSetSummaryView, curveSetView, triangleView } from './curve-views';
import { preparedPost } from '../prepared-post';
import { segmentTriangle } from './triangle-service';

const unfittable = problem(
  'The book is empty, or its history up to the date cannot be fitted (no complete month of history)',
);
const tags = ['Valuation'];
const LIST_LIMIT = 100;

const postCurveSet = defineRoute('valuation:manage', {
  method: 'post',
  path: '/',
  tags,
  summary:
    'Fit and store a curve set: recovery curves per segment, the cost model and the triangles they came from',
  description:
    'Curves are fitted on the gross static-pool triangle of each segment (additive or chain-ladder, then an exponential tail to the horizon) and weighted by credibility toward the whole book; net curves take off the fitted commission and fixed costs. A stored curve set never changes. Honours `Idempotency-Key`.',
  request: {
    body: {
      required: true,
      content: { 'application/json': { schema: schemas.CreateCurveSetSchema } },
    },
  },
  responses: { 201: json('The curve set', schemas.CurveSetSchema), 409: unfittable },
});
const getCurveSets = defineRoute('valuation:read', {
  method: 'get',
  path: '/',
  tags,
  summary: 'Curve sets, newest first (the latest 100), without their curves',
  responses: { 200: json('Curve set summaries', schemas.CurveSetSummarySchema.array()) },
});
const getTriangle = defineRoute('valuation:read', {
  method: 'get',
  path: '/triangle',
  tags,
  summary:
    'The static-pool triangle of the book or a segment: collections per unit of charged-off balance by cohort × months since charge-off',
  request: { query: schemas.TriangleQuery },
  responses: { 200: json('The triangle', schemas.SegmentTriangleSchema), 409: unfittable },
});
const getCurveSetById = defineRoute('valuation:read', {
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'A curve set with its curves, cost model and triangles',
  request: { params: IdParams },
  responses: {
    200: json('The curve set', schemas.CurveSetSchema),
    404: problem('No such curve set'),
  },
});

// Fixed paths before `/{id}`.
export const curves = createRouter()
  .openapi(postCurveSet, (c) => {
    const request = c.req.valid('json');
    const created = preparedPost(
      c,
      request,
      201,
      (ctx) => prepareCurveSet(ctx, request),
      (ctx, prepared) => curveSetView(createCurveSet(ctx, { request, prepared })),
    );
    return c.json(created, 201);
  })
  .openapi(getCurveSets, (c) =>
    c.json(listCurveSets(c.get('deps').db, LIST_LIMIT).map(curveSetSummaryView), 200),
  )
  .openapi(getTriangle, (c) => {
    const { as_of: asOf, cohort, basis, ...segment } = c.req.valid('query');
    const filters = Object.fromEntries(
      Object.entries(segment).filter(([, value]) => value !== undefined),
    ) as Record<string, string>;
    const { asOf: dataAsOf, triangle } = segmentTriangle(c.get('deps').db, {
      asOf,
      cohort,
      basis,
      filters,
    });
    return c.json({ asOf: dataAsOf, basis, segment: filters, ...triangleView(triangle) }, 200);
  })
  .openapi(getCurveSetById, (c) =>
    c.json(curveSetView(getCurveSet(c.get('deps').db, c.req.valid('param').id)), 200),
  );

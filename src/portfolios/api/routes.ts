// Mounted at /portfolios (src/app.ts).
import { defineRoute, verbContextOf } from '../../access';
import {
  idempotently,
  createRouter,
  jsonBody as body,
  jsonResponse as json,
  problemResponseDoc as problem,
} from '../../shared';
import { createPortfolio, changeMembership } from '../membership';
import { criteriaFromBody } from './criteria-api';
import * as queries from '../queries';
import { rulePackIds, rulePacks, screenPortfolio } from '../screening';
import * as requests from './schemas';
import { splitPortfolio } from '../lots';
import { transitionPortfolio } from '../lifecycle';
import * as responses from './view-schemas';
import {
  changeView,
  detailView,
  memberView,
  portfolioView,
  rulePackView,
  screeningView,
  splitView,
  stratTableView,
} from './views';

const notFound = problem('No such portfolio');
const idempotencyNote =
  'Honours `Idempotency-Key`: a repeat returns the first response (`Idempotent-Replayed: true`) and does nothing twice.';
const tags = ['Portfolios'];

const getRulePacks = defineRoute('portfolios:read', {
  method: 'get',
  path: '/rule-packs',
  tags,
  summary: 'The built-in eligibility rule packs, each rule with its action and descriptions',
  responses: { 200: json('The rule packs', responses.RulePackSchema.array()) },
});
const postPortfolio = defineRoute('portfolios:manage', {
  method: 'post',
  path: '/',
  tags,
  summary:
    'Create a draft portfolio: select written-off loans, snapshot them at the cut-off, screen them',
  description: `Loans an active portfolio already holds are left out and counted. ${idempotencyNote}`,
  request: body(requests.CreatePortfolioSchema),
  responses: {
    201: json('The portfolio with its first screening', responses.CreatedPortfolioSchema),
  },
});
const getPortfolios = defineRoute('portfolios:read', {
  method: 'get',
  path: '/',
  tags,
  summary: 'Portfolios, newest first',
  request: { query: requests.PortfolioListQuery },
  responses: { 200: json('A page of portfolios', responses.PortfolioPageSchema) },
});
const getPortfolio = defineRoute('portfolios:read', {
  method: 'get',
  path: '/{id}',
  tags,
  summary:
    'A portfolio with its summary (户数, 笔数, balances, weighted averages, exclusions and their reasons)',
  request: { params: requests.PortfolioParams },
  responses: { 200: json('The portfolio', responses.PortfolioDetailSchema), 404: notFound },
});
const getStrats = defineRoute('portfolios:read', {
  method: 'get',
  path: '/{id}/strats',
  tags,
  summary: 'A stratification table of the loans on offer',
  request: { params: requests.PortfolioParams, query: requests.StratsQuery },
  responses: { 200: json('The strat', responses.StratTableSchema), 404: notFound },
});
const getLoans = defineRoute('portfolios:read', {
  method: 'get',
  path: '/{id}/loans',
  tags,
  summary: "A portfolio's loans with their snapshot, verdict and the rules that fired",
  request: { params: requests.PortfolioParams, query: requests.LoansQuery },
  responses: { 200: json('A page of loans', responses.MemberPageSchema), 404: notFound },
});
const patchLoans = defineRoute('portfolios:manage', {
  method: 'patch',
  path: '/{id}/loans',
  tags,
  summary: 'Add loans to or remove loans from a draft portfolio, then screen it again',
  request: { params: requests.PortfolioParams, ...body(requests.MembershipSchema) },
  responses: {
    200: json('What changed', responses.MembershipResultSchema),
    404: notFound,
    409: problem('The portfolio is not a draft'),
  },
});
const postScreening = defineRoute('portfolios:manage', {
  method: 'post',
  path: '/{id}/screenings',
  tags,
  summary:
    'Screen the portfolio again (the bring-down at closing); answers the loans whose verdict changed',
  request: { params: requests.PortfolioParams, ...body(requests.ScreenSchema) },
  responses: {
    201: json('The screening and the changes', responses.ScreeningRunSchema),
    404: notFound,
    409: problem('The portfolio has let go of its loans'),
  },
});
const getScreenings = defineRoute('portfolios:read', {
  method: 'get',
  path: '/{id}/screenings',
  tags,
  summary: "A portfolio's screenings, latest first",
  request: { params: requests.PortfolioParams },
  responses: { 200: json('The screenings', responses.ScreeningSchema.array()), 404: notFound },
});
const getScreening = defineRoute('portfolios:read', {
  method: 'get',
  path: '/{id}/screenings/{screeningId}',
  tags,
  summary: 'One screening with the loans whose verdict it changed',
  request: { params: requests.ScreeningParams },
  responses: {
    200: json('The screening', responses.ScreeningRunSchema),
    404: problem('No such portfolio or screening'),
  },
});
const postTransition = defineRoute('portfolios:manage', {
  method: 'post',
  path: '/{id}/transitions',
  tags,
  summary:
    'Move a portfolio along its lifecycle: draft → locked → offered → awarded → sold → closed, or withdrawn',
  request: { params: requests.PortfolioParams, ...body(requests.TransitionSchema) },
  responses: {
    200: json('The portfolio', responses.PortfolioSchema),
    404: notFound,
    409: problem('The lifecycle does not allow the transition'),
  },
});
const postSplit = defineRoute('portfolios:manage', {
  method: 'post',
  path: '/{id}/split',
  tags,
  summary:
    'Split a draft portfolio into lots: by a dimension, or into N balanced lots that mirror its mix',
  description: `The lots are draft portfolios of their own; the parent becomes \`split\` and keeps the excluded loans on record. ${idempotencyNote}`,
  request: { params: requests.PortfolioParams, ...body(requests.SplitSchema) },
  responses: {
    201: json('The parent and its lots', responses.SplitResultSchema),
    404: notFound,
    409: problem('The portfolio is not a draft'),
  },
});

// Fixed paths before `/{id}`.
export const portfolios = createRouter()
  .openapi(getRulePacks, (c) =>
    c.json(
      rulePackIds.map((id) => rulePackView(rulePacks[id])),
      200,
    ),
  )
  .openapi(postPortfolio, (c) => {
    const request = c.req.valid('json');
    const created = idempotently(c, request, 201, (tx) => {
      const { portfolio, loans, skippedHeldElsewhere, screening } = createPortfolio(
        verbContextOf(c, tx),
        { ...request, criteria: criteriaFromBody(request.criteria) },
      );
      return {
        ...portfolioView(portfolio),
        loans,
        skippedHeldElsewhere,
        screening: screeningView(screening),
      };
    });
    return c.json(created, 201);
  })
  .openapi(getPortfolios, (c) => {
    const page = queries.listPortfolios(c.get('deps'), c.req.valid('query'));
    return c.json({ items: page.items.map(portfolioView), nextCursor: page.nextCursor }, 200);
  })
  .openapi(getPortfolio, (c) =>
    c.json(detailView(queries.portfolioDetail(c.get('deps'), c.req.valid('param').id)), 200),
  )
  .openapi(getStrats, (c) => {
    const { id } = c.req.valid('param');
    const { by } = c.req.valid('query');
    return c.json(stratTableView(id, by, queries.strats(c.get('deps'), id, by)), 200);
  })
  .openapi(getLoans, (c) => {
    const page = queries.portfolioLoans(
      c.get('deps'),
      c.req.valid('param').id,
      c.req.valid('query'),
    );
    return c.json(
      {
        items: page.items.map((item) => memberView(item, page.screenings)),
        nextCursor: page.nextCursor,
      },
      200,
    );
  })
  .openapi(patchLoans, (c) => {
    const { id } = c.req.valid('param');
    const change = c.req.valid('json');
    const result = idempotently(c, { id, change }, 200, (tx) => {
      const { added, removed, screening, changes } = changeMembership(verbContextOf(c, tx), {
        portfolioId: id,
        ...change,
      });
      return {
        added,
        removed,
        screening: screeningView(screening),
        changes: changes.map(changeView),
      };
    });
    return c.json(result, 200);
  })
  .openapi(postScreening, (c) => {
    const { id } = c.req.valid('param');
    const { asOf } = c.req.valid('json');
    const run = idempotently(c, { id, asOf }, 201, (tx) => {
      const { screening, changes } = screenPortfolio(verbContextOf(c, tx), {
        portfolioId: id,
        asOf,
      });
      return { screening: screeningView(screening), changes: changes.map(changeView) };
    });
    return c.json(run, 201);
  })
  .openapi(getScreenings, (c) =>
    c.json(
      queries.portfolioScreenings(c.get('deps'), c.req.valid('param').id).map(screeningView),
      200,
    ),
  )
  .openapi(getScreening, (c) => {
    const { id, screeningId } = c.req.valid('param');
    const { screening, changes } = queries.screeningDetail(c.get('deps'), id, screeningId);
    return c.json({ screening: screeningView(screening), changes: changes.map(changeView) }, 200);
  })
  .openapi(postTransition, (c) => {
    const { id } = c.req.valid('param');
    const { to, reason } = c.req.valid('json');
    return c.json(
      idempotently(c, { id, to, reason }, 200, (tx) =>
        portfolioView(transitionPortfolio(verbContextOf(c, tx), { portfolioId: id, to, reason })),
      ),
      200,
    );
  })
  .openapi(postSplit, (c) => {
    const { id } = c.req.valid('param');
    const request = c.req.valid('json');
    return c.json(
      idempotently(c, { id, request }, 201, (tx) =>
        splitView(splitPortfolio(verbContextOf(c, tx), { parentId: id, request })),
      ),
      201,
    );
  });

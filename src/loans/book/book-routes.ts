// Mounted at /loans (src/loans/routes.ts, itself at /loans in src/app.ts).
import { defineRoute } from '../../access';
import { createRouter, jsonResponse as json, problemResponseDoc as problem } from '../../shared';
import * as book from './book-service';
import {
  ChargeOffCandidatesQuery,
  ChargeOffCandidatesSchema,
  DelinquencyQuery,
  DelinquencyReportSchema,
  LoanListQuery,
  LoanPageSchema,
  LoanParams,
  LoanSchema,
} from './book-schemas';
import {
  chargeOffCandidatesView,
  delinquencyReportView,
  loanPageView,
  loanView,
} from './book-views';

const notFound = problem('No such loan');

const getDelinquency = defineRoute('loans:read', {
  method: 'get',
  path: '/delinquency',
  tags: ['Loans'],
  summary: 'Loans and balances per delinquency bucket (轻度/中度/重度 or M1…M7+)',
  description:
    'On-book loans, days past due projected to `as_of`. 422 for an `as_of` before the latest tape date or an unknown `scheme`.',
  request: { query: DelinquencyQuery },
  responses: { 200: json('The delinquency report', DelinquencyReportSchema) },
});

const getChargeOffCandidates = defineRoute('loans:read', {
  method: 'get',
  path: '/charge-off-candidates',
  tags: ['Loans'],
  summary: 'On-book loans the charge-off policy (坏账认定) marks as bad, with the rules that fired',
  description:
    'Days past due ≥ the configured threshold (projected to `as_of`), bankrupt, or deceased. 422 for an `as_of` before the latest tape date.',
  request: { query: ChargeOffCandidatesQuery },
  responses: { 200: json('A page of candidates', ChargeOffCandidatesSchema) },
});

const listLoans = defineRoute('loans:read', {
  method: 'get',
  path: '/',
  tags: ['Loans'],
  summary: 'The loan book, a page at a time',
  request: { query: LoanListQuery },
  responses: { 200: json('A page of loans', LoanPageSchema) },
});

const getLoan = defineRoute('loans:read', {
  method: 'get',
  path: '/{loanId}',
  tags: ['Loans'],
  summary: 'One loan',
  request: { params: LoanParams },
  responses: { 200: json('The loan', LoanSchema), 404: notFound },
});

// The fixed paths first: `/:loanId` would otherwise take `delinquency` for a loan id.
export const loanBookRoutes = createRouter()
  .openapi(getDelinquency, (c) => {
    const { as_of: asOf, scheme } = c.req.valid('query');
    return c.json(
      delinquencyReportView(book.delinquencyReport(c.get('deps'), { asOf, scheme })),
      200,
    );
  })
  .openapi(getChargeOffCandidates, (c) => {
    const { as_of: asOf, limit, cursor } = c.req.valid('query');
    return c.json(
      chargeOffCandidatesView(book.chargeOffCandidates(c.get('deps'), { asOf, limit, cursor })),
      200,
    );
  })
  .openapi(listLoans, (c) => {
    const { limit, cursor, ...filters } = c.req.valid('query');
    return c.json(loanPageView(book.listLoans(c.get('deps'), filters, { limit, cursor })), 200);
  })
  .openapi(getLoan, (c) =>
    c.json(loanView(book.getLoan(c.get('deps'), c.req.valid('param').loanId)), 200),
  );

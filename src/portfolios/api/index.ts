// The portfolio API: routes, request and response schemas, and the views that map rows to responses.
// The door of this sub-room: what its sibling rooms and the portfolios door use.
export { portfolios } from './routes';
export { PortfolioDetailSchema, VerdictChangeSchema } from './view-schemas';
export { changeView, detailView } from './views';

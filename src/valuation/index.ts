// The door of this room: what other rooms may use. Everything else here is private.
export { backtests } from './backtest-routes';
export { type CostModel } from './cost-model';
export { curves } from './curve-routes';
export { valuePortfolio } from './portfolio-valuation';
export { SeededRandom } from './random';
export { type RecoveryCurve } from './recovery-curve';
export { buildRecoveryTriangle } from './recovery-triangle';
export { simulate } from './simulation';
export { type ValuationLoan, compileBook } from './valuation-book';
export { valuations } from './valuation-routes';

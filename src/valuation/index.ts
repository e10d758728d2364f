// The door of this room: what other rooms may use. Everything else here is private.
export { backtests } from './backtests';
export { curves } from './curves';
export {
  type CostModel,
  type RecoveryCurve,
  type ValuationLoan,
  SeededRandom,
  buildRecoveryTriangle,
  compileBook,
  simulate,
} from './maths';
export { valuePortfolio } from './valuations';
export { valuations } from './valuation-routes';

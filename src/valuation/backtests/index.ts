// The door of the backtests room of valuation: what its sibling rooms may use.
export { type BacktestResult, type JudgedForecast } from './backtest';
export { getBacktest } from './backtest-service';
export { listBacktests } from './backtests-repository';
export { backtests } from './backtest-routes';

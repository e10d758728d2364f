// The door of the maths room of valuation: what its sibling rooms may use.
export {
  type CohortGrain,
  cohortOf,
  lastCompleteMonth,
  lastDayOfMonth,
  monthIndex,
} from './calendar-month';
export { fitChainLadderCurve } from './chain-ladder-curve';
export {
  commissionRateByAge,
  type CostModel,
  type CostOverrides,
  isChannelMix,
  withCostOverrides,
} from './cost-model';
export { monthlyRate, npv } from './discounting';
export { type CostRecord, fitCostModel, type PaymentRecord } from './fit-cost-model';
export { forecastAccuracy, type ForecastAccuracy } from './forecast-accuracy';
export { monthlyFen, type MonthlyFen, totalFen } from './monthly-fen';
export { type Percentiles } from './percentiles';
export { collectionMultiples, paybackMonth, priceAtTargetIrr } from './pricing';
export { type MonthlyCashFlows, projectBook } from './projection';
export { type CurveFitOptions, type RecoveryCurve } from './recovery-curve';
export {
  buildRecoveryTriangle,
  type RecoveryEvent,
  type RecoveryTriangle,
} from './recovery-triangle';
export { fitSegmentCurves } from './segment-curves';
export { simulate, type SimulationResult } from './simulation';
export { cumulativeOf, perUnitOfExposure } from './triangle';
export {
  compileBook,
  type ProjectedCurve,
  type ValuationBook,
  type ValuationLoan,
} from './valuation-book';
export { SeededRandom } from './random';
export { type MackSummary, mackSummary } from './mack-summary';

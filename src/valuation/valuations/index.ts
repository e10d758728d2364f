// The door of the valuations room of valuation: what its sibling rooms may use.
export { IN_HOUSE_CHANNEL } from './hold-or-sell';
export { type SegmentUse, type ValuationResults } from './valuation-results';
export {
  createValuation,
  getValuation,
  prepareValuation,
  type StoredInputs,
} from './valuation-service';
export { flowDate, storedValuation, valuationSummaryView, valuationView } from './valuation-views';
export { listValuations, type ValuationRow } from './valuations-repository';
export { valuePortfolio } from './portfolio-valuation';
export {
  CreateValuationSchema,
  ValuationSchema,
  ValuationSummarySchema,
} from './valuation-schemas';

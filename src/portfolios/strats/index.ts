// Stratification: band scales and dimensions, the strat tables and the summary, and their SQL aggregates.
// The door of this sub-room: what its sibling rooms and the portfolios door use.
export { resolvePortfolioBands } from './bands';
export { dimensionScale, type StratDimension, stratDimensions } from './dimensions';
export {
  borrowersOnOffer,
  groupSql,
  lotCandidateRows,
  ON_OFFER,
  onOfferSql,
  putBackSql,
  ruleCounts,
  stratGroups,
  verdictSums,
} from './strat-repository';
export { groupKey, type StratRow, type StratTable, stratTable } from './strat-table';
export { type PortfolioSummary, portfolioSummary, type VerdictGroup } from './summary';
export {
  type Bilingual,
  bothLanguages,
  chargeOffAgeLabel,
  stratDimensionLabels,
  stratGroupLabel,
  valueLabel,
  type ProductNames,
} from './labels';

// The door of this room: what other rooms may use. Everything else here is private.
// Sub-rooms, lowest first: criteria, record, strats, snapshot → screening → membership →
// lifecycle, lots → queries.ts (reads) → api (routes, schemas, views).
export { portfolios } from './api';
export { changeView, detailView, PortfolioDetailSchema, VerdictChangeSchema } from './api';
export { transitionPortfolio } from './lifecycle';
export { loansOnOffer, onOfferAmong } from './membership';
export { portfolioDetail, strats } from './queries';
export { requirePortfolio, requireStatus, type PortfolioRow } from './record';
export {
  ruleTable,
  type RulePackId,
  rulePacks,
  screenPortfolio,
  type VerdictChange,
} from './screening';
export {
  bothLanguages,
  type Bilingual,
  chargeOffAgeLabel,
  ON_OFFER,
  onOfferSql,
  putBackSql,
  resolvePortfolioBands,
  stratDimensionLabels,
  stratGroupLabel,
  valueLabel,
  type ProductNames,
  type PortfolioSummary,
  type StratDimension,
  stratDimensions,
  type StratTable,
} from './strats';

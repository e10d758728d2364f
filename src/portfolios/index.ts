// The door of this room: what other rooms may use. Everything else here is private.
export { type StratDimension, stratDimensions } from './dimensions';
export { loansOnOffer, onOfferAmong } from './offer-repository';
export { requirePortfolio, requireStatus } from './portfolio-lookup';
export { type PortfolioRow } from './portfolio-repository';
export { portfolioDetail, strats } from './queries';
export { portfolios } from './routes';
export { ruleTable } from './rule-pack';
export { type RulePackId, rulePacks } from './rule-packs';
export { screenPortfolio } from './screen';
export { type VerdictChange } from './screening-repository';
export { ON_OFFER } from './strat-repository';
export { type StratTable } from './strat-table';
export { type PortfolioSummary } from './summary';
export { transitionPortfolio } from './transition';
export { PortfolioDetailSchema, VerdictChangeSchema } from './view-schemas';
export { changeView, detailView } from './views';

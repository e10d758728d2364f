// Screening: rule packs, the facts they ask about a loan, the screening run and its repository.
// The door of this sub-room: what its sibling rooms and the portfolios door use.
export { type RulePack, ruleTable } from './rule-pack';
export { type RulePackId, rulePackIds, rulePacks } from './rule-packs';
export {
  completeScreening,
  runScreening,
  type ScreeningRun,
  screenPortfolio,
  startScreening,
} from './screen';
export { screeningSql } from './screening-functions';
export { type VerdictChange, verdictChangesOf, verdictCounts } from './screening-repository';

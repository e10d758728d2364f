// Lots: splitting a portfolio into lots by a dimension or into balanced stratified lots.
// The door of this sub-room: what its sibling rooms and the portfolios door use.
export { splitPortfolio, type SplitResult } from './split';

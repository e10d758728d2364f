// Criteria: which written-off loans a portfolio takes (pure rules over a candidate loan).
// The door of this sub-room: what its sibling rooms and the portfolios door use.
export { type CriteriaCandidate, criteriaMatcher, type PortfolioCriteria } from './criteria';

// The portfolio lifecycle: its transition table and the verb that moves a portfolio along it.
// The door of this sub-room: what its sibling rooms and the portfolios door use.
export { transitionTargets } from './lifecycle';
export { transitionPortfolio } from './transition';

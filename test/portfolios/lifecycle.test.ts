import { describe, expect, it } from 'vitest';
import { portfolioStatuses, type PortfolioStatus } from '../../db/schema';
import { canTransition, holdsItsLoans } from '../../src/portfolios/lifecycle/lifecycle';

const allowed: [PortfolioStatus, PortfolioStatus][] = [
  ['draft', 'locked'],
  ['locked', 'offered'],
  ['offered', 'awarded'],
  ['awarded', 'sold'],
  ['sold', 'closed'],
  ['draft', 'withdrawn'],
  ['locked', 'withdrawn'],
  ['offered', 'withdrawn'],
  ['awarded', 'withdrawn'],
  // A cancelled award puts the portfolio back on offer.
  ['awarded', 'offered'],
];

describe('the portfolio lifecycle', () => {
  it('allows exactly the forward steps, withdrawal before the sale, and back on offer after a cancelled award', () => {
    for (const from of portfolioStatuses) {
      for (const to of portfolioStatuses) {
        const expected = allowed.some(([a, b]) => a === from && b === to);
        expect(canTransition(from, to), `${from} → ${to}`).toBe(expected);
      }
    }
  });

  it('lets closed, withdrawn and split portfolios let go of their loans', () => {
    expect(portfolioStatuses.filter((status) => !holdsItsLoans(status))).toEqual([
      'closed',
      'withdrawn',
      'split',
    ]);
  });
});

import { recordAudit } from '../../audit';
import { Problem, type VerbContext } from '../../shared';
import {
  allowedTransitions,
  canTransition,
  holdsItsLoans,
  type TransitionTarget,
} from './lifecycle';
import { updatePortfolio, type PortfolioRow, requirePortfolio } from '../record';
import { releaseMembers } from '../membership';
import { verdictCounts } from '../screening';

/** Where `transitionPortfolio` moves a portfolio, and why (kept in the audit trail). */
export interface PortfolioTransition {
  portfolioId: number;
  to: TransitionTarget;
  reason?: string;
}

/**
 * Moves a portfolio to `to` inside the caller's transaction. Locking needs at least one loan on
 * offer; leaving for withdrawn or closed lets go of its loans (another portfolio may take them).
 * @throws Problem not_found; conflict for a transition the lifecycle does not allow, or locking an empty sale
 */
export function transitionPortfolio(
  { tx, deps, actor }: VerbContext,
  { portfolioId, to, reason }: PortfolioTransition,
): PortfolioRow {
  const portfolio = requirePortfolio(tx, portfolioId);
  if (!canTransition(portfolio.status, to)) {
    const allowed = allowedTransitions(portfolio.status);
    const next = allowed.length === 0 ? 'it is final' : `it can go to ${allowed.join(' or ')}`;
    throw new Problem(
      'conflict',
      `portfolio ${portfolioId} cannot go from ${portfolio.status} to ${to}: ${next}`,
      { portfolioStatus: portfolio.status, allowed },
    );
  }
  if (to === 'locked') {
    const counts = verdictCounts(tx, portfolioId);
    if (counts.eligible + counts.flagged === 0)
      throw new Problem(
        'conflict',
        `portfolio ${portfolioId} has no loan on offer: every loan is excluded`,
        { portfolioStatus: portfolio.status },
      );
  }
  if (!holdsItsLoans(to)) releaseMembers(tx, portfolioId);
  const updated = updatePortfolio(tx, portfolioId, {
    status: to,
    statusChangedAt: deps.clock.now(),
  });
  recordAudit(tx, actor, deps.clock.now(), {
    action: 'portfolio.transitioned',
    targetType: 'portfolio',
    targetId: portfolioId,
    detail: { from: portfolio.status, to, ...(reason === undefined ? {} : { reason }) },
  });
  return updated;
}

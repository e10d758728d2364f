import type { DbOrTx, PortfolioStatus } from '../../../db';
import { Problem } from '../../shared';
import { findPortfolio, type PortfolioRow } from './portfolio-repository';

/** @throws Problem not_found for an unknown portfolio */
export function requirePortfolio(tx: DbOrTx, id: number): PortfolioRow {
  const portfolio = findPortfolio(tx, id);
  if (!portfolio) throw new Problem('not_found', `no portfolio ${id}`);
  return portfolio;
}

/** @throws Problem conflict unless the portfolio is in one of `statuses`, saying what `doing` needs */
export function requireStatus(
  portfolio: PortfolioRow,
  statuses: readonly PortfolioStatus[],
  doing: string,
): void {
  if (!statuses.includes(portfolio.status)) {
    throw new Problem(
      'conflict',
      `portfolio ${portfolio.id} is ${portfolio.status}: ${doing} needs it ${statuses.join(' or ')}`,
      { portfolioStatus: portfolio.status },
    );
  }
}

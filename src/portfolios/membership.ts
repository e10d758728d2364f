import type { Tx } from '../../db';
import { recordAudit, type AuditActor } from '../audit';
import { type AppDeps, Problem } from '../shared';
import { namedLoanErrors, namedLoanRefusal } from './named-loans';
import { latestScreening } from './portfolio-repository';
import { requirePortfolio, requireStatus } from './portfolio-lookup';
import { runScreening, startScreening, type ScreeningRun } from './screen';
import { useSelection } from './sql-functions';
import { deleteMembers, heldLoanIds, insertSnapshot, namedLoanFacts } from './snapshot-repository';

export interface MembershipChange {
  add?: string[];
  remove?: string[];
}

export interface ChangedMembership extends ScreeningRun {
  added: number;
  removed: number;
}

/**
 * Adds loans to a draft portfolio (snapshotted at its cut-off) and removes loans from it, then
 * screens the whole portfolio again as of its last screening date, inside the caller's transaction.
 * Only a draft's membership can change.
 * @throws Problem not_found; conflict unless draft; validation_failed naming every loan that cannot be added or removed
 */
export function changeMembership(
  tx: Tx,
  deps: AppDeps,
  actor: AuditActor,
  portfolioId: number,
  change: MembershipChange,
): ChangedMembership {
  const portfolio = requirePortfolio(tx, portfolioId);
  requireStatus(portfolio, ['draft'], 'changing the loans');
  const { add = [], remove = [] } = change;
  const facts = namedLoanFacts(deps, add);
  const held = heldLoanIds(deps, portfolioId, remove);
  const errors = [
    ...namedLoanErrors('json.add', add, (loanId) =>
      namedLoanRefusal(facts.get(loanId), portfolio.cutOffDate, portfolioId),
    ),
    ...namedLoanErrors('json.remove', remove, (loanId) =>
      held.has(loanId) ? undefined : 'the loan is not in this portfolio',
    ),
  ];
  if (errors.length > 0)
    throw new Problem('validation_failed', `${errors.length} loan(s) cannot be added or removed`, {
      errors,
    });
  const removed = remove.length === 0 ? 0 : deleteMembers(deps, portfolioId, remove);
  const screening = startScreening(
    tx,
    deps,
    actor,
    portfolio,
    latestScreening(tx, portfolioId)?.asOf ?? portfolio.cutOffDate,
  );
  useSelection(deps, () => true);
  const added =
    add.length === 0
      ? 0
      : insertSnapshot(deps, {
          portfolioId,
          cutOffDate: portfolio.cutOffDate,
          loanIds: add,
          screeningId: screening.id,
        });
  recordAudit(tx, actor, deps.clock.now(), {
    action: 'portfolio.membership_changed',
    targetType: 'portfolio',
    targetId: portfolioId,
    detail: { added: add, removed: remove },
  });
  return { added, removed, ...runScreening(tx, deps, actor, portfolio, screening) };
}

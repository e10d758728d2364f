import { recordAudit } from '../../audit';
import { Problem, type VerbContext } from '../../shared';
import { namedLoanErrors, namedLoanRefusal } from './named-loans';
import { latestScreening, requirePortfolio, requireStatus } from '../record';
import { runScreening, startScreening, type ScreeningRun } from '../screening';
import { useSelection } from './selection-function';
import { deleteMembers, heldLoanIds, insertSnapshot, namedLoanFacts } from './snapshot-repository';

export interface MembershipChange {
  portfolioId: number;
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
export function changeMembership(ctx: VerbContext, change: MembershipChange): ChangedMembership {
  const { tx, deps, actor } = ctx;
  const { portfolioId, add = [], remove = [] } = change;
  const portfolio = requirePortfolio(tx, portfolioId);
  requireStatus(portfolio, ['draft'], 'changing the loans');
  const facts = namedLoanFacts(tx, add);
  const held = heldLoanIds(tx, portfolioId, remove);
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
  const removed = remove.length === 0 ? 0 : deleteMembers(tx, portfolioId, remove);
  const screening = startScreening(ctx, {
    portfolio,
    asOf: latestScreening(tx, portfolioId)?.asOf ?? portfolio.cutOffDate,
  });
  useSelection(tx, () => true);
  const added =
    add.length === 0
      ? 0
      : insertSnapshot(tx, {
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
  return { added, removed, ...runScreening(ctx, { portfolio, screening }) };
}

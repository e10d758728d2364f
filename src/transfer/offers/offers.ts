import type { DbOrTx } from '../../../db';
import { recordAudit } from '../../audit';
import {
  requirePortfolio,
  requireStatus,
  rulePacks,
  type RulePackId,
  transitionPortfolio,
} from '../../portfolios';
import { Problem, type FieldError, type VerbContext } from '../../shared';
import { offerRefusal, standingRefusal } from './buyer-eligibility';
import { newTokenKey } from './loan-token';
import {
  findBuyer,
  findOffer,
  findTokenKey,
  insertOffer,
  insertTokenKey,
  offersOf,
} from './offer-repository';

/**
 * Offers a locked (or already offered) portfolio to approved buyers with an NDA on file, of a type
 * its rule pack allows; the first offer moves it to `offered` and makes its token key. Offering a
 * buyer twice is harmless: it is listed once.
 * @throws Problem not_found; conflict for a portfolio not ready to offer; validation_failed naming each buyer that may not be offered
 */
export function offerPortfolio(
  { tx, deps, actor }: VerbContext,
  {
    portfolioId,
    buyerOrganisationIds,
  }: { portfolioId: number; buyerOrganisationIds: readonly number[] },
) {
  const portfolio = requirePortfolio(tx, portfolioId);
  requireStatus(portfolio, ['locked', 'offered'], 'offering it');
  const allowedTypes = rulePacks[portfolio.rulePackId as RulePackId].buyerTypes;
  const errors: FieldError[] = [];
  buyerOrganisationIds.forEach((id, index) => {
    const buyer = findBuyer(tx, id);
    const refusal = buyer ? offerRefusal(buyer, allowedTypes) : `no buyer organisation ${id}`;
    if (refusal)
      errors.push({ field: `json.buyerOrganisationIds.${index}`, value: id, message: refusal });
  });
  if (errors.length > 0)
    throw new Problem(
      'validation_failed',
      `${errors.length} buyer(s) cannot be offered portfolio ${portfolioId}`,
      { errors },
    );
  const now = deps.clock.now();
  if (findTokenKey(tx, portfolioId) === undefined)
    insertTokenKey(tx, { portfolioId, tokenKey: newTokenKey(), createdAt: now });
  const added = [...new Set(buyerOrganisationIds)].filter((id) => !findOffer(tx, portfolioId, id));
  for (const buyerOrganisationId of added) {
    insertOffer(tx, {
      portfolioId,
      buyerOrganisationId,
      offeredAt: now,
      offeredBy: actor.label,
      offeredByUserId: actor.userId,
    });
    recordAudit(tx, actor, now, {
      action: 'transfer.portfolio.offered',
      targetType: 'portfolio',
      targetId: portfolioId,
      detail: { buyerOrganisationId },
    });
  }
  if (portfolio.status === 'locked')
    transitionPortfolio(
      { tx, deps, actor },
      { portfolioId, to: 'offered', reason: 'offered to buyers' },
    );
  return offersOf(tx, portfolioId);
}

/**
 * The portfolio as a buyer may see it: only one offered to the buyer's organisation. Anything else
 * is "not found", so a buyer cannot even learn which portfolios exist.
 * @throws Problem not_found
 */
export function requireOfferedTo(tx: DbOrTx, portfolioId: number, buyerOrganisationId: number) {
  const offer = findOffer(tx, portfolioId, buyerOrganisationId);
  if (!offer) throw new Problem('not_found', `no portfolio ${portfolioId}`);
  return { offer, portfolio: requirePortfolio(tx, portfolioId) };
}

/**
 * The buyer, if it may deal now: approved with an NDA on file, as when it was offered the
 * portfolio. Otherwise forbidden, naming why.
 * @throws Problem not_found for no such buyer; forbidden for a buyer suspended, pending or without an NDA
 */
export function requireDealingBuyer(tx: DbOrTx, buyerOrganisationId: number) {
  const buyer = findBuyer(tx, buyerOrganisationId);
  if (!buyer) throw new Problem('not_found', `no buyer organisation ${buyerOrganisationId}`);
  const refusal = standingRefusal(buyer);
  if (refusal)
    throw new Problem('forbidden', `${refusal}: no bids, data rooms or awards until it is`, {
      buyerOrganisationId,
      buyerStatus: buyer.status,
    });
  return buyer;
}

import { recordAudit } from '../../audit';
import { requirePortfolio, requireStatus, transitionPortfolio } from '../../portfolios';
import { type IsoDate, Problem, transferTermsOf, type VerbContext } from '../../shared';
import { bidsOf, roundsOf } from './bid-repository';
import { allocatePrice, sumFen } from '../../shared';
import { insertAllocations, insertSale, loansOnOffer, type SaleRow } from '../sale';
import { requireDealingBuyer } from '../offers';
import { acceptsBids, awardKindOf, qualifiedBids } from './sealed-bids';

export interface AwardRequest {
  bidId: number;
  contractEffectiveDate: IsoDate;
  deliveryDate: IsoDate;
  putBackWindowDays?: number | undefined;
}

const invalid = (field: string, value: unknown, message: string) =>
  new Problem('validation_failed', message, {
    errors: [{ field: `json.${field}`, value, message }],
  });

/**
 * Awards an offered portfolio to the buyer of a qualified bid (its buyer's standing bid, still
 * valid, at or above the reserve) of the latest round, once its deadline has passed. The award
 * fixes the price, the dates (cut-off = the portfolio's, then contract effective, then delivery),
 * the put-back window and the allocation of the price to the loans on offer in proportion to
 * their claims. With one qualified bidder the sale is recorded as negotiated.
 * @throws Problem not_found; conflict (not offered, round still open, no such qualified bid); forbidden (the bid's buyer suspended or without an NDA since); validation_failed for dates out of order
 */
export function awardSale(
  { tx, deps, actor }: VerbContext,
  { portfolioId, ...request }: AwardRequest & { portfolioId: number },
): SaleRow {
  const portfolio = requirePortfolio(tx, portfolioId);
  requireStatus(portfolio, ['offered'], 'an award');
  const round = roundsOf(tx, portfolioId)[0];
  if (!round) throw new Problem('conflict', `portfolio ${portfolioId} has had no bid round`);
  if (acceptsBids(round.deadline, deps.clock.now()))
    throw new Problem(
      'conflict',
      `round ${round.id} takes bids until ${round.deadline}: award after the deadline`,
    );
  const qualified = qualifiedBids(bidsOf(tx, round.id), round.reservePriceFen, deps.clock.today());
  const bid = qualified.find((candidate) => candidate.id === request.bidId);
  if (!bid)
    throw new Problem(
      'conflict',
      `bid ${request.bidId} is not a qualified bid of round ${round.id} (a buyer's latest, still valid, at or above the reserve)`,
      { qualifiedBidIds: qualified.map((q) => q.id) },
    );
  requireDealingBuyer(tx, bid.buyerOrganisationId);
  if (request.contractEffectiveDate < portfolio.cutOffDate)
    throw invalid(
      'contractEffectiveDate',
      request.contractEffectiveDate,
      `the contract cannot take effect before the cut-off date ${portfolio.cutOffDate}`,
    );
  if (request.deliveryDate < request.contractEffectiveDate)
    throw invalid(
      'deliveryDate',
      request.deliveryDate,
      'delivery cannot come before the contract takes effect',
    );

  const loans = loansOnOffer(tx, portfolioId);
  const prices = allocatePrice(
    bid.priceFen,
    loans.map((loan) => loan.claimFen),
  );
  const now = deps.clock.now();
  const sale = insertSale(tx, {
    portfolioId,
    buyerOrganisationId: bid.buyerOrganisationId,
    roundId: round.id,
    bidId: bid.id,
    awardKind: awardKindOf(qualified.length),
    priceFen: bid.priceFen,
    claimFen: sumFen(loans.map((loan) => loan.claimFen)),
    loanCount: loans.length,
    cutOffDate: portfolio.cutOffDate,
    contractEffectiveDate: request.contractEffectiveDate,
    deliveryDate: request.deliveryDate,
    putBackWindowDays: request.putBackWindowDays ?? transferTermsOf(deps.config).putBackWindowDays,
    status: 'awarded',
    awardedAt: now,
    awardedBy: actor.label,
    awardedByUserId: actor.userId,
  });
  insertAllocations(tx, sale.id, loans, prices);
  transitionPortfolio(
    { tx, deps, actor },
    {
      portfolioId,
      to: 'awarded',
      reason: `awarded to buyer organisation ${bid.buyerOrganisationId}`,
    },
  );
  recordAudit(tx, actor, now, {
    action: 'transfer.sale.awarded',
    targetType: 'sale',
    targetId: sale.id,
    detail: { portfolioId, bidId: bid.id, awardKind: sale.awardKind, priceFen: sale.priceFen },
  });
  return sale;
}

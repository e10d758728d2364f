import type { Fen } from '../../shared';
import type { DbOrTx } from '../../../db';
import { recordAudit } from '../../audit';
import { requirePortfolio, requireStatus } from '../../portfolios';
import { Problem, type VerbContext } from '../../shared';
import {
  bidsOf,
  insertBid,
  insertRound,
  roundsOf,
  type BidRoundRow,
  type BidRow,
} from './bid-repository';
import { requireDealingBuyer, requireOfferedTo } from '../offers';
import { acceptsBids } from './sealed-bids';

export interface RoundRequest {
  name: string;
  deadline: string;
  reservePriceFen?: Fen | undefined;
}

/**
 * Opens a sealed-bid round on an offered portfolio. One round at a time: a new one only after the
 * last deadline has passed (a second round for the shortlist, say).
 * @throws Problem not_found; conflict for a portfolio not on offer, a round still open, or a deadline already past
 */
export function openRound(
  { tx, deps, actor }: VerbContext,
  { portfolioId, ...request }: RoundRequest & { portfolioId: number },
): BidRoundRow {
  requireStatus(requirePortfolio(tx, portfolioId), ['offered'], 'a bid round');
  const now = deps.clock.now();
  const open = roundsOf(tx, portfolioId).find((round) => acceptsBids(round.deadline, now));
  if (open)
    throw new Problem(
      'conflict',
      `round ${open.id} of portfolio ${portfolioId} takes bids until ${open.deadline}`,
    );
  if (!acceptsBids(request.deadline, now))
    throw new Problem('conflict', `the deadline ${request.deadline} has already passed`);
  const round = insertRound(tx, {
    portfolioId,
    name: request.name,
    deadline: new Date(request.deadline).toISOString(),
    reservePriceFen: request.reservePriceFen ?? null,
    openedAt: now,
    openedBy: actor.label,
    openedByUserId: actor.userId,
  });
  recordAudit(tx, actor, now, {
    action: 'transfer.round.opened',
    targetType: 'portfolio',
    targetId: portfolioId,
    detail: { roundId: round.id, deadline: round.deadline },
  });
  return round;
}

export interface BidRequest {
  priceFen: Fen;
  validUntil: string;
  conditions?: string | undefined;
}

/**
 * A buyer's sealed bid in the portfolio's latest round, before its deadline; it supersedes the
 * buyer's earlier bid in that round.
 * @throws Problem not_found (not offered to this buyer); forbidden (buyer suspended or without an NDA); conflict when no round takes bids
 */
export function submitBid(
  { tx, deps, actor }: VerbContext,
  {
    portfolioId,
    buyerOrganisationId,
    ...request
  }: BidRequest & { portfolioId: number; buyerOrganisationId: number },
): { round: BidRoundRow; bid: BidRow } {
  requireOfferedTo(tx, portfolioId, buyerOrganisationId);
  requireDealingBuyer(tx, buyerOrganisationId);
  const now = deps.clock.now();
  const round = roundsOf(tx, portfolioId)[0];
  if (!round) throw new Problem('conflict', `portfolio ${portfolioId} has no bid round open`);
  if (!acceptsBids(round.deadline, now))
    throw new Problem(
      'conflict',
      `round ${round.id} closed at ${round.deadline}: bids after the deadline are refused`,
      { deadline: round.deadline },
    );
  if (request.validUntil < deps.clock.today())
    throw new Problem('validation_failed', 'a bid must be valid today at least', {
      errors: [{ field: 'json.validUntil', value: request.validUntil, message: 'in the past' }],
    });
  const bid = insertBid(tx, {
    roundId: round.id,
    buyerOrganisationId,
    priceFen: request.priceFen,
    validUntil: request.validUntil,
    conditions: request.conditions ?? null,
    submittedAt: now,
    submittedByUserId: actor.userId,
  });
  recordAudit(tx, actor, now, {
    action: 'transfer.bid.submitted',
    targetType: 'bid_round',
    targetId: round.id,
    detail: { bidId: bid.id, buyerOrganisationId },
  });
  return { round, bid };
}

/** A portfolio's rounds with their bids, latest round first: the seller's view (all bids, the reserve). */
export function roundsWithBids(
  tx: DbOrTx,
  portfolioId: number,
): { round: BidRoundRow; bids: BidRow[] }[] {
  requirePortfolio(tx, portfolioId);
  return roundsOf(tx, portfolioId).map((round) => ({ round, bids: bidsOf(tx, round.id) }));
}

/** A buyer's own bids in a portfolio's rounds, latest round first: never another buyer's, never the reserve. */
export function buyerRounds(
  tx: DbOrTx,
  portfolioId: number,
  buyerOrganisationId: number,
): { round: BidRoundRow; bids: BidRow[] }[] {
  requireOfferedTo(tx, portfolioId, buyerOrganisationId);
  return roundsOf(tx, portfolioId).map((round) => ({
    round,
    bids: bidsOf(tx, round.id).filter((bid) => bid.buyerOrganisationId === buyerOrganisationId),
  }));
}

import type { Fen } from '../../shared';
/** A sealed bid as the award sees it. */
export interface SealedBid {
  id: number;
  buyerOrganisationId: number;
  priceFen: Fen;
  validUntil: string;
  submittedAt: string;
}

/** Whether a round still takes bids at `now`: strictly before its deadline (ISO instants). */
export function acceptsBids(deadline: string, now: string): boolean {
  return Date.parse(now) < Date.parse(deadline);
}

/** Each buyer's standing bid: its latest, which supersedes the earlier ones. Sorted by price, highest first (earlier bid first on a tie). */
export function standingBids<B extends SealedBid>(bids: readonly B[]): B[] {
  const latest = new Map<number, B>();
  for (const bid of bids) {
    const current = latest.get(bid.buyerOrganisationId);
    if (!current || bid.id > current.id) latest.set(bid.buyerOrganisationId, bid);
  }
  return [...latest.values()].sort((a, b) => b.priceFen - a.priceFen || a.id - b.id);
}

/**
 * The standing bids that can be awarded on `date`: still valid and at or above the reserve (the
 * reserve is the seller's floor; buyers never see it).
 */
export function qualifiedBids<B extends SealedBid>(
  bids: readonly B[],
  reservePriceFen: Fen | null,
  date: string,
): B[] {
  return standingBids(bids).filter(
    (bid) =>
      bid.validUntil >= date && (reservePriceFen === null || bid.priceFen >= reservePriceFen),
  );
}

/** With one qualified bidder there was no competition: the sale is recorded as negotiated. */
export function awardKindOf(qualifiedBidders: number): 'competitive' | 'negotiated' {
  return qualifiedBidders > 1 ? 'competitive' : 'negotiated';
}

// The door of bids: rounds, sealed bids, the award and the allocation of its price to the loans.
export { awardSale } from './award';
export { type BidRoundRow, type BidRow, roundsOf } from './bid-repository';
export { buyerRounds, openRound, roundsWithBids, submitBid } from './bid-rounds';
export { acceptsBids, standingBids } from './sealed-bids';

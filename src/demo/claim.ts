import { asFen, type ClaimBalances, claimFen, type Fen, ZERO_FEN } from '../shared';

// What a borrower owes, by component, is the platform's `ClaimBalances`; its total is `claimFen`.

export const NOTHING_OWED: ClaimBalances = {
  principalFen: ZERO_FEN,
  interestFen: ZERO_FEN,
  feeFen: ZERO_FEN,
  penaltyFen: ZERO_FEN,
};

/**
 * The claim after a payment, applied to costs (fees, then penalty) before interest before
 * principal, the order of 民法典 art. 561 when the parties agreed none.
 * @throws RangeError for a payment that is not a positive integer or exceeds the claim
 */
export function applyPayment(claim: ClaimBalances, paymentFen: Fen): ClaimBalances {
  if (!Number.isSafeInteger(paymentFen) || paymentFen <= 0)
    throw new RangeError(`not a payment: ${paymentFen}`);
  if (paymentFen > claimFen(claim))
    throw new RangeError(`payment ${paymentFen} exceeds the claim ${claimFen(claim)}`);
  let left: number = paymentFen;
  const take = (owedFen: Fen): Fen => {
    const paid = Math.min(owedFen, left);
    left -= paid;
    return asFen(owedFen - paid);
  };
  const feeFen = take(claim.feeFen);
  const penaltyFen = take(claim.penaltyFen);
  const interestFen = take(claim.interestFen);
  const principalFen = take(claim.principalFen);
  return { principalFen, interestFen, feeFen, penaltyFen };
}

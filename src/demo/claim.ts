import type { Fen } from '../shared';

/** What a borrower owes, by component, in fen. */
export interface ClaimFen {
  principalFen: Fen;
  interestFen: Fen;
  feeFen: Fen;
  penaltyFen: Fen;
}

export const NOTHING_OWED: ClaimFen = { principalFen: 0, interestFen: 0, feeFen: 0, penaltyFen: 0 };

/** principal + interest + fees + penalty */
export function claimTotalFen(claim: ClaimFen): Fen {
  return claim.principalFen + claim.interestFen + claim.feeFen + claim.penaltyFen;
}

/**
 * The claim after a payment, applied to costs (fees, then penalty) before interest before
 * principal, the order of 民法典 art. 561 when the parties agreed none.
 * @throws RangeError for a payment that is not a positive integer or exceeds the claim
 */
export function applyPayment(claim: ClaimFen, paymentFen: Fen): ClaimFen {
  if (!Number.isSafeInteger(paymentFen) || paymentFen <= 0)
    throw new RangeError(`not a payment: ${paymentFen}`);
  if (paymentFen > claimTotalFen(claim))
    throw new RangeError(`payment ${paymentFen} exceeds the claim ${claimTotalFen(claim)}`);
  let left = paymentFen;
  const take = (owedFen: Fen): Fen => {
    const paid = Math.min(owedFen, left);
    left -= paid;
    return owedFen - paid;
  };
  const feeFen = take(claim.feeFen);
  const penaltyFen = take(claim.penaltyFen);
  const interestFen = take(claim.interestFen);
  const principalFen = take(claim.principalFen);
  return { principalFen, interestFen, feeFen, penaltyFen };
}

import { asFen, type Fen, ZERO_FEN } from '../../shared';

/** Balances of a set of loans: how many, and what they owe (integer fen); `totalFen` is the claim. */
export interface BalanceMeasures {
  loans: number;
  principalFen: Fen;
  interestFen: Fen;
  feeFen: Fen;
  penaltyFen: Fen;
  /** principal + interest + fee + penalty */
  totalFen: Fen;
}

export function emptyMeasures(): BalanceMeasures {
  return {
    loans: 0,
    principalFen: ZERO_FEN,
    interestFen: ZERO_FEN,
    feeFen: ZERO_FEN,
    penaltyFen: ZERO_FEN,
    totalFen: ZERO_FEN,
  };
}

/** Adds `more` into `into` (mutating it, so a scan over many records allocates nothing) and returns it. */
export function addMeasures(into: BalanceMeasures, more: BalanceMeasures): BalanceMeasures {
  into.loans += more.loans;
  into.principalFen = asFen(into.principalFen + more.principalFen);
  into.interestFen = asFen(into.interestFen + more.interestFen);
  into.feeFen = asFen(into.feeFen + more.feeFen);
  into.penaltyFen = asFen(into.penaltyFen + more.penaltyFen);
  into.totalFen = asFen(into.totalFen + more.totalFen);
  return into;
}

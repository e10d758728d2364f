import type { Fen } from '../../shared';

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
  return { loans: 0, principalFen: 0, interestFen: 0, feeFen: 0, penaltyFen: 0, totalFen: 0 };
}

/** Adds `more` into `into` (mutating it, so a scan over many records allocates nothing) and returns it. */
export function addMeasures(into: BalanceMeasures, more: BalanceMeasures): BalanceMeasures {
  into.loans += more.loans;
  into.principalFen += more.principalFen;
  into.interestFen += more.interestFen;
  into.feeFen += more.feeFen;
  into.penaltyFen += more.penaltyFen;
  into.totalFen += more.totalFen;
  return into;
}

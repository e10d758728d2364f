import { type Fen, subtractFen } from '../shared';

/** One side of a reconciliation line: what the figure is and where it comes from, and the amount. */
export interface Side {
  label: string;
  amountFen: Fen;
}

/** Two figures that must be equal, from two records kept apart; whether they tie and by how much not. */
export interface ReconciliationLine {
  check: string;
  left: Side;
  right: Side;
  ties: boolean;
  /** Left − right: zero when the line ties. */
  differenceFen: Fen;
}

/**
 * A reconciliation line: the two figures tie when they are equal to the fen; the difference is
 * left − right, so its sign says which record holds more.
 */
export function tie(check: string, left: Side, right: Side): ReconciliationLine {
  const differenceFen = subtractFen(left.amountFen, right.amountFen);
  return { check, left, right, ties: differenceFen === 0, differenceFen };
}

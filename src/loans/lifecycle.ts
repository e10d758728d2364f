import type { Fen } from '../shared';
import { prepared, type DbOrTx, type LoanStatus } from '../../db';
import type { IsoDate } from '../shared';

/**
 * A loan's lifecycle: the statuses a verb may move a loan between, and why. Every change of
 * `loans.status` goes through `moveLoans` and this table, with one exception: the loan tape import
 * (`tape/`: the staged `status` column of `tape-staging.ts`, written by the insert or upsert from
 * the staging table in `tape-spec.ts`) sets the status the lender's own system reports, because
 * the tape is the lender's word about the loan, not a move made here.
 *
 * A transition whose `to` lists several statuses sends each loan to the one the caller names for
 * it (a released write-off puts each loan back where it was before posting). A transition that
 * records the charge-off (`charge_off`) sets the charge-off date and amount with the status; one
 * that undoes it (`release_write_off`) clears them.
 */
export const loanTransitions = {
  /** A write-off batch is posted (核销): the loan leaves the balance sheet on the write-off date, for its claim. */
  charge_off: { from: ['current', 'delinquent'], to: ['charged_off'], chargeOff: 'record' },
  /** A posted write-off batch is reversed: the loan is back on the book in its status before posting. */
  release_write_off: {
    from: ['charged_off'],
    to: ['current', 'delinquent'],
    chargeOff: 'clear',
  },
  /** A sale is settled: the buyer now owns the claim. */
  sell: { from: ['charged_off'], to: ['sold'], chargeOff: 'keep' },
  /** A sale's entry is reversed, or a put-back accepted: the claim is the seller's again. */
  return_to_seller: { from: ['sold'], to: ['charged_off'], chargeOff: 'keep' },
} as const satisfies Record<
  string,
  {
    from: readonly LoanStatus[];
    to: readonly LoanStatus[];
    /** What the move does to the charge-off date and amount: record them, clear them, or leave them. */
    chargeOff: 'record' | 'clear' | 'keep';
  }
>;

export type LoanTransition = keyof typeof loanTransitions;

/** A loan charged off: the date it left the balance sheet and its claim then, in fen. */
export interface ChargeOffMove {
  loanId: string;
  chargeOffDate: IsoDate;
  chargeOffFen: Fen;
}

/** A loan sent to one of several statuses: the one it goes to. */
export interface StatusMove<S extends LoanStatus = LoanStatus> {
  loanId: string;
  status: S;
}

/** What a transition needs per loan: a charge-off its date and amount, a release the status to return to, the others the loan id alone. */
export type LoanMove<T extends LoanTransition> = T extends 'charge_off'
  ? ChargeOffMove
  : T extends 'release_write_off'
    ? StatusMove<(typeof loanTransitions)[T]['to'][number]>
    : string;

/** Thrown when a verb tries a move the lifecycle does not have, or a loan is not where it should be. */
export class LoanTransitionError extends Error {
  override name = 'LoanTransitionError';
}

const quoted = (statuses: readonly string[]) => statuses.map((status) => `'${status}'`).join(', ');

/** The one statement of a transition: loans in `?` (a JSON array of [loanId, …facts]) that are in a `from` status. */
export function moveSql(transition: LoanTransition): string {
  const { from, to, chargeOff } = loanTransitions[transition];
  // The unary `+` keeps SQLite off the status index: the moves drive, each loan found by its id.
  const where = `loans.loan_id = m.loan_id and +loans.status in (${quoted(from)})`;
  const source = (facts: string) =>
    `from (select value ->> 0 as loan_id${facts} from json_each(?)) m where ${where}`;
  switch (chargeOff) {
    case 'record':
      return `update loans set status = '${to[0]}', charge_off_date = m.charge_off_date,
          charge_off_fen = m.charge_off_fen
        ${source(', value ->> 1 as charge_off_date, value ->> 2 as charge_off_fen')}`;
    case 'clear':
      return `update loans set status = m.status, charge_off_date = null, charge_off_fen = null
        ${source(', value ->> 1 as status')}`;
    case 'keep':
      return `update loans set status = '${to[0]}' ${source('')}`;
  }
}

/** The moves as the JSON rows of the statement, checking that each names a status the transition goes to. */
function moveRows<T extends LoanTransition>(transition: T, moves: readonly LoanMove<T>[]) {
  const { to } = loanTransitions[transition];
  return (moves as readonly (string | ChargeOffMove | StatusMove)[]).map((move): unknown[] => {
    if (typeof move === 'string') return [move];
    if ('chargeOffDate' in move) return [move.loanId, move.chargeOffDate, move.chargeOffFen];
    if (!(to as readonly LoanStatus[]).includes(move.status))
      throw new LoanTransitionError(
        `${transition}: loan ${move.loanId} cannot go to ${move.status}, only ${to.join(' or ')}`,
      );
    return [move.loanId, move.status];
  });
}

/**
 * Moves loans by one transition of the lifecycle, as one set-based statement (whatever the number
 * of loans) inside the caller's transaction. Every loan must be in one of the transition's `from`
 * statuses: a loan elsewhere means the caller's checks missed a change, and nothing is moved (the
 * statement runs in a savepoint that is rolled back).
 * @param moves per loan, what the transition needs (`LoanMove`): the loan id alone for most
 * @returns how many loans moved (all of them)
 * @throws LoanTransitionError naming the first loan that was not where the transition starts
 */
export function moveLoans<T extends LoanTransition>(
  tx: DbOrTx,
  transition: T,
  moves: readonly LoanMove<T>[],
): number {
  const rows = moveRows(transition, moves);
  const expected = new Set(rows.map((row) => row[0])).size;
  const ids = JSON.stringify(rows.map((row) => row[0]));
  const json = JSON.stringify(rows);
  const moved = tryMove(tx, transition, json, expected);
  if (moved !== undefined) return moved;
  const { from } = loanTransitions[transition];
  const stray = prepared(
    tx,
    `select loan_id as loanId, status from loans where loan_id in (select value from json_each(?))
       and status not in (${quoted(from)}) limit 1`,
  ).get(ids) as { loanId: string; status: LoanStatus } | undefined;
  throw new LoanTransitionError(
    stray
      ? `${transition}: loan ${stray.loanId} is ${stray.status}, not ${from.join(' or ')}`
      : `${transition}: some of the ${expected} loan(s) are not in the book`,
  );
}

class NotAllMoved extends Error {}

/** Runs the transition's statement in a savepoint; undefined (and the savepoint rolled back) unless every loan moved. */
function tryMove(
  tx: DbOrTx,
  transition: LoanTransition,
  json: string,
  expected: number,
): number | undefined {
  try {
    return tx.transaction((savepoint) => {
      const moved = prepared(savepoint, moveSql(transition)).run(json).changes;
      if (moved !== expected) throw new NotAllMoved();
      return moved;
    });
  } catch (error) {
    if (error instanceof NotAllMoved) return undefined;
    throw error;
  }
}

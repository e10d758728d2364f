import { prepared, type DbOrTx, type LoanStatus } from '../../db';

/**
 * A loan's lifecycle: the statuses a verb may move a loan between, and why. A loan tape sets the
 * status the lender's own system reports (the import is the lender's word, not a move made here);
 * every other change of `loans.status` goes through `moveLoans` and this table.
 */
export const loanTransitions = {
  /** A write-off batch is posted (核销): the loan leaves the balance sheet. */
  charge_off: { from: ['current', 'delinquent'], to: 'charged_off' },
  /** A sale is settled: the buyer now owns the claim. */
  sell: { from: ['charged_off'], to: 'sold' },
  /** A sale's entry is reversed, or a put-back accepted: the claim is the seller's again. */
  return_to_seller: { from: ['sold'], to: 'charged_off' },
} as const satisfies Record<string, { from: readonly LoanStatus[]; to: LoanStatus }>;

export type LoanTransition = keyof typeof loanTransitions;

/** Thrown when a verb tries a move the lifecycle does not have, or a loan is not where it should be. */
export class LoanTransitionError extends Error {
  override name = 'LoanTransitionError';
}

/**
 * Moves loans by one transition of the lifecycle, as one set-based statement inside the caller's
 * transaction. Every loan must be in one of the transition's `from` statuses: a loan elsewhere
 * means the caller's checks missed a change, and nothing is moved.
 * @returns how many loans moved (all of them)
 * @throws LoanTransitionError naming the first loan that was not where the transition starts
 */
export function moveLoans(
  tx: DbOrTx,
  transition: LoanTransition,
  loanIds: readonly string[],
): number {
  const { from, to } = loanTransitions[transition];
  const ids = JSON.stringify(loanIds);
  const fromList = from.map((status) => `'${status}'`).join(', ');
  const moved = prepared(
    tx,
    `update loans set status = ? where status in (${fromList})
       and loan_id in (select value from json_each(?))`,
  ).run(to, ids).changes;
  if (moved !== new Set(loanIds).size) {
    const stray = prepared(
      tx,
      `select loan_id as loanId, status from loans where loan_id in (select value from json_each(?))
         and status <> ? limit 1`,
    ).get(ids, to) as { loanId: string; status: LoanStatus } | undefined;
    throw new LoanTransitionError(
      stray
        ? `${transition}: loan ${stray.loanId} is ${stray.status}, not ${from.join(' or ')}`
        : `${transition}: ${new Set(loanIds).size - moved} loan(s) are not in the book`,
    );
  }
  return moved;
}

import { asFen, type Fen } from './money';

/** The four balances a loan is owed in, in fen. */
export interface ClaimBalances {
  principalFen: Fen;
  interestFen: Fen;
  feeFen: Fen;
  penaltyFen: Fen;
}

/**
 * A loan's claim: everything the borrower owes, principal + interest + fee + penalty interest
 * (罚息). What a write-off keeps on file off balance (账销案存), what a portfolio sells and what a
 * transfer notice names. The one definition; `claimSql` is the same sum for set-based SQL.
 * @example claimFen({ principalFen: 100_00, interestFen: 5_00, feeFen: 1_00, penaltyFen: 50 }) // 106_50
 */
export function claimFen(balances: ClaimBalances): Fen {
  return asFen(
    balances.principalFen + balances.interestFen + balances.feeFen + balances.penaltyFen,
  );
}

/**
 * `claimFen` as a SQL expression over a row of the `loans` table (or any table with the same
 * balance columns), optionally qualified by a table alias: `claimSql('l')` →
 * `(l.principal_fen + l.interest_fen + l.fee_fen + l.penalty_fen)`.
 */
export function claimSql(alias?: string): string {
  const column = (name: string) => (alias ? `${alias}.${name}` : name);
  return `(${['principal_fen', 'interest_fen', 'fee_fen', 'penalty_fen'].map(column).join(' + ')})`;
}

import type { LoanStatus } from '../../db';
import type { AppDeps } from '../shared';
import { statement } from './statements';

// The few reads and writes the ledger makes on the loan book: the status a posting changes.

export function loanStatuses(deps: AppDeps, loanIds: readonly string[]): Map<string, LoanStatus> {
  const rows = statement(
    deps,
    'select loan_id as loanId, status from loans where loan_id in (select value from json_each(?))',
  ).all(JSON.stringify(loanIds)) as { loanId: string; status: LoanStatus }[];
  return new Map(rows.map((row) => [row.loanId, row.status]));
}

/** Moves loans from one status to another (a sale: charged_off → sold; its reversal: back). */
export function moveLoanStatus(
  deps: AppDeps,
  loanIds: readonly string[],
  from: LoanStatus,
  to: LoanStatus,
): number {
  return statement(
    deps,
    'update loans set status = ? where status = ? and loan_id in (select value from json_each(?))',
  ).run(to, from, JSON.stringify(loanIds)).changes;
}

import type { LoanStatus } from '../../../db';

/**
 * Loans still on the balance sheet: current or delinquent. Charged-off, sold, settled and closed
 * loans have left the book, so they are neither graded for delinquency nor charge-off candidates.
 */
export const onBookStatuses = ['current', 'delinquent'] as const satisfies readonly LoanStatus[];

export function isOnBook(status: LoanStatus): boolean {
  return (onBookStatuses as readonly LoanStatus[]).includes(status);
}

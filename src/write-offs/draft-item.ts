import type { LoanStatus } from '../../db';
import type { WriteOffClaim } from '../ledger';
import { claimFen } from '../shared';
import { type ChargeOffRule, isOnBook } from '../loans';
import { writeOffReason } from './reason';

/** A loan as a write-off draft sees it: its balances today and the charge-off rules that fire. */
export interface WriteOffSubject extends WriteOffClaim {
  status: LoanStatus;
  rules: readonly ChargeOffRule[];
}

/** One loan of a draft batch: its balances when the draft is made, the reason, and the status to restore on reversal. */
export interface DraftItem extends WriteOffClaim {
  reasonCodes: string;
  reason: string;
  previousStatus: LoanStatus;
}

/**
 * The draft item for a loan, or why it cannot be written off: only a loan on the book, owing
 * something, with a charge-off rule firing or a stated reason.
 */
export function draftItem(
  loan: WriteOffSubject,
  statedReason: string | undefined,
): DraftItem | { refusal: string } {
  if (!isOnBook(loan.status))
    return { refusal: `the loan is ${loan.status}: only loans on the book can be written off` };
  if (claimFen(loan) === 0) return { refusal: 'the loan owes nothing' };
  const reason = writeOffReason(loan.rules, statedReason);
  if (!reason)
    return {
      refusal: 'no charge-off rule fires for the loan on the write-off date; state a reason',
    };
  const { loanId, principalFen, interestFen, feeFen, penaltyFen } = loan;
  return {
    loanId,
    principalFen,
    interestFen,
    feeFen,
    penaltyFen,
    reasonCodes: reason.codes,
    reason: reason.text,
    previousStatus: loan.status,
  };
}

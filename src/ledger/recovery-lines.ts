import { type Fen, subtractFen } from '../shared';
import { accounts } from './accounts';
import { assertBalanced, transfer, type JournalLineDraft } from './journal-line';
import type { LedgerPolicy } from './policy';

/** A payment received for a written-off loan, split against what is still on file. */
export interface RecoverySplit {
  /** The part that reduces the off-balance claim: min(payment, remaining claim). */
  appliedFen: Fen;
  /** What was paid beyond the remaining claim: owed back to the borrower, never a negative claim. */
  excessFen: Fen;
}

/**
 * Splits a payment against the remaining off-balance claim:
 *   applied = min(payment, remaining), excess = payment − applied.
 * @example splitRecovery(500, 300) // { appliedFen: 300, excessFen: 200 }
 * @throws RangeError for a payment that is not positive, or a negative remaining claim
 */
export function splitRecovery(paymentFen: Fen, remainingClaimFen: Fen): RecoverySplit {
  if (!Number.isSafeInteger(paymentFen) || paymentFen <= 0)
    throw new RangeError(`a payment must be a positive amount of fen: ${paymentFen}`);
  if (!Number.isSafeInteger(remainingClaimFen) || remainingClaimFen < 0)
    throw new RangeError(`a remaining claim cannot be negative: ${remainingClaimFen}`);
  const appliedFen = paymentFen < remainingClaimFen ? paymentFen : remainingClaimFen;
  return { appliedFen, excessFen: subtractFen(paymentFen, appliedFen) };
}

/** The account a recovery after write-off credits under the policy: the allowance or recovery income. */
export function recoveryAccountOf(policy: LedgerPolicy): string {
  return policy.recoveriesTo === 'allowance' ? accounts.loanLossAllowance : accounts.recoveryIncome;
}

/**
 * The lines of one recovery after write-off: Dr cash for the whole payment / Cr the allowance (or
 * recovery income) for the applied part / Cr borrower overpayments for any excess; the memo claim
 * falls by the applied part: Dr 7002 / Cr 7001.
 */
export function recoveryLines(
  loanId: string,
  split: RecoverySplit,
  policy: LedgerPolicy,
): JournalLineDraft[] {
  const lines = [
    ...transfer(accounts.cashAtBank, recoveryAccountOf(policy), split.appliedFen, loanId),
    ...transfer(
      accounts.cashAtBank,
      accounts.overpaymentsPayable,
      split.excessFen,
      loanId,
      'paid beyond the claim on file; owed to the borrower',
    ),
    ...transfer(accounts.writtenOffMemoContra, accounts.writtenOffMemo, split.appliedFen, loanId),
  ];
  assertBalanced(lines);
  return lines;
}

/** A cost of collecting a loan: Dr collection expense / Cr cash. */
export function collectionCostLines(
  loanId: string,
  costFen: Fen,
  memo: string | null,
): JournalLineDraft[] {
  return transfer(accounts.collectionExpense, accounts.cashAtBank, costFen, loanId, memo);
}

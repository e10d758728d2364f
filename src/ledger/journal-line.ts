import { asFen, type Fen, ZERO_FEN } from '../shared';
import { isMemoAccount } from './accounts';

/** A journal line before posting: exactly one of `debitFen` and `creditFen` is positive. */
export interface JournalLineDraft {
  accountCode: string;
  debitFen: Fen;
  creditFen: Fen;
  /** The loan the line ties back to; null for lines of no single loan. */
  loanId: string | null;
  memo: string | null;
}

/** An entry that does not balance reached posting: a bug in a posting rule, never a user error. */
export class UnbalancedEntryError extends Error {
  override name = 'UnbalancedEntryError';
}

/**
 * The pair Dr `debitAccount` / Cr `creditAccount` for `amountFen`; no lines for a zero amount, since
 * a line of nothing is refused by the journal.
 * @throws RangeError for a negative or fractional amount
 */
export function transfer(
  debitAccount: string,
  creditAccount: string,
  amountFen: Fen,
  loanId: string | null,
  memo: string | null = null,
): JournalLineDraft[] {
  if (!Number.isSafeInteger(amountFen) || amountFen < 0)
    throw new RangeError(`not a non-negative amount of fen: ${amountFen}`);
  if (amountFen === 0) return [];
  return [
    { accountCode: debitAccount, debitFen: amountFen, creditFen: ZERO_FEN, loanId, memo },
    { accountCode: creditAccount, debitFen: ZERO_FEN, creditFen: amountFen, loanId, memo },
  ];
}

/** Debits minus credits of the balance-sheet lines and of the off-balance memo lines. */
export function netFen(lines: readonly JournalLineDraft[]): { onBalanceFen: Fen; memoFen: Fen } {
  let onBalanceFen = 0;
  let memoFen = 0;
  for (const line of lines) {
    const net = line.debitFen - line.creditFen;
    if (isMemoAccount(line.accountCode)) memoFen += net;
    else onBalanceFen += net;
  }
  return { onBalanceFen: asFen(onBalanceFen), memoFen: asFen(memoFen) };
}

/**
 * Asserts that lines may be posted: every line has exactly one positive side in whole fen, and
 * Σ debit = Σ credit both on the balance sheet and among the off-balance memo accounts (so each part
 * of the trial balance sums to zero on its own).
 * @throws UnbalancedEntryError naming the first rule broken
 */
export function assertBalanced(lines: readonly JournalLineDraft[]): void {
  for (const line of lines) {
    const { debitFen, creditFen } = line;
    const oneSide = (debitFen > 0 && creditFen === 0) || (debitFen === 0 && creditFen > 0);
    if (!oneSide || !Number.isSafeInteger(debitFen) || !Number.isSafeInteger(creditFen)) {
      throw new UnbalancedEntryError(
        `line on ${line.accountCode} must have exactly one positive side in whole fen (debit ${debitFen}, credit ${creditFen})`,
      );
    }
  }
  const { onBalanceFen, memoFen } = netFen(lines);
  if (onBalanceFen !== 0)
    throw new UnbalancedEntryError(
      `balance-sheet lines do not balance: debits − credits = ${onBalanceFen} fen`,
    );
  if (memoFen !== 0)
    throw new UnbalancedEntryError(
      `off-balance memo lines do not balance: debits − credits = ${memoFen} fen`,
    );
}

import {
  accounts,
  assertBalanced,
  type JournalLineDraft,
  type LedgerPolicy,
  recoveryAccountOf,
  transfer,
} from '../../ledger';
import type { Fen } from '../../shared';

/**
 * A recovery booked before the sale settled that turns out to be the buyer's (dated after the
 * cut-off). The recovery did Dr cash / Cr allowance (or recovery income) and lowered the claim on
 * file (Dr 7002 / Cr 7001). The cash stays where it is, now owed: Dr the recovery account (as the
 * policy names it) / Cr 2242. The buyer bought the claim as it stood at the cut-off, so the part
 * the payment settled is sold, not recovered: back on file (Dr 7001 / Cr 7002) and out again as
 * sold (Dr 7002 / Cr 7001). The memo pair nets to nothing, as do the two register movements that
 * mirror it; both leave the trail that the claim went to the buyer.
 */
export function interimClaimLines(
  loanId: string,
  appliedFen: Fen,
  policy: LedgerPolicy,
): JournalLineDraft[] {
  const lines = [
    ...transfer(
      recoveryAccountOf(policy),
      accounts.buyerCollectionsPayable,
      appliedFen,
      loanId,
      'collected after the cut-off: owed to the buyer',
    ),
    ...transfer(
      accounts.writtenOffMemo,
      accounts.writtenOffMemoContra,
      appliedFen,
      loanId,
      'claim as at the cut-off, back on file',
    ),
    ...transfer(
      accounts.writtenOffMemoContra,
      accounts.writtenOffMemo,
      appliedFen,
      loanId,
      'and sold with the loan',
    ),
  ];
  assertBalanced(lines);
  return lines;
}

/** Paying a held collection over to its buyer: Dr collections payable to debt buyers / Cr cash. */
export function forwardingLines(loanId: string, amountFen: Fen): JournalLineDraft[] {
  return transfer(accounts.buyerCollectionsPayable, accounts.cashAtBank, amountFen, loanId);
}

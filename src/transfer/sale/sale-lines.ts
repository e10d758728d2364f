import {
  accounts,
  assertBalanced,
  type JournalLineDraft,
  type LedgerPolicy,
  transfer,
} from '../../ledger';
import type { Fen } from '../../shared';

/**
 * The lines selling one written-off loan (债权转让): Dr cash for its share of the price / Cr the
 * allowance or gain on transfer, as configured; the whole remaining claim leaves the memo register:
 * Dr 7002 / Cr 7001.
 */
export function saleLines(
  loanId: string,
  priceFen: Fen,
  remainingClaimFen: Fen,
  policy: LedgerPolicy,
): JournalLineDraft[] {
  const proceedsAccount =
    policy.saleProceedsTo === 'allowance' ? accounts.loanLossAllowance : accounts.transferGainLoss;
  const lines = [
    ...transfer(accounts.cashAtBank, proceedsAccount, priceFen, loanId),
    ...transfer(accounts.writtenOffMemoContra, accounts.writtenOffMemo, remainingClaimFen, loanId),
  ];
  assertBalanced(lines);
  return lines;
}

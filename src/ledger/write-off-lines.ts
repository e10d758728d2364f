import { addFen, claimFen } from '../shared';
import type { Fen } from '../shared';
import { accounts } from './accounts';
import { assertBalanced, transfer, type JournalLineDraft } from './journal-line';
import type { LedgerPolicy } from './policy';

/** What a loan owes when it is written off, in fen. */
export interface WriteOffClaim {
  loanId: string;
  principalFen: Fen;
  interestFen: Fen;
  feeFen: Fen;
  penaltyFen: Fen;
}

/**
 * The lines that write one loan off (核销), balanced on their own:
 * - principal: Dr loan-loss allowance / Cr loans receivable;
 * - interest and penalty interest (罚息): Dr interest income (or the allowance) / Cr interest receivable;
 * - fees: Dr fee income (or the allowance) / Cr fees receivable;
 * - the full claim into the off-balance memo (账销案存): Dr 7001 / Cr 7002.
 * @throws UnbalancedEntryError if the rule ever produced lines that do not balance
 */
export function writeOffLines(claim: WriteOffClaim, policy: LedgerPolicy): JournalLineDraft[] {
  const toIncome = policy.accruedReversal === 'income';
  const lines = [
    ...transfer(
      accounts.loanLossAllowance,
      accounts.loansReceivable,
      claim.principalFen,
      claim.loanId,
    ),
    ...transfer(
      toIncome ? accounts.interestIncome : accounts.loanLossAllowance,
      accounts.interestReceivable,
      addFen(claim.interestFen, claim.penaltyFen),
      claim.loanId,
    ),
    ...transfer(
      toIncome ? accounts.feeIncome : accounts.loanLossAllowance,
      accounts.feesReceivable,
      claim.feeFen,
      claim.loanId,
    ),
    ...transfer(
      accounts.writtenOffMemo,
      accounts.writtenOffMemoContra,
      claimFen(claim),
      claim.loanId,
    ),
  ];
  assertBalanced(lines);
  return lines;
}

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
 * - the provision: Dr credit impairment losses / Cr loan-loss allowance for what the write-off
 *   charges the allowance. The platform keeps no provisioning model of its own, so the write-off
 *   first provides in full for what it uses (a loan is fully provided for before it is written off,
 *   《金融企业呆账核销管理办法》): the allowance, a contra-asset, never stands in debit;
 * - principal: Dr loan-loss allowance / Cr loans receivable;
 * - interest and penalty interest (罚息): Dr interest income (or the allowance) / Cr interest receivable;
 * - fees: Dr fee income (or the allowance) / Cr fees receivable;
 * - the full claim into the off-balance memo (账销案存): Dr 7001 / Cr 7002.
 * @throws UnbalancedEntryError if the rule ever produced lines that do not balance
 */
export function writeOffLines(claim: WriteOffClaim, policy: LedgerPolicy): JournalLineDraft[] {
  const toIncome = policy.accruedReversal === 'income';
  const accruedFen = addFen(addFen(claim.interestFen, claim.penaltyFen), claim.feeFen);
  const lines = [
    ...transfer(
      accounts.creditImpairmentLoss,
      accounts.loanLossAllowance,
      toIncome ? claim.principalFen : addFen(claim.principalFen, accruedFen),
      claim.loanId,
    ),
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

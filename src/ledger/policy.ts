import type { PlatformConfig } from '../shared/config';

/** The accounting choices a lender configures for write-offs, recoveries and sales. */
export interface LedgerPolicy {
  /**
   * Where accrued interest, penalty interest and fees are reversed at write-off: against the income
   * they were accrued to (`income`: interest income, fee income) or against the loan-loss allowance.
   */
  accruedReversal: 'income' | 'allowance';
  /** What a recovery after write-off credits: back to the allowance, or to recovery income. */
  recoveriesTo: 'allowance' | 'recovery_income';
  /** What the price of sold written-off debt credits: the allowance, or gain on transfer of loans. */
  saleProceedsTo: 'allowance' | 'transfer_gain';
}

export const defaultLedgerPolicy: LedgerPolicy = {
  accruedReversal: 'income',
  recoveriesTo: 'allowance',
  saleProceedsTo: 'transfer_gain',
};

/** The configured ledger policy, each choice falling back to its default. */
export function ledgerPolicyOf(config: PlatformConfig): LedgerPolicy {
  return { ...defaultLedgerPolicy, ...config.ledger };
}

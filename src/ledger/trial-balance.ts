import type { AccountType } from '../../db';
import { type IsoDate, type Fen, subtractFen, sumFen } from '../shared';

/** What was posted to one account up to a date. */
export interface AccountTotal {
  code: string;
  nameZh: string;
  nameEn: string;
  type: AccountType;
  debitFen: Fen;
  creditFen: Fen;
}

export interface TrialBalanceLine extends AccountTotal {
  /** Debits − credits: positive is a debit balance, negative a credit balance. */
  balanceFen: Fen;
}

export interface TrialBalanceSection {
  accounts: TrialBalanceLine[];
  debitFen: Fen;
  creditFen: Fen;
  /** Σ debits = Σ credits, equivalently Σ balances = 0. */
  balanced: boolean;
}

export interface TrialBalance {
  asOf: IsoDate;
  balanceSheet: TrialBalanceSection;
  /** The memo accounts of written-off claims kept on file: shown apart, they balance among themselves. */
  offBalance: TrialBalanceSection;
}

function section(totals: readonly AccountTotal[]): TrialBalanceSection {
  const accounts = totals.map((total) => ({
    ...total,
    balanceFen: subtractFen(total.debitFen, total.creditFen),
  }));
  const debitFen = sumFen(accounts.map((account) => account.debitFen));
  const creditFen = sumFen(accounts.map((account) => account.creditFen));
  return { accounts, debitFen, creditFen, balanced: debitFen === creditFen };
}

/**
 * The trial balance (试算平衡表) from per-account totals: per account debit, credit and balance
 * (debit − credit), balance-sheet accounts and off-balance memo accounts in separate sections, each
 * with its totals. Every posted entry balances, so both sections sum to zero.
 */
export function trialBalance(asOf: IsoDate, totals: readonly AccountTotal[]): TrialBalance {
  return {
    asOf,
    balanceSheet: section(totals.filter((total) => total.type !== 'off_balance')),
    offBalance: section(totals.filter((total) => total.type === 'off_balance')),
  };
}

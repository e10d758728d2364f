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

/** The sections of the trial balance, in the order a controller reads them. */
export const trialBalanceSections = [
  'assets',
  'liabilities',
  'equity',
  'income',
  'expense',
  'off_balance',
] as const;
export type TrialBalanceSectionName = (typeof trialBalanceSections)[number];

const sectionOfType: Record<AccountType, TrialBalanceSectionName> = {
  asset: 'assets',
  liability: 'liabilities',
  equity: 'equity',
  income: 'income',
  expense: 'expense',
  off_balance: 'off_balance',
};

/** One section: its accounts, what was posted to them and the section's balance (debit − credit). */
export interface TrialBalanceTypeSection {
  section: TrialBalanceSectionName;
  accounts: TrialBalanceLine[];
  debitFen: Fen;
  creditFen: Fen;
  balanceFen: Fen;
}

export interface TrialBalance {
  asOf: IsoDate;
  /** Assets, liabilities, equity, income, expense and the off-balance memorandum, each with totals. */
  sections: TrialBalanceTypeSection[];
  /** Every account, memorandum included: Σ debits = Σ credits. */
  totals: { debitFen: Fen; creditFen: Fen; balanced: boolean };
  /** The balance-sheet and income-statement accounts together: they balance among themselves. */
  balanceSheet: TrialBalanceSection;
  /** The memo accounts of written-off claims kept on file: shown apart, they balance among themselves. */
  offBalance: TrialBalanceSection;
}

function lines(totals: readonly AccountTotal[]): TrialBalanceLine[] {
  return totals.map((total) => ({
    ...total,
    balanceFen: subtractFen(total.debitFen, total.creditFen),
  }));
}

function section(accounts: TrialBalanceLine[]): TrialBalanceSection {
  const debitFen = sumFen(accounts.map((account) => account.debitFen));
  const creditFen = sumFen(accounts.map((account) => account.creditFen));
  return { accounts, debitFen, creditFen, balanced: debitFen === creditFen };
}

/**
 * The trial balance (试算平衡表) from per-account totals: per account debit, credit and balance
 * (debit − credit), in sections by account type — assets, liabilities, equity, income, expense, then
 * the off-balance memorandum — each with its totals, and the grand totals where Σ debit = Σ credit.
 * Every posted entry balances on the balance sheet and in the memorandum apart, so both parts sum to
 * zero on their own (`balanceSheet`, `offBalance`).
 */
export function trialBalance(asOf: IsoDate, totals: readonly AccountTotal[]): TrialBalance {
  const all = lines(totals);
  const sections = trialBalanceSections.map((name) => {
    const accounts = all.filter((line) => sectionOfType[line.type] === name);
    const { debitFen, creditFen } = section(accounts);
    return {
      section: name,
      accounts,
      debitFen,
      creditFen,
      balanceFen: subtractFen(debitFen, creditFen),
    };
  });
  const grand = section(all);
  return {
    asOf,
    sections,
    totals: { debitFen: grand.debitFen, creditFen: grand.creditFen, balanced: grand.balanced },
    balanceSheet: section(all.filter((line) => line.type !== 'off_balance')),
    offBalance: section(all.filter((line) => line.type === 'off_balance')),
  };
}

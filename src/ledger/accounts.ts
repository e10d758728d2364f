/**
 * The account codes the posting rules use. Names, types and sides are data in `ledger_accounts`
 * (seeded by migrations 0005, 0012 and 0018 with the default chart); only the codes are fixed here.
 */
export const accounts = {
  cashAtBank: '1002',
  interestReceivable: '1132',
  feesReceivable: '1221',
  loansReceivable: '1303',
  loanLossAllowance: '1304',
  overpaymentsPayable: '2241',
  buyerCollectionsPayable: '2242',
  openingBalanceClearing: '4190',
  interestIncome: '6011',
  feeIncome: '6021',
  transferGainLoss: '6117',
  recoveryIncome: '6118',
  collectionExpense: '6603',
  creditImpairmentLoss: '6701',
  writtenOffMemo: '7001',
  writtenOffMemoContra: '7002',
} as const;

export type AccountCode = (typeof accounts)[keyof typeof accounts];

/** Off-balance memo accounts: they balance among themselves and stay out of the balance-sheet trial balance. */
export const memoAccountCodes: readonly string[] = [
  accounts.writtenOffMemo,
  accounts.writtenOffMemoContra,
];

export function isMemoAccount(code: string): boolean {
  return memoAccountCodes.includes(code);
}

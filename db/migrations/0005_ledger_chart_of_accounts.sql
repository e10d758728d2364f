-- The default chart of accounts (after the Chinese chart for financial enterprises, 金融企业会计科目).
-- src/ledger/accounts.ts names the codes the posting rules use; a lender may add accounts of its own.
-- 1304 is the contra-asset allowance (credit balance); 7001/7002 are the off-balance memo pair of
-- written-off claims kept on file (账销案存), which balances on its own.
INSERT INTO `ledger_accounts` (`code`, `name_zh`, `name_en`, `type`, `normal_side`) VALUES
  ('1002', '银行存款', 'Cash at bank', 'asset', 'debit'),
  ('1132', '应收利息', 'Interest receivable', 'asset', 'debit'),
  ('1221', '其他应收款—应收费用', 'Fees receivable', 'asset', 'debit'),
  ('1303', '贷款', 'Loans receivable', 'asset', 'debit'),
  ('1304', '贷款损失准备', 'Loan-loss allowance', 'asset', 'credit'),
  ('2241', '其他应付款—借款人溢缴款', 'Borrower overpayments payable', 'liability', 'credit'),
  ('6011', '利息收入', 'Interest income', 'income', 'credit'),
  ('6021', '手续费及佣金收入', 'Fee and commission income', 'income', 'credit'),
  ('6117', '贷款转让损益', 'Gain or loss on transfer of loans', 'income', 'credit'),
  ('6118', '已核销贷款收回', 'Recoveries of written-off loans', 'income', 'credit'),
  ('6603', '催收费用', 'Collection expense', 'expense', 'debit'),
  ('7001', '已核销贷款表外登记', 'Written-off loans kept on file (off-balance memo)', 'off_balance', 'debit'),
  ('7002', '已核销贷款表外登记对方科目', 'Written-off loans kept on file (memo contra)', 'off_balance', 'credit');

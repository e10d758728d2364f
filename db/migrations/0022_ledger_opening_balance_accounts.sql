-- 0017 recreated journal_entries to admit the `opening_balance` kind; a DROP TABLE takes the
-- table's triggers with it, so the immutability triggers of 0004/0012 are put back, word for word.
CREATE TRIGGER `journal_entries_no_update` BEFORE UPDATE ON `journal_entries`
BEGIN
  SELECT RAISE(ABORT, 'journal_entries are posted: rows cannot be updated; post a reversing entry');
END;
--> statement-breakpoint
CREATE TRIGGER `journal_entries_no_delete` BEFORE DELETE ON `journal_entries`
BEGIN
  SELECT RAISE(ABORT, 'journal_entries are posted: rows cannot be deleted; post a reversing entry');
END;
--> statement-breakpoint
-- 4190: what the lender's receivables were opened against when its book came onto the platform
-- (an equity-like clearing account, credit side). 6701: the provision that tops the allowance up to
-- the amount a write-off charges it, so the contra-asset keeps its credit balance (信用减值损失).
INSERT INTO `ledger_accounts` (`code`, `name_zh`, `name_en`, `type`, `normal_side`) VALUES
  ('4190', '期初余额过渡', 'Opening-balance clearing', 'equity', 'credit'),
  ('6701', '信用减值损失', 'Credit impairment losses', 'expense', 'debit');

-- 0011 recreated journal_entries and off_balance_register to widen their kind checks; a DROP TABLE
-- takes the table's triggers with it, so the immutability triggers of 0004 are put back here, word
-- for word (journal_lines was not recreated and keeps its own). The new tables of the buyer side are
-- append-only the same way: a payable is settled by a forwarding row, never by rewriting it.
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
CREATE TRIGGER `off_balance_register_no_update` BEFORE UPDATE ON `off_balance_register`
BEGIN
  SELECT RAISE(ABORT, 'off_balance_register is append-only: rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER `off_balance_register_no_delete` BEFORE DELETE ON `off_balance_register`
BEGIN
  SELECT RAISE(ABORT, 'off_balance_register is append-only: rows cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `sale_cut_offs_no_update` BEFORE UPDATE ON `sale_cut_offs`
BEGIN
  SELECT RAISE(ABORT, 'sale_cut_offs is append-only: rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER `sale_cut_offs_no_delete` BEFORE DELETE ON `sale_cut_offs`
BEGIN
  SELECT RAISE(ABORT, 'sale_cut_offs is append-only: rows cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `buyer_payables_no_update` BEFORE UPDATE ON `buyer_payables`
BEGIN
  SELECT RAISE(ABORT, 'buyer_payables is append-only: rows cannot be updated; forward them');
END;
--> statement-breakpoint
CREATE TRIGGER `buyer_payables_no_delete` BEFORE DELETE ON `buyer_payables`
BEGIN
  SELECT RAISE(ABORT, 'buyer_payables is append-only: rows cannot be deleted; forward them');
END;
--> statement-breakpoint
CREATE TRIGGER `buyer_forwardings_no_update` BEFORE UPDATE ON `buyer_forwardings`
BEGIN
  SELECT RAISE(ABORT, 'buyer_forwardings is append-only: rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER `buyer_forwardings_no_delete` BEFORE DELETE ON `buyer_forwardings`
BEGIN
  SELECT RAISE(ABORT, 'buyer_forwardings is append-only: rows cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `buyer_forwarding_items_no_update` BEFORE UPDATE ON `buyer_forwarding_items`
BEGIN
  SELECT RAISE(ABORT, 'buyer_forwarding_items is append-only: rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER `buyer_forwarding_items_no_delete` BEFORE DELETE ON `buyer_forwarding_items`
BEGIN
  SELECT RAISE(ABORT, 'buyer_forwarding_items is append-only: rows cannot be deleted');
END;
--> statement-breakpoint
-- Collections received for sold loans after the cut-off, held until forwarded to the buyer.
INSERT INTO `ledger_accounts` (`code`, `name_zh`, `name_en`, `type`, `normal_side`) VALUES
  ('2242', '其他应付款—应付债权受让方款项', 'Collections payable to debt buyers', 'liability', 'credit');

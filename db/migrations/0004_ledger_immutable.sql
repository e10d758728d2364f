-- Posted journal rows and the off-balance register are immutable: a mistake is corrected by a
-- reversing entry that references the original, never by rewriting or removing what was posted.
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
CREATE TRIGGER `journal_lines_no_update` BEFORE UPDATE ON `journal_lines`
BEGIN
  SELECT RAISE(ABORT, 'journal_lines are posted: rows cannot be updated; post a reversing entry');
END;
--> statement-breakpoint
CREATE TRIGGER `journal_lines_no_delete` BEFORE DELETE ON `journal_lines`
BEGIN
  SELECT RAISE(ABORT, 'journal_lines are posted: rows cannot be deleted; post a reversing entry');
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

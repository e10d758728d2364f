CREATE TABLE `journal_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entry_date` text NOT NULL,
	`kind` text NOT NULL,
	`memo` text NOT NULL,
	`source_ref` text NOT NULL,
	`reverses_entry_id` integer,
	`posted_at` text NOT NULL,
	`posted_by` text NOT NULL,
	`posted_by_user_id` integer,
	FOREIGN KEY (`reverses_entry_id`) REFERENCES `journal_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`posted_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "journal_entries_kind" CHECK("journal_entries"."kind" in ('write_off', 'write_off_opening', 'recovery', 'collection_cost', 'sale', 'reversal')),
	CONSTRAINT "journal_entries_reversal_names_entry" CHECK(("journal_entries"."kind" = 'reversal') = ("journal_entries"."reverses_entry_id" is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `journal_entries_reverses_unique` ON `journal_entries` (`reverses_entry_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `journal_entries_source_unique` ON `journal_entries` (`kind`,`source_ref`,`entry_date`) WHERE "journal_entries"."kind" <> 'reversal';--> statement-breakpoint
CREATE INDEX `journal_entries_date_idx` ON `journal_entries` (`entry_date`);--> statement-breakpoint
CREATE TABLE `journal_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entry_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`account_code` text NOT NULL,
	`debit_fen` integer NOT NULL,
	`credit_fen` integer NOT NULL,
	`loan_id` text,
	`memo` text,
	FOREIGN KEY (`entry_id`) REFERENCES `journal_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_code`) REFERENCES `ledger_accounts`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`loan_id`) REFERENCES `loans`(`loan_id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "journal_lines_one_side" CHECK(("journal_lines"."debit_fen" > 0 and "journal_lines"."credit_fen" = 0) or ("journal_lines"."debit_fen" = 0 and "journal_lines"."credit_fen" > 0))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `journal_lines_entry_line_unique` ON `journal_lines` (`entry_id`,`line_no`);--> statement-breakpoint
CREATE TABLE `ledger_accounts` (
	`code` text PRIMARY KEY NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`type` text NOT NULL,
	`normal_side` text NOT NULL,
	CONSTRAINT "ledger_accounts_type" CHECK("ledger_accounts"."type" in ('asset', 'liability', 'equity', 'income', 'expense', 'off_balance')),
	CONSTRAINT "ledger_accounts_normal_side" CHECK("ledger_accounts"."normal_side" in ('debit', 'credit'))
);
--> statement-breakpoint
CREATE TABLE `off_balance_register` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`loan_id` text NOT NULL,
	`movement_date` text NOT NULL,
	`kind` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`reversal` integer DEFAULT false NOT NULL,
	`entry_id` integer NOT NULL,
	`buyer_organisation_id` integer,
	`collection_event_id` integer,
	FOREIGN KEY (`loan_id`) REFERENCES `loans`(`loan_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_id`) REFERENCES `journal_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`buyer_organisation_id`) REFERENCES `buyer_organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`collection_event_id`) REFERENCES `collection_events`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "off_balance_register_kind" CHECK("off_balance_register"."kind" in ('written_off', 'opening', 'recovery', 'sold')),
	CONSTRAINT "off_balance_register_amount" CHECK("off_balance_register"."amount_fen" <> 0),
	CONSTRAINT "off_balance_register_sold_has_buyer" CHECK("off_balance_register"."kind" <> 'sold' or "off_balance_register"."buyer_organisation_id" is not null)
);
--> statement-breakpoint
CREATE INDEX `off_balance_register_loan_idx` ON `off_balance_register` (`loan_id`,`movement_date`);--> statement-breakpoint
CREATE INDEX `off_balance_register_date_idx` ON `off_balance_register` (`movement_date`);--> statement-breakpoint
CREATE UNIQUE INDEX `off_balance_register_event_unique` ON `off_balance_register` (`collection_event_id`) WHERE "off_balance_register"."reversal" = 0 and "off_balance_register"."collection_event_id" is not null;--> statement-breakpoint
CREATE TABLE `write_off_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`write_off_date` text NOT NULL,
	`state` text NOT NULL,
	`selection` text NOT NULL,
	`loan_count` integer NOT NULL,
	`principal_fen` integer NOT NULL,
	`interest_fen` integer NOT NULL,
	`fee_fen` integer NOT NULL,
	`penalty_fen` integer NOT NULL,
	`prepared_by_user_id` integer,
	`prepared_by` text NOT NULL,
	`prepared_at` text NOT NULL,
	`approved_by_user_id` integer,
	`approved_at` text,
	`rejected_by_user_id` integer,
	`rejected_at` text,
	`rejection_reason` text,
	`posted_by_user_id` integer,
	`posted_at` text,
	`entry_id` integer,
	FOREIGN KEY (`prepared_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rejected_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`posted_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_id`) REFERENCES `journal_entries`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "write_off_batches_state" CHECK("write_off_batches"."state" in ('draft', 'approved', 'posted', 'rejected', 'reversed')),
	CONSTRAINT "write_off_batches_selection" CHECK("write_off_batches"."selection" in ('candidates', 'loan_ids')),
	CONSTRAINT "write_off_batches_posted_has_entry" CHECK("write_off_batches"."state" not in ('posted', 'reversed') or "write_off_batches"."entry_id" is not null)
);
--> statement-breakpoint
CREATE TABLE `write_off_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` integer NOT NULL,
	`loan_id` text NOT NULL,
	`principal_fen` integer NOT NULL,
	`interest_fen` integer NOT NULL,
	`fee_fen` integer NOT NULL,
	`penalty_fen` integer NOT NULL,
	`reason_codes` text NOT NULL,
	`reason` text NOT NULL,
	`previous_status` text NOT NULL,
	`released` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `write_off_batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`loan_id`) REFERENCES `loans`(`loan_id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "write_off_items_money" CHECK("write_off_items"."principal_fen" >= 0 and "write_off_items"."interest_fen" >= 0 and "write_off_items"."fee_fen" >= 0 and "write_off_items"."penalty_fen" >= 0 and "write_off_items"."principal_fen" + "write_off_items"."interest_fen" + "write_off_items"."fee_fen" + "write_off_items"."penalty_fen" > 0)
);
--> statement-breakpoint
CREATE INDEX `write_off_items_batch_idx` ON `write_off_items` (`batch_id`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `write_off_items_loan_unreleased` ON `write_off_items` (`loan_id`) WHERE "write_off_items"."released" = 0;
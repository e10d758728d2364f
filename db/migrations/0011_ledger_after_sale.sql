CREATE TABLE `buyer_forwarding_items` (
	`payable_id` integer PRIMARY KEY NOT NULL,
	`forwarding_id` integer NOT NULL,
	FOREIGN KEY (`payable_id`) REFERENCES `buyer_payables`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`forwarding_id`) REFERENCES `buyer_forwardings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `buyer_forwarding_items_forwarding_idx` ON `buyer_forwarding_items` (`forwarding_id`);--> statement-breakpoint
CREATE TABLE `buyer_forwardings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference` text NOT NULL,
	`buyer_organisation_id` integer NOT NULL,
	`forwarded_date` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`entry_id` integer NOT NULL,
	FOREIGN KEY (`buyer_organisation_id`) REFERENCES `buyer_organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_id`) REFERENCES `journal_entries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `buyer_forwardings_reference_unique` ON `buyer_forwardings` (`reference`);--> statement-breakpoint
CREATE UNIQUE INDEX `buyer_forwardings_entry_id_unique` ON `buyer_forwardings` (`entry_id`);--> statement-breakpoint
CREATE TABLE `buyer_payables` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`loan_id` text NOT NULL,
	`buyer_organisation_id` integer NOT NULL,
	`sale_entry_id` integer NOT NULL,
	`collection_event_id` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	`received_date` text NOT NULL,
	`due_date` text NOT NULL,
	`entry_id` integer NOT NULL,
	FOREIGN KEY (`loan_id`) REFERENCES `loans`(`loan_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`buyer_organisation_id`) REFERENCES `buyer_organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sale_entry_id`) REFERENCES `journal_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`collection_event_id`) REFERENCES `collection_events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_id`) REFERENCES `journal_entries`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "buyer_payables_amount" CHECK("buyer_payables"."amount_fen" > 0),
	CONSTRAINT "buyer_payables_due_after_receipt" CHECK("buyer_payables"."due_date" >= "buyer_payables"."received_date")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `buyer_payables_collection_event_id_unique` ON `buyer_payables` (`collection_event_id`);--> statement-breakpoint
CREATE INDEX `buyer_payables_buyer_idx` ON `buyer_payables` (`buyer_organisation_id`,`id`);--> statement-breakpoint
CREATE INDEX `buyer_payables_sale_idx` ON `buyer_payables` (`sale_entry_id`);--> statement-breakpoint
CREATE TABLE `sale_cut_offs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sale_entry_id` integer NOT NULL,
	`buyer_organisation_id` integer NOT NULL,
	`cut_off_date` text NOT NULL,
	`claim_entry_id` integer,
	`recorded_at` text NOT NULL,
	`recorded_by` text NOT NULL,
	FOREIGN KEY (`sale_entry_id`) REFERENCES `journal_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`buyer_organisation_id`) REFERENCES `buyer_organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`claim_entry_id`) REFERENCES `journal_entries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sale_cut_offs_sale_entry_id_unique` ON `sale_cut_offs` (`sale_entry_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_journal_entries` (
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
	CONSTRAINT "journal_entries_kind" CHECK("__new_journal_entries"."kind" in ('write_off', 'write_off_opening', 'recovery', 'collection_cost', 'sale', 'reversal', 'put_back', 'buyer_collection', 'forwarding')),
	CONSTRAINT "journal_entries_reversal_names_entry" CHECK(("__new_journal_entries"."kind" = 'reversal') = ("__new_journal_entries"."reverses_entry_id" is not null))
);
--> statement-breakpoint
INSERT INTO `__new_journal_entries`("id", "entry_date", "kind", "memo", "source_ref", "reverses_entry_id", "posted_at", "posted_by", "posted_by_user_id") SELECT "id", "entry_date", "kind", "memo", "source_ref", "reverses_entry_id", "posted_at", "posted_by", "posted_by_user_id" FROM `journal_entries`;--> statement-breakpoint
DROP TABLE `journal_entries`;--> statement-breakpoint
ALTER TABLE `__new_journal_entries` RENAME TO `journal_entries`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `journal_entries_reverses_unique` ON `journal_entries` (`reverses_entry_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `journal_entries_source_unique` ON `journal_entries` (`kind`,`source_ref`,`entry_date`) WHERE "journal_entries"."kind" <> 'reversal';--> statement-breakpoint
CREATE INDEX `journal_entries_date_idx` ON `journal_entries` (`entry_date`);--> statement-breakpoint
CREATE TABLE `__new_off_balance_register` (
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
	CONSTRAINT "off_balance_register_kind" CHECK("__new_off_balance_register"."kind" in ('written_off', 'opening', 'recovery', 'sold', 'put_back')),
	CONSTRAINT "off_balance_register_amount" CHECK("__new_off_balance_register"."amount_fen" <> 0),
	CONSTRAINT "off_balance_register_sold_has_buyer" CHECK("__new_off_balance_register"."kind" not in ('sold', 'put_back') or "__new_off_balance_register"."buyer_organisation_id" is not null)
);
--> statement-breakpoint
INSERT INTO `__new_off_balance_register`("id", "loan_id", "movement_date", "kind", "amount_fen", "reversal", "entry_id", "buyer_organisation_id", "collection_event_id") SELECT "id", "loan_id", "movement_date", "kind", "amount_fen", "reversal", "entry_id", "buyer_organisation_id", "collection_event_id" FROM `off_balance_register`;--> statement-breakpoint
DROP TABLE `off_balance_register`;--> statement-breakpoint
ALTER TABLE `__new_off_balance_register` RENAME TO `off_balance_register`;--> statement-breakpoint
CREATE INDEX `off_balance_register_loan_idx` ON `off_balance_register` (`loan_id`,`movement_date`);--> statement-breakpoint
CREATE INDEX `off_balance_register_date_idx` ON `off_balance_register` (`movement_date`);--> statement-breakpoint
CREATE UNIQUE INDEX `off_balance_register_event_unique` ON `off_balance_register` (`collection_event_id`) WHERE "off_balance_register"."reversal" = 0 and "off_balance_register"."collection_event_id" is not null;
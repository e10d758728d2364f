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
	CONSTRAINT "journal_entries_kind" CHECK("__new_journal_entries"."kind" in ('write_off', 'write_off_opening', 'recovery', 'collection_cost', 'sale', 'reversal', 'put_back', 'buyer_collection', 'forwarding', 'opening_balance')),
	CONSTRAINT "journal_entries_reversal_names_entry" CHECK(("__new_journal_entries"."kind" = 'reversal') = ("__new_journal_entries"."reverses_entry_id" is not null))
);
--> statement-breakpoint
INSERT INTO `__new_journal_entries`("id", "entry_date", "kind", "memo", "source_ref", "reverses_entry_id", "posted_at", "posted_by", "posted_by_user_id") SELECT "id", "entry_date", "kind", "memo", "source_ref", "reverses_entry_id", "posted_at", "posted_by", "posted_by_user_id" FROM `journal_entries`;--> statement-breakpoint
DROP TABLE `journal_entries`;--> statement-breakpoint
ALTER TABLE `__new_journal_entries` RENAME TO `journal_entries`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `journal_entries_reverses_unique` ON `journal_entries` (`reverses_entry_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `journal_entries_source_unique` ON `journal_entries` (`kind`,`source_ref`,`entry_date`) WHERE "journal_entries"."kind" <> 'reversal';--> statement-breakpoint
CREATE INDEX `journal_entries_date_idx` ON `journal_entries` (`entry_date`);
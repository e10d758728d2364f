CREATE TABLE `bid_rounds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`portfolio_id` integer NOT NULL,
	`name` text NOT NULL,
	`deadline` text NOT NULL,
	`reserve_price_fen` integer,
	`opened_at` text NOT NULL,
	`opened_by` text NOT NULL,
	`opened_by_user_id` integer,
	FOREIGN KEY (`portfolio_id`) REFERENCES `portfolios`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`opened_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "bid_rounds_reserve" CHECK("bid_rounds"."reserve_price_fen" is null or "bid_rounds"."reserve_price_fen" > 0)
);
--> statement-breakpoint
CREATE INDEX `bid_rounds_portfolio_idx` ON `bid_rounds` (`portfolio_id`);--> statement-breakpoint
CREATE TABLE `bids` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`buyer_organisation_id` integer NOT NULL,
	`price_fen` integer NOT NULL,
	`valid_until` text NOT NULL,
	`conditions` text,
	`submitted_at` text NOT NULL,
	`submitted_by_user_id` integer,
	FOREIGN KEY (`round_id`) REFERENCES `bid_rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`buyer_organisation_id`) REFERENCES `buyer_organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "bids_price" CHECK("bids"."price_fen" > 0)
);
--> statement-breakpoint
CREATE INDEX `bids_round_idx` ON `bids` (`round_id`);--> statement-breakpoint
CREATE TABLE `data_room_downloads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`portfolio_id` integer NOT NULL,
	`buyer_organisation_id` integer NOT NULL,
	`user_id` integer,
	`tier` text NOT NULL,
	`fingerprint` text NOT NULL,
	`loan_rows` integer NOT NULL,
	`started_at` text NOT NULL,
	`completed_at` text,
	`sha256` text,
	`bytes` integer,
	FOREIGN KEY (`portfolio_id`) REFERENCES `portfolios`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`buyer_organisation_id`) REFERENCES `buyer_organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "data_room_downloads_tier" CHECK("data_room_downloads"."tier" in ('P1', 'P2'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `data_room_downloads_fingerprint_unique` ON `data_room_downloads` (`fingerprint`);--> statement-breakpoint
CREATE INDEX `data_room_downloads_portfolio_idx` ON `data_room_downloads` (`portfolio_id`);--> statement-breakpoint
CREATE TABLE `data_room_keys` (
	`portfolio_id` integer PRIMARY KEY NOT NULL,
	`token_key` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`portfolio_id`) REFERENCES `portfolios`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `portfolio_offers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`portfolio_id` integer NOT NULL,
	`buyer_organisation_id` integer NOT NULL,
	`offered_at` text NOT NULL,
	`offered_by` text NOT NULL,
	`offered_by_user_id` integer,
	FOREIGN KEY (`portfolio_id`) REFERENCES `portfolios`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`buyer_organisation_id`) REFERENCES `buyer_organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`offered_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `portfolio_offers_portfolio_buyer_unique` ON `portfolio_offers` (`portfolio_id`,`buyer_organisation_id`);--> statement-breakpoint
CREATE TABLE `put_backs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sale_id` integer NOT NULL,
	`loan_id` text NOT NULL,
	`reason` text NOT NULL,
	`detail` text,
	`status` text NOT NULL,
	`requested_at` text NOT NULL,
	`requested_by_user_id` integer,
	`decided_at` text,
	`decided_by` text,
	`decision_note` text,
	`refund_fen` integer,
	`entry_id` integer,
	FOREIGN KEY (`sale_id`) REFERENCES `sales`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`loan_id`) REFERENCES `loans`(`loan_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_id`) REFERENCES `journal_entries`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "put_backs_reason" CHECK("put_backs"."reason" in ('bankrupt', 'deceased', 'paid', 'fraud', 'ineligible', 'other')),
	CONSTRAINT "put_backs_status" CHECK("put_backs"."status" in ('requested', 'accepted', 'rejected')),
	CONSTRAINT "put_backs_accepted_booked" CHECK(("put_backs"."status" = 'accepted') = ("put_backs"."entry_id" is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `put_backs_one_live` ON `put_backs` (`sale_id`,`loan_id`) WHERE "put_backs"."status" <> 'rejected';--> statement-breakpoint
CREATE TABLE `sale_allocations` (
	`sale_id` integer NOT NULL,
	`loan_id` text NOT NULL,
	`claim_fen` integer NOT NULL,
	`price_fen` integer NOT NULL,
	PRIMARY KEY(`sale_id`, `loan_id`),
	FOREIGN KEY (`sale_id`) REFERENCES `sales`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`loan_id`) REFERENCES `loans`(`loan_id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "sale_allocations_amounts" CHECK("sale_allocations"."claim_fen" >= 0 and "sale_allocations"."price_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE `sales` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`portfolio_id` integer NOT NULL,
	`buyer_organisation_id` integer NOT NULL,
	`round_id` integer NOT NULL,
	`bid_id` integer NOT NULL,
	`award_kind` text NOT NULL,
	`price_fen` integer NOT NULL,
	`claim_fen` integer NOT NULL,
	`loan_count` integer NOT NULL,
	`cut_off_date` text NOT NULL,
	`contract_effective_date` text NOT NULL,
	`delivery_date` text NOT NULL,
	`put_back_window_days` integer NOT NULL,
	`status` text NOT NULL,
	`awarded_at` text NOT NULL,
	`awarded_by` text NOT NULL,
	`awarded_by_user_id` integer,
	`signed_at` text,
	`settled_at` text,
	`received_on` text,
	`entry_id` integer,
	FOREIGN KEY (`portfolio_id`) REFERENCES `portfolios`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`buyer_organisation_id`) REFERENCES `buyer_organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`round_id`) REFERENCES `bid_rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bid_id`) REFERENCES `bids`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`awarded_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_id`) REFERENCES `journal_entries`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "sales_status" CHECK("sales"."status" in ('awarded', 'signed', 'settled')),
	CONSTRAINT "sales_award_kind" CHECK("sales"."award_kind" in ('competitive', 'negotiated')),
	CONSTRAINT "sales_price" CHECK("sales"."price_fen" > 0),
	CONSTRAINT "sales_dates" CHECK("sales"."cut_off_date" <= "sales"."contract_effective_date" and "sales"."contract_effective_date" <= "sales"."delivery_date"),
	CONSTRAINT "sales_settled_booked" CHECK(("sales"."status" = 'settled') = ("sales"."entry_id" is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sales_portfolio_id_unique` ON `sales` (`portfolio_id`);--> statement-breakpoint
ALTER TABLE `buyer_organisations` ADD `status` text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE `buyer_organisations` ADD `nda_signed_on` text;--> statement-breakpoint
ALTER TABLE `buyer_organisations` ADD `payment_details` text;
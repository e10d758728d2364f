CREATE TABLE `sale_exits` (
	`sale_id` integer NOT NULL,
	`loan_id` text NOT NULL,
	`kind` text NOT NULL,
	`reason` text NOT NULL,
	`exit_date` text NOT NULL,
	`claim_fen` integer NOT NULL,
	`price_fen` integer NOT NULL,
	`refund_fen` integer NOT NULL,
	PRIMARY KEY(`sale_id`, `loan_id`),
	FOREIGN KEY (`sale_id`) REFERENCES `sales`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`loan_id`) REFERENCES `loans`(`loan_id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "sale_exits_kind" CHECK("sale_exits"."kind" in ('bring_down', 'put_back')),
	CONSTRAINT "sale_exits_amounts" CHECK("sale_exits"."claim_fen" >= 0 and "sale_exits"."price_fen" >= 0 and "sale_exits"."refund_fen" >= 0 and "sale_exits"."refund_fen" <= "sale_exits"."price_fen")
);
--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_sales` (
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
	`cancelled_at` text,
	`cancelled_by` text,
	`cancel_reason` text,
	`settled_price_fen` integer,
	`settled_claim_fen` integer,
	`settled_loan_count` integer,
	`refunds_fen` integer DEFAULT 0 NOT NULL,
	`put_back_claim_fen` integer DEFAULT 0 NOT NULL,
	`put_back_count` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`portfolio_id`) REFERENCES `portfolios`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`buyer_organisation_id`) REFERENCES `buyer_organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`round_id`) REFERENCES `bid_rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bid_id`) REFERENCES `bids`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`awarded_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_id`) REFERENCES `journal_entries`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "sales_status" CHECK("__new_sales"."status" in ('awarded', 'signed', 'settled', 'cancelled')),
	CONSTRAINT "sales_award_kind" CHECK("__new_sales"."award_kind" in ('competitive', 'negotiated')),
	CONSTRAINT "sales_price" CHECK("__new_sales"."price_fen" > 0),
	CONSTRAINT "sales_dates" CHECK("__new_sales"."cut_off_date" <= "__new_sales"."contract_effective_date" and "__new_sales"."contract_effective_date" <= "__new_sales"."delivery_date"),
	CONSTRAINT "sales_settled_booked" CHECK(("__new_sales"."status" = 'settled') = ("__new_sales"."entry_id" is not null)),
	CONSTRAINT "sales_cancelled" CHECK(("__new_sales"."status" = 'cancelled') = ("__new_sales"."cancelled_at" is not null and "__new_sales"."cancel_reason" is not null)),
	CONSTRAINT "sales_settled_figures" CHECK(("__new_sales"."settled_price_fen" is null) = ("__new_sales"."settled_loan_count" is null) and ("__new_sales"."settled_price_fen" is null) = ("__new_sales"."settled_claim_fen" is null))
);
--> statement-breakpoint
-- The old table has only the first 21 columns; the new ones take their defaults (backfilled in 0018).
INSERT INTO `__new_sales`("id", "portfolio_id", "buyer_organisation_id", "round_id", "bid_id", "award_kind", "price_fen", "claim_fen", "loan_count", "cut_off_date", "contract_effective_date", "delivery_date", "put_back_window_days", "status", "awarded_at", "awarded_by", "awarded_by_user_id", "signed_at", "settled_at", "received_on", "entry_id") SELECT "id", "portfolio_id", "buyer_organisation_id", "round_id", "bid_id", "award_kind", "price_fen", "claim_fen", "loan_count", "cut_off_date", "contract_effective_date", "delivery_date", "put_back_window_days", "status", "awarded_at", "awarded_by", "awarded_by_user_id", "signed_at", "settled_at", "received_on", "entry_id" FROM `sales`;--> statement-breakpoint
DROP TABLE `sales`;--> statement-breakpoint
ALTER TABLE `__new_sales` RENAME TO `sales`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `sales_portfolio_live_unique` ON `sales` (`portfolio_id`) WHERE "sales"."status" <> 'cancelled';
CREATE TABLE `valuations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`portfolio_id` integer NOT NULL,
	`curve_set_id` integer NOT NULL,
	`valuation_date` text NOT NULL,
	`horizon_months` integer NOT NULL,
	`discount_rate_annual` real NOT NULL,
	`target_irr_annual` real NOT NULL,
	`seed` integer NOT NULL,
	`simulations` integer NOT NULL,
	`inputs` text NOT NULL,
	`results` text NOT NULL,
	`created_by` text NOT NULL,
	`created_by_user_id` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`portfolio_id`) REFERENCES `portfolios`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`curve_set_id`) REFERENCES `curve_sets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "valuations_horizon" CHECK("valuations"."horizon_months" in (84, 120, 180)),
	CONSTRAINT "valuations_simulations" CHECK("valuations"."simulations" >= 1)
);
--> statement-breakpoint
CREATE INDEX `valuations_portfolio_idx` ON `valuations` (`portfolio_id`);
CREATE TABLE `portfolio_loans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`portfolio_id` integer NOT NULL,
	`loan_id` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`borrower_id` text NOT NULL,
	`product` text NOT NULL,
	`province` text,
	`origination_date` text NOT NULL,
	`charge_off_date` text NOT NULL,
	`charge_off_fen` integer NOT NULL,
	`principal_fen` integer NOT NULL,
	`interest_fen` integer NOT NULL,
	`fee_fen` integer NOT NULL,
	`penalty_fen` integer NOT NULL,
	`claim_fen` integer NOT NULL,
	`collected_fen` integer NOT NULL,
	`last_payment_date` text,
	`last_payment_fen` integer,
	`dpd_at_charge_off` integer NOT NULL,
	`dpd_at_cut_off` integer NOT NULL,
	`months_since_charge_off` integer NOT NULL,
	`months_since_last_payment` integer,
	`birth_date` text,
	`borrower_age_years` integer,
	`placement_stage` text,
	`litigation_status` text NOT NULL,
	`verdict` text,
	`fired_rules` text,
	`screening_id` integer,
	FOREIGN KEY (`portfolio_id`) REFERENCES `portfolios`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`loan_id`) REFERENCES `loans`(`loan_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`screening_id`) REFERENCES `portfolio_screenings`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "portfolio_loans_verdict" CHECK("portfolio_loans"."verdict" is null or "portfolio_loans"."verdict" in ('eligible', 'flagged', 'excluded')),
	CONSTRAINT "portfolio_loans_claim" CHECK("portfolio_loans"."claim_fen" = "portfolio_loans"."principal_fen" + "portfolio_loans"."interest_fen" + "portfolio_loans"."fee_fen" + "portfolio_loans"."penalty_fen"),
	CONSTRAINT "portfolio_loans_money_non_negative" CHECK("portfolio_loans"."principal_fen" >= 0 and "portfolio_loans"."interest_fen" >= 0 and "portfolio_loans"."fee_fen" >= 0 and "portfolio_loans"."penalty_fen" >= 0 and "portfolio_loans"."collected_fen" >= 0 and "portfolio_loans"."charge_off_fen" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `portfolio_loans_portfolio_loan_unique` ON `portfolio_loans` (`portfolio_id`,`loan_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `portfolio_loans_one_active` ON `portfolio_loans` (`loan_id`) WHERE "portfolio_loans"."active" = 1;--> statement-breakpoint
CREATE TABLE `portfolio_screenings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`portfolio_id` integer NOT NULL,
	`as_of` text NOT NULL,
	`rule_pack_id` text NOT NULL,
	`rule_pack_version` integer NOT NULL,
	`rules` text NOT NULL,
	`eligible_count` integer NOT NULL,
	`flagged_count` integer NOT NULL,
	`excluded_count` integer NOT NULL,
	`changed_count` integer NOT NULL,
	`inherited_from_id` integer,
	`screened_at` text NOT NULL,
	`screened_by` text NOT NULL,
	`screened_by_user_id` integer,
	FOREIGN KEY (`portfolio_id`) REFERENCES `portfolios`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`inherited_from_id`) REFERENCES `portfolio_screenings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`screened_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `portfolio_screenings_portfolio_idx` ON `portfolio_screenings` (`portfolio_id`);--> statement-breakpoint
CREATE TABLE `portfolio_verdict_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`screening_id` integer NOT NULL,
	`loan_id` text NOT NULL,
	`previous_verdict` text NOT NULL,
	`previous_fired_rules` text,
	`verdict` text NOT NULL,
	`fired_rules` text,
	FOREIGN KEY (`screening_id`) REFERENCES `portfolio_screenings`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "portfolio_verdict_changes_verdicts" CHECK("portfolio_verdict_changes"."previous_verdict" in ('eligible', 'flagged', 'excluded') and "portfolio_verdict_changes"."verdict" in ('eligible', 'flagged', 'excluded'))
);
--> statement-breakpoint
CREATE INDEX `portfolio_verdict_changes_screening_idx` ON `portfolio_verdict_changes` (`screening_id`);--> statement-breakpoint
CREATE TABLE `portfolios` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`status` text NOT NULL,
	`cut_off_date` text NOT NULL,
	`criteria` text NOT NULL,
	`rule_pack_id` text NOT NULL,
	`rule_pack_version` integer NOT NULL,
	`parent_id` integer,
	`lot_label` text,
	`created_by` text NOT NULL,
	`created_by_user_id` integer,
	`created_at` text NOT NULL,
	`status_changed_at` text NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `portfolios`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "portfolios_status" CHECK("portfolios"."status" in ('draft', 'locked', 'offered', 'awarded', 'sold', 'closed', 'withdrawn', 'split')),
	CONSTRAINT "portfolios_lot_has_parent" CHECK(("portfolios"."parent_id" is null) = ("portfolios"."lot_label" is null))
);
--> statement-breakpoint
CREATE INDEX `portfolios_parent_idx` ON `portfolios` (`parent_id`);--> statement-breakpoint
ALTER TABLE `loans` ADD `birth_date` text;--> statement-breakpoint
ALTER TABLE `loans` ADD `servicemember` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `loans` ADD `documents_complete` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `loans` ADD `last_acknowledgement_date` text;--> statement-breakpoint
ALTER TABLE `loans` ADD `placement_stage` text;--> statement-breakpoint
ALTER TABLE `loans` ADD `litigation_status` text;
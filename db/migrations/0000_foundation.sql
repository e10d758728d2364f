CREATE TABLE `file_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`format` text NOT NULL,
	`mode` text NOT NULL,
	`file_sha256` text NOT NULL,
	`file_bytes` integer NOT NULL,
	`actor` text NOT NULL,
	`row_count` integer NOT NULL,
	`created_count` integer DEFAULT 0 NOT NULL,
	`updated_count` integer DEFAULT 0 NOT NULL,
	`error_count` integer DEFAULT 0 NOT NULL,
	`imported_at` text NOT NULL,
	CONSTRAINT "file_imports_kind" CHECK("file_imports"."kind" in ('loan_tape', 'collections')),
	CONSTRAINT "file_imports_status" CHECK("file_imports"."status" in ('accepted', 'rejected')),
	CONSTRAINT "file_imports_format" CHECK("file_imports"."format" in ('csv', 'xlsx')),
	CONSTRAINT "file_imports_mode" CHECK("file_imports"."mode" in ('insert', 'upsert'))
);
--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`key` text PRIMARY KEY NOT NULL,
	`request_hash` text NOT NULL,
	`response_status` integer NOT NULL,
	`response_body` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `loans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`loan_id` text NOT NULL,
	`borrower_id` text NOT NULL,
	`borrower_name` text NOT NULL,
	`national_id` text NOT NULL,
	`mobile_phone` text,
	`province` text,
	`city` text,
	`product` text NOT NULL,
	`channel` text,
	`currency` text DEFAULT 'CNY' NOT NULL,
	`origination_date` text NOT NULL,
	`maturity_date` text,
	`original_principal_fen` integer NOT NULL,
	`principal_fen` integer DEFAULT 0 NOT NULL,
	`interest_fen` integer DEFAULT 0 NOT NULL,
	`fee_fen` integer DEFAULT 0 NOT NULL,
	`penalty_fen` integer DEFAULT 0 NOT NULL,
	`days_past_due` integer DEFAULT 0 NOT NULL,
	`last_payment_date` text,
	`last_payment_fen` integer,
	`status` text NOT NULL,
	`charge_off_date` text,
	`charge_off_fen` integer,
	`bankrupt` integer DEFAULT false NOT NULL,
	`deceased` integer DEFAULT false NOT NULL,
	`disputed` integer DEFAULT false NOT NULL,
	`fraud` integer DEFAULT false NOT NULL,
	`litigation_pending` integer DEFAULT false NOT NULL,
	`complaint_open` integer DEFAULT false NOT NULL,
	`active_repayment_plan` integer DEFAULT false NOT NULL,
	`tape_date` text NOT NULL,
	`import_id` integer,
	FOREIGN KEY (`import_id`) REFERENCES `file_imports`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "loans_status" CHECK("loans"."status" in ('current', 'delinquent', 'charged_off', 'sold', 'settled', 'closed')),
	CONSTRAINT "loans_money_non_negative" CHECK("loans"."original_principal_fen" >= 0 and "loans"."principal_fen" >= 0 and "loans"."interest_fen" >= 0 and "loans"."fee_fen" >= 0 and "loans"."penalty_fen" >= 0 and coalesce("loans"."last_payment_fen", 0) >= 0 and coalesce("loans"."charge_off_fen", 0) >= 0),
	CONSTRAINT "loans_dpd_non_negative" CHECK("loans"."days_past_due" >= 0),
	CONSTRAINT "loans_charge_off_dated" CHECK("loans"."status" not in ('charged_off', 'sold') or ("loans"."charge_off_date" is not null and "loans"."charge_off_fen" is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `loans_loan_id_unique` ON `loans` (`loan_id`);--> statement-breakpoint
CREATE INDEX `loans_status_idx` ON `loans` (`status`,`days_past_due`);--> statement-breakpoint
CREATE INDEX `loans_charge_off_idx` ON `loans` (`charge_off_date`);--> statement-breakpoint
CREATE TABLE `collection_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`loan_id` text NOT NULL,
	`event_date` text NOT NULL,
	`event_type` text NOT NULL,
	`amount_fen` integer,
	`payment_channel` text,
	`cost_kind` text,
	`status_event` text,
	`note` text,
	`import_id` integer,
	FOREIGN KEY (`loan_id`) REFERENCES `loans`(`loan_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_id`) REFERENCES `file_imports`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "collection_events_shape" CHECK(("collection_events"."event_type" = 'payment' and "collection_events"."amount_fen" > 0 and "collection_events"."payment_channel" in ('in_house', 'agency', 'legal', 'settlement', 'debt_sale') and "collection_events"."cost_kind" is null and "collection_events"."status_event" is null)
       or ("collection_events"."event_type" = 'cost' and "collection_events"."amount_fen" > 0 and "collection_events"."cost_kind" in ('agency_commission', 'legal_fee', 'court_fee', 'sms_call', 'other') and "collection_events"."payment_channel" is null and "collection_events"."status_event" is null)
       or ("collection_events"."event_type" = 'status' and "collection_events"."amount_fen" is null and "collection_events"."status_event" in ('bankrupt', 'deceased', 'dispute', 'litigation_filed', 'complaint', 'repayment_plan') and "collection_events"."payment_channel" is null and "collection_events"."cost_kind" is null))
);
--> statement-breakpoint
CREATE INDEX `collection_events_loan_idx` ON `collection_events` (`loan_id`,`event_date`);--> statement-breakpoint
CREATE INDEX `collection_events_date_idx` ON `collection_events` (`event_date`);
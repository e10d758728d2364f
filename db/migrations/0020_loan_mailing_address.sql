ALTER TABLE `loans` ADD `mailing_address` text;--> statement-breakpoint
ALTER TABLE `loans` ADD `postal_code` text;
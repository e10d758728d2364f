CREATE TABLE `product_aliases` (
	`alias` text PRIMARY KEY NOT NULL,
	`product_code` text NOT NULL,
	FOREIGN KEY (`product_code`) REFERENCES `products`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `product_aliases_product` ON `product_aliases` (`product_code`);--> statement-breakpoint
CREATE TABLE `products` (
	`code` text PRIMARY KEY NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`kind` text NOT NULL,
	`created_at` text NOT NULL,
	CONSTRAINT "products_kind" CHECK("products"."kind" in ('unsecured_consumer_loan', 'credit_card_overdraft', 'small_business_credit', 'secured_loan', 'other'))
);

CREATE TABLE `callback_keys` (
	`kid` text PRIMARY KEY NOT NULL,
	`private_pem` text NOT NULL,
	`x` text NOT NULL,
	`y` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `callback_outbox` (
	`result_id` text PRIMARY KEY NOT NULL,
	`person_index` integer NOT NULL,
	`body` text NOT NULL,
	`created_at` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text,
	`delivered_at` text,
	`last_error` text
);
--> statement-breakpoint
CREATE TABLE `callback_subscription` (
	`id` integer PRIMARY KEY NOT NULL,
	`url` text NOT NULL
);

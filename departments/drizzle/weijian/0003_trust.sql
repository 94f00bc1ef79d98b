-- from 0003_risk_area_codes.sql
-- Risk areas are administrative-division codes now, not text: the old rows cannot be read as codes, and the
-- stand-in re-seeds its synthetic world when seed_meta is empty.
DELETE FROM `risk_areas`;--> statement-breakpoint
DELETE FROM `seed_meta`;--> statement-breakpoint
ALTER TABLE `risk_areas` RENAME COLUMN "area" TO "area_code";--> statement-breakpoint
CREATE UNIQUE INDEX `risk_areas_area_code_unique` ON `risk_areas` (`area_code`);

--> statement-breakpoint
-- from 0003_appeal_reviewer.sql
ALTER TABLE `appeals` ADD `reviewer` text;
--> statement-breakpoint
-- from 0003_callback_outbox.sql
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

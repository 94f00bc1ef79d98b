CREATE TABLE `access_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`request_id` text NOT NULL,
	`client_id` text NOT NULL,
	`purpose` text NOT NULL,
	`case_id` text,
	`route` text NOT NULL,
	`person_index` integer,
	`outcome` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `access_log_person_index` ON `access_log` (`person_index`);--> statement-breakpoint
CREATE TABLE `accounts` (
	`person_index` integer PRIMARY KEY NOT NULL,
	`account_number` text NOT NULL,
	`employer` text NOT NULL,
	`status` text NOT NULL,
	`opened_on` text NOT NULL,
	`base_fen` integer NOT NULL,
	`rate` real NOT NULL,
	`monthly_fen` integer NOT NULL,
	`opening_fen` integer NOT NULL,
	`balance_fen` integer NOT NULL,
	`deposit_months` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_account_number_unique` ON `accounts` (`account_number`);--> statement-breakpoint
CREATE TABLE `certificates` (
	`id` integer PRIMARY KEY NOT NULL,
	`person_index` integer NOT NULL,
	`type` text NOT NULL,
	`certificate_number` text NOT NULL,
	`status` text NOT NULL,
	`issue_date` text NOT NULL,
	`expiry_date` text,
	`issuing_authority` text NOT NULL,
	`details` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `certificates_person_index` ON `certificates` (`person_index`);--> statement-breakpoint
CREATE TABLE `persons` (
	`person_index` integer PRIMARY KEY NOT NULL,
	`id_number` text NOT NULL,
	`name` text NOT NULL,
	`gender` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `persons_id_number_unique` ON `persons` (`id_number`);--> statement-breakpoint
CREATE TABLE `seed_meta` (
	`id` integer PRIMARY KEY NOT NULL,
	`seed` integer NOT NULL,
	`size` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `withdrawals` (
	`id` integer PRIMARY KEY NOT NULL,
	`person_index` integer NOT NULL,
	`date` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`reason` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `withdrawals_person_index` ON `withdrawals` (`person_index`);
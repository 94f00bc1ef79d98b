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
	`scheme` text NOT NULL,
	`insured_place` text NOT NULL,
	`status` text NOT NULL,
	`enrolled_on` text NOT NULL,
	`balance_fen` integer NOT NULL
);
--> statement-breakpoint
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
CREATE TABLE `settlements` (
	`id` integer PRIMARY KEY NOT NULL,
	`person_index` integer NOT NULL,
	`date` text NOT NULL,
	`institution` text NOT NULL,
	`category` text NOT NULL,
	`total_fen` integer NOT NULL,
	`fund_fen` integer NOT NULL,
	`account_fen` integer NOT NULL,
	`self_fen` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `settlements_person_index` ON `settlements` (`person_index`);
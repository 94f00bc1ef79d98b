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
CREATE TABLE `violations` (
	`decision_number` text PRIMARY KEY NOT NULL,
	`person_index` integer NOT NULL,
	`occurred_at` text NOT NULL,
	`place` text NOT NULL,
	`plate_number` text,
	`behaviour` text NOT NULL,
	`fine_fen` integer NOT NULL,
	`points` integer NOT NULL,
	`paid` integer NOT NULL,
	`authority` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `violations_person_index` ON `violations` (`person_index`);
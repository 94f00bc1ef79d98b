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
CREATE TABLE `nucleic_acid_tests` (
	`id` integer PRIMARY KEY NOT NULL,
	`person_index` integer NOT NULL,
	`sampled_at` text NOT NULL,
	`reported_at` text NOT NULL,
	`result` text NOT NULL,
	`institution` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `nucleic_acid_tests_person_index` ON `nucleic_acid_tests` (`person_index`);--> statement-breakpoint
CREATE TABLE `persons` (
	`person_index` integer PRIMARY KEY NOT NULL,
	`id_number` text NOT NULL,
	`name` text NOT NULL,
	`gender` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `persons_id_number_unique` ON `persons` (`id_number`);--> statement-breakpoint
CREATE TABLE `risk_areas` (
	`id` integer PRIMARY KEY NOT NULL,
	`area` text NOT NULL,
	`level` text NOT NULL,
	`since` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `seed_meta` (
	`id` integer PRIMARY KEY NOT NULL,
	`seed` integer NOT NULL,
	`size` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `vaccinations` (
	`id` integer PRIMARY KEY NOT NULL,
	`person_index` integer NOT NULL,
	`dose` integer NOT NULL,
	`vaccine` text NOT NULL,
	`manufacturer` text NOT NULL,
	`batch_number` text NOT NULL,
	`date` text NOT NULL,
	`site` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `vaccinations_person_index` ON `vaccinations` (`person_index`);
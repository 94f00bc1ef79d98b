CREATE TABLE `citizens` (
	`id_number` text PRIMARY KEY NOT NULL,
	`person_index` integer NOT NULL,
	`name` text NOT NULL,
	`gender` text NOT NULL,
	`birth_date` text NOT NULL,
	`ethnicity` text NOT NULL,
	`address` text NOT NULL,
	`phone` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `citizens_person_index_unique` ON `citizens` (`person_index`);--> statement-breakpoint
CREATE TABLE `seed_meta` (
	`id` integer PRIMARY KEY NOT NULL,
	`seed` integer NOT NULL,
	`size` integer NOT NULL
);

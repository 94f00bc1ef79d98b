CREATE TABLE `guardians` (
	`id` integer PRIMARY KEY NOT NULL,
	`person_index` integer NOT NULL,
	`guardian_index` integer NOT NULL,
	`relation` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `guardians_person_index` ON `guardians` (`person_index`);
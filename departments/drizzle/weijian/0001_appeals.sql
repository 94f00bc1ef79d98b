CREATE TABLE `appeals` (
	`id` integer PRIMARY KEY NOT NULL,
	`person_index` integer NOT NULL,
	`appeal_id` text NOT NULL,
	`rule` text NOT NULL,
	`target_kind` text NOT NULL,
	`target_id` text,
	`statement` text NOT NULL,
	`status` text NOT NULL,
	`filed_at` text NOT NULL,
	`decided_at` text,
	`note` text,
	`case_id` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `appeals_appeal_id_unique` ON `appeals` (`appeal_id`);--> statement-breakpoint
CREATE INDEX `appeals_person_index` ON `appeals` (`person_index`);--> statement-breakpoint
CREATE INDEX `appeals_status` ON `appeals` (`status`);
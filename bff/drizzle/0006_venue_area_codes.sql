-- Venue codes issued before a venue needed its business's legal representative and a division code are retired:
-- there is no production data, and a free-text area cannot be matched by code. Their check-ins go with them.
DELETE FROM `check_ins`;--> statement-breakpoint
DELETE FROM `venues`;--> statement-breakpoint
DROP INDEX `venues_owner_idx`;--> statement-breakpoint
CREATE TABLE `__new_venues` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text NOT NULL,
	`credit_code` text NOT NULL,
	`name` text NOT NULL,
	`area_code` text NOT NULL,
	`address` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
DROP TABLE `venues`;--> statement-breakpoint
ALTER TABLE `__new_venues` RENAME TO `venues`;--> statement-breakpoint
CREATE INDEX `venues_owner_idx` ON `venues` (`owner_id`);--> statement-breakpoint
CREATE INDEX `venues_credit_code_idx` ON `venues` (`credit_code`);

CREATE TABLE `hall_favourites` (
	`user_id` text NOT NULL,
	`service_code` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `service_code`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `hall_favourites_user_created_idx` ON `hall_favourites` (`user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `hall_recent` (
	`user_id` text NOT NULL,
	`service_code` text NOT NULL,
	`opened_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `service_code`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `hall_recent_user_opened_idx` ON `hall_recent` (`user_id`,`opened_at`);
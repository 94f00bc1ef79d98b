CREATE TABLE `data_access` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`department` text NOT NULL,
	`data_kind` text NOT NULL,
	`purpose` text NOT NULL,
	`case_id` text,
	`outcome` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `data_access_user_at_idx` ON `data_access` (`user_id`,`at`);
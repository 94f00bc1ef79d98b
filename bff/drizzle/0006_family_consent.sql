CREATE TABLE `family_face_challenges` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text NOT NULL,
	`digits` text NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `data_access` ADD `asked_by` text;--> statement-breakpoint
ALTER TABLE `family_members` ADD `status` text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE `family_members` ADD `member_user_id` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `family_members` ADD `consented_at` integer;--> statement-breakpoint
CREATE INDEX `family_members_member_idx` ON `family_members` (`id_number_hash`);
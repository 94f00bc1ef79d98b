-- from 0006_family_consent.sql
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
ALTER TABLE `family_members` ADD `member_user_id` text REFERENCES users(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `family_members` ADD `consented_at` integer;--> statement-breakpoint
CREATE INDEX `family_members_member_idx` ON `family_members` (`id_number_hash`);
--> statement-breakpoint
-- from 0006_privacy.sql
PRAGMA foreign_keys=OFF;--> statement-breakpoint
-- The migrator runs in a transaction, where foreign_keys=OFF has no effect: the check-ins (the only rows that refer
-- to a venue) step aside while the venues table is rebuilt, so dropping the old one leaves no dangling reference.
CREATE TABLE `__keep_check_ins` AS SELECT * FROM `check_ins`;--> statement-breakpoint
DELETE FROM `check_ins`;--> statement-breakpoint
CREATE TABLE `__new_venues` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text,
	`name` text NOT NULL,
	`area` text NOT NULL,
	`address` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
INSERT INTO `__new_venues`("id", "owner_id", "name", "area", "address", "created_at") SELECT "id", "owner_id", "name", "area", "address", "created_at" FROM `venues`;--> statement-breakpoint
DROP TABLE `venues`;--> statement-breakpoint
ALTER TABLE `__new_venues` RENAME TO `venues`;--> statement-breakpoint
INSERT INTO `check_ins` SELECT * FROM `__keep_check_ins`;--> statement-breakpoint
DROP TABLE `__keep_check_ins`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `venues_owner_idx` ON `venues` (`owner_id`);--> statement-breakpoint
ALTER TABLE `feedback` ADD `user_id` text REFERENCES users(id) ON UPDATE no action ON DELETE cascade;--> statement-breakpoint
CREATE INDEX `feedback_user_idx` ON `feedback` (`user_id`);
--> statement-breakpoint
-- from 0006_keys_audit.sql
-- Issue #11 (keys, audit): sealed fields become v2 (key version, bound to table/column/row) and the audit chain is
-- HMAC-keyed. There is no production data: values written before this are not migrated; reset a development
-- database (delete .data/) instead.
CREATE TABLE `audit_checkpoints` (
	`seq` integer PRIMARY KEY NOT NULL,
	`head_hash` text NOT NULL,
	`at` integer NOT NULL,
	`signature` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `signing_keys` ADD `revoked_at` integer;
--> statement-breakpoint
-- from 0006_step_up_per_session.sql
ALTER TABLE `sessions` ADD `step_up_at` integer;--> statement-breakpoint
ALTER TABLE `users` DROP COLUMN `last_face_at`;
--> statement-breakpoint
-- from 0006_venue_area_codes.sql
-- Venue codes issued before a venue needed its business's legal representative and a division code are retired:
-- there is no production data, and a free-text area cannot be matched by code. Their check-ins go with them.
DELETE FROM `check_ins`;--> statement-breakpoint
DELETE FROM `venues`;--> statement-breakpoint
DROP INDEX `venues_owner_idx`;--> statement-breakpoint
CREATE TABLE `__new_venues` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text,
	`credit_code` text NOT NULL,
	`name` text NOT NULL,
	`area_code` text NOT NULL,
	`address` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
DROP TABLE `venues`;--> statement-breakpoint
ALTER TABLE `__new_venues` RENAME TO `venues`;--> statement-breakpoint
CREATE INDEX `venues_owner_idx` ON `venues` (`owner_id`);--> statement-breakpoint
CREATE INDEX `venues_credit_code_idx` ON `venues` (`credit_code`);

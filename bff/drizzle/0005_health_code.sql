CREATE TABLE `check_ins` (
	`id` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`venue_id` text NOT NULL,
	`at` integer NOT NULL,
	`voided_at` integer,
	FOREIGN KEY (`venue_id`) REFERENCES `venues`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `check_ins_holder_idx` ON `check_ins` (`holder`,`at`);--> statement-breakpoint
CREATE TABLE `family_members` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text NOT NULL,
	`name_sealed` text NOT NULL,
	`name_masked` text NOT NULL,
	`id_number_sealed` text NOT NULL,
	`id_number_hash` text NOT NULL,
	`relation` text NOT NULL,
	`consent_method` text NOT NULL,
	`consent_version` text NOT NULL,
	`added_at` integer NOT NULL,
	`removed_at` integer,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `family_members_owner_idx` ON `family_members` (`owner_id`,`id_number_hash`);--> statement-breakpoint
CREATE TABLE `health_appeals` (
	`appeal_id` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`rule` text NOT NULL,
	`target_kind` text NOT NULL,
	`target_id` text,
	`filed_at` integer NOT NULL,
	`decision` text,
	`decided_at` integer
);
--> statement-breakpoint
CREATE INDEX `health_appeals_holder_idx` ON `health_appeals` (`holder`);--> statement-breakpoint
CREATE TABLE `health_code_uses` (
	`jti` text PRIMARY KEY NOT NULL,
	`verified_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `health_declarations` (
	`id` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`kind` text NOT NULL,
	`payload` text NOT NULL,
	`declared_at` integer NOT NULL,
	`effective_at` integer NOT NULL,
	`voided_at` integer
);
--> statement-breakpoint
CREATE INDEX `health_declarations_holder_idx` ON `health_declarations` (`holder`,`effective_at`);--> statement-breakpoint
CREATE TABLE `health_status` (
	`holder` text PRIMARY KEY NOT NULL,
	`masked_name` text NOT NULL,
	`colour` text NOT NULL,
	`reasons` text NOT NULL,
	`negative_within_hours` integer,
	`rule_version` text NOT NULL,
	`evaluated_at` integer NOT NULL,
	`valid_until` integer NOT NULL,
	`stale` integer DEFAULT false NOT NULL,
	`credential` text,
	`credential_id` text,
	`device_key_thumbprint` text,
	`credential_expires_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `health_status_credential_id_unique` ON `health_status` (`credential_id`);--> statement-breakpoint
CREATE TABLE `venues` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text NOT NULL,
	`name` text NOT NULL,
	`area` text NOT NULL,
	`address` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `venues_owner_idx` ON `venues` (`owner_id`);
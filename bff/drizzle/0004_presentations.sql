CREATE TABLE `presentations` (
	`jti` text PRIMARY KEY NOT NULL,
	`credential_id` text NOT NULL,
	`verified_at` integer NOT NULL,
	`outcome` text NOT NULL,
	FOREIGN KEY (`credential_id`) REFERENCES `wallet_credentials`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `presentations_credential_idx` ON `presentations` (`credential_id`);--> statement-breakpoint
CREATE TABLE `wallet_credentials` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`card_id` text NOT NULL,
	`profile` text NOT NULL,
	`device_key_thumbprint` text NOT NULL,
	`issued_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `wallet_credentials_card_idx` ON `wallet_credentials` (`user_id`,`card_id`);
CREATE TABLE `login_codes` (
	`code` text PRIMARY KEY NOT NULL,
	`appid` text NOT NULL,
	`openid` text NOT NULL,
	`issued_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer
);

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
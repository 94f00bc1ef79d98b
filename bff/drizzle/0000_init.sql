CREATE TABLE `feedback` (
	`id` text PRIMARY KEY NOT NULL,
	`category` text NOT NULL,
	`content` text NOT NULL,
	`contact_sealed` text,
	`contact_masked` text,
	`status` text DEFAULT 'received' NOT NULL,
	`created_at` integer NOT NULL,
	CONSTRAINT "feedback_content_length" CHECK(length("feedback"."content") between 1 and 2000)
);
--> statement-breakpoint
CREATE INDEX `feedback_created_at_idx` ON `feedback` (`created_at`);
-- from 0003_risk_area_codes.sql
-- Risk areas are administrative-division codes now, not text: the old rows cannot be read as codes, and the
-- stand-in re-seeds its synthetic world when seed_meta is empty.
DELETE FROM `risk_areas`;--> statement-breakpoint
DELETE FROM `seed_meta`;--> statement-breakpoint
ALTER TABLE `risk_areas` RENAME COLUMN "area" TO "area_code";--> statement-breakpoint
CREATE UNIQUE INDEX `risk_areas_area_code_unique` ON `risk_areas` (`area_code`);

--> statement-breakpoint
-- from 0003_appeal_reviewer.sql
ALTER TABLE `appeals` ADD `reviewer` text;
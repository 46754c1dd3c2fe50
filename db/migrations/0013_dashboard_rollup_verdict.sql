-- Kept weeks keep the recalibration check's verdict instead of the changes it is judged from (db/schema.ts). The
-- kept rows are a cache of figures the dashboard computes again when they are missing: emptied, not converted.
DELETE FROM "team_week_figures";--> statement-breakpoint
ALTER TABLE "team_week_figures" ADD COLUMN "recalibration" jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "team_week_figures" DROP COLUMN "changes";

ALTER TABLE "case_events" ADD COLUMN "case_state" jsonb;--> statement-breakpoint
ALTER TABLE "case_events" ADD COLUMN "case_state_before" jsonb;
ALTER TABLE "handoffs" ADD COLUMN "completion" text;--> statement-breakpoint
-- Handoffs completed before this migration: escalations said so in their response, the others were given back.
UPDATE "handoffs" SET "completion" = CASE WHEN "response" LIKE 'Escalated to %' THEN 'ESCALATED' ELSE 'RETURNED' END WHERE "status" = 'COMPLETED';--> statement-breakpoint
-- A case whose handoff was accepted is now worked by the receiving line: it is in progress there, no longer waiting for it.
UPDATE "cases" SET "status" = 'IN_PROGRESS', "version" = "version" + 1 WHERE "status" = 'HANDED_OFF' AND EXISTS (SELECT 1 FROM "handoffs" WHERE "handoffs"."case_id" = "cases"."id" AND "handoffs"."status" = 'ACCEPTED');--> statement-breakpoint
ALTER TABLE "handoffs" ADD CONSTRAINT "handoffs_completion_check" CHECK ("handoffs"."completion" in ('RETURNED', 'RESOLVED', 'ESCALATED') and ("handoffs"."status" = 'COMPLETED') = ("handoffs"."completion" is not null));

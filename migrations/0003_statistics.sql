CREATE TABLE "agent_daily_counts" (
	"day" date NOT NULL,
	"agent_id" uuid NOT NULL,
	"contacts" integer NOT NULL,
	CONSTRAINT "agent_daily_counts_pk" PRIMARY KEY("day","agent_id")
);
--> statement-breakpoint
CREATE TABLE "contact_daily_counts" (
	"day" date NOT NULL,
	"channel" text NOT NULL,
	"direction" text NOT NULL,
	"theme_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"line" text NOT NULL,
	"language" text NOT NULL,
	"interactions" integer NOT NULL,
	"answered_calls" integer NOT NULL,
	"abandoned_calls" integer NOT NULL,
	"wait_seconds" bigint NOT NULL,
	"waits_known" integer NOT NULL,
	"talk_seconds" bigint NOT NULL,
	"talks_known" integer NOT NULL,
	CONSTRAINT "contact_daily_counts_pk" PRIMARY KEY("day","channel","direction","theme_id","service_id","line","language")
);
--> statement-breakpoint
CREATE TABLE "statistics_progress" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"feed_transaction_id" "xid8" NOT NULL,
	"feed_position" bigint NOT NULL,
	CONSTRAINT "statistics_progress_single_row_check" CHECK ("statistics_progress"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "resolution_business_seconds" integer;--> statement-breakpoint
CREATE INDEX "contact_daily_counts_service_day_idx" ON "contact_daily_counts" USING btree ("service_id","day");--> statement-breakpoint
CREATE INDEX "cases_resolved_at_idx" ON "cases" USING btree ("resolved_at");
ALTER TABLE "interactions" ADD COLUMN "contacted_by_mandate_id" uuid;--> statement-breakpoint
ALTER TABLE "interactions" ADD COLUMN "contacted_by_name" text;--> statement-breakpoint
ALTER TABLE "interactions" ADD COLUMN "contacted_by_relationship" text;--> statement-breakpoint
ALTER TABLE "case_events" ADD COLUMN "mandate_id" uuid;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "mandate_id" uuid;--> statement-breakpoint
ALTER TABLE "access_log" ADD COLUMN "mandate_id" uuid;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_contacted_by_mandate_id_mandates_id_fk" FOREIGN KEY ("contacted_by_mandate_id") REFERENCES "public"."mandates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_mandate_id_mandates_id_fk" FOREIGN KEY ("mandate_id") REFERENCES "public"."mandates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_mandate_id_mandates_id_fk" FOREIGN KEY ("mandate_id") REFERENCES "public"."mandates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_log" ADD CONSTRAINT "access_log_mandate_id_mandates_id_fk" FOREIGN KEY ("mandate_id") REFERENCES "public"."mandates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_contacted_by_check" CHECK (not ("interactions"."contacted_by_mandate_id" is not null and "interactions"."contacted_by_name" is not null) and ("interactions"."contacted_by_name" is null) = ("interactions"."contacted_by_relationship" is null));
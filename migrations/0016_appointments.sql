CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid NOT NULL,
	"desk" integer NOT NULL,
	"case_id" uuid NOT NULL,
	"citizen_id" uuid NOT NULL,
	"theme_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"status" text DEFAULT 'BOOKED' NOT NULL,
	"starts_at" timestamp (3) with time zone NOT NULL,
	"ends_at" timestamp (3) with time zone NOT NULL,
	"note" text,
	"booked_by_kind" text NOT NULL,
	"booked_by_agent_id" uuid,
	"ended_by_kind" text,
	"ended_by_agent_id" uuid,
	"cancellation_reason" text,
	"checked_in_at" timestamp (3) with time zone,
	"visit_interaction_id" uuid,
	"ended_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointments_status_check" CHECK ("appointments"."status" in ('BOOKED', 'CHECKED_IN', 'DONE', 'CANCELLED', 'NO_SHOW')),
	CONSTRAINT "appointments_channel_check" CHECK ("appointments"."channel" in ('PHONE', 'EMAIL', 'CHAT', 'COUNTER', 'ONLINE_PROCEDURE', 'LETTER')),
	CONSTRAINT "appointments_booked_by_kind_check" CHECK ("appointments"."booked_by_kind" in ('AGENT', 'CITIZEN', 'SERVICE', 'SYSTEM')),
	CONSTRAINT "appointments_ended_by_kind_check" CHECK ("appointments"."ended_by_kind" in ('AGENT', 'CITIZEN', 'SERVICE', 'SYSTEM')),
	CONSTRAINT "appointments_desk_check" CHECK ("appointments"."desk" >= 1),
	CONSTRAINT "appointments_range_check" CHECK ("appointments"."starts_at" < "appointments"."ends_at"),
	CONSTRAINT "appointments_cancellation_reason_check" CHECK ("appointments"."status" <> 'CANCELLED' or "appointments"."cancellation_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "bookable_resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"labels" jsonb NOT NULL,
	"counter_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"desks" integer DEFAULT 1 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bookable_resources_code_unique" UNIQUE("code"),
	CONSTRAINT "bookable_resources_kind_check" CHECK ("bookable_resources"."kind" in ('COUNTER', 'PERMANENCE')),
	CONSTRAINT "bookable_resources_desks_check" CHECK ("bookable_resources"."desks" between 1 and 50)
);
--> statement-breakpoint
CREATE TABLE "postal_code_places" (
	"postal_code" text PRIMARY KEY NOT NULL,
	"city" text NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	CONSTRAINT "postal_code_places_coordinates_check" CHECK ("postal_code_places"."latitude" between -90 and 90 and "postal_code_places"."longitude" between -180 and 180)
);
--> statement-breakpoint
CREATE TABLE "resource_closure_days" (
	"resource_id" uuid NOT NULL,
	"day" date NOT NULL,
	"reason" text,
	CONSTRAINT "resource_closure_days_resource_id_day_pk" PRIMARY KEY("resource_id","day")
);
--> statement-breakpoint
CREATE TABLE "resource_opening_hours" (
	"resource_id" uuid NOT NULL,
	"weekday" integer NOT NULL,
	"opens_at" time NOT NULL,
	"closes_at" time NOT NULL,
	CONSTRAINT "resource_opening_hours_resource_id_weekday_opens_at_pk" PRIMARY KEY("resource_id","weekday","opens_at"),
	CONSTRAINT "resource_opening_hours_weekday_check" CHECK ("resource_opening_hours"."weekday" between 1 and 7),
	CONSTRAINT "resource_opening_hours_range_check" CHECK ("resource_opening_hours"."opens_at" < "resource_opening_hours"."closes_at")
);
--> statement-breakpoint
CREATE TABLE "resource_themes" (
	"resource_id" uuid NOT NULL,
	"theme_id" uuid NOT NULL,
	"duration_minutes" integer DEFAULT 20 NOT NULL,
	CONSTRAINT "resource_themes_resource_id_theme_id_pk" PRIMARY KEY("resource_id","theme_id"),
	CONSTRAINT "resource_themes_duration_check" CHECK ("resource_themes"."duration_minutes" between 5 and 240)
);
--> statement-breakpoint
ALTER TABLE "case_events" DROP CONSTRAINT "case_events_type_check";--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_resource_id_bookable_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."bookable_resources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_booked_by_agent_id_agents_id_fk" FOREIGN KEY ("booked_by_agent_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_ended_by_agent_id_agents_id_fk" FOREIGN KEY ("ended_by_agent_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_visit_interaction_id_interactions_id_fk" FOREIGN KEY ("visit_interaction_id") REFERENCES "public"."interactions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookable_resources" ADD CONSTRAINT "bookable_resources_counter_id_counters_id_fk" FOREIGN KEY ("counter_id") REFERENCES "public"."counters"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookable_resources" ADD CONSTRAINT "bookable_resources_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_closure_days" ADD CONSTRAINT "resource_closure_days_resource_id_bookable_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."bookable_resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_opening_hours" ADD CONSTRAINT "resource_opening_hours_resource_id_bookable_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."bookable_resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_themes" ADD CONSTRAINT "resource_themes_resource_id_bookable_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."bookable_resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_themes" ADD CONSTRAINT "resource_themes_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointments_resource_starts_idx" ON "appointments" USING btree ("resource_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_case_starts_idx" ON "appointments" USING btree ("case_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_citizen_starts_idx" ON "appointments" USING btree ("citizen_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_booked_ends_idx" ON "appointments" USING btree ("ends_at") WHERE "appointments"."status" = 'BOOKED';--> statement-breakpoint
CREATE INDEX "appointments_visit_interaction_idx" ON "appointments" USING btree ("visit_interaction_id");--> statement-breakpoint
CREATE INDEX "bookable_resources_counter_idx" ON "bookable_resources" USING btree ("counter_id");--> statement-breakpoint
CREATE INDEX "bookable_resources_service_idx" ON "bookable_resources" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "resource_themes_theme_idx" ON "resource_themes" USING btree ("theme_id");--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_type_check" CHECK ("case_events"."type" in ('CASE_CREATED', 'CASE_UPDATED', 'STATUS_CHANGED', 'INTERACTION_ADDED', 'HANDOFF_REQUESTED', 'HANDOFF_ACCEPTED', 'HANDOFF_REJECTED', 'HANDOFF_COMPLETED', 'HANDOFF_CANCELLED', 'CASE_ASSIGNED', 'NOTE_ADDED', 'PROCEDURE_STEP_CHANGED', 'MESSAGE_SENT', 'PUBLICATION_ORDERED', 'APPOINTMENT_BOOKED', 'APPOINTMENT_RESCHEDULED', 'APPOINTMENT_CANCELLED', 'APPOINTMENT_CHECKED_IN', 'APPOINTMENT_DONE', 'APPOINTMENT_NO_SHOW'));--> statement-breakpoint
-- Hand-written (drizzle-kit does not model exclusion constraints): no two live appointments
-- overlap on one desk of a resource, whatever the number of concurrent writers. btree_gist lets
-- the equality on resource and desk share one GiST index with the time range.
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_no_double_booking" EXCLUDE USING gist ("resource_id" WITH =, "desk" WITH =, tstzrange("starts_at", "ends_at") WITH &&) WHERE ("status" in ('BOOKED', 'CHECKED_IN', 'DONE'));

CREATE TABLE "agents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"login" text NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"email" text,
	"role" text NOT NULL,
	"service_id" uuid NOT NULL,
	"languages" text[] DEFAULT '{"fr"}' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agents_login_unique" UNIQUE("login"),
	CONSTRAINT "agents_role_check" CHECK ("agents"."role" in ('FIRST_LINE_AGENT', 'BACK_OFFICE_AGENT', 'SUPERVISOR', 'ADMIN')),
	CONSTRAINT "agents_languages_check" CHECK ("agents"."languages" <@ array['fr', 'de', 'nl', 'en']::text[])
);
--> statement-breakpoint
CREATE TABLE "counters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"labels" jsonb NOT NULL,
	"city" text NOT NULL,
	"postal_code" text NOT NULL,
	"address" text NOT NULL,
	"phone" text,
	"opening_hours" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "counters_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "departments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"labels" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "departments_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "service_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject" text NOT NULL,
	"name" text NOT NULL,
	"service_id" uuid NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_accounts_subject_unique" UNIQUE("subject")
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"labels" jsonb NOT NULL,
	"department_id" uuid,
	"line" text NOT NULL,
	"kind" text NOT NULL,
	"authority_level" text,
	"phone" text,
	"email" text,
	"website" text,
	"address" text,
	"opening_hours" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "services_code_unique" UNIQUE("code"),
	CONSTRAINT "services_line_check" CHECK ("services"."line" in ('FIRST', 'SECOND', 'THIRD')),
	CONSTRAINT "services_kind_check" CHECK ("services"."kind" in ('INTERNAL', 'EXTERNAL')),
	CONSTRAINT "services_authority_level_check" CHECK ("services"."authority_level" in ('FEDERAL', 'COMMUNITY', 'REGIONAL', 'PROVINCIAL', 'LOCAL', 'OPERATOR', 'PRIVATE'))
);
--> statement-breakpoint
CREATE TABLE "citizens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"preferred_language" text DEFAULT 'fr' NOT NULL,
	"national_number_encrypted" text,
	"national_number_hash" text,
	"assistance_needs" text[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "citizens_national_number_hash_unique" UNIQUE("national_number_hash"),
	CONSTRAINT "citizens_language_check" CHECK ("citizens"."preferred_language" in ('fr', 'de', 'nl', 'en')),
	CONSTRAINT "citizens_assistance_needs_check" CHECK ("citizens"."assistance_needs" <@ array['ELDERLY', 'REDUCED_MOBILITY', 'NO_INTERNET', 'LANGUAGE', 'VISUAL_IMPAIRMENT', 'HEARING_IMPAIRMENT', 'ISOLATED']::text[]),
	CONSTRAINT "citizens_national_number_pair_check" CHECK (("citizens"."national_number_encrypted" is null) = ("citizens"."national_number_hash" is null))
);
--> statement-breakpoint
CREATE TABLE "contact_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"citizen_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL,
	"normalized_value" text NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_points_kind_check" CHECK ("contact_points"."kind" in ('EMAIL', 'PHONE', 'POSTAL_ADDRESS'))
);
--> statement-breakpoint
CREATE TABLE "procedure_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"procedure_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"code" text NOT NULL,
	"labels" jsonb NOT NULL,
	"expected_days" integer,
	CONSTRAINT "procedure_steps_code_unique" UNIQUE("procedure_id","code"),
	CONSTRAINT "procedure_steps_position_unique" UNIQUE("procedure_id","position"),
	CONSTRAINT "procedure_steps_position_check" CHECK ("procedure_steps"."position" >= 1)
);
--> statement-breakpoint
CREATE TABLE "procedures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"labels" jsonb NOT NULL,
	"description" jsonb,
	"theme_id" uuid NOT NULL,
	"owner_service_id" uuid NOT NULL,
	"expected_duration_days" integer NOT NULL,
	"url" text,
	"allows_skipping_steps" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "procedures_code_unique" UNIQUE("code"),
	CONSTRAINT "procedures_labels_fr_check" CHECK ("procedures"."labels" ? 'fr'),
	CONSTRAINT "procedures_duration_check" CHECK ("procedures"."expected_duration_days" > 0)
);
--> statement-breakpoint
CREATE TABLE "publications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"labels" jsonb NOT NULL,
	"description" jsonb,
	"theme_id" uuid,
	"publisher_service_id" uuid,
	"format" text NOT NULL,
	"free" boolean DEFAULT true NOT NULL,
	"available" boolean DEFAULT true NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "publications_code_unique" UNIQUE("code"),
	CONSTRAINT "publications_format_check" CHECK ("publications"."format" in ('PRINT', 'PDF', 'PRINT_AND_PDF'))
);
--> statement-breakpoint
CREATE TABLE "themes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"parent_id" uuid,
	"labels" jsonb NOT NULL,
	"default_service_id" uuid,
	"first_line_excluded" boolean DEFAULT false NOT NULL,
	"redirect_service_id" uuid,
	"redirect_message" jsonb,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "themes_code_unique" UNIQUE("code"),
	CONSTRAINT "themes_labels_fr_check" CHECK ("themes"."labels" ? 'fr'),
	CONSTRAINT "themes_excluded_has_redirect_check" CHECK (not "themes"."first_line_excluded" or "themes"."redirect_service_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "business_hours" (
	"weekday" integer PRIMARY KEY NOT NULL,
	"opens_at" time NOT NULL,
	"closes_at" time NOT NULL,
	CONSTRAINT "business_hours_weekday_check" CHECK ("business_hours"."weekday" between 1 and 7),
	CONSTRAINT "business_hours_range_check" CHECK ("business_hours"."opens_at" < "business_hours"."closes_at")
);
--> statement-breakpoint
CREATE TABLE "closure_days" (
	"day" date PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"labels" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "closure_days_kind_check" CHECK ("closure_days"."kind" in ('PUBLIC_HOLIDAY', 'REGIONAL_HOLIDAY', 'SERVICE_CLOSURE'))
);
--> statement-breakpoint
CREATE TABLE "case_external_references" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"system" text NOT NULL,
	"external_id" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_external_references_system_id_unique" UNIQUE("system","external_id")
);
--> statement-breakpoint
CREATE TABLE "case_reference_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "case_reference_counters_number_check" CHECK ("case_reference_counters"."last_number" >= 0)
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"tracking_code_hash" text,
	"citizen_id" uuid,
	"theme_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"description" text,
	"status" text DEFAULT 'NEW' NOT NULL,
	"resolution" text,
	"priority" text DEFAULT 'NORMAL' NOT NULL,
	"priority_rank" smallint GENERATED ALWAYS AS (case priority when 'LOW' then 1 when 'NORMAL' then 2 when 'HIGH' then 3 else 4 end) STORED NOT NULL,
	"origin_channel" text NOT NULL,
	"language" text DEFAULT 'fr' NOT NULL,
	"current_line" text DEFAULT 'FIRST' NOT NULL,
	"service_id" uuid NOT NULL,
	"referent_agent_id" uuid,
	"assignee_agent_id" uuid,
	"procedure_id" uuid,
	"procedure_step_id" uuid,
	"confidentiality" text DEFAULT 'NORMAL' NOT NULL,
	"due_at" timestamp (3) with time zone,
	"at_risk_at" timestamp (3) with time zone,
	"first_response_due_at" timestamp (3) with time zone,
	"waiting_since" timestamp (3) with time zone,
	"resolved_at" timestamp (3) with time zone,
	"closed_at" timestamp (3) with time zone,
	"search_vector" "tsvector",
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_reference_unique" UNIQUE("reference"),
	CONSTRAINT "cases_status_check" CHECK ("cases"."status" in ('NEW', 'IN_PROGRESS', 'WAITING_FOR_CITIZEN', 'HANDED_OFF', 'RESOLVED', 'CLOSED', 'CANCELLED')),
	CONSTRAINT "cases_resolution_check" CHECK ("cases"."resolution" in ('ANSWERED', 'ORIENTED_TO_SERVICE', 'PROCEDURE_STARTED', 'ORDER_REGISTERED', 'APPOINTMENT_BOOKED', 'HANDLED_BY_BACK_OFFICE')),
	CONSTRAINT "cases_priority_check" CHECK ("cases"."priority" in ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
	CONSTRAINT "cases_origin_channel_check" CHECK ("cases"."origin_channel" in ('PHONE', 'EMAIL', 'CHAT', 'COUNTER', 'ONLINE_PROCEDURE', 'LETTER')),
	CONSTRAINT "cases_language_check" CHECK ("cases"."language" in ('fr', 'de', 'nl', 'en')),
	CONSTRAINT "cases_current_line_check" CHECK ("cases"."current_line" in ('FIRST', 'SECOND', 'THIRD')),
	CONSTRAINT "cases_confidentiality_check" CHECK ("cases"."confidentiality" in ('NORMAL', 'CONFIDENTIAL')),
	CONSTRAINT "cases_resolution_status_check" CHECK (("cases"."resolution" is not null) = ("cases"."status" in ('RESOLVED', 'CLOSED'))),
	CONSTRAINT "cases_step_needs_procedure_check" CHECK ("cases"."procedure_step_id" is null or "cases"."procedure_id" is not null),
	CONSTRAINT "cases_version_check" CHECK ("cases"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "chat_sessions" (
	"interaction_id" uuid PRIMARY KEY NOT NULL,
	"message_count" integer DEFAULT 0 NOT NULL,
	"transcript" text,
	CONSTRAINT "chat_sessions_message_count_check" CHECK ("chat_sessions"."message_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "counter_visits" (
	"interaction_id" uuid PRIMARY KEY NOT NULL,
	"counter_id" uuid NOT NULL,
	"ticket" text
);
--> statement-breakpoint
CREATE TABLE "email_messages" (
	"interaction_id" uuid PRIMARY KEY NOT NULL,
	"from_address" text NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"message_id" text
);
--> statement-breakpoint
CREATE TABLE "interactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"direction" text DEFAULT 'INBOUND' NOT NULL,
	"external_id" text,
	"agent_id" uuid,
	"summary" text,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interactions_channel_check" CHECK ("interactions"."channel" in ('PHONE', 'EMAIL', 'CHAT', 'COUNTER', 'ONLINE_PROCEDURE', 'LETTER')),
	CONSTRAINT "interactions_direction_check" CHECK ("interactions"."direction" in ('INBOUND', 'OUTBOUND'))
);
--> statement-breakpoint
CREATE TABLE "letters" (
	"interaction_id" uuid PRIMARY KEY NOT NULL,
	"sender_address" text,
	"registered_mail" boolean DEFAULT false NOT NULL,
	"letter_reference" text
);
--> statement-breakpoint
CREATE TABLE "online_submissions" (
	"interaction_id" uuid PRIMARY KEY NOT NULL,
	"procedure_id" uuid NOT NULL,
	"submission_id" text NOT NULL,
	"step_id" uuid,
	"answers" jsonb
);
--> statement-breakpoint
CREATE TABLE "phone_calls" (
	"interaction_id" uuid PRIMARY KEY NOT NULL,
	"line" text NOT NULL,
	"ivr_path" text[] DEFAULT '{}' NOT NULL,
	"wait_seconds" integer,
	"talk_seconds" integer,
	"caller_number_masked" text,
	"abandoned" boolean DEFAULT false NOT NULL,
	CONSTRAINT "phone_calls_line_check" CHECK ("phone_calls"."line" in ('1718', '1719')),
	CONSTRAINT "phone_calls_seconds_check" CHECK (coalesce("phone_calls"."wait_seconds", 0) >= 0 and coalesce("phone_calls"."talk_seconds", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "handoffs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"from_service_id" uuid NOT NULL,
	"from_line" text NOT NULL,
	"to_service_id" uuid NOT NULL,
	"to_line" text NOT NULL,
	"requested_by_agent_id" uuid,
	"reason" text NOT NULL,
	"status" text DEFAULT 'REQUESTED' NOT NULL,
	"rejection_reason" text,
	"response" text,
	"due_at" timestamp (3) with time zone,
	"requested_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"accepted_at" timestamp (3) with time zone,
	"rejected_at" timestamp (3) with time zone,
	"completed_at" timestamp (3) with time zone,
	"cancelled_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "handoffs_status_check" CHECK ("handoffs"."status" in ('REQUESTED', 'ACCEPTED', 'COMPLETED', 'REJECTED', 'CANCELLED')),
	CONSTRAINT "handoffs_from_line_check" CHECK ("handoffs"."from_line" in ('FIRST', 'SECOND', 'THIRD')),
	CONSTRAINT "handoffs_to_line_check" CHECK ("handoffs"."to_line" in ('FIRST', 'SECOND', 'THIRD')),
	CONSTRAINT "handoffs_rejection_reason_check" CHECK ("handoffs"."status" <> 'REJECTED' or "handoffs"."rejection_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"position" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_events_position_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"transaction_id" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	"case_id" uuid NOT NULL,
	"type" text NOT NULL,
	"visibility" text NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_agent_id" uuid,
	"actor_citizen_id" uuid,
	"actor_service_id" uuid,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"occurred_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_events_type_check" CHECK ("case_events"."type" in ('CASE_CREATED', 'CASE_UPDATED', 'STATUS_CHANGED', 'INTERACTION_ADDED', 'HANDOFF_REQUESTED', 'HANDOFF_ACCEPTED', 'HANDOFF_REJECTED', 'HANDOFF_COMPLETED', 'HANDOFF_CANCELLED', 'CASE_ASSIGNED', 'NOTE_ADDED', 'PROCEDURE_STEP_CHANGED', 'MESSAGE_SENT', 'PUBLICATION_ORDERED')),
	CONSTRAINT "case_events_visibility_check" CHECK ("case_events"."visibility" in ('CITIZEN', 'INTERNAL')),
	CONSTRAINT "case_events_actor_kind_check" CHECK ("case_events"."actor_kind" in ('AGENT', 'CITIZEN', 'SERVICE', 'SYSTEM'))
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"author_agent_id" uuid,
	"author_citizen_id" uuid,
	"body" text NOT NULL,
	"read_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "messages_single_author_check" CHECK (not ("messages"."author_agent_id" is not null and "messages"."author_citizen_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"author_agent_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "publication_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid,
	"citizen_id" uuid NOT NULL,
	"publication_id" uuid NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'REQUESTED' NOT NULL,
	"delivery_address" text,
	"recorded_by_agent_id" uuid,
	"ordered_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "publication_orders_quantity_check" CHECK ("publication_orders"."quantity" between 1 and 100),
	CONSTRAINT "publication_orders_status_check" CHECK ("publication_orders"."status" in ('REQUESTED', 'SENT', 'CANCELLED'))
);
--> statement-breakpoint
CREATE TABLE "access_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "access_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"actor_kind" text NOT NULL,
	"actor_subject" text NOT NULL,
	"citizen_id" uuid NOT NULL,
	"case_id" uuid,
	"fields" text[] NOT NULL,
	"reason" text,
	"request_id" text,
	"occurred_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "access_log_actor_kind_check" CHECK ("access_log"."actor_kind" in ('AGENT', 'CITIZEN', 'SERVICE', 'SYSTEM'))
);
--> statement-breakpoint
CREATE TABLE "ivr_options" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"line" text NOT NULL,
	"key" text NOT NULL,
	"labels" jsonb NOT NULL,
	"action" text NOT NULL,
	"target_service_id" uuid,
	"theme_id" uuid,
	"message" jsonb,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ivr_options_line_key_unique" UNIQUE("line","key"),
	CONSTRAINT "ivr_options_line_check" CHECK ("ivr_options"."line" in ('1718', '1719')),
	CONSTRAINT "ivr_options_action_check" CHECK ("ivr_options"."action" in ('FIRST_LINE', 'TRANSFER', 'RECORDED_MESSAGE'))
);
--> statement-breakpoint
CREATE TABLE "sla_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"channel" text,
	"theme_id" uuid,
	"line" text,
	"procedure_id" uuid,
	"business_minutes" integer NOT NULL,
	"at_risk_percent" integer DEFAULT 80 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sla_policies_criteria_unique" UNIQUE NULLS NOT DISTINCT("kind","channel","theme_id","line","procedure_id"),
	CONSTRAINT "sla_policies_kind_check" CHECK ("sla_policies"."kind" in ('FIRST_RESPONSE', 'HANDOFF_ACCEPTANCE', 'RESOLUTION')),
	CONSTRAINT "sla_policies_channel_check" CHECK ("sla_policies"."channel" in ('PHONE', 'EMAIL', 'CHAT', 'COUNTER', 'ONLINE_PROCEDURE', 'LETTER')),
	CONSTRAINT "sla_policies_line_check" CHECK ("sla_policies"."line" in ('FIRST', 'SECOND', 'THIRD')),
	CONSTRAINT "sla_policies_minutes_check" CHECK ("sla_policies"."business_minutes" > 0),
	CONSTRAINT "sla_policies_at_risk_check" CHECK ("sla_policies"."at_risk_percent" between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "vocabulary_labels" (
	"vocabulary" text NOT NULL,
	"code" text NOT NULL,
	"labels" jsonb NOT NULL,
	CONSTRAINT "vocabulary_labels_pk" PRIMARY KEY("vocabulary","code")
);
--> statement-breakpoint
CREATE TABLE "tracking_attempts" (
	"key" text PRIMARY KEY NOT NULL,
	"window_started_at" timestamp (3) with time zone NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agents" ADD CONSTRAINT "agents_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_accounts" ADD CONSTRAINT "service_accounts_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_points" ADD CONSTRAINT "contact_points_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_steps" ADD CONSTRAINT "procedure_steps_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedures" ADD CONSTRAINT "procedures_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedures" ADD CONSTRAINT "procedures_owner_service_id_services_id_fk" FOREIGN KEY ("owner_service_id") REFERENCES "public"."services"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_publisher_service_id_services_id_fk" FOREIGN KEY ("publisher_service_id") REFERENCES "public"."services"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "themes" ADD CONSTRAINT "themes_parent_id_themes_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."themes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "themes" ADD CONSTRAINT "themes_default_service_id_services_id_fk" FOREIGN KEY ("default_service_id") REFERENCES "public"."services"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "themes" ADD CONSTRAINT "themes_redirect_service_id_services_id_fk" FOREIGN KEY ("redirect_service_id") REFERENCES "public"."services"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_external_references" ADD CONSTRAINT "case_external_references_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_referent_agent_id_agents_id_fk" FOREIGN KEY ("referent_agent_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_assignee_agent_id_agents_id_fk" FOREIGN KEY ("assignee_agent_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_procedure_step_id_procedure_steps_id_fk" FOREIGN KEY ("procedure_step_id") REFERENCES "public"."procedure_steps"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_sessions" ADD CONSTRAINT "chat_sessions_interaction_id_interactions_id_fk" FOREIGN KEY ("interaction_id") REFERENCES "public"."interactions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counter_visits" ADD CONSTRAINT "counter_visits_interaction_id_interactions_id_fk" FOREIGN KEY ("interaction_id") REFERENCES "public"."interactions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counter_visits" ADD CONSTRAINT "counter_visits_counter_id_counters_id_fk" FOREIGN KEY ("counter_id") REFERENCES "public"."counters"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_messages" ADD CONSTRAINT "email_messages_interaction_id_interactions_id_fk" FOREIGN KEY ("interaction_id") REFERENCES "public"."interactions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_interaction_id_interactions_id_fk" FOREIGN KEY ("interaction_id") REFERENCES "public"."interactions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_submissions" ADD CONSTRAINT "online_submissions_interaction_id_interactions_id_fk" FOREIGN KEY ("interaction_id") REFERENCES "public"."interactions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_submissions" ADD CONSTRAINT "online_submissions_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_submissions" ADD CONSTRAINT "online_submissions_step_id_procedure_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."procedure_steps"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_calls" ADD CONSTRAINT "phone_calls_interaction_id_interactions_id_fk" FOREIGN KEY ("interaction_id") REFERENCES "public"."interactions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handoffs" ADD CONSTRAINT "handoffs_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handoffs" ADD CONSTRAINT "handoffs_from_service_id_services_id_fk" FOREIGN KEY ("from_service_id") REFERENCES "public"."services"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handoffs" ADD CONSTRAINT "handoffs_to_service_id_services_id_fk" FOREIGN KEY ("to_service_id") REFERENCES "public"."services"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handoffs" ADD CONSTRAINT "handoffs_requested_by_agent_id_agents_id_fk" FOREIGN KEY ("requested_by_agent_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_actor_agent_id_agents_id_fk" FOREIGN KEY ("actor_agent_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_actor_citizen_id_citizens_id_fk" FOREIGN KEY ("actor_citizen_id") REFERENCES "public"."citizens"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_actor_service_id_services_id_fk" FOREIGN KEY ("actor_service_id") REFERENCES "public"."services"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_author_agent_id_agents_id_fk" FOREIGN KEY ("author_agent_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_author_citizen_id_citizens_id_fk" FOREIGN KEY ("author_citizen_id") REFERENCES "public"."citizens"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_author_agent_id_agents_id_fk" FOREIGN KEY ("author_agent_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_orders" ADD CONSTRAINT "publication_orders_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_orders" ADD CONSTRAINT "publication_orders_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_orders" ADD CONSTRAINT "publication_orders_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_orders" ADD CONSTRAINT "publication_orders_recorded_by_agent_id_agents_id_fk" FOREIGN KEY ("recorded_by_agent_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_log" ADD CONSTRAINT "access_log_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_log" ADD CONSTRAINT "access_log_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ivr_options" ADD CONSTRAINT "ivr_options_target_service_id_services_id_fk" FOREIGN KEY ("target_service_id") REFERENCES "public"."services"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ivr_options" ADD CONSTRAINT "ivr_options_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_policies" ADD CONSTRAINT "sla_policies_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_policies" ADD CONSTRAINT "sla_policies_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agents_service_login_idx" ON "agents" USING btree ("service_id","login");--> statement-breakpoint
CREATE INDEX "service_accounts_service_idx" ON "service_accounts" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "services_department_idx" ON "services" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "services_line_kind_idx" ON "services" USING btree ("line","kind");--> statement-breakpoint
CREATE INDEX "citizens_family_given_name_idx" ON "citizens" USING btree (lower("family_name"),lower("given_name"));--> statement-breakpoint
CREATE INDEX "contact_points_citizen_idx" ON "contact_points" USING btree ("citizen_id");--> statement-breakpoint
CREATE INDEX "contact_points_lookup_idx" ON "contact_points" USING btree ("kind","normalized_value");--> statement-breakpoint
CREATE INDEX "procedures_theme_idx" ON "procedures" USING btree ("theme_id");--> statement-breakpoint
CREATE INDEX "procedures_owner_service_idx" ON "procedures" USING btree ("owner_service_id");--> statement-breakpoint
CREATE INDEX "publications_theme_idx" ON "publications" USING btree ("theme_id");--> statement-breakpoint
CREATE INDEX "themes_parent_position_idx" ON "themes" USING btree ("parent_id","position");--> statement-breakpoint
CREATE INDEX "case_external_references_case_idx" ON "case_external_references" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "cases_service_status_updated_idx" ON "cases" USING btree ("service_id","status","updated_at");--> statement-breakpoint
CREATE INDEX "cases_status_updated_idx" ON "cases" USING btree ("status","updated_at");--> statement-breakpoint
CREATE INDEX "cases_assignee_status_idx" ON "cases" USING btree ("assignee_agent_id","status");--> statement-breakpoint
CREATE INDEX "cases_referent_idx" ON "cases" USING btree ("referent_agent_id");--> statement-breakpoint
CREATE INDEX "cases_citizen_created_idx" ON "cases" USING btree ("citizen_id","created_at");--> statement-breakpoint
CREATE INDEX "cases_theme_created_idx" ON "cases" USING btree ("theme_id","created_at");--> statement-breakpoint
CREATE INDEX "cases_procedure_idx" ON "cases" USING btree ("procedure_id");--> statement-breakpoint
CREATE INDEX "cases_created_at_id_idx" ON "cases" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "cases_updated_at_id_idx" ON "cases" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "cases_due_id_idx" ON "cases" USING btree (coalesce("due_at", 'infinity'::timestamptz),"id");--> statement-breakpoint
CREATE INDEX "cases_due_desc_id_idx" ON "cases" USING btree (coalesce("due_at", '-infinity'::timestamptz),"id");--> statement-breakpoint
CREATE INDEX "cases_priority_rank_id_idx" ON "cases" USING btree ("priority_rank","id");--> statement-breakpoint
CREATE INDEX "cases_origin_channel_idx" ON "cases" USING btree ("origin_channel");--> statement-breakpoint
CREATE INDEX "cases_current_line_status_idx" ON "cases" USING btree ("current_line","status");--> statement-breakpoint
CREATE INDEX "cases_search_idx" ON "cases" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "cases_at_risk_at_idx" ON "cases" USING btree ("at_risk_at");--> statement-breakpoint
CREATE INDEX "counter_visits_counter_idx" ON "counter_visits" USING btree ("counter_id");--> statement-breakpoint
CREATE UNIQUE INDEX "interactions_channel_external_id_unique" ON "interactions" USING btree ("channel","external_id") WHERE "interactions"."external_id" is not null;--> statement-breakpoint
CREATE INDEX "interactions_case_occurred_idx" ON "interactions" USING btree ("case_id","occurred_at");--> statement-breakpoint
CREATE INDEX "interactions_channel_occurred_idx" ON "interactions" USING btree ("channel","occurred_at");--> statement-breakpoint
CREATE INDEX "interactions_agent_occurred_idx" ON "interactions" USING btree ("agent_id","occurred_at");--> statement-breakpoint
CREATE INDEX "online_submissions_procedure_idx" ON "online_submissions" USING btree ("procedure_id");--> statement-breakpoint
CREATE UNIQUE INDEX "handoffs_one_open_per_case_unique" ON "handoffs" USING btree ("case_id") WHERE "handoffs"."status" in ('REQUESTED', 'ACCEPTED');--> statement-breakpoint
CREATE INDEX "handoffs_case_requested_idx" ON "handoffs" USING btree ("case_id","requested_at");--> statement-breakpoint
CREATE INDEX "handoffs_to_service_status_due_idx" ON "handoffs" USING btree ("to_service_id","status",coalesce("due_at", 'infinity'::timestamptz),"id");--> statement-breakpoint
CREATE INDEX "handoffs_from_service_status_idx" ON "handoffs" USING btree ("from_service_id","status");--> statement-breakpoint
CREATE INDEX "case_events_case_position_idx" ON "case_events" USING btree ("case_id","position");--> statement-breakpoint
CREATE INDEX "case_events_type_position_idx" ON "case_events" USING btree ("type","position");--> statement-breakpoint
CREATE INDEX "case_events_transaction_position_idx" ON "case_events" USING btree ("transaction_id","position");--> statement-breakpoint
CREATE INDEX "case_events_occurred_at_idx" ON "case_events" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "messages_case_created_idx" ON "messages" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "notes_case_created_idx" ON "notes" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "publication_orders_citizen_idx" ON "publication_orders" USING btree ("citizen_id","ordered_at");--> statement-breakpoint
CREATE INDEX "publication_orders_case_idx" ON "publication_orders" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "publication_orders_publication_idx" ON "publication_orders" USING btree ("publication_id");--> statement-breakpoint
CREATE INDEX "access_log_citizen_id_idx" ON "access_log" USING btree ("citizen_id","id");--> statement-breakpoint
CREATE INDEX "access_log_actor_occurred_idx" ON "access_log" USING btree ("actor_subject","occurred_at");
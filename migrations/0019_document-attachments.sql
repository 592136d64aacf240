CREATE TABLE "procedure_step_requirements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"step_id" uuid NOT NULL,
	"code" text NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"labels" jsonb NOT NULL,
	CONSTRAINT "procedure_step_requirements_code_unique" UNIQUE("step_id","code"),
	CONSTRAINT "procedure_step_requirements_kind_check" CHECK ("procedure_step_requirements"."kind" in ('PROOF_OF_IDENTITY', 'PROOF_OF_OWNERSHIP', 'INVOICE', 'CERTIFICATE', 'LETTER_RECEIVED', 'LETTER_SENT', 'PHOTO', 'OTHER')),
	CONSTRAINT "procedure_step_requirements_labels_fr_check" CHECK ("procedure_step_requirements"."labels" ? 'fr')
);
--> statement-breakpoint
ALTER TABLE "case_events" DROP CONSTRAINT "case_events_type_check";--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "case_id" uuid;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "kind" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "confidentiality" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "attached_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "requirement_id" uuid;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "message_id" uuid;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "interaction_id" uuid;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "review" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "review_reason" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "reviewed_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "reviewed_by_kind" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "reviewed_by_agent_id" uuid;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "removed_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "procedure_step_requirements" ADD CONSTRAINT "procedure_step_requirements_step_id_procedure_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."procedure_steps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_requirement_id_procedure_step_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."procedure_step_requirements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_interaction_id_interactions_id_fk" FOREIGN KEY ("interaction_id") REFERENCES "public"."interactions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_reviewed_by_agent_id_agents_id_fk" FOREIGN KEY ("reviewed_by_agent_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "documents_case_idx" ON "documents" USING btree ("case_id","attached_at");--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_type_check" CHECK ("case_events"."type" in ('CASE_CREATED', 'CASE_UPDATED', 'STATUS_CHANGED', 'INTERACTION_ADDED', 'HANDOFF_REQUESTED', 'HANDOFF_ACCEPTED', 'HANDOFF_REJECTED', 'HANDOFF_COMPLETED', 'HANDOFF_CANCELLED', 'CASE_ASSIGNED', 'NOTE_ADDED', 'PROCEDURE_STEP_CHANGED', 'MESSAGE_SENT', 'PUBLICATION_ORDERED', 'APPOINTMENT_BOOKED', 'APPOINTMENT_RESCHEDULED', 'APPOINTMENT_CANCELLED', 'APPOINTMENT_CHECKED_IN', 'APPOINTMENT_DONE', 'APPOINTMENT_NO_SHOW', 'DOCUMENT_ATTACHED', 'DOCUMENT_REVIEWED', 'DOCUMENT_REMOVED'));--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_kind_check" CHECK ("documents"."kind" in ('PROOF_OF_IDENTITY', 'PROOF_OF_OWNERSHIP', 'INVOICE', 'CERTIFICATE', 'LETTER_RECEIVED', 'LETTER_SENT', 'PHOTO', 'OTHER'));--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_confidentiality_check" CHECK ("documents"."confidentiality" in ('CITIZEN_VISIBLE', 'INTERNAL'));--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_review_check" CHECK ("documents"."review" in ('PENDING', 'ACCEPTED', 'REJECTED'));--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_reviewed_by_kind_check" CHECK ("documents"."reviewed_by_kind" in ('AGENT', 'CITIZEN', 'SERVICE', 'SYSTEM'));--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_attached_check" CHECK ("documents"."status" in ('UPLOADING', 'PENDING') or ("documents"."case_id" is not null and "documents"."kind" is not null and "documents"."confidentiality" is not null and "documents"."review" is not null and "documents"."attached_at" is not null));--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_removed_check" CHECK (("documents"."status" = 'REMOVED') = ("documents"."removed_at" is not null));
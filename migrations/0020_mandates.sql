CREATE TABLE "mandates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"represented_citizen_id" uuid NOT NULL,
	"representative_citizen_id" uuid,
	"representative_name" text,
	"representative_organisation" text,
	"scope" text NOT NULL,
	"theme_codes" text[] DEFAULT '{}' NOT NULL,
	"case_id" uuid,
	"rights" text NOT NULL,
	"valid_from" timestamp (3) with time zone NOT NULL,
	"valid_until" timestamp (3) with time zone,
	"granted_by_kind" text NOT NULL,
	"granted_by_agent_id" uuid,
	"proof_note" text,
	"proof_document_id" uuid,
	"revoked_at" timestamp (3) with time zone,
	"revoked_by_kind" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mandates_scope_check" CHECK ("mandates"."scope" in ('ALL_CASES', 'THEMES', 'ONE_CASE')),
	CONSTRAINT "mandates_rights_check" CHECK ("mandates"."rights" in ('READ', 'ACT')),
	CONSTRAINT "mandates_granted_by_kind_check" CHECK ("mandates"."granted_by_kind" in ('CITIZEN', 'AGENT')),
	CONSTRAINT "mandates_revoked_by_kind_check" CHECK ("mandates"."revoked_by_kind" in ('CITIZEN', 'AGENT')),
	CONSTRAINT "mandates_representative_check" CHECK (("mandates"."representative_citizen_id" is null) <> ("mandates"."representative_name" is null)),
	CONSTRAINT "mandates_not_self_check" CHECK ("mandates"."representative_citizen_id" is distinct from "mandates"."represented_citizen_id"),
	CONSTRAINT "mandates_scope_details_check" CHECK (("mandates"."scope" = 'THEMES') = (cardinality("mandates"."theme_codes") > 0) and ("mandates"."scope" = 'ONE_CASE') = ("mandates"."case_id" is not null)),
	CONSTRAINT "mandates_dates_check" CHECK ("mandates"."valid_until" is null or "mandates"."valid_until" > "mandates"."valid_from"),
	CONSTRAINT "mandates_agent_proof_check" CHECK ("mandates"."granted_by_kind" <> 'AGENT' or "mandates"."proof_note" is not null),
	CONSTRAINT "mandates_revocation_check" CHECK (("mandates"."revoked_at" is null) = ("mandates"."revoked_by_kind" is null))
);
--> statement-breakpoint
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_represented_citizen_id_citizens_id_fk" FOREIGN KEY ("represented_citizen_id") REFERENCES "public"."citizens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_representative_citizen_id_citizens_id_fk" FOREIGN KEY ("representative_citizen_id") REFERENCES "public"."citizens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_granted_by_agent_id_agents_id_fk" FOREIGN KEY ("granted_by_agent_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_proof_document_id_documents_id_fk" FOREIGN KEY ("proof_document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mandates_represented_idx" ON "mandates" USING btree ("represented_citizen_id");--> statement-breakpoint
CREATE INDEX "mandates_representative_idx" ON "mandates" USING btree ("representative_citizen_id");
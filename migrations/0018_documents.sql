CREATE TABLE "document_contents" (
	"document_id" uuid NOT NULL,
	"chunk_index" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	CONSTRAINT "document_contents_document_id_chunk_index_pk" PRIMARY KEY("document_id","chunk_index"),
	CONSTRAINT "document_contents_chunk_index_check" CHECK ("document_contents"."chunk_index" >= 0)
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint,
	"sha256" text,
	"uploaded_by_kind" text NOT NULL,
	"uploaded_by_agent_id" uuid,
	"uploaded_by_citizen_id" uuid,
	"uploaded_by_service_id" uuid,
	"uploaded_at" timestamp (3) with time zone NOT NULL,
	"expires_at" timestamp (3) with time zone,
	CONSTRAINT "documents_status_check" CHECK ("documents"."status" in ('UPLOADING', 'PENDING', 'ATTACHED', 'REMOVED')),
	CONSTRAINT "documents_uploaded_by_kind_check" CHECK ("documents"."uploaded_by_kind" in ('CITIZEN', 'AGENT', 'SERVICE')),
	CONSTRAINT "documents_complete_check" CHECK ("documents"."status" = 'UPLOADING' or ("documents"."size" is not null and "documents"."sha256" is not null)),
	CONSTRAINT "documents_size_check" CHECK ("documents"."size" >= 0),
	CONSTRAINT "documents_sha256_check" CHECK ("documents"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "documents_expiry_check" CHECK ("documents"."status" not in ('UPLOADING', 'PENDING') or "documents"."expires_at" is not null)
);
--> statement-breakpoint
ALTER TABLE "document_contents" ADD CONSTRAINT "document_contents_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_uploaded_by_agent_id_agents_id_fk" FOREIGN KEY ("uploaded_by_agent_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_uploaded_by_citizen_id_citizens_id_fk" FOREIGN KEY ("uploaded_by_citizen_id") REFERENCES "public"."citizens"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_uploaded_by_service_id_services_id_fk" FOREIGN KEY ("uploaded_by_service_id") REFERENCES "public"."services"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "documents_unattached_expires_idx" ON "documents" USING btree ("expires_at") WHERE "documents"."status" in ('UPLOADING', 'PENDING');--> statement-breakpoint
CREATE INDEX "documents_uploaded_by_citizen_idx" ON "documents" USING btree ("uploaded_by_citizen_id");
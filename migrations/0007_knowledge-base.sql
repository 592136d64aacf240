CREATE TABLE "knowledge_article_texts" (
	"article_id" uuid NOT NULL,
	"version_number" integer NOT NULL,
	"language" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector(knowledge_search_configuration(language), title), 'A') || setweight(to_tsvector(knowledge_search_configuration(language), body), 'B')) STORED NOT NULL,
	CONSTRAINT "knowledge_article_texts_article_id_version_number_language_pk" PRIMARY KEY("article_id","version_number","language"),
	CONSTRAINT "knowledge_article_texts_language_check" CHECK ("knowledge_article_texts"."language" in ('fr', 'de', 'nl', 'en'))
);
--> statement-breakpoint
CREATE TABLE "knowledge_article_uses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"article_id" uuid NOT NULL,
	"version_number" integer,
	"case_id" uuid NOT NULL,
	"interaction_id" uuid,
	"agent_id" uuid,
	"used_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "knowledge_article_uses_once" UNIQUE NULLS NOT DISTINCT("article_id","case_id","interaction_id")
);
--> statement-breakpoint
CREATE TABLE "knowledge_article_versions" (
	"article_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"audience" text NOT NULL,
	"theme_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"procedure_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"service_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"edited_by_agent_id" uuid,
	"edited_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"published_by_agent_id" uuid,
	"published_at" timestamp (3) with time zone,
	CONSTRAINT "knowledge_article_versions_article_id_number_pk" PRIMARY KEY("article_id","number"),
	CONSTRAINT "knowledge_article_versions_audience_check" CHECK ("knowledge_article_versions"."audience" in ('INTERNAL', 'PUBLIC'))
);
--> statement-breakpoint
CREATE TABLE "knowledge_articles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seed_key" text,
	"owner_service_id" uuid NOT NULL,
	"status" text DEFAULT 'DRAFT' NOT NULL,
	"review_due_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"published_version" integer,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "knowledge_articles_seedKey_unique" UNIQUE("seed_key"),
	CONSTRAINT "knowledge_articles_status_check" CHECK ("knowledge_articles"."status" in ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
	CONSTRAINT "knowledge_articles_published_check" CHECK ("knowledge_articles"."status" <> 'PUBLISHED' or "knowledge_articles"."published_version" is not null)
);
--> statement-breakpoint
CREATE TABLE "knowledge_missing_answers" (
	"query" text NOT NULL,
	"language" text NOT NULL,
	"searches" integer DEFAULT 1 NOT NULL,
	"first_searched_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"last_searched_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "knowledge_missing_answers_query_language_pk" PRIMARY KEY("query","language")
);
--> statement-breakpoint
CREATE TABLE "knowledge_suggestions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"article_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"comment" text NOT NULL,
	"status" text DEFAULT 'OPEN' NOT NULL,
	"author_agent_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"resolved_by_agent_id" uuid,
	"resolved_at" timestamp (3) with time zone,
	"resolution_comment" text,
	CONSTRAINT "knowledge_suggestions_kind_check" CHECK ("knowledge_suggestions"."kind" in ('CHANGE', 'ERROR')),
	CONSTRAINT "knowledge_suggestions_status_check" CHECK ("knowledge_suggestions"."status" in ('OPEN', 'APPLIED', 'DISMISSED'))
);
--> statement-breakpoint
ALTER TABLE "knowledge_article_texts" ADD CONSTRAINT "knowledge_article_texts_article_id_version_number_knowledge_article_versions_article_id_number_fk" FOREIGN KEY ("article_id","version_number") REFERENCES "public"."knowledge_article_versions"("article_id","number") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_article_uses" ADD CONSTRAINT "knowledge_article_uses_article_id_knowledge_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."knowledge_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_article_uses" ADD CONSTRAINT "knowledge_article_uses_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_article_uses" ADD CONSTRAINT "knowledge_article_uses_interaction_id_interactions_id_fk" FOREIGN KEY ("interaction_id") REFERENCES "public"."interactions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_article_uses" ADD CONSTRAINT "knowledge_article_uses_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_article_versions" ADD CONSTRAINT "knowledge_article_versions_article_id_knowledge_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."knowledge_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_article_versions" ADD CONSTRAINT "knowledge_article_versions_edited_by_agent_id_agents_id_fk" FOREIGN KEY ("edited_by_agent_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_article_versions" ADD CONSTRAINT "knowledge_article_versions_published_by_agent_id_agents_id_fk" FOREIGN KEY ("published_by_agent_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_articles" ADD CONSTRAINT "knowledge_articles_owner_service_id_services_id_fk" FOREIGN KEY ("owner_service_id") REFERENCES "public"."services"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_suggestions" ADD CONSTRAINT "knowledge_suggestions_article_id_knowledge_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."knowledge_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_suggestions" ADD CONSTRAINT "knowledge_suggestions_author_agent_id_agents_id_fk" FOREIGN KEY ("author_agent_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_suggestions" ADD CONSTRAINT "knowledge_suggestions_resolved_by_agent_id_agents_id_fk" FOREIGN KEY ("resolved_by_agent_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "knowledge_article_texts_search_idx" ON "knowledge_article_texts" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "knowledge_article_texts_title_trgm_idx" ON "knowledge_article_texts" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "knowledge_article_uses_case_idx" ON "knowledge_article_uses" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "knowledge_article_uses_interaction_idx" ON "knowledge_article_uses" USING btree ("interaction_id");--> statement-breakpoint
CREATE UNIQUE INDEX "knowledge_article_versions_one_draft_idx" ON "knowledge_article_versions" USING btree ("article_id") WHERE "knowledge_article_versions"."published_at" is null;--> statement-breakpoint
CREATE INDEX "knowledge_article_versions_themes_idx" ON "knowledge_article_versions" USING gin ("theme_ids");--> statement-breakpoint
CREATE INDEX "knowledge_article_versions_procedures_idx" ON "knowledge_article_versions" USING gin ("procedure_ids");--> statement-breakpoint
CREATE INDEX "knowledge_articles_owner_review_idx" ON "knowledge_articles" USING btree ("owner_service_id","review_due_on","id");--> statement-breakpoint
CREATE INDEX "knowledge_articles_review_idx" ON "knowledge_articles" USING btree ("review_due_on","id");--> statement-breakpoint
CREATE INDEX "knowledge_articles_updated_idx" ON "knowledge_articles" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "knowledge_missing_answers_searches_idx" ON "knowledge_missing_answers" USING btree ("searches","query","language");--> statement-breakpoint
CREATE INDEX "knowledge_suggestions_article_idx" ON "knowledge_suggestions" USING btree ("article_id","status","created_at","id");--> statement-breakpoint
CREATE INDEX "knowledge_suggestions_status_created_idx" ON "knowledge_suggestions" USING btree ("status","created_at","id");
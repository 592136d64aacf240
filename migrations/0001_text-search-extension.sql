-- Accent-insensitive full-text search over cases, in French and German (custom migration:
-- drizzle-kit does not express extensions or functions).
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE FUNCTION case_search_document(target_case uuid) RETURNS text
  LANGUAGE sql STABLE
  AS $$
    SELECT unaccent(concat_ws(' ', c.reference, c.subject, c.description,
      (SELECT string_agg(i.summary, ' ') FROM interactions i WHERE i.case_id = c.id)))
    FROM cases c WHERE c.id = target_case
  $$;--> statement-breakpoint
CREATE FUNCTION case_search_vector(target_case uuid) RETURNS tsvector
  LANGUAGE sql STABLE
  AS $$
    SELECT to_tsvector('french', d) || to_tsvector('german', d) || to_tsvector('simple', d)
    FROM case_search_document(target_case) AS d
  $$;--> statement-breakpoint
CREATE FUNCTION case_search_query(words text) RETURNS tsquery
  LANGUAGE sql STABLE
  AS $$
    SELECT websearch_to_tsquery('french', unaccent(words))
      || websearch_to_tsquery('german', unaccent(words))
      || websearch_to_tsquery('simple', unaccent(words))
  $$;

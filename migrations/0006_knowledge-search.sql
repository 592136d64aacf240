-- Knowledge-base search (custom migration: drizzle-kit does not express extensions, text search
-- configurations or functions). One accent-folding configuration per card language, so that
-- "Dämmung" and "Dammung" meet and ts_headline still highlights the words as written; pg_trgm
-- for typo-tolerant title matching.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION guichet_french (COPY = french);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION guichet_french ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION guichet_german (COPY = german);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION guichet_german ALTER MAPPING FOR hword, hword_part, word WITH unaccent, german_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION guichet_dutch (COPY = dutch);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION guichet_dutch ALTER MAPPING FOR hword, hword_part, word WITH unaccent, dutch_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION guichet_english (COPY = english);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION guichet_english ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;--> statement-breakpoint
CREATE FUNCTION knowledge_search_configuration(language text) RETURNS regconfig
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT CASE language
      WHEN 'de' THEN 'guichet_german'::regconfig
      WHEN 'nl' THEN 'guichet_dutch'::regconfig
      WHEN 'en' THEN 'guichet_english'::regconfig
      ELSE 'guichet_french'::regconfig
    END
  $$;

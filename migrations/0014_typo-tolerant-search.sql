-- Searches that forgive a typo: each word of a search that no text contains is corrected against
-- the corpus' own words (a trigram index narrows them, an edit distance decides), and the
-- full-text search then looks for the word or its closest spellings. The vocabularies are kept
-- by triggers (every writer of a text or of a case's search vector keeps them without knowing);
-- the rest is custom SQL, as drizzle-kit expresses neither extensions, functions nor triggers.
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;--> statement-breakpoint
CREATE TABLE "case_search_words" (
	"word" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "knowledge_search_words" (
	"language" text NOT NULL,
	"word" text NOT NULL,
	CONSTRAINT "knowledge_search_words_language_word_pk" PRIMARY KEY("language","word"),
	CONSTRAINT "knowledge_search_words_language_check" CHECK ("knowledge_search_words"."language" in ('fr', 'de', 'nl', 'en'))
);
--> statement-breakpoint
CREATE INDEX "case_search_words_word_idx" ON "case_search_words" USING btree ("word");--> statement-breakpoint
CREATE INDEX "case_search_words_trgm_idx" ON "case_search_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "knowledge_search_words_trgm_idx" ON "knowledge_search_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
-- How many typos a word may carry before it is corrected: none under 4 letters (too many short
-- words look alike), in numbers, references, e-mail addresses and URLs, or above 40 letters; one
-- up to 7 letters, two from 8.
CREATE FUNCTION search_typos_allowed(word text) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT CASE WHEN length(word) < 4 OR length(word) > 40 OR word ~ '[0-9@./_:]' THEN 0 WHEN length(word) < 8 THEN 1 ELSE 2 END
  $$;--> statement-breakpoint
-- Typos between a typed word and a known one: Levenshtein's edits (a letter left out, added or
-- replaced), except that two neighbouring letters swapped count as one typo, not two.
CREATE FUNCTION search_typo_distance(typed text, known text) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT CASE
      WHEN length(typed) = length(known) AND typed <> known AND EXISTS (
        SELECT 1 FROM generate_series(1, length(typed) - 1) AS i
        WHERE overlay(typed PLACING substr(typed, i + 1, 1) || substr(typed, i, 1) FROM i FOR 2) = known)
      THEN 1
      ELSE levenshtein_less_equal(typed, known, 3)
    END
  $$;--> statement-breakpoint
CREATE FUNCTION knowledge_search_words_remember() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
    BEGIN
      INSERT INTO knowledge_search_words (language, word)
        SELECT NEW.language, lexeme FROM unnest(tsvector_to_array(to_tsvector('simple', unaccent(NEW.title || ' ' || NEW.body)))) AS lexeme
        WHERE search_typos_allowed(lexeme) > 0
        ON CONFLICT DO NOTHING;
      RETURN NULL;
    END
  $$;--> statement-breakpoint
CREATE TRIGGER knowledge_search_words_remember AFTER INSERT OR UPDATE OF language, title, body ON knowledge_article_texts
  FOR EACH ROW EXECUTE FUNCTION knowledge_search_words_remember();--> statement-breakpoint
-- A case's words are the lexemes of its search vector (stems included), so that a correction is
-- a lexeme some case holds. Words already known are not written again: most writes add none.
CREATE FUNCTION case_search_words_remember() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
    BEGIN
      IF NEW.search_vector IS NULL THEN RETURN NULL; END IF;
      IF TG_OP = 'UPDATE' THEN
        IF NEW.search_vector IS NOT DISTINCT FROM OLD.search_vector THEN RETURN NULL; END IF;
      END IF;
      INSERT INTO case_search_words (word)
        SELECT lexeme FROM unnest(tsvector_to_array(NEW.search_vector)) AS lexeme
        WHERE search_typos_allowed(lexeme) > 0
          AND NOT EXISTS (SELECT 1 FROM case_search_words AS known WHERE known.word = lexeme);
      RETURN NULL;
    END
  $$;--> statement-breakpoint
CREATE TRIGGER case_search_words_remember AFTER INSERT OR UPDATE OF search_vector ON cases
  FOR EACH ROW EXECUTE FUNCTION case_search_words_remember();--> statement-breakpoint
-- "This or that": the lexemes of a word and of its corrections, OR-ed into one query.
CREATE AGGREGATE tsquery_any(tsquery) (SFUNC = tsquery_or, STYPE = tsquery);--> statement-breakpoint
-- The case search of migrations/0001 (French, German and plain words, accents folded, websearch
-- syntax), in which each word that no case holds (none of its lexemes is a known word) is
-- rewritten (ts_rewrite) into "the word or one of its closest known spellings": at most three,
-- all at the smallest distance found, within search_typos_allowed. NULL when no word needs it
-- (all known, or without a close spelling): case_search_query then is the query. At most 8
-- words are corrected per search. Candidates come from the trigram index with its threshold lowered to 0.2, as a
-- swap in a short word shares few trigrams ("daches"/"dahces": 0.27); the edit distance decides.
CREATE FUNCTION case_search_query_correcting(words text) RETURNS tsquery
  LANGUAGE sql STABLE
  SET pg_trgm.similarity_threshold = 0.2
  AS $$
    WITH RECURSIVE unknown AS (
      SELECT typed.word, search_typos_allowed(typed.word) AS allowed
      FROM unnest(tsvector_to_array(to_tsvector('simple', unaccent(words)))) AS typed(word)
      WHERE search_typos_allowed(typed.word) > 0 AND NOT EXISTS (
        SELECT 1 FROM case_search_words AS known
        WHERE known.word = ANY (tsvector_to_array(to_tsvector('french', typed.word) || to_tsvector('german', typed.word) || to_tsvector('simple', typed.word))))
      ORDER BY typed.word
      LIMIT 8
    ),
    corrections AS (
      SELECT row_number() OVER () AS n, form.lexeme, closest.alternatives
      FROM unknown
      CROSS JOIN LATERAL (
        SELECT tsquery_any(quote_literal(candidate.word)::tsquery) AS alternatives FROM (
          SELECT candidate.word, candidate.distance, candidate.likeness, min(candidate.distance) OVER () AS best
          FROM (
            SELECT DISTINCT known.word, search_typo_distance(unknown.word, known.word) AS distance, similarity(unknown.word, known.word) AS likeness
            FROM case_search_words AS known
            WHERE known.word % unknown.word AND abs(length(known.word) - length(unknown.word)) <= unknown.allowed
          ) AS candidate
          WHERE candidate.distance <= unknown.allowed
          ORDER BY candidate.distance, candidate.likeness DESC, candidate.word
          LIMIT 3
        ) AS candidate
        WHERE candidate.distance = candidate.best
      ) AS closest
      CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector('french', unknown.word) || to_tsvector('german', unknown.word) || to_tsvector('simple', unknown.word))) AS form(lexeme)
      WHERE closest.alternatives IS NOT NULL
    ),
    rewritten AS (
      SELECT 0::bigint AS n, case_search_query(words) AS query
      UNION ALL
      SELECT corrections.n, ts_rewrite(rewritten.query, quote_literal(corrections.lexeme)::tsquery, quote_literal(corrections.lexeme)::tsquery || corrections.alternatives)
      FROM rewritten JOIN corrections ON corrections.n = rewritten.n + 1
    )
    SELECT query FROM rewritten WHERE n > 0 ORDER BY n DESC LIMIT 1
  $$;--> statement-breakpoint
-- A corrected case search's query, computed beforehand, as the page statement reads it: a stable
-- function priced like case_search_query (three websearch_to_tsquery), not a constant, so that
-- the planner estimates its rows from the statistics (it evaluates it while planning) and weighs
-- its cost per row as it does for an exact search. A constant is priced as nearly free per row,
-- and a LIMIT page then walks an order index through every case to find a rare word.
CREATE FUNCTION case_search_tsquery(corrected text) RETURNS tsquery
  LANGUAGE plpgsql STABLE STRICT COST 300
  AS $$
    BEGIN
      RETURN corrected::tsquery;
    END
  $$;--> statement-breakpoint
-- The knowledge search's query in one language (migrations/0006's configuration, websearch
-- syntax), each word that no text of that language contains rewritten into "the word or one of
-- its closest spellings in that language's texts", as for the cases.
CREATE FUNCTION knowledge_search_query(language text, words text) RETURNS tsquery
  LANGUAGE sql STABLE
  SET pg_trgm.similarity_threshold = 0.2
  AS $$
    WITH RECURSIVE unknown AS (
      SELECT typed.word, search_typos_allowed(typed.word) AS allowed
      FROM unnest(tsvector_to_array(to_tsvector('simple', unaccent(words)))) AS typed(word)
      WHERE search_typos_allowed(typed.word) > 0
        AND numnode(websearch_to_tsquery(knowledge_search_configuration(language), typed.word)) > 0
        AND NOT EXISTS (
          SELECT 1 FROM knowledge_article_texts AS t
          WHERE t.language = knowledge_search_query.language AND t.search_vector @@ websearch_to_tsquery(knowledge_search_configuration(knowledge_search_query.language), typed.word))
      ORDER BY typed.word
      LIMIT 8
    ),
    corrections AS (
      SELECT row_number() OVER () AS n, form.lexeme, closest.alternatives
      FROM unknown
      CROSS JOIN LATERAL (
        SELECT tsquery_any(websearch_to_tsquery(knowledge_search_configuration(language), candidate.word)) AS alternatives FROM (
          SELECT candidate.word, candidate.distance, candidate.likeness, min(candidate.distance) OVER () AS best
          FROM (
            SELECT known.word, search_typo_distance(unknown.word, known.word) AS distance, similarity(unknown.word, known.word) AS likeness
            FROM knowledge_search_words AS known
            WHERE known.language = knowledge_search_query.language AND known.word % unknown.word
              AND abs(length(known.word) - length(unknown.word)) <= unknown.allowed
          ) AS candidate
          WHERE candidate.distance <= unknown.allowed
          ORDER BY candidate.distance, candidate.likeness DESC, candidate.word
          LIMIT 3
        ) AS candidate
        WHERE candidate.distance = candidate.best
      ) AS closest
      CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector(knowledge_search_configuration(language), unknown.word))) AS form(lexeme)
      WHERE numnode(closest.alternatives) > 0
    ),
    rewritten AS (
      SELECT 0::bigint AS n, websearch_to_tsquery(knowledge_search_configuration(language), words) AS query
      UNION ALL
      SELECT corrections.n, ts_rewrite(rewritten.query, quote_literal(corrections.lexeme)::tsquery, quote_literal(corrections.lexeme)::tsquery || corrections.alternatives)
      FROM rewritten JOIN corrections ON corrections.n = rewritten.n + 1
    )
    SELECT query FROM rewritten ORDER BY n DESC LIMIT 1
  $$;--> statement-breakpoint
-- The words of what is already written.
INSERT INTO knowledge_search_words (language, word)
  SELECT DISTINCT t.language, lexeme FROM knowledge_article_texts AS t, unnest(tsvector_to_array(to_tsvector('simple', unaccent(t.title || ' ' || t.body)))) AS lexeme
  WHERE search_typos_allowed(lexeme) > 0
  ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO case_search_words (word)
  SELECT DISTINCT lexeme FROM cases AS c, unnest(tsvector_to_array(c.search_vector)) AS lexeme
  WHERE search_typos_allowed(lexeme) > 0;

import { sql } from 'drizzle-orm';
import { check, customType, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  KNOWLEDGE_ARTICLE_STATUSES,
  KNOWLEDGE_AUDIENCES,
  KNOWLEDGE_SUGGESTION_KINDS,
  KNOWLEDGE_SUGGESTION_STATUSES,
  type KnowledgeArticleStatus,
  type KnowledgeAudience,
  type KnowledgeSuggestionKind,
  type KnowledgeSuggestionStatus,
  type Language,
  LANGUAGES,
} from '../../domain/vocabulary.js';
import { cases } from './cases.js';
import { createdAt, isOneOf, updatedAt } from './columns.js';
import { interactions } from './interactions.js';
import { agents, services } from './organisation.js';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * An answer card. What it says lives in its versions: the one in force (`publishedVersion`) and
 * at most one draft being edited. `version` is the optimistic-concurrency counter of edits, as
 * on cases; version numbers count publications.
 */
export const knowledgeArticles = pgTable(
  'knowledge_articles',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The demo seed's key (seeding is idempotent by it); null for cards written through the API. */
    seedKey: text().unique(),
    ownerServiceId: uuid()
      .notNull()
      .references(() => services.id, { onDelete: 'restrict' }),
    status: text().$type<KnowledgeArticleStatus>().notNull().default('DRAFT'),
    reviewDueOn: date({ mode: 'string' }).notNull(),
    version: integer().notNull().default(1),
    publishedVersion: integer(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    check('knowledge_articles_status_check', isOneOf(table.status, KNOWLEDGE_ARTICLE_STATUSES)),
    check('knowledge_articles_published_check', sql`${table.status} <> 'PUBLISHED' or ${table.publishedVersion} is not null`),
    index('knowledge_articles_owner_review_idx').on(table.ownerServiceId, table.reviewDueOn, table.id),
    index('knowledge_articles_review_idx').on(table.reviewDueOn, table.id),
    index('knowledge_articles_updated_idx').on(table.updatedAt, table.id),
  ],
);

/**
 * One version of a card: published (kept for ever, with who published it and when) or the
 * draft (`publishedAt` null, one per card). Links to themes, procedures and services are part
 * of the version, so that a change of them is reviewed and published like the text.
 */
export const knowledgeArticleVersions = pgTable(
  'knowledge_article_versions',
  {
    articleId: uuid()
      .notNull()
      .references(() => knowledgeArticles.id, { onDelete: 'cascade' }),
    number: integer().notNull(),
    audience: text().$type<KnowledgeAudience>().notNull(),
    themeIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    procedureIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    serviceIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    editedByAgentId: uuid().references(() => agents.id, { onDelete: 'set null' }),
    editedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    publishedByAgentId: uuid().references(() => agents.id, { onDelete: 'set null' }),
    publishedAt: timestamp({ withTimezone: true, precision: 3 }),
  },
  (table) => [
    primaryKey({ columns: [table.articleId, table.number] }),
    check('knowledge_article_versions_audience_check', isOneOf(table.audience, KNOWLEDGE_AUDIENCES)),
    uniqueIndex('knowledge_article_versions_one_draft_idx').on(table.articleId).where(sql`${table.publishedAt} is null`),
    index('knowledge_article_versions_themes_idx').using('gin', table.themeIds),
    index('knowledge_article_versions_procedures_idx').using('gin', table.procedureIds),
  ],
);

/**
 * The title and Markdown body of a version in one language (French always there). The search
 * vector is computed by Postgres with the language's accent-folding configuration
 * (migrations/0006): title words weigh A, body words B.
 */
export const knowledgeArticleTexts = pgTable(
  'knowledge_article_texts',
  {
    articleId: uuid().notNull(),
    versionNumber: integer().notNull(),
    language: text().$type<Language>().notNull(),
    title: text().notNull(),
    body: text().notNull(),
    searchVector: tsvector()
      .notNull()
      .generatedAlwaysAs(
        (): ReturnType<typeof sql> => sql`setweight(to_tsvector(knowledge_search_configuration(language), title), 'A') || setweight(to_tsvector(knowledge_search_configuration(language), body), 'B')`,
      ),
  },
  (table) => [
    primaryKey({ columns: [table.articleId, table.versionNumber, table.language] }),
    foreignKey({ columns: [table.articleId, table.versionNumber], foreignColumns: [knowledgeArticleVersions.articleId, knowledgeArticleVersions.number] }).onDelete('cascade'),
    check('knowledge_article_texts_language_check', isOneOf(table.language, LANGUAGES)),
    index('knowledge_article_texts_search_idx').using('gin', table.searchVector),
    index('knowledge_article_texts_title_trgm_idx').using('gin', sql`${table.title} gin_trgm_ops`),
  ],
);

/**
 * The words of the cards' texts as written (lower case, accents removed) by language, against
 * which a search's misspelt words are corrected (migrations/0014). Kept by a trigger on
 * knowledge_article_texts; words of drafts and older versions stay (a correction towards them
 * finds nothing more than the typo did).
 */
export const knowledgeSearchWords = pgTable(
  'knowledge_search_words',
  {
    language: text().$type<Language>().notNull(),
    word: text().notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.language, table.word] }),
    check('knowledge_search_words_language_check', isOneOf(table.language, LANGUAGES)),
    index('knowledge_search_words_trgm_idx').using('gin', sql`${table.word} gin_trgm_ops`),
  ],
);

/** A change proposed or an error reported by an agent, in the owner service's queue. */
export const knowledgeSuggestions = pgTable(
  'knowledge_suggestions',
  {
    id: uuid().primaryKey().defaultRandom(),
    articleId: uuid()
      .notNull()
      .references(() => knowledgeArticles.id, { onDelete: 'cascade' }),
    kind: text().$type<KnowledgeSuggestionKind>().notNull(),
    comment: text().notNull(),
    status: text().$type<KnowledgeSuggestionStatus>().notNull().default('OPEN'),
    authorAgentId: uuid().references(() => agents.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    resolvedByAgentId: uuid().references(() => agents.id, { onDelete: 'set null' }),
    resolvedAt: timestamp({ withTimezone: true, precision: 3 }),
    resolutionComment: text(),
  },
  (table) => [
    check('knowledge_suggestions_kind_check', isOneOf(table.kind, KNOWLEDGE_SUGGESTION_KINDS)),
    check('knowledge_suggestions_status_check', isOneOf(table.status, KNOWLEDGE_SUGGESTION_STATUSES)),
    index('knowledge_suggestions_article_idx').on(table.articleId, table.status, table.createdAt, table.id),
    index('knowledge_suggestions_status_created_idx').on(table.status, table.createdAt, table.id),
  ],
);

/** A card an agent used on a case (and on one of its interactions, when said): the card's figures. */
export const knowledgeArticleUses = pgTable(
  'knowledge_article_uses',
  {
    id: uuid().primaryKey().defaultRandom(),
    articleId: uuid()
      .notNull()
      .references(() => knowledgeArticles.id, { onDelete: 'cascade' }),
    /** The version in force when it was used. */
    versionNumber: integer(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    interactionId: uuid().references(() => interactions.id, { onDelete: 'cascade' }),
    agentId: uuid().references(() => agents.id, { onDelete: 'set null' }),
    usedAt: createdAt(),
  },
  (table) => [
    unique('knowledge_article_uses_once').on(table.articleId, table.caseId, table.interactionId).nullsNotDistinct(),
    index('knowledge_article_uses_case_idx').on(table.caseId),
    index('knowledge_article_uses_interaction_idx').on(table.interactionId),
  ],
);

/** Searches that found nothing, counted per normalised query and language: the missing answers. */
export const knowledgeMissingAnswers = pgTable(
  'knowledge_missing_answers',
  {
    query: text().notNull(),
    language: text().$type<Language>().notNull(),
    searches: integer().notNull().default(1),
    firstSearchedAt: createdAt(),
    lastSearchedAt: updatedAt(),
  },
  (table) => [
    primaryKey({ columns: [table.query, table.language] }),
    index('knowledge_missing_answers_searches_idx').on(table.searches, table.query, table.language),
  ],
);

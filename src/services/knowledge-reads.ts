import { and, asc, desc, eq, isNotNull, isNull, lt, type SQL, sql } from 'drizzle-orm';
import { type Executor, selectRows } from '../db/client.js';
import { anyOf } from '../db/lists.js';
import { knowledgeArticles, knowledgeArticleTexts, knowledgeArticleVersions, knowledgeMissingAnswers, knowledgeSuggestions, themes } from '../db/tables/index.js';
import { ValidationError } from '../domain/errors.js';
import { uuidOrNil, wellFormedUuids } from '../domain/ids.js';
import { brusselsDay, MAX_SEARCH_QUERY, normaliseSearchQuery } from '../domain/knowledge.js';
import type { Viewer } from '../domain/viewer.js';
import type { KnowledgeArticleStatus, KnowledgeAudience, KnowledgeSuggestionStatus, Language } from '../domain/vocabulary.js';
import { COUNT, countOf, type CountedPage, type PageRequest, readPageRequest, toPage } from './pagination.js';
import { inThemeBranch } from './reference-data.js';
import { RESOLVED_AT_FIRST_CONTACT } from './statistics.js';

// Reading the knowledge base. Agents read every card and version; everyone else (citizens,
// service accounts, anonymous portal visitors) reads published PUBLIC cards, in the version in
// force only. The rule is one SQL predicate, applied by every read.

export type KnowledgeArticleRow = typeof knowledgeArticles.$inferSelect;
export type KnowledgeVersionRow = typeof knowledgeArticleVersions.$inferSelect;
export type KnowledgeTextRow = Omit<typeof knowledgeArticleTexts.$inferSelect, 'searchVector'>;
export type KnowledgeSuggestionRow = typeof knowledgeSuggestions.$inferSelect;
export type KnowledgeMissingAnswerRow = typeof knowledgeMissingAnswers.$inferSelect;

const PUBLIC_IN_FORCE = sql`${knowledgeArticles.status} = 'PUBLISHED' and exists (
  select 1 from knowledge_article_versions as pv
  where pv.article_id = ${knowledgeArticles.id} and pv.number = ${knowledgeArticles.publishedVersion} and pv.audience = 'PUBLIC')`;

export function readableArticles(viewer: Viewer): SQL {
  return viewer.kind === 'agent' ? sql`true` : PUBLIC_IN_FORCE;
}

export function articlesByIds(db: Executor, viewer: Viewer, ids: readonly string[]): Promise<KnowledgeArticleRow[]> {
  return db
    .select()
    .from(knowledgeArticles)
    .where(and(anyOf(knowledgeArticles.id, wellFormedUuids(ids)), readableArticles(viewer)));
}

/** A version by card and number, as a DataLoader key. */
export const versionKey = (articleId: string, number: number) => `${articleId}:${number}`;

function splitKeys(keys: readonly string[]): { articleIds: string[]; numbers: number[] } {
  const parts = keys.map((key) => key.split(':'));
  return { articleIds: parts.map((part) => part[0]!), numbers: parts.map((part) => Number(part[1])) };
}

/** Versions by key; the caller has checked that the viewer may read them. */
export async function versionsByKeys(db: Executor, keys: readonly string[]): Promise<(KnowledgeVersionRow | undefined)[]> {
  const { articleIds, numbers } = splitKeys(keys);
  const rows = await db
    .select({ version: knowledgeArticleVersions })
    .from(knowledgeArticleVersions)
    .innerJoin(
      sql`unnest(${sql.param(articleIds)}::uuid[], ${sql.param(numbers)}::int[]) as wanted(article_id, number)`,
      sql`wanted.article_id = ${knowledgeArticleVersions.articleId} and wanted.number = ${knowledgeArticleVersions.number}`,
    );
  const byKey = new Map(rows.map(({ version }) => [versionKey(version.articleId, version.number), version]));
  return keys.map((key) => byKey.get(key));
}

/** The texts of each version (every language it has), by version key. */
export async function textsByVersionKeys(db: Executor, keys: readonly string[]): Promise<KnowledgeTextRow[][]> {
  const { articleIds, numbers } = splitKeys(keys);
  const rows = await db
    .select({
      articleId: knowledgeArticleTexts.articleId,
      versionNumber: knowledgeArticleTexts.versionNumber,
      language: knowledgeArticleTexts.language,
      title: knowledgeArticleTexts.title,
      body: knowledgeArticleTexts.body,
    })
    .from(knowledgeArticleTexts)
    .innerJoin(
      sql`unnest(${sql.param(articleIds)}::uuid[], ${sql.param(numbers)}::int[]) as wanted(article_id, number)`,
      sql`wanted.article_id = ${knowledgeArticleTexts.articleId} and wanted.number = ${knowledgeArticleTexts.versionNumber}`,
    );
  const byKey = new Map<string, KnowledgeTextRow[]>(keys.map((key) => [key, []]));
  for (const row of rows) byKey.get(versionKey(row.articleId, row.versionNumber))?.push(row);
  return keys.map((key) => byKey.get(key)!);
}

/** The drafts of these cards (agents only), by card id. */
export async function draftsByArticleIds(db: Executor, articleIds: readonly string[]): Promise<(KnowledgeVersionRow | undefined)[]> {
  const rows = await db
    .select()
    .from(knowledgeArticleVersions)
    .where(and(anyOf(knowledgeArticleVersions.articleId, [...articleIds]), isNull(knowledgeArticleVersions.publishedAt)));
  const byArticle = new Map(rows.map((row) => [row.articleId, row]));
  return articleIds.map((id) => byArticle.get(id));
}

/**
 * Whether `version` (a knowledge_article_versions row of the card in the query) is the one a
 * reader sees: the version in force, or the draft of a card never published.
 */
const isShownVersion = (version: SQL) =>
  sql`(${version}.number = ${knowledgeArticles.publishedVersion} or (${knowledgeArticles.publishedVersion} is null and ${version}.published_at is null))`;

/** The version a reader sees of each card. */
export async function shownVersionsByArticleIds(db: Executor, articleIds: readonly string[]): Promise<(KnowledgeVersionRow | undefined)[]> {
  const rows = await db
    .select({ version: knowledgeArticleVersions })
    .from(knowledgeArticleVersions)
    .innerJoin(knowledgeArticles, eq(knowledgeArticles.id, knowledgeArticleVersions.articleId))
    .where(
      and(
        anyOf(knowledgeArticles.id, [...articleIds]),
        isShownVersion(sql`${knowledgeArticleVersions}`),
      ),
    );
  const byArticle = new Map(rows.map(({ version }) => [version.articleId, version]));
  return articleIds.map((id) => byArticle.get(id));
}

/** The published versions of a card, newest first. */
export async function listPublishedVersions(db: Executor, articleId: string, request: PageRequest, maxPageSize: number): Promise<CountedPage<KnowledgeVersionRow>> {
  const { limit, after } = readPageRequest(request, maxPageSize, ['integer']);
  const published = and(eq(knowledgeArticleVersions.articleId, articleId), isNotNull(knowledgeArticleVersions.publishedAt));
  const rows = await db
    .select()
    .from(knowledgeArticleVersions)
    .where(and(published, after ? lt(knowledgeArticleVersions.number, after[0] as number) : undefined))
    .orderBy(desc(knowledgeArticleVersions.number))
    .limit(limit + 1);
  return toPage(rows, limit, (row) => [row.number], () => countOf(db.select(COUNT).from(knowledgeArticleVersions).where(published)));
}

export interface KnowledgeArticleFilter {
  ownerServiceId?: string;
  status?: KnowledgeArticleStatus;
  audience?: KnowledgeAudience;
  /** Past their review date (true) or not (false). */
  stale?: boolean;
  /** On this theme or one of its sub-themes (in the version shown). */
  themeCode?: string;
}

export type KnowledgeArticleOrder = 'REVIEW_DUE_ON' | 'UPDATED_AT';


/** The themes of a code and its sub-themes. */
const themeBranch = (code: string) =>
  sql`(select array_agg(${themes.id}) from ${themes} where ${inThemeBranch(code)})`;

export async function listKnowledgeArticles(
  db: Executor,
  viewer: Viewer,
  filter: KnowledgeArticleFilter,
  order: KnowledgeArticleOrder,
  request: PageRequest,
  maxPageSize: number,
  now: Date,
): Promise<CountedPage<KnowledgeArticleRow>> {
  const byReview = order === 'REVIEW_DUE_ON';
  const { limit, after } = readPageRequest(request, maxPageSize, [byReview ? 'day' : 'timestamp', 'uuid']);
  const today = brusselsDay(now);
  const conditions: (SQL | undefined)[] = [
    readableArticles(viewer),
    filter.ownerServiceId ? eq(knowledgeArticles.ownerServiceId, uuidOrNil(filter.ownerServiceId)) : undefined,
    filter.status ? eq(knowledgeArticles.status, filter.status) : undefined,
    filter.stale === true ? sql`${knowledgeArticles.reviewDueOn} < ${today}::date` : undefined,
    filter.stale === false ? sql`${knowledgeArticles.reviewDueOn} >= ${today}::date` : undefined,
    filter.audience
      ? sql`exists (select 1 from knowledge_article_versions as av where av.article_id = ${knowledgeArticles.id} and ${isShownVersion(sql`av`)} and av.audience = ${filter.audience})`
      : undefined,
    filter.themeCode
      ? sql`exists (select 1 from knowledge_article_versions as tv where tv.article_id = ${knowledgeArticles.id} and ${isShownVersion(sql`tv`)} and tv.theme_ids && ${themeBranch(filter.themeCode)})`
      : undefined,
  ];
  const matching = and(...conditions);
  if (after) {
    conditions.push(
      byReview
        ? sql`(${knowledgeArticles.reviewDueOn}, ${knowledgeArticles.id}) > (${after[0]}::date, ${after[1]}::uuid)`
        : sql`(${knowledgeArticles.updatedAt}, ${knowledgeArticles.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`,
    );
  }
  const rows = await db
    .select()
    .from(knowledgeArticles)
    .where(and(...conditions))
    .orderBy(...(byReview ? [asc(knowledgeArticles.reviewDueOn), asc(knowledgeArticles.id)] : [desc(knowledgeArticles.updatedAt), desc(knowledgeArticles.id)]))
    .limit(limit + 1);
  return toPage(
    rows,
    limit,
    (row) => [byReview ? row.reviewDueOn : row.updatedAt.toISOString(), row.id],
    () => countOf(db.select(COUNT).from(knowledgeArticles).where(matching)),
  );
}

export interface KnowledgeHit {
  article: KnowledgeArticleRow;
  language: Language;
  isFallback: boolean;
  title: string;
  /** Extracts of the body around the words found, each found word between <mark> and </mark>. */
  snippet: string;
  rank: number;
  matchedBy: KnowledgeMatch;
}

const SNIPPET_START = '<mark>';
const SNIPPET_STOP = '</mark>';

/** How a hit was found: every word as typed, some words in a corrected spelling, or the title alone. */
export type KnowledgeMatch = 'FULL_TEXT' | 'SPELLING_CORRECTED' | 'TITLE_SIMILARITY';

/**
 * Full-text search over the cards in force, in the asked language with the language's stemming
 * and accent folding; a card without a text in that language is searched and shown in French
 * (isFallback). A word that no text of the language contains also matches its closest spellings
 * in the cards (knowledge_search_query, migrations/0014): one typo per word forgiven. When no card
 * matches every word even so, titles similar to the words are returned instead. Ranked by
 * ts_rank_cd (title words weigh more), then similarity. The cursor
 * is the position in the ranking. A first page without any result, asked by an agent or a
 * citizen, is counted in the missing answers.
 */
export async function searchKnowledge(
  db: Executor,
  viewer: Viewer,
  input: { query: string; language: Language; themeCode?: string | null },
  request: PageRequest,
  maxPageSize: number,
  now: Date,
): Promise<CountedPage<KnowledgeHit>> {
  const query = input.query.trim();
  if (query === '' || query.length > MAX_SEARCH_QUERY) throw new ValidationError([{ path: ['query'], message: `Between 1 and ${MAX_SEARCH_QUERY} characters.` }]);
  const { limit, after } = readPageRequest(request, maxPageSize, ['integer']);
  const offset = (after?.[0] as number | undefined) ?? 0;
  const language = input.language;
  // The texts searched: of the version in force of the published cards the viewer may read, in
  // the asked language, or in French for a card without it.
  const inForceText = sql`
      join knowledge_articles as a on a.id = t.article_id and a.status = 'PUBLISHED' and a.published_version = t.version_number
      join knowledge_article_versions as v on v.article_id = a.id and v.number = t.version_number
      where ${viewer.kind === 'agent' ? sql`true` : sql`v.audience = 'PUBLIC'`}
        ${input.themeCode ? sql`and v.theme_ids && ${themeBranch(input.themeCode)}` : sql``}
        and (t.language = ${language} or (t.language = 'fr' and not exists (
          select 1 from knowledge_article_texts as own where own.article_id = t.article_id and own.version_number = t.version_number and own.language = ${language})))`;
  const found = sql`
    -- The words as asked, and with their typos corrected (migrations/0014), once per search: in
    -- the asked language, and in French for the cards shown in French.
    with words as (
      select websearch_to_tsquery(knowledge_search_configuration(${language}), ${query}) as asked_exact,
        websearch_to_tsquery('guichet_french', ${query}) as french_exact,
        knowledge_search_query(${language}, ${query}) as asked,
        ${language === 'fr' ? sql`null::tsquery` : sql`knowledge_search_query('fr', ${query})`} as french
    ),
    full_text as (
      select t.article_id, t.language, t.title, t.body, ts_rank_cd(t.search_vector, q.query) as rank, q.query as words,
        case when t.search_vector @@ q.exact then 'FULL_TEXT' else 'SPELLING_CORRECTED' end as matched_by
      from knowledge_article_texts as t
      cross join lateral (
        select case when t.language = ${language} then w.asked else coalesce(w.french, w.asked) end as query,
          case when t.language = ${language} then w.asked_exact else w.french_exact end as exact
        from words as w) as q
      ${inForceText}
        and ((t.language = ${language} and t.search_vector @@ (select asked from words))
          or (t.language = 'fr' and t.search_vector @@ (select coalesce(french, asked) from words)))
    ),
    -- Typos: when no card has every word, titles that contain something like the words
    -- (pg_trgm's <% : word_similarity above pg_trgm.word_similarity_threshold, 0.6 by default).
    similar_titles as (
      select t.article_id, t.language, t.title, t.body, word_similarity(${query}, t.title) as rank, null::tsquery as words, 'TITLE_SIMILARITY' as matched_by
      from knowledge_article_texts as t
      ${inForceText}
        and not exists (select 1 from full_text) and ${query} <% t.title
    ),
    found as (select * from full_text union all select * from similar_titles)`;
  const rows = await selectRows<{
    articleId: string;
    language: Language;
    title: string;
    snippet: string;
    rank: number;
    matchedBy: KnowledgeMatch;
  }>(
    db,
    sql`${found}
    select article_id as "articleId", language, title,
      case when words is not null
        then ts_headline(knowledge_search_configuration(language), body, words,
          ${`StartSel=${SNIPPET_START}, StopSel=${SNIPPET_STOP}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`})
        else left(body, 240) end as snippet,
      rank::float8 as rank, matched_by as "matchedBy"
    from found
    order by rank desc, article_id
    offset ${offset} limit ${limit + 1}`,
  );
  // Counted for agents and citizens: anonymous requests write nothing.
  if (rows.length === 0 && offset === 0 && viewer.kind !== 'anonymous') await countMissingAnswer(db, query, language, now);
  const articles = new Map((await articlesByIds(db, viewer, rows.map((row) => row.articleId))).map((article) => [article.id, article]));
  const hits = rows.flatMap((row, index) => {
    const article = articles.get(row.articleId);
    return article ? [{ ...row, article, isFallback: row.language !== language, rank: Number(row.rank), position: offset + index + 1 }] : [];
  });
  return toPage(
    hits,
    limit,
    (hit) => [hit.position],
    async () => (await selectRows<{ count: number }>(db, sql`${found} select count(*)::int as count from found`))[0]?.count ?? 0,
  );
}

async function countMissingAnswer(db: Executor, query: string, language: Language, now: Date): Promise<void> {
  await db
    .insert(knowledgeMissingAnswers)
    .values({ query: normaliseSearchQuery(query), language, searches: 1, firstSearchedAt: now, lastSearchedAt: now })
    .onConflictDoUpdate({
      target: [knowledgeMissingAnswers.query, knowledgeMissingAnswers.language],
      set: { searches: sql`${knowledgeMissingAnswers.searches} + 1`, lastSearchedAt: now },
    });
}

/** Searches that found nothing, most frequent first. */
export async function listMissingAnswers(db: Executor, language: Language | undefined, request: PageRequest, maxPageSize: number): Promise<CountedPage<KnowledgeMissingAnswerRow>> {
  const { limit, after } = readPageRequest(request, maxPageSize, ['integer', 'text', 'text']);
  const ofLanguage = language ? eq(knowledgeMissingAnswers.language, language) : undefined;
  const rows = await db
    .select()
    .from(knowledgeMissingAnswers)
    .where(
      and(
        ofLanguage,
        after
          ? sql`(${knowledgeMissingAnswers.searches}, ${knowledgeMissingAnswers.query}, ${knowledgeMissingAnswers.language}) < (${after[0]}, ${after[1]}, ${after[2]})`
          : undefined,
      ),
    )
    .orderBy(desc(knowledgeMissingAnswers.searches), desc(knowledgeMissingAnswers.query), desc(knowledgeMissingAnswers.language))
    .limit(limit + 1);
  return toPage(rows, limit, (row) => [row.searches, row.query, row.language], () => countOf(db.select(COUNT).from(knowledgeMissingAnswers).where(ofLanguage)));
}

/** The suggestions on the cards of a service (or on one card), oldest first. */
export async function listKnowledgeSuggestions(
  db: Executor,
  filter: { ownerServiceId?: string; articleId?: string; status?: KnowledgeSuggestionStatus },
  request: PageRequest,
  maxPageSize: number,
): Promise<CountedPage<KnowledgeSuggestionRow>> {
  const { limit, after } = readPageRequest(request, maxPageSize, ['timestamp', 'uuid']);
  const matching = and(
    filter.ownerServiceId ? eq(knowledgeArticles.ownerServiceId, uuidOrNil(filter.ownerServiceId)) : undefined,
    filter.articleId ? eq(knowledgeSuggestions.articleId, uuidOrNil(filter.articleId)) : undefined,
    filter.status ? eq(knowledgeSuggestions.status, filter.status) : undefined,
  );
  const rows = await db
    .select({ suggestion: knowledgeSuggestions })
    .from(knowledgeSuggestions)
    .innerJoin(knowledgeArticles, eq(knowledgeArticles.id, knowledgeSuggestions.articleId))
    .where(
      and(
        matching,
        after ? sql`(${knowledgeSuggestions.createdAt}, ${knowledgeSuggestions.id}) > (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(knowledgeSuggestions.createdAt), asc(knowledgeSuggestions.id))
    .limit(limit + 1);
  return toPage(
    rows.map((row) => row.suggestion),
    limit,
    (row) => [row.createdAt.toISOString(), row.id],
    () => countOf(db.select(COUNT).from(knowledgeSuggestions).innerJoin(knowledgeArticles, eq(knowledgeArticles.id, knowledgeSuggestions.articleId)).where(matching)),
  );
}

export interface KnowledgeUsage {
  uses: number;
  cases: number;
  casesResolvedAtFirstContact: number;
  lastUsedAt: Date | null;
}

/** How often each card was used, on how many cases, how many of them resolved at first contact. */
export async function usageByArticleIds(db: Executor, articleIds: readonly string[]): Promise<KnowledgeUsage[]> {
  const rows = await selectRows<{ articleId: string; uses: number; cases: number; atFirstContact: number; lastUsedAt: Date | string | null }>(
    db,
    sql`
    select u.article_id as "articleId", count(*)::int as uses, count(distinct u.case_id)::int as cases,
      count(distinct u.case_id) filter (where c.resolved_at is not null and ${RESOLVED_AT_FIRST_CONTACT})::int as "atFirstContact",
      max(u.used_at) as "lastUsedAt"
    from knowledge_article_uses as u join cases as c on c.id = u.case_id
    where u.article_id = any(${sql.param([...articleIds])}::uuid[])
    group by u.article_id`,
  );
  const byArticle = new Map(rows.map((row) => [row.articleId, row]));
  return articleIds.map((id) => {
    const row = byArticle.get(id);
    return {
      uses: row?.uses ?? 0,
      cases: row?.cases ?? 0,
      casesResolvedAtFirstContact: row?.atFirstContact ?? 0,
      lastUsedAt: row?.lastUsedAt ? new Date(row.lastUsedAt) : null,
    };
  });
}

/** The cards attached to each case (agents only), most recently used first. */
/** The most cards `Case.knowledgeArticles` lists: the latest used, a bounded list. */
export const MAX_USED_ARTICLES = 20;

export async function usedArticleIdsByCaseIds(db: Executor, caseIds: readonly string[]): Promise<string[][]> {
  const rows = await selectRows<{ caseId: string; articleId: string }>(
    db,
    sql`select "caseId", "articleId" from (
          select case_id as "caseId", article_id as "articleId", max(used_at) as last_used,
            row_number() over (partition by case_id order by max(used_at) desc, article_id) as rank
          from knowledge_article_uses
          where case_id = any(${sql.param([...caseIds])}::uuid[])
          group by case_id, article_id) as used
        where rank <= ${MAX_USED_ARTICLES}
        order by last_used desc, "articleId"`,
  );
  const byCase = new Map<string, string[]>(caseIds.map((id) => [id, []]));
  for (const row of rows) byCase.get(row.caseId)?.push(row.articleId);
  return caseIds.map((id) => byCase.get(id)!);
}

/**
 * Cards to propose on each case (agents only): published cards on the case's procedure, its
 * theme, its parent theme or its sub-themes, or whose text shares words with the case's subject
 * (French or German). Scored: procedure 4, same theme 3, related theme 1, plus the text rank.
 */
export async function suggestedArticleIdsByCaseIds(db: Executor, caseIds: readonly string[], limit: number): Promise<string[][]> {
  const rows = await selectRows<{ caseId: string; articleId: string }>(
    db,
    sql`
    select c.id as "caseId", s.article_id as "articleId"
    from cases as c
    cross join lateral (
      select a.id as article_id,
        (case when c.procedure_id is not null and c.procedure_id = any(v.procedure_ids) then 4 else 0 end)
        + (case when c.theme_id = any(v.theme_ids) then 3
                when exists (select 1 from themes as th where th.id = any(v.theme_ids) and (th.id = ct.parent_id or th.parent_id = c.theme_id)) then 1
                else 0 end)
        + coalesce((select max(ts_rank_cd(t.search_vector, words.query))
                    from knowledge_article_texts as t
                    cross join lateral (select replace(plainto_tsquery(knowledge_search_configuration(t.language), c.subject)::text, '&', '|') as text) as q
                    cross join lateral (select nullif(q.text, '')::tsquery as query) as words
                    where t.article_id = a.id and t.version_number = v.number and words.query is not null and t.search_vector @@ words.query), 0) as score
      from knowledge_articles as a
      join knowledge_article_versions as v on v.article_id = a.id and v.number = a.published_version
      join themes as ct on ct.id = c.theme_id
      where a.status = 'PUBLISHED'
    ) as s
    where c.id = any(${sql.param([...caseIds])}::uuid[]) and s.score > 0
    order by c.id, s.score desc, s.article_id`,
  );
  const byCase = new Map<string, string[]>(caseIds.map((id) => [id, []]));
  for (const row of rows) {
    const list = byCase.get(row.caseId);
    if (list && list.length < limit) list.push(row.articleId);
  }
  return caseIds.map((id) => byCase.get(id)!);
}


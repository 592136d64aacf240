import { and, eq, isNull, max, sql } from 'drizzle-orm';
import type { Database, Executor } from '../db/client.js';
import { anyOf } from '../db/lists.js';
import { interactions, knowledgeArticles, knowledgeArticleTexts, knowledgeArticleUses, knowledgeArticleVersions, knowledgeSuggestions, procedures, services, themes } from '../db/tables/index.js';
import { ConflictError, type FieldProblem, ForbiddenError, InvalidTransitionError, NotFoundError, ValidationError } from '../domain/errors.js';
import { isUuid, wellFormedUuids } from '../domain/ids.js';
import { allowedKnowledgeMoves, brusselsDay, knowledgeMoveRefusal, checkReviewDate, checkTexts, type KnowledgeTextInput, MAX_COMMENT, MAX_LINKS, mayEditKnowledge } from '../domain/knowledge.js';
import type { Viewer } from '../domain/viewer.js';
import type { KnowledgeArticleStatus, KnowledgeAudience, KnowledgeSuggestionKind, KnowledgeSuggestionStatus, Language } from '../domain/vocabulary.js';
import { readableCasesByIds } from './case-reads.js';
import { type KnowledgeArticleRow, type KnowledgeSuggestionRow, readableArticles } from './knowledge-reads.js';

// Writing the knowledge base. A card's content is edited in its draft version and put in force
// by publishing it; every published version is kept. Each command checks the card's `version`
// (optimistic concurrency) and runs in one transaction.

type AgentViewer = Extract<Viewer, { kind: 'agent' }>;

const INPUT = ['input'];

export interface KnowledgeLinks {
  themeCodes?: string[] | null;
  procedureCodes?: string[] | null;
  serviceCodes?: string[] | null;
}

export interface CreateKnowledgeArticleInput extends KnowledgeLinks {
  ownerServiceId?: string | null;
  audience: KnowledgeAudience;
  reviewDueOn?: string | null;
  texts: KnowledgeTextInput[];
}

export interface UpdateKnowledgeArticleInput extends KnowledgeLinks {
  id: string;
  version: number;
  audience?: KnowledgeAudience | null;
  reviewDueOn?: string | null;
  texts?: KnowledgeTextInput[] | null;
  removeLanguages?: Language[] | null;
}

function requireAgent(viewer: Viewer): AgentViewer {
  if (viewer.kind !== 'agent') throw new ForbiddenError('Only agents write the knowledge base.');
  return viewer;
}

function requireEditor(viewer: AgentViewer, ownerServiceId: string): void {
  if (!mayEditKnowledge(viewer, ownerServiceId)) throw new ForbiddenError('Only agents of the owner service and admins change this card: suggest a change instead.');
}

/** A year after today, when no review date is given. */
function defaultReviewDate(now: Date): string {
  const today = brusselsDay(now);
  return `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`.replace('-02-29', '-02-28');
}

/** The ids of the codes given, or the problems of the unknown ones. */
async function idsOfCodes(
  tx: Executor,
  table: typeof themes | typeof procedures | typeof services,
  codes: readonly string[],
  path: string[],
  problems: FieldProblem[],
): Promise<string[]> {
  if (codes.length > MAX_LINKS) {
    problems.push({ path, message: `At most ${MAX_LINKS}.` });
    return [];
  }
  const unique = [...new Set(codes)];
  const rows = unique.length ? await tx.select({ id: table.id, code: table.code }).from(table).where(anyOf(table.code, unique)) : [];
  const byCode = new Map(rows.map((row) => [row.code, row.id]));
  codes.forEach((code, index) => {
    if (!byCode.has(code)) problems.push({ path: [...path, String(index)], message: `Unknown code "${code}".` });
  });
  return unique.map((code) => byCode.get(code)!).filter(Boolean);
}

interface ResolvedLinks {
  themeIds?: string[];
  procedureIds?: string[];
  serviceIds?: string[];
}

async function resolveLinks(tx: Executor, input: KnowledgeLinks, problems: FieldProblem[], required: boolean): Promise<ResolvedLinks> {
  const links: ResolvedLinks = {};
  if (input.themeCodes != null) {
    links.themeIds = await idsOfCodes(tx, themes, input.themeCodes, [...INPUT, 'themeCodes'], problems);
    if (input.themeCodes.length === 0) problems.push({ path: [...INPUT, 'themeCodes'], message: 'At least one theme.' });
  } else if (required) problems.push({ path: [...INPUT, 'themeCodes'], message: 'At least one theme.' });
  if (input.procedureCodes != null) links.procedureIds = await idsOfCodes(tx, procedures, input.procedureCodes, [...INPUT, 'procedureCodes'], problems);
  if (input.serviceCodes != null) links.serviceIds = await idsOfCodes(tx, services, input.serviceCodes, [...INPUT, 'serviceCodes'], problems);
  return links;
}

async function insertTexts(tx: Executor, articleId: string, versionNumber: number, texts: readonly KnowledgeTextInput[]): Promise<void> {
  if (texts.length === 0) return;
  await tx
    .insert(knowledgeArticleTexts)
    .values(texts.map((text) => ({ articleId, versionNumber, language: text.language, title: text.title.trim(), body: text.body })))
    .onConflictDoUpdate({
      target: [knowledgeArticleTexts.articleId, knowledgeArticleTexts.versionNumber, knowledgeArticleTexts.language],
      set: { title: sql`excluded.title`, body: sql`excluded.body` },
    });
}

export async function createKnowledgeArticle(db: Database, viewer: Viewer, input: CreateKnowledgeArticleInput, now: Date): Promise<KnowledgeArticleRow> {
  const agent = requireAgent(viewer);
  const ownerServiceId = input.ownerServiceId ?? agent.serviceId;
  const problems = [...checkTexts(input.texts, [...INPUT, 'texts']), ...(input.reviewDueOn ? checkReviewDate(input.reviewDueOn, [...INPUT, 'reviewDueOn']) : [])];
  return db.transaction(async (tx) => {
    const [owner] = isUuid(ownerServiceId) ? await tx.select({ id: services.id, kind: services.kind }).from(services).where(eq(services.id, ownerServiceId)) : [];
    if (!owner || owner.kind !== 'INTERNAL') problems.push({ path: [...INPUT, 'ownerServiceId'], message: 'Not a service of the administration.' });
    const links = await resolveLinks(tx, input, problems, true);
    if (problems.length > 0) throw new ValidationError(problems);
    requireEditor(agent, ownerServiceId);
    const [article] = await tx
      .insert(knowledgeArticles)
      .values({ ownerServiceId, status: 'DRAFT', reviewDueOn: input.reviewDueOn ?? defaultReviewDate(now), createdAt: now, updatedAt: now })
      .returning();
    await tx.insert(knowledgeArticleVersions).values({ articleId: article!.id, number: 1, audience: input.audience, ...links, editedByAgentId: agent.agentId, editedAt: now });
    await insertTexts(tx, article!.id, 1, input.texts);
    return article!;
  });
}

/** The card locked for a command, after the access, editor and version checks. */
async function lockForEditing(tx: Executor, agent: AgentViewer, id: string, version: number): Promise<KnowledgeArticleRow> {
  const [article] = isUuid(id) ? await tx.select().from(knowledgeArticles).where(and(eq(knowledgeArticles.id, id), readableArticles(agent))).for('update') : [];
  if (!article) throw new NotFoundError('KnowledgeArticle');
  requireEditor(agent, article.ownerServiceId);
  if (article.version !== version) throw new ConflictError(`The card changed since version ${version}: read it again.`, article.version);
  return article;
}

async function draftOf(tx: Executor, articleId: string) {
  const [draft] = await tx
    .select()
    .from(knowledgeArticleVersions)
    .where(and(eq(knowledgeArticleVersions.articleId, articleId), isNull(knowledgeArticleVersions.publishedAt)));
  return draft;
}

/** The card's draft, started from the version in force when there is none yet. */
async function ensureDraft(tx: Executor, article: KnowledgeArticleRow, agent: AgentViewer, now: Date) {
  const existing = await draftOf(tx, article.id);
  if (existing) return existing;
  const [last] = await tx.select({ number: max(knowledgeArticleVersions.number) }).from(knowledgeArticleVersions).where(eq(knowledgeArticleVersions.articleId, article.id));
  const number = (last?.number ?? 0) + 1;
  const [published] = await tx
    .select()
    .from(knowledgeArticleVersions)
    .where(and(eq(knowledgeArticleVersions.articleId, article.id), eq(knowledgeArticleVersions.number, article.publishedVersion!)));
  const [draft] = await tx
    .insert(knowledgeArticleVersions)
    .values({
      articleId: article.id,
      number,
      audience: published!.audience,
      themeIds: published!.themeIds,
      procedureIds: published!.procedureIds,
      serviceIds: published!.serviceIds,
      editedByAgentId: agent.agentId,
      editedAt: now,
    })
    .returning();
  await tx.execute(sql`
    insert into ${knowledgeArticleTexts} (article_id, version_number, language, title, body)
    select article_id, ${number}, language, title, body from ${knowledgeArticleTexts}
    where article_id = ${article.id} and version_number = ${article.publishedVersion}`);
  return draft!;
}

async function bumpVersion(tx: Executor, article: KnowledgeArticleRow, values: Partial<typeof knowledgeArticles.$inferInsert>, now: Date): Promise<KnowledgeArticleRow> {
  const [updated] = await tx
    .update(knowledgeArticles)
    .set({ ...values, version: article.version + 1, updatedAt: now })
    .where(eq(knowledgeArticles.id, article.id))
    .returning();
  return updated!;
}

/** Changes the card's draft (started from the version in force if needed) and its review date. */
export async function updateKnowledgeArticle(db: Database, viewer: Viewer, input: UpdateKnowledgeArticleInput, now: Date): Promise<KnowledgeArticleRow> {
  const agent = requireAgent(viewer);
  const problems: FieldProblem[] = [];
  const texts = input.texts ?? [];
  const removed = input.removeLanguages ?? [];
  problems.push(...checkTexts(texts, [...INPUT, 'texts'], { requireFrench: false }));
  if (removed.includes('fr')) problems.push({ path: [...INPUT, 'removeLanguages'], message: 'The French text cannot be removed.' });
  if (removed.some((language) => texts.some((text) => text.language === language))) problems.push({ path: [...INPUT, 'removeLanguages'], message: 'A language cannot be both given and removed.' });
  if (input.reviewDueOn) problems.push(...checkReviewDate(input.reviewDueOn, [...INPUT, 'reviewDueOn']));
  return db.transaction(async (tx) => {
    const links = await resolveLinks(tx, input, problems, false);
    const changesContent = texts.length > 0 || removed.length > 0 || input.audience != null || Object.keys(links).length > 0;
    if (!changesContent && !input.reviewDueOn) problems.push({ path: INPUT, message: 'Nothing to change: give texts, removeLanguages, audience, links or reviewDueOn.' });
    if (problems.length > 0) throw new ValidationError(problems);
    const article = await lockForEditing(tx, agent, input.id, input.version);
    if (changesContent) {
      const draft = await ensureDraft(tx, article, agent, now);
      await tx
        .update(knowledgeArticleVersions)
        .set({ ...(input.audience ? { audience: input.audience } : {}), ...links, editedByAgentId: agent.agentId, editedAt: now })
        .where(and(eq(knowledgeArticleVersions.articleId, article.id), eq(knowledgeArticleVersions.number, draft.number)));
      await insertTexts(tx, article.id, draft.number, texts);
      if (removed.length > 0) {
        await tx
          .delete(knowledgeArticleTexts)
          .where(and(eq(knowledgeArticleTexts.articleId, article.id), eq(knowledgeArticleTexts.versionNumber, draft.number), anyOf(knowledgeArticleTexts.language, removed)));
      }
    }
    return bumpVersion(tx, article, input.reviewDueOn ? { reviewDueOn: input.reviewDueOn } : {}, now);
  });
}

async function move(db: Database, viewer: Viewer, input: { id: string; version: number }, to: KnowledgeArticleStatus, now: Date): Promise<KnowledgeArticleRow> {
  const agent = requireAgent(viewer);
  return db.transaction(async (tx) => {
    const article = await lockForEditing(tx, agent, input.id, input.version);
    const draft = await draftOf(tx, article.id);
    const allowed = allowedKnowledgeMoves(article.status, Boolean(draft), article.publishedVersion !== null);
    if (!allowed.includes(to)) throw new InvalidTransitionError(article.status, to, allowed, knowledgeMoveRefusal(article.status, to, allowed));
    if (to === 'ARCHIVED' || !draft) return bumpVersion(tx, article, { status: to }, now);
    await tx
      .update(knowledgeArticleVersions)
      .set({ publishedAt: now, publishedByAgentId: agent.agentId })
      .where(and(eq(knowledgeArticleVersions.articleId, article.id), eq(knowledgeArticleVersions.number, draft.number)));
    return bumpVersion(tx, article, { status: 'PUBLISHED', publishedVersion: draft.number }, now);
  });
}

/** Puts the draft in force as a new version (or brings an archived card's last version back). */
export function publishKnowledgeArticle(db: Database, viewer: Viewer, input: { id: string; version: number }, now: Date): Promise<KnowledgeArticleRow> {
  return move(db, viewer, input, 'PUBLISHED', now);
}

/** Takes the card out of search and the FAQ; its versions stay readable by agents. */
export function archiveKnowledgeArticle(db: Database, viewer: Viewer, input: { id: string; version: number }, now: Date): Promise<KnowledgeArticleRow> {
  return move(db, viewer, input, 'ARCHIVED', now);
}

/** Any agent proposes a change or reports an error; the owner service sees it in its queue. */
export async function suggestKnowledgeChange(
  db: Database,
  viewer: Viewer,
  input: { articleId: string; comment: string; kind?: KnowledgeSuggestionKind | null },
  now: Date,
): Promise<KnowledgeSuggestionRow> {
  const agent = requireAgent(viewer);
  const comment = input.comment.trim();
  if (comment === '' || comment.length > MAX_COMMENT) throw new ValidationError([{ path: [...INPUT, 'comment'], message: `Between 1 and ${MAX_COMMENT} characters.` }]);
  const [article] = isUuid(input.articleId) ? await db.select({ id: knowledgeArticles.id }).from(knowledgeArticles).where(and(eq(knowledgeArticles.id, input.articleId), readableArticles(agent))) : [];
  if (!article) throw new NotFoundError('KnowledgeArticle');
  const [suggestion] = await db
    .insert(knowledgeSuggestions)
    .values({ articleId: article.id, kind: input.kind ?? 'CHANGE', comment, authorAgentId: agent.agentId, createdAt: now })
    .returning();
  return suggestion!;
}

/** The owner service closes a suggestion: applied (the card was changed) or dismissed. */
export async function resolveKnowledgeSuggestion(
  db: Database,
  viewer: Viewer,
  input: { id: string; status: Exclude<KnowledgeSuggestionStatus, 'OPEN'>; comment?: string | null },
  now: Date,
): Promise<KnowledgeSuggestionRow> {
  const agent = requireAgent(viewer);
  if (input.comment && input.comment.length > MAX_COMMENT) throw new ValidationError([{ path: [...INPUT, 'comment'], message: `At most ${MAX_COMMENT} characters.` }]);
  return db.transaction(async (tx) => {
    const [found] = isUuid(input.id)
      ? await tx
          .select({ suggestion: knowledgeSuggestions, ownerServiceId: knowledgeArticles.ownerServiceId })
          .from(knowledgeSuggestions)
          .innerJoin(knowledgeArticles, eq(knowledgeArticles.id, knowledgeSuggestions.articleId))
          .where(eq(knowledgeSuggestions.id, input.id))
          .for('update', { of: knowledgeSuggestions })
      : [];
    if (!found) throw new NotFoundError('KnowledgeSuggestion');
    requireEditor(agent, found.ownerServiceId);
    if (found.suggestion.status !== 'OPEN') throw new ConflictError(`The suggestion is already ${found.suggestion.status}.`);
    const [resolved] = await tx
      .update(knowledgeSuggestions)
      .set({ status: input.status, resolvedAt: now, resolvedByAgentId: agent.agentId, resolutionComment: input.comment?.trim() || null })
      .where(eq(knowledgeSuggestions.id, input.id))
      .returning();
    return resolved!;
  });
}

/**
 * Records that published cards were used on a case (and one of its interactions): the cards'
 * figures. Unknown, unpublished or unreadable cards are refused; using a card twice on the same
 * case and interaction counts once.
 */
export async function recordKnowledgeUses(
  tx: Executor,
  viewer: Viewer,
  use: { caseId: string; interactionId: string | null; articleIds: readonly string[] },
  path: string[],
  now: Date,
): Promise<void> {
  if (use.articleIds.length > MAX_LINKS) throw new ValidationError([{ path, message: `At most ${MAX_LINKS} cards.` }]);
  const ids = wellFormedUuids([...new Set(use.articleIds)]);
  const found = ids.length
    ? await tx
        .select({ id: knowledgeArticles.id, publishedVersion: knowledgeArticles.publishedVersion })
        .from(knowledgeArticles)
        .where(and(anyOf(knowledgeArticles.id, ids), eq(knowledgeArticles.status, 'PUBLISHED'), readableArticles(viewer)))
    : [];
  const published = new Map(found.map((row) => [row.id, row.publishedVersion]));
  const problems = use.articleIds.flatMap((id, index) => (published.has(id) ? [] : [{ path: [...path, String(index)], message: 'No published card has this id.' }]));
  if (problems.length > 0) throw new ValidationError(problems);
  await tx
    .insert(knowledgeArticleUses)
    .values(
      [...published].map(([articleId, versionNumber]) => ({
        articleId,
        versionNumber,
        caseId: use.caseId,
        interactionId: use.interactionId,
        agentId: viewer.kind === 'agent' ? viewer.agentId : null,
        usedAt: now,
      })),
    )
    .onConflictDoNothing();
}

/** An agent attaches a published card to a case it may read, or to one of the case's interactions. */
export async function linkKnowledgeArticle(
  db: Database,
  viewer: Viewer,
  input: { caseId: string; articleId: string; interactionId?: string | null },
  now: Date,
): Promise<{ caseId: string; articleId: string }> {
  requireAgent(viewer);
  return db.transaction(async (tx) => {
    const [readable] = await readableCasesByIds(tx, viewer, [input.caseId], now);
    if (!readable) throw new NotFoundError('Case');
    if (input.interactionId) {
      const [interaction] = isUuid(input.interactionId)
        ? await tx.select({ id: interactions.id }).from(interactions).where(and(eq(interactions.id, input.interactionId), eq(interactions.caseId, readable.id)))
        : [];
      if (!interaction) throw new ValidationError([{ path: [...INPUT, 'interactionId'], message: 'Not an interaction of this case.' }]);
    }
    await recordKnowledgeUses(tx, viewer, { caseId: readable.id, interactionId: input.interactionId ?? null, articleIds: [input.articleId] }, [...INPUT, 'articleId'], now);
    return { caseId: readable.id, articleId: input.articleId };
  });
}

import { inArray } from 'drizzle-orm';
import type { Database, Executor } from '../src/db/client.js';
import * as t from '../src/db/tables/index.js';
import { type CodeMap, idsByCode, requireId } from './load-reference.js';
import { type KnowledgeArticleSeed, type KnowledgeLanguage, knowledgeArticles } from './knowledge-articles.js';

/** Versions published before the current one are dated by their seed; the current one this long after the last. */
const CURRENT_AFTER_DAYS = 30;

/**
 * The demo knowledge base: each card of knowledge-articles.ts not loaded yet (by its key), with
 * its earlier published versions, the current one (published, or the draft of a DRAFT card),
 * and its texts. Published by an agent of the owner service when the demo has one.
 */
export async function loadKnowledgeBase(db: Database): Promise<number> {
  return db.transaction(async (tx) => {
    const loaded = new Set(
      (await tx.select({ key: t.knowledgeArticles.seedKey }).from(t.knowledgeArticles).where(inArray(t.knowledgeArticles.seedKey, knowledgeArticles.map((card) => card.key)))).map(
        (row) => row.key,
      ),
    );
    const missing = knowledgeArticles.filter((card) => !loaded.has(card.key));
    if (missing.length === 0) return 0;
    const ids = await codeIds(tx);
    for (const card of missing) await insertCard(tx, card, ids);
    return missing.length;
  });
}

type Ids = Awaited<ReturnType<typeof codeIds>>;

async function codeIds(tx: Executor) {
  const agents = await tx.select({ id: t.agents.id, serviceId: t.agents.serviceId }).from(t.agents).orderBy(t.agents.login);
  return {
    themes: await idsByCode(tx, t.themes),
    procedures: await idsByCode(tx, t.procedures),
    services: await idsByCode(tx, t.services),
    agentOfService: new Map(agents.map((agent) => [agent.serviceId, agent.id])),
  };
}

function idsOf(map: CodeMap, codes: readonly string[] | undefined, what: string, key: string): string[] {
  return (codes ?? []).map((code) => requireId(map, code, `${what} (knowledge card ${key})`));
}

async function insertCard(tx: Executor, card: KnowledgeArticleSeed, ids: Ids) {
  const ownerServiceId = idsOf(ids.services, [card.ownerServiceCode], 'service', card.key)[0]!;
  const author = ids.agentOfService.get(ownerServiceId) ?? null;
  const status = card.status ?? 'PUBLISHED';
  const history = card.previousVersions ?? [];
  const lastPublished = history.at(-1)?.publishedOn;
  const currentOn = new Date(lastPublished ? Date.parse(`${lastPublished}T09:00:00Z`) + CURRENT_AFTER_DAYS * 86_400_000 : Date.parse('2026-09-01T09:00:00Z'));
  const versions = [
    ...history.map((version) => ({ texts: version.texts, at: new Date(`${version.publishedOn}T09:00:00Z`), published: true })),
    { texts: card.texts, at: currentOn, published: status !== 'DRAFT' },
  ];
  const links = {
    audience: card.audience,
    themeIds: idsOf(ids.themes, card.themeCodes, 'theme', card.key),
    procedureIds: idsOf(ids.procedures, card.procedureCodes, 'procedure', card.key),
    serviceIds: idsOf(ids.services, card.serviceCodes, 'service', card.key),
  };
  const publishedCount = versions.filter((version) => version.published).length;
  const [article] = await tx
    .insert(t.knowledgeArticles)
    .values({
      seedKey: card.key,
      ownerServiceId,
      status,
      reviewDueOn: card.reviewDueOn,
      version: versions.length + (status === 'ARCHIVED' ? 1 : 0),
      publishedVersion: publishedCount > 0 ? publishedCount : null,
      createdAt: versions[0]!.at,
      updatedAt: currentOn,
    })
    .returning({ id: t.knowledgeArticles.id });
  await tx.insert(t.knowledgeArticleVersions).values(
    versions.map((version, index) => ({
      articleId: article!.id,
      number: index + 1,
      ...links,
      editedByAgentId: author,
      editedAt: version.at,
      publishedByAgentId: version.published ? author : null,
      publishedAt: version.published ? version.at : null,
    })),
  );
  await tx.insert(t.knowledgeArticleTexts).values(
    versions.flatMap((version, index) =>
      (Object.entries(version.texts) as [KnowledgeLanguage, { title: string; body: string }][]).map(([language, text]) => ({
        articleId: article!.id,
        versionNumber: index + 1,
        language,
        title: text.title,
        body: text.body,
      })),
    ),
  );
}

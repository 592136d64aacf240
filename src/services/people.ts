import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { anyOf } from '../db/lists.js';
import { agents, services } from '../db/tables/index.js';
import { wellFormedUuids } from '../domain/ids.js';
import { COUNT, countOf, type CountedPage, emptyPage, type PageRequest, readPageRequest, toPage } from './pagination.js';
import type { Viewer } from '../domain/viewer.js';

export type AgentRow = typeof agents.$inferSelect;

/** Agents are visible to the administration's side only; to others every id is missing. */
export async function readableAgentsByIds(db: Executor, viewer: Viewer, ids: readonly string[]): Promise<AgentRow[]> {
  if (viewer.kind !== 'agent' && viewer.kind !== 'service') return [];
  return db.select().from(agents).where(anyOf(agents.id, wellFormedUuids(ids)));
}


/** Agents, optionally of one service, ordered by login, a page at a time; staff only (others see none). */
export async function listAgents(
  db: Executor,
  viewer: Viewer,
  filter: { serviceCode?: string },
  request: PageRequest,
  maxPageSize: number,
): Promise<CountedPage<AgentRow>> {
  const { limit, after } = readPageRequest(request, maxPageSize, ['text']);
  if (viewer.kind !== 'agent' && viewer.kind !== 'service') return emptyPage();
  const serviceIds = db.select({ id: services.id }).from(services).where(eq(services.code, filter.serviceCode ?? ''));
  const ofService = filter.serviceCode === undefined ? undefined : inArray(agents.serviceId, serviceIds);
  const rows = await db
    .select()
    .from(agents)
    .where(and(ofService, after ? gt(agents.login, String(after[0])) : undefined))
    .orderBy(asc(agents.login))
    .limit(limit + 1);
  return toPage(rows, limit, (row) => [row.login], () => countOf(db.select(COUNT).from(agents).where(ofService)));
}

/** What a citizen may know of an agent: first name and service, never the login. */
export interface AgentSummary {
  id: string;
  givenName: string;
  serviceId: string;
}

export async function agentSummariesByIds(db: Executor, ids: readonly string[]): Promise<(AgentSummary | null)[]> {
  const rows = await db
    .select({ id: agents.id, givenName: agents.givenName, serviceId: agents.serviceId })
    .from(agents)
    .where(anyOf(agents.id, wellFormedUuids(ids)));
  return ids.map((id) => rows.find((row) => row.id === id) ?? null);
}

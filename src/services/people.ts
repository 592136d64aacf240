import { inArray } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { agents, citizens } from '../db/tables/index.js';
import { wellFormedUuids } from '../domain/ids.js';
import type { Viewer } from '../domain/viewer.js';

export type AgentRow = typeof agents.$inferSelect;
export type CitizenRow = typeof citizens.$inferSelect;

/** Agents are visible to the administration's side only; to others every id is missing. */
export async function readableAgentsByIds(db: Executor, viewer: Viewer, ids: readonly string[]): Promise<AgentRow[]> {
  if (viewer.kind !== 'agent' && viewer.kind !== 'service') return [];
  return db.select().from(agents).where(inArray(agents.id, wellFormedUuids(ids)));
}

/**
 * Citizens the viewer may read. Until agent access with its access log exists, a citizen reads
 * only themself: any other id comes back missing, exactly like an id that does not exist.
 */
export async function readableCitizensByIds(db: Executor, viewer: Viewer, ids: readonly string[]): Promise<CitizenRow[]> {
  if (viewer.kind !== 'citizen') return [];
  const allowed = ids.filter((id) => id === viewer.citizenId);
  if (allowed.length === 0) return [];
  return db.select().from(citizens).where(inArray(citizens.id, allowed));
}

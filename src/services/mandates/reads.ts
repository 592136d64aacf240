import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { mandates } from '../../db/tables/index.js';
import { wellFormedUuids } from '../../domain/ids.js';
import type { Viewer } from '../../domain/viewer.js';
import { anyOf } from '../../db/lists.js';

export type MandateRow = typeof mandates.$inferSelect;

/**
 * The mandates a viewer may read: a citizen those they gave and those they hold; agents every
 * one (the first line checks a caller's mandate); service accounts none.
 */
export function readableMandates(viewer: Viewer): SQL {
  switch (viewer.kind) {
    case 'citizen':
      return sql`(${mandates.representedCitizenId} = ${viewer.citizenId} or ${mandates.representativeCitizenId} = ${viewer.citizenId})`;
    case 'agent':
      return sql`true`;
    case 'service':
    case 'anonymous':
      return sql`false`;
  }
}

export async function readableMandatesByIds(db: Executor, viewer: Viewer, ids: readonly string[]): Promise<MandateRow[]> {
  const valid = wellFormedUuids(ids);
  if (valid.length === 0) return [];
  return db.select().from(mandates).where(and(anyOf(mandates.id, valid), readableMandates(viewer)));
}

/** Mandates a citizen gave (as the represented) or holds (as the representative), newest first, revoked and expired ones included. */
export async function mandatesOfCitizen(db: Executor, citizenId: string, side: 'given' | 'held', limit: number): Promise<MandateRow[]> {
  const column = side === 'given' ? mandates.representedCitizenId : mandates.representativeCitizenId;
  return db.select().from(mandates).where(eq(column, citizenId)).orderBy(desc(mandates.createdAt), desc(mandates.id)).limit(limit);
}

import type { Executor } from '../../db/client.js';
import { anyOf } from '../../db/lists.js';
import { citizens } from '../../db/tables/index.js';
import { wellFormedUuids } from '../../domain/ids.js';

/**
 * The given and family names of the two persons of mandates: what each of them, and the agents,
 * see of the other (never their contact points or national number).
 */
export async function citizenNamesByIds(db: Executor, ids: readonly string[]): Promise<string[]> {
  const valid = wellFormedUuids(ids);
  const rows = valid.length === 0 ? [] : await db.select({ id: citizens.id, givenName: citizens.givenName, familyName: citizens.familyName }).from(citizens).where(anyOf(citizens.id, valid));
  return ids.map((id) => {
    const row = rows.find((candidate) => candidate.id === id);
    return row ? `${row.givenName} ${row.familyName}` : '';
  });
}

import { and, desc, eq, max, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { cases, citizens, mandates, themes } from '../../db/tables/index.js';
import { wellFormedUuids } from '../../domain/ids.js';
import type { Viewer } from '../../domain/viewer.js';
import type { MandateRights } from '../../domain/vocabulary.js';
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

/** Mandates by id whatever the viewer: for what an event or a message it is on already shows. */
export async function mandatesByIds(db: Executor, ids: readonly string[]): Promise<MandateRow[]> {
  const valid = wellFormedUuids(ids);
  return valid.length === 0 ? [] : db.select().from(mandates).where(anyOf(mandates.id, valid));
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

/** Mandates in force at `now`: begun, not expired, not revoked (the SQL twin of mandateStatus = ACTIVE). */
export function mandateInForce(now: Date): SQL {
  const at = sql`${now.toISOString()}::timestamptz`;
  return sql`(${mandates.validFrom} <= ${at} and (${mandates.validUntil} is null or ${mandates.validUntil} > ${at}) and (${mandates.revokedAt} is null or ${mandates.revokedAt} > ${at}))`;
}

/**
 * For each of these citizens who held a mandate that expired by `now`, when the latest one did: a
 * connection they opened before then was opened with what it reached. A mandate revoked before
 * its validUntil ended at its revocation, which was announced then (MANDATES_ENDED_CHANNEL).
 */
export async function latestMandateExpiries(db: Executor, citizenIds: readonly string[], now: Date): Promise<Map<string, Date>> {
  const valid = wellFormedUuids(citizenIds);
  if (valid.length === 0) return new Map();
  const rows = await db
    .select({ citizenId: mandates.representativeCitizenId, expiredAt: max(mandates.validUntil) })
    .from(mandates)
    .where(
      and(
        anyOf(mandates.representativeCitizenId, valid),
        sql`${mandates.validUntil} <= ${now.toISOString()}::timestamptz`,
        sql`(${mandates.revokedAt} is null or ${mandates.revokedAt} > ${mandates.validUntil})`,
      ),
    )
    .groupBy(mandates.representativeCitizenId);
  return new Map(rows.flatMap((row) => (row.citizenId && row.expiredAt ? [[row.citizenId, row.expiredAt] as const] : [])));
}

/** Whether the mandate in `mandates` reaches the case in `cases` (the SQL twin of mandateCovers). */
function mandateCoversCase(): SQL {
  return sql`(${mandates.representedCitizenId} = ${cases.citizenId} and (
    ${mandates.scope} = 'ALL_CASES'
    or (${mandates.scope} = 'ONE_CASE' and ${mandates.caseId} = ${cases.id})
    or (${mandates.scope} = 'THEMES' and exists (
      select 1 from ${themes}, unnest(${mandates.themeCodes}) as mandate_theme(code)
      where ${themes.id} = ${cases.themeId} and (${themes.code} = mandate_theme.code or starts_with(${themes.code}, mandate_theme.code || '.'))))))`;
}

/** The mandates in `mandates` that let this citizen reach the case in `cases` at `now`, with READ or with ACT. */
export function mandatesReachingCase(representativeCitizenId: string, now: Date, rights: MandateRights): SQL {
  return sql`(${mandates.representativeCitizenId} = ${representativeCitizenId} and ${mandateInForce(now)} and ${mandateCoversCase()}${rights === 'ACT' ? sql` and ${mandates.rights} = 'ACT'` : sql``})`;
}

/** Cases a citizen reaches as a representative: those of the people they represent, within the scope of a mandate in force. */
export function representedCases(representativeCitizenId: string, now: Date): SQL {
  return sql`exists (select 1 from ${mandates} where ${mandatesReachingCase(representativeCitizenId, now, 'READ')})`;
}

/**
 * The mandate a citizen acts under on a case, as a scalar subquery: null on their own case.
 * Written with what they do (events, messages, reads) so that both persons are on record.
 */
export function actingMandateId(representativeCitizenId: string, caseId: string, now: Date, rights: MandateRights): SQL {
  return sql`(select ${mandates.id} from ${mandates} join ${cases} on ${cases.id} = ${caseId}::uuid
    where ${cases.citizenId} <> ${representativeCitizenId} and ${mandatesReachingCase(representativeCitizenId, now, rights)}
    order by ${mandates.createdAt}, ${mandates.id} limit 1)`;
}

/** Citizens who gave this citizen a mandate in force, as a predicate on `citizens`. */
export function representedCitizens(representativeCitizenId: string, now: Date): SQL {
  return sql`exists (select 1 from ${mandates} where ${mandates.representedCitizenId} = ${citizens.id} and ${mandates.representativeCitizenId} = ${representativeCitizenId} and ${mandateInForce(now)})`;
}

import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { anyOf } from '../../db/lists.js';
import { accessLog, cases, mandates, themes } from '../../db/tables/index.js';
import { isUuid, wellFormedUuids } from '../../domain/ids.js';
import { ForbiddenError, MandateEndedError, NotFoundError } from '../../domain/errors.js';
import { mandateAllows, mandateCovers, mandateEnding, mandateStatus } from '../../domain/mandates.js';
import { mandateInForce, type MandateRow, mandatesReachingCase } from './reads.js';

// A representative acts through their own token: the mandate is looked up at each request, so
// that a revocation or an expiry takes effect at the next statement, on every instance.

/**
 * Refuses a change by a representative on a case they may read: it takes a mandate in force with
 * ACT that reaches the case. Their own cases need none.
 */
export async function requireActingMandate(tx: Executor, representativeCitizenId: string, caseId: string, now: Date): Promise<void> {
  const [acting] = await tx
    .select({ id: mandates.id })
    .from(mandates)
    .innerJoin(cases, eq(cases.id, caseId))
    .where(mandatesReachingCase(representativeCitizenId, now, 'ACT'))
    .limit(1);
  if (!acting) throw new ForbiddenError('Your mandate for this person lets you follow their cases, not act on them.');
}

/**
 * Why a citizen no longer reaches a case that a mandate of theirs once reached: the one that
 * ended last, as the error to answer; undefined when none ever did.
 */
export async function endedMandateOverCase(tx: Executor, representativeCitizenId: string, caseMatch: SQL, now: Date): Promise<MandateEndedError | undefined> {
  const rows = await tx
    .select({ mandate: mandates, caseId: cases.id, themeCode: themes.code })
    .from(mandates)
    .innerJoin(cases, and(caseMatch, eq(cases.citizenId, mandates.representedCitizenId)))
    .innerJoin(themes, eq(themes.id, cases.themeId))
    .where(eq(mandates.representativeCitizenId, representativeCitizenId));
  return lastEnded(
    rows.filter((row) => mandateCovers(row.mandate, row)).map((row) => row.mandate),
    now,
  );
}

/**
 * The mandates in force by which a citizen represents another, for reads "on behalf of" them.
 * None in force: one still to come is refused with its start, else the one that ended last with
 * its end date; none at all, the person is not found, as an unknown id.
 */
export async function mandatesInForce(tx: Executor, representativeCitizenId: string, representedCitizenId: string, now: Date): Promise<MandateRow[]> {
  const rows = isUuid(representedCitizenId)
    ? await tx
        .select()
        .from(mandates)
        .where(and(eq(mandates.representativeCitizenId, representativeCitizenId), eq(mandates.representedCitizenId, representedCitizenId)))
    : [];
  const inForce = rows.filter((mandate) => mandateStatus(mandate, now) === 'ACTIVE');
  if (inForce.length > 0) return inForce;
  const [next] = rows.filter((mandate) => mandateStatus(mandate, now) === 'PENDING').sort((a, b) => a.validFrom.getTime() - b.validFrom.getTime());
  throw (next && new ForbiddenError(`The mandate starts on ${next.validFrom.toISOString()}.`)) ?? lastEnded(rows, now) ?? new NotFoundError('Citizen');
}

/** The refusal a mandate that ended gives, naming how and when; undefined while it has not. */
export function endedMandateError(mandate: MandateRow, now: Date): MandateEndedError | undefined {
  const ending = mandateEnding(mandate, now);
  return ending && new MandateEndedError(mandate.id, ending.status, ending.endedAt);
}

function lastEnded(candidates: readonly MandateRow[], now: Date): MandateEndedError | undefined {
  let last: MandateEndedError | undefined;
  for (const mandate of candidates) {
    const ended = endedMandateError(mandate, now);
    if (ended && (!last || ended.endedAt > last.endedAt)) last = ended;
  }
  return last;
}

/**
 * Records that a representative read cases of the person they represent (`case`), or a document
 * of one (`document`), one access-log row per case with the mandate they read under, before the
 * data leaves: the represented citizen sees it in myAccessLog. Their own cases are not logged.
 */
export async function recordRepresentativeReads(
  db: Executor,
  representativeCitizenId: string,
  caseIds: readonly string[],
  requestId: string,
  now: Date,
  field: 'case' | 'document' = 'case',
): Promise<void> {
  const valid = wellFormedUuids(caseIds);
  if (valid.length === 0) return;
  await db.execute(sql`
    insert into ${accessLog} (actor_kind, actor_subject, citizen_id, case_id, mandate_id, fields, request_id, occurred_at)
    select distinct on (${cases.id}) 'CITIZEN', ${representativeCitizenId}, ${cases.citizenId}, ${cases.id}, ${mandates.id}, array[${field}]::text[], ${requestId}, ${now.toISOString()}::timestamptz
    from ${cases} join ${mandates} on ${mandatesReachingCase(representativeCitizenId, now, 'READ')}
    where ${anyOf(cases.id, valid)} and ${cases.citizenId} <> ${representativeCitizenId}
    order by ${cases.id}, ${mandates.createdAt}, ${mandates.id}`);
}

/**
 * Records that a representative read the citizen record of people they represent (`citizen`),
 * one access-log row per person with the mandate in force they read under (the oldest), before
 * the data leaves.
 */
export async function recordRepresentativeReadsOfCitizens(db: Executor, representativeCitizenId: string, citizenIds: readonly string[], requestId: string, now: Date): Promise<void> {
  const valid = wellFormedUuids(citizenIds).filter((id) => id !== representativeCitizenId);
  if (valid.length === 0) return;
  await db.execute(sql`
    insert into ${accessLog} (actor_kind, actor_subject, citizen_id, case_id, mandate_id, fields, request_id, occurred_at)
    select distinct on (${mandates.representedCitizenId}) 'CITIZEN', ${representativeCitizenId}, ${mandates.representedCitizenId}, null, ${mandates.id}, array['citizen']::text[], ${requestId}, ${now.toISOString()}::timestamptz
    from ${mandates}
    where ${anyOf(mandates.representedCitizenId, valid)} and ${mandates.representativeCitizenId} = ${representativeCitizenId} and ${mandateInForce(now)}
    order by ${mandates.representedCitizenId}, ${mandates.createdAt}, ${mandates.id}`);
}

/**
 * A representative opens a case for the person they represent (a procedure, a booking) only
 * under a mandate in force with ACT whose scope reaches a new case of this theme: ALL_CASES, or
 * THEMES naming it (a ONE_CASE mandate reaches no new case).
 */
export async function requireMandateForNewCase(tx: Executor, representativeCitizenId: string, representedCitizenId: string, themeCode: string, now: Date): Promise<void> {
  const inForce = await mandatesInForce(tx, representativeCitizenId, representedCitizenId, now);
  if (!inForce.some((mandate) => mandateAllows(mandate, 'ACT') && mandateCovers(mandate, { caseId: '', themeCode }))) {
    throw new ForbiddenError('No mandate of yours lets you open a case of this theme for this person.');
  }
}

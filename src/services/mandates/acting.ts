import { and, eq, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { cases, mandates, themes } from '../../db/tables/index.js';
import { isUuid } from '../../domain/ids.js';
import { ForbiddenError, MandateEndedError, NotFoundError } from '../../domain/errors.js';
import { mandateCovers, mandateStatus } from '../../domain/mandates.js';
import { type MandateRow, mandatesReachingCase } from './reads.js';

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
 * None in force: the one that ended last is refused with its end date; none at all, the person
 * is not found, as an unknown id.
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
  throw lastEnded(rows, now) ?? new NotFoundError('Citizen');
}

function lastEnded(candidates: readonly MandateRow[], now: Date): MandateEndedError | undefined {
  let last: MandateEndedError | undefined;
  for (const mandate of candidates) {
    const status = mandateStatus(mandate, now);
    if (status !== 'REVOKED' && status !== 'EXPIRED') continue;
    const endedAt = status === 'REVOKED' ? mandate.revokedAt! : mandate.validUntil!;
    if (!last || endedAt > last.endedAt) last = new MandateEndedError(mandate.id, status, endedAt);
  }
  return last;
}

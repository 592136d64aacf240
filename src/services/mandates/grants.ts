import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.js';
import { cases, citizens, mandates, themes } from '../../db/tables/index.js';
import { ForbiddenError, type FieldProblem, InvalidTransitionError, NotFoundError, ValidationError } from '../../domain/errors.js';
import { isUuid } from '../../domain/ids.js';
import { checkMandateTerms, mandateStatus, MAX_PROOF_NOTE, MAX_REPRESENTATIVE_TEXT } from '../../domain/mandates.js';
import type { Viewer } from '../../domain/viewer.js';
import { MANDATE_RIGHTS, MANDATE_SCOPES, type MandateRights, type MandateScope } from '../../domain/vocabulary.js';
import { checkText } from '../cases.js';
import { type MandateRow, readableMandatesByIds } from './reads.js';

const INPUT = ['input'];

/** Announces, at commit, the representative (citizen id) of a mandate that was just revoked. */
export const MANDATES_ENDED_CHANNEL = 'mandates_ended';

export interface MandateTermsInput {
  scope: MandateScope;
  themeCodes?: readonly string[] | null;
  caseId?: string | null;
  rights: MandateRights;
  validFrom?: Date | null;
  validUntil?: Date | null;
}

/** The representative: a citizen of the portal, or (recorded by an agent) a named contact of an organisation. */
export type RepresentativeInput = { citizenId: string } | { name: string; organisation?: string | null };

function termsOf(input: MandateTermsInput, now: Date) {
  return {
    scope: input.scope,
    themeCodes: [...new Set((input.themeCodes ?? []).map((code) => code.trim()))],
    caseId: input.caseId ?? null,
    rights: input.rights,
    validFrom: input.validFrom ?? now,
    validUntil: input.validUntil ?? null,
  };
}

/** The terms' problems, the themes named checked against the catalogue and the case against the represented citizen's. */
async function checkTerms(tx: Executor, terms: ReturnType<typeof termsOf>, representedCitizenId: string, now: Date): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (!(MANDATE_SCOPES as readonly string[]).includes(terms.scope)) problems.push({ path: [...INPUT, 'scope'], message: `One of ${MANDATE_SCOPES.join(', ')}.` });
  if (!(MANDATE_RIGHTS as readonly string[]).includes(terms.rights)) problems.push({ path: [...INPUT, 'rights'], message: `One of ${MANDATE_RIGHTS.join(', ')}.` });
  problems.push(...checkMandateTerms(terms, now, INPUT));
  if (terms.themeCodes.length > 0 && problems.length === 0) {
    const known = await tx.select({ code: themes.code }).from(themes).where(inArray(themes.code, terms.themeCodes));
    const unknown = terms.themeCodes.filter((code) => !known.some((theme) => theme.code === code));
    if (unknown.length > 0) problems.push({ path: [...INPUT, 'themeCodes'], message: `No theme has the code ${unknown.join(', ')}.` });
  }
  if (terms.caseId !== null) {
    const [own] = isUuid(terms.caseId) ? await tx.select({ id: cases.id }).from(cases).where(and(eq(cases.id, terms.caseId), eq(cases.citizenId, representedCitizenId))) : [];
    if (!own) problems.push({ path: [...INPUT, 'caseId'], message: 'Not a case of the represented citizen.' });
  }
  return problems;
}

async function requireCitizenAt(tx: Executor, citizenId: string, path: string[]): Promise<void> {
  const [found] = isUuid(citizenId) ? await tx.select({ id: citizens.id }).from(citizens).where(eq(citizens.id, citizenId)) : [];
  if (!found) throw new ValidationError([{ path, message: 'No citizen has this id.' }]);
}

/**
 * A citizen gives another citizen of the portal a mandate over their own cases, from now (or
 * validFrom) until validUntil or its revocation. Never to themself. The representative is named
 * by id and family name together: the mandate shows their name, which an id alone must not give.
 */
export async function grantMandate(
  db: Database,
  viewer: Viewer,
  input: MandateTermsInput & { representativeCitizenId: string; representativeFamilyName: string },
  now: Date,
): Promise<MandateRow> {
  if (viewer.kind !== 'citizen') throw new ForbiddenError('A citizen grants mandates over their own cases; an agent records one with recordMandate.');
  if (input.representativeCitizenId === viewer.citizenId) throw new ValidationError([{ path: [...INPUT, 'representativeCitizenId'], message: 'A mandate is for someone else.' }]);
  const terms = termsOf(input, now);
  return db.transaction(async (tx) => {
    const [named] = isUuid(input.representativeCitizenId)
      ? await tx
          .select({ id: citizens.id })
          .from(citizens)
          .where(and(eq(citizens.id, input.representativeCitizenId), sql`lower(${citizens.familyName}) = lower(${input.representativeFamilyName.trim()})`))
      : [];
    if (!named) throw new ValidationError([{ path: [...INPUT, 'representativeCitizenId'], message: 'No citizen has this id and family name.' }]);
    const problems = await checkTerms(tx, terms, viewer.citizenId, now);
    if (problems.length > 0) throw new ValidationError(problems);
    const [granted] = await tx
      .insert(mandates)
      .values({ ...terms, representedCitizenId: viewer.citizenId, representativeCitizenId: input.representativeCitizenId, grantedByKind: 'CITIZEN', createdAt: now })
      .returning();
    return granted!;
  });
}

/**
 * An agent records a mandate for a caller after checking its proof (a signed paper, a court
 * decision for a guardian): how it was checked is required, and kept with the mandate.
 */
export async function recordMandate(
  db: Database,
  viewer: Viewer,
  input: MandateTermsInput & { representedCitizenId: string; representative: RepresentativeInput; proofNote: string },
  now: Date,
): Promise<MandateRow> {
  if (viewer.kind !== 'agent') throw new ForbiddenError('Only an agent records a mandate after checking its proof.');
  const problems = checkText(input.proofNote, [...INPUT, 'proofNote'], MAX_PROOF_NOTE, true);
  const representative = input.representative;
  if ('name' in representative) {
    problems.push(...checkText(representative.name, [...INPUT, 'representative', 'name'], MAX_REPRESENTATIVE_TEXT, true));
    problems.push(...checkText(representative.organisation, [...INPUT, 'representative', 'organisation'], MAX_REPRESENTATIVE_TEXT, false));
  } else if (representative.citizenId === input.representedCitizenId) {
    problems.push({ path: [...INPUT, 'representative', 'citizenId'], message: 'A mandate is for someone else.' });
  }
  if (problems.length > 0) throw new ValidationError(problems);
  const terms = termsOf(input, now);
  return db.transaction(async (tx) => {
    await requireCitizenAt(tx, input.representedCitizenId, [...INPUT, 'representedCitizenId']);
    if ('citizenId' in representative) await requireCitizenAt(tx, representative.citizenId, [...INPUT, 'representative', 'citizenId']);
    const termProblems = await checkTerms(tx, terms, input.representedCitizenId, now);
    if (termProblems.length > 0) throw new ValidationError(termProblems);
    const [recorded] = await tx
      .insert(mandates)
      .values({
        ...terms,
        representedCitizenId: input.representedCitizenId,
        ...('citizenId' in representative
          ? { representativeCitizenId: representative.citizenId }
          : { representativeName: representative.name.trim(), representativeOrganisation: representative.organisation?.trim() || null }),
        grantedByKind: 'AGENT',
        grantedByAgentId: viewer.agentId,
        proofNote: input.proofNote.trim(),
        createdAt: now,
      })
      .returning();
    return recorded!;
  });
}

/**
 * Ends a mandate at once: by the represented citizen, by the representative (who gives it up),
 * or by an agent. A mandate already revoked or expired stays as it is.
 */
export async function revokeMandate(db: Database, viewer: Viewer, mandateId: string, now: Date): Promise<MandateRow> {
  return db.transaction(async (tx) => {
    const [readable] = await readableMandatesByIds(tx, viewer, [mandateId]);
    // A service account reads none: it finds nothing to revoke.
    if (!readable) throw new NotFoundError('Mandate');
    const [current] = await tx.select().from(mandates).where(eq(mandates.id, readable.id)).for('update');
    const status = mandateStatus(current!, now);
    if (status === 'REVOKED' || status === 'EXPIRED') {
      throw new InvalidTransitionError(status, 'REVOKED', [], status === 'REVOKED' ? 'This mandate was already revoked.' : `This mandate expired on ${current!.validUntil!.toISOString()}.`);
    }
    const [revoked] = await tx
      .update(mandates)
      .set({ revokedAt: now, revokedByKind: viewer.kind === 'citizen' ? 'CITIZEN' : 'AGENT' })
      .where(eq(mandates.id, current!.id))
      .returning();
    // Heard at commit by every instance, which closes the representative's open connections.
    if (revoked!.representativeCitizenId) await tx.execute(sql`select pg_notify(${MANDATES_ENDED_CHANNEL}, ${revoked!.representativeCitizenId})`);
    return revoked!;
  });
}

import { and, asc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client.js';
import { anyOf } from '../db/lists.js';
import { accessLog, agents, cases, citizens, contactPoints, serviceAccounts } from '../db/tables/index.js';
import { isEmail, isPhone, normalizeEmail, normalizePhone } from '../domain/contact-points.js';
import { type FieldProblem, ValidationError } from '../domain/errors.js';
import { wellFormedUuids } from '../domain/ids.js';
import { checkNationalNumber } from '../domain/national-number.js';
import type { Viewer } from '../domain/viewer.js';
import type { ContactPointKind, Language } from '../domain/vocabulary.js';
import { readableCases } from './case-access.js';
import type { DataVault } from './data-vault.js';
import { COUNT, countOf, type CountedPage, emptyPage, type PageRequest, readPageRequest, toPage } from './pagination.js';
import { representedCitizens } from './mandates/reads.js';

export type CitizenRow = typeof citizens.$inferSelect;
export type ContactPointRow = typeof contactPoints.$inferSelect;

export interface CitizenIdentity {
  nationalNumber?: string | null;
  givenName?: string | null;
  familyName?: string | null;
  email?: string | null;
  phone?: string | null;
  preferredLanguage?: Language | null;
}

const MAX_NAME_LENGTH = 100;

/** Problems with an identity given by an agent, each on its input path. */
export function checkIdentity(identity: CitizenIdentity, path: string[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (identity.nationalNumber) {
    const check = checkNationalNumber(identity.nationalNumber);
    if (!check.valid) {
      problems.push({
        path: [...path, 'nationalNumber'],
        message: check.reason === 'FORMAT' ? 'A national register number has 11 digits.' : 'The check digits do not match (mod 97).',
      });
    }
  }
  if (identity.email && !isEmail(identity.email)) problems.push({ path: [...path, 'email'], message: 'Not an e-mail address.' });
  if (identity.phone && !isPhone(identity.phone)) problems.push({ path: [...path, 'phone'], message: 'Not a phone number.' });
  for (const field of ['givenName', 'familyName'] as const) {
    const value = identity[field];
    if (value !== undefined && value !== null && (value.trim() === '' || value.length > MAX_NAME_LENGTH)) {
      problems.push({ path: [...path, field], message: `Between 1 and ${MAX_NAME_LENGTH} characters.` });
    }
  }
  return problems;
}

/**
 * The citizen an identity designates: found by national number, then e-mail, then phone;
 * created (with those contact points) when none matches. Call `checkIdentity` first.
 */
export async function findOrCreateCitizen(tx: Executor, vault: DataVault, identity: CitizenIdentity, path: string[]): Promise<{ citizen: CitizenRow; created: boolean }> {
  const nationalNumber = identity.nationalNumber ? checkNationalNumber(identity.nationalNumber) : undefined;
  const digits = nationalNumber?.valid ? nationalNumber.digits : undefined;
  // Two first contacts of one unknown person may arrive together: each locks what identifies
  // the person (in one order, so they cannot deadlock) until commit, so the second finds the first's citizen.
  const identifiers = [
    digits ? `nn:${vault.lookupHash(digits)}` : undefined,
    identity.email ? `email:${normalizeEmail(identity.email)}` : undefined,
    identity.phone ? `phone:${normalizePhone(identity.phone)}` : undefined,
  ]
    .filter((identifier): identifier is string => identifier !== undefined)
    .sort();
  for (const identifier of identifiers) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${identifier}, 0))`);
  }
  if (digits) {
    const [found] = await tx.select().from(citizens).where(eq(citizens.nationalNumberHash, vault.lookupHash(digits)));
    if (found) return { citizen: found, created: false };
  }
  for (const [kind, value] of [
    ['EMAIL', identity.email ? normalizeEmail(identity.email) : undefined],
    ['PHONE', identity.phone ? normalizePhone(identity.phone) : undefined],
  ] as const) {
    if (!value) continue;
    const [found] = await tx
      .select({ citizen: citizens })
      .from(contactPoints)
      .innerJoin(citizens, eq(citizens.id, contactPoints.citizenId))
      .where(and(eq(contactPoints.kind, kind), eq(contactPoints.normalizedValue, value)))
      .orderBy(asc(citizens.createdAt))
      .limit(1);
    if (found) return { citizen: found.citizen, created: false };
  }
  if (!identity.givenName?.trim() || !identity.familyName?.trim()) {
    throw new ValidationError([
      { path: [...path, identity.givenName?.trim() ? 'familyName' : 'givenName'], message: 'Needed to register a citizen who is not known yet.' },
    ]);
  }
  const [citizen] = await tx
    .insert(citizens)
    .values({
      givenName: identity.givenName.trim(),
      familyName: identity.familyName.trim(),
      preferredLanguage: identity.preferredLanguage ?? 'fr',
      nationalNumberEncrypted: digits ? vault.encrypt(digits) : null,
      nationalNumberHash: digits ? vault.lookupHash(digits) : null,
    })
    .returning();
  const points: (typeof contactPoints.$inferInsert)[] = [];
  if (identity.email) points.push({ citizenId: citizen!.id, kind: 'EMAIL', value: identity.email.trim(), normalizedValue: normalizeEmail(identity.email), isPrimary: true });
  if (identity.phone) points.push({ citizenId: citizen!.id, kind: 'PHONE', value: identity.phone.trim(), normalizedValue: normalizePhone(identity.phone), isPrimary: true });
  if (points.length > 0) await tx.insert(contactPoints).values(points);
  return { citizen: citizen!, created: true };
}

/**
 * Citizens a viewer may read: agents any (the first line answers anyone who calls); service
 * accounts those with a case they may read; a citizen themself and the people who gave them a
 * mandate in force (whose national number stays masked and contact points hidden, see the
 * Citizen type). Others: none, exactly as if the ids did not exist.
 */
export function readableCitizens(viewer: Viewer, now: Date): SQL {
  switch (viewer.kind) {
    case 'agent':
      return sql`true`;
    case 'service':
      return sql`exists (select 1 from ${cases} where ${cases.citizenId} = ${citizens.id} and ${readableCases(viewer, now)})`;
    case 'citizen':
      return or(eq(citizens.id, viewer.citizenId), representedCitizens(viewer.citizenId, now))!;
    case 'anonymous':
      return sql`false`;
  }
}

export function readableCitizensByIds(db: Executor, viewer: Viewer, ids: readonly string[], now: Date): Promise<CitizenRow[]> {
  return db.select().from(citizens).where(and(anyOf(citizens.id, wellFormedUuids(ids)), readableCitizens(viewer, now)));
}

export interface CitizenSearch {
  nationalNumber?: string | null;
  email?: string | null;
  phone?: string | null;
  name?: string | null;
}

/** Citizens matching every given criterion, ordered by family name, given name and id. */
export async function searchCitizens(
  db: Executor,
  viewer: Viewer,
  vault: DataVault,
  search: CitizenSearch,
  request: PageRequest,
  maxPageSize: number,
  now: Date,
): Promise<CountedPage<CitizenRow>> {
  const { limit, after } = readPageRequest(request, maxPageSize, ['text', 'text', 'uuid']);
  const conditions: SQL[] = [readableCitizens(viewer, now)];
  if (search.nationalNumber) {
    const check = checkNationalNumber(search.nationalNumber);
    if (!check.valid) throw new ValidationError([{ path: ['search', 'nationalNumber'], message: 'Not a valid national register number.' }]);
    conditions.push(eq(citizens.nationalNumberHash, vault.lookupHash(check.digits)));
  }
  const byContact = (kind: ContactPointKind, value: string) =>
    sql`exists (select 1 from ${contactPoints} where ${contactPoints.citizenId} = ${citizens.id} and ${contactPoints.kind} = ${kind} and ${contactPoints.normalizedValue} = ${value})`;
  if (search.email) conditions.push(byContact('EMAIL', normalizeEmail(search.email)));
  if (search.phone) conditions.push(byContact('PHONE', normalizePhone(search.phone)));
  const name = search.name?.trim();
  if (name) {
    if (name.length < 2 || name.length > MAX_NAME_LENGTH) throw new ValidationError([{ path: ['search', 'name'], message: `Between 2 and ${MAX_NAME_LENGTH} characters.` }]);
    const words = name.split(/\s+/).slice(0, 4);
    for (const word of words) {
      const prefix = `${word.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
      conditions.push(or(ilike(citizens.familyName, prefix), ilike(citizens.givenName, prefix))!);
    }
  }
  if (conditions.length === 1) {
    throw new ValidationError([{ path: ['search'], message: 'Give at least one of nationalNumber, email, phone or name.' }]);
  }
  const sortKey = sql`(lower(${citizens.familyName}), lower(${citizens.givenName}), ${citizens.id})`;
  const matching = and(...conditions);
  const rows = await db
    .select()
    .from(citizens)
    .where(and(matching, after ? sql`${sortKey} > (${String(after[0])}, ${String(after[1])}, ${String(after[2])}::uuid)` : undefined))
    .orderBy(sql`lower(${citizens.familyName})`, sql`lower(${citizens.givenName})`, citizens.id)
    .limit(limit + 1);
  return toPage(
    rows,
    limit,
    (row) => [row.familyName.toLowerCase(), row.givenName.toLowerCase(), row.id],
    () => countOf(db.select(COUNT).from(citizens).where(matching)),
  );
}

/** Contact points of each citizen, grouped by citizen id, primary first. */
export async function contactPointsByCitizenIds(db: Executor, citizenIds: readonly string[]): Promise<ContactPointRow[][]> {
  const rows = await db
    .select()
    .from(contactPoints)
    .where(anyOf(contactPoints.citizenId, wellFormedUuids(citizenIds)))
    .orderBy(sql`${contactPoints.isPrimary} desc`, asc(contactPoints.createdAt));
  return citizenIds.map((id) => rows.filter((row) => row.citizenId === id));
}

export interface PersonalDataRead {
  citizenId: string;
  field: string;
}

/**
 * Records reads of personal data by staff, one row per citizen and batch (with the case read, when one). It runs before the
 * data is returned: if this write fails, the read fails.
 */
export async function recordPersonalDataReads(db: Executor, viewer: Viewer, requestId: string, reads: readonly PersonalDataRead[], caseId: string | null = null): Promise<void> {
  if (viewer.kind !== 'agent' && viewer.kind !== 'service') return;
  const fieldsByCitizen = new Map<string, Set<string>>();
  for (const read of reads) fieldsByCitizen.set(read.citizenId, (fieldsByCitizen.get(read.citizenId) ?? new Set()).add(read.field));
  if (fieldsByCitizen.size === 0) return;
  await db.insert(accessLog).values(
    [...fieldsByCitizen].map(([citizenId, fields]) => ({
      actorKind: viewer.kind === 'agent' ? ('AGENT' as const) : ('SERVICE' as const),
      actorSubject: viewer.kind === 'agent' ? viewer.login : viewer.subject,
      citizenId,
      fields: [...fields].sort(),
      caseId,
      requestId,
    })),
  );
}

/** Only supervisors and admins see national register numbers in full. */
export function mayRevealNationalNumber(viewer: Viewer): boolean {
  return viewer.kind === 'agent' && (viewer.role === 'SUPERVISOR' || viewer.role === 'ADMIN');
}

export interface AccessLogEntry {
  id: number;
  occurredAt: Date;
  fields: string[];
  serviceId: string | null;
  caseId: string | null;
  /** A read by someone the citizen gave a mandate: their name, and the mandate. */
  representativeName: string | null;
  mandateId: string | null;
}

const representatives = alias(citizens, 'representatives');

/**
 * The reads of the signed-in citizen's personal data, newest first: when, which service, which
 * fields — never which agent, beyond the service — and the reads by people they gave a mandate,
 * by name. Anyone else has no such log.
 */
export async function listOwnAccessLog(db: Executor, viewer: Viewer, request: PageRequest, maxPageSize: number): Promise<CountedPage<AccessLogEntry>> {
  const { limit, after } = readPageRequest(request, maxPageSize, ['integer']);
  if (viewer.kind !== 'citizen') return emptyPage();
  const citizenId = viewer.citizenId;
  const rows = await db
    .select({
      id: accessLog.id,
      occurredAt: accessLog.occurredAt,
      fields: accessLog.fields,
      caseId: accessLog.caseId,
      serviceId: sql<string | null>`coalesce(${agents.serviceId}, ${serviceAccounts.serviceId})`,
      representativeName: sql<string | null>`${representatives.givenName} || ' ' || ${representatives.familyName}`,
      mandateId: accessLog.mandateId,
    })
    .from(accessLog)
    .leftJoin(agents, and(eq(accessLog.actorKind, 'AGENT'), eq(agents.login, accessLog.actorSubject)))
    .leftJoin(serviceAccounts, and(eq(accessLog.actorKind, 'SERVICE'), eq(serviceAccounts.subject, accessLog.actorSubject)))
    // The representative's id is the subject's text: compared as a uuid, so that the primary key
    // serves the join (as text, every citizen was read for each page: 547 ms over 100,000 citizens).
    .leftJoin(
      representatives,
      and(eq(accessLog.actorKind, 'CITIZEN'), sql`${representatives.id} = (case when ${accessLog.actorKind} = 'CITIZEN' then ${accessLog.actorSubject}::uuid end)`),
    )
    .where(and(eq(accessLog.citizenId, citizenId), after ? sql`${accessLog.id} < ${Number(after[0])}` : undefined))
    .orderBy(sql`${accessLog.id} desc`)
    .limit(limit + 1);
  return toPage(rows, limit, (row) => [row.id], () => countOf(db.select(COUNT).from(accessLog).where(eq(accessLog.citizenId, citizenId))));
}

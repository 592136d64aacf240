import { randomBytes } from 'node:crypto';
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import { type Database, type Executor, selectRows } from '../db/client.js';
import { anyOf } from '../db/lists.js';
import { agents, appointments, bookableResources, caseReferenceCounters, caseSearchWords, cases, citizens, handoffs, notes, themes } from '../db/tables/index.js';
import { caseMoveRefusal, transition } from '../domain/case-lifecycle.js';
import { formatCaseReference } from '../domain/case-reference.js';
import { ConflictError, ForbiddenError, InvalidTransitionError, NotFoundError, ValidationError } from '../domain/errors.js';
import { OPEN_HANDOFF_STATUSES } from '../domain/handoff-lifecycle.js';
import { isUuid } from '../domain/ids.js';
import { formatTrackingCode } from '../domain/tracking-code.js';
import type { Viewer } from '../domain/viewer.js';
import type { CaseStatus, Channel, Confidentiality, Labels, Language, Line, Priority, Resolution } from '../domain/vocabulary.js';
import { isStaff } from './case-access.js';
import { appointmentPayload } from './appointments/payload.js';
import { actorOf, recordCaseEvent } from './case-events.js';
import { type CaseRow, findReadableCaseForUpdate, type NoteRow } from './case-reads.js';
import type { DataVault } from './data-vault.js';
import { planCaseDeadlines, resolutionBusinessSeconds, resumeDeadlines } from './sla.js';

export type StaffViewer = Extract<Viewer, { kind: 'agent' | 'service' }>;

const MAX_SUBJECT = 200;
const MAX_TEXT = 10_000;

export function requireStaff(viewer: Viewer): StaffViewer {
  if (!isStaff(viewer)) throw new NotFoundError('Case');
  return viewer;
}

export function isSupervisor(viewer: StaffViewer): boolean {
  return viewer.kind === 'agent' && (viewer.role === 'SUPERVISOR' || viewer.role === 'ADMIN');
}

/**
 * The line that holds a case moves it: the service the case is at (the receiving service once it
 * accepted a handoff, the referent's otherwise), or a supervisor. Other readers only read it.
 */
export function holdsCase(viewer: StaffViewer, current: Pick<CaseRow, 'serviceId'>): boolean {
  return viewer.serviceId === current.serviceId || isSupervisor(viewer);
}

/** The next reference of the year, unique under concurrency: the counter row is locked by the upsert. */
export async function nextCaseReference(tx: Executor, now: Date): Promise<string> {
  const year = now.getUTCFullYear();
  const [row] = await tx
    .insert(caseReferenceCounters)
    .values({ year, lastNumber: 1 })
    .onConflictDoUpdate({ target: caseReferenceCounters.year, set: { lastNumber: sql`${caseReferenceCounters.lastNumber} + 1` } })
    .returning({ lastNumber: caseReferenceCounters.lastNumber });
  return formatCaseReference(year, row!.lastNumber);
}

/** A new tracking code: the clear code for the citizen, its keyed hash for the database. */
export function newTrackingCode(vault: DataVault): { code: string; hash: string } {
  const code = formatTrackingCode(randomBytes(10));
  return { code, hash: vault.trackingCodeHash(code) };
}

/** Recomputes the full-text document of a case (reference, subject, description, summaries). */
export async function refreshCaseSearch(tx: Executor, caseId: string): Promise<void> {
  await tx.execute(sql`update ${cases} set search_vector = case_search_vector(${caseId}::uuid) where ${cases.id} = ${caseId}::uuid`);
}

/** The words of these cases' search documents that the typo corrections know (migrations/0014). */
export async function caseSearchWordsOf(tx: Executor, caseIds: readonly string[]): Promise<string[]> {
  const rows = await selectRows<{ word: string }>(
    tx,
    sql`select distinct lexeme as word from ${cases}, unnest(tsvector_to_array(${cases.searchVector})) as lexeme
        where ${anyOf(cases.id, caseIds)} and search_typos_allowed(lexeme) > 0`,
  );
  return rows.map((row) => row.word);
}

/**
 * Forgets those of the given words that no case's search document holds any more (after an
 * erasure redacted the texts they came from): the correction vocabulary keeps no personal data.
 */
export async function forgetCaseSearchWords(tx: Executor, words: readonly string[]): Promise<void> {
  if (words.length === 0) return;
  await tx.execute(sql`
    delete from ${caseSearchWords} as known
    where known.word = any(${sql.param(words)}::text[])
      and not exists (select 1 from ${cases} where ${cases.searchVector} @@ quote_literal(known.word)::tsquery)`);
}

/** Sets the given columns and recomputes the full-text document of a case in one update. */
export async function touchCase(tx: Executor, caseId: string, changes: Pick<typeof cases.$inferInsert, 'updatedAt' | 'citizenId'>): Promise<Pick<CaseRow, 'updatedAt' | 'citizenId'>> {
  const [row] = await tx
    .update(cases)
    .set({ ...changes, searchVector: sql`case_search_vector(${caseId}::uuid)` })
    .where(eq(cases.id, caseId))
    .returning({ updatedAt: cases.updatedAt, citizenId: cases.citizenId });
  return row!;
}

export interface ThemeChoice {
  id: string;
  code: string;
  labels: Labels;
  firstLineExcluded: boolean;
}

export async function findTheme(tx: Executor, code: string, path: string[]): Promise<ThemeChoice> {
  const [theme] = await tx
    .select({ id: themes.id, code: themes.code, labels: themes.labels, firstLineExcluded: themes.firstLineExcluded })
    .from(themes)
    .where(eq(themes.code, code));
  if (!theme) throw new ValidationError([{ path, message: `No theme has the code "${code}".` }]);
  return theme;
}

/** An agent id given in input, checked to exist. */
async function requireAgent(tx: Executor, agentId: string, path: string[]): Promise<string> {
  const [agent] = isUuid(agentId) ? await tx.select({ id: agents.id, active: agents.active }).from(agents).where(eq(agents.id, agentId)) : [];
  if (!agent?.active) throw new ValidationError([{ path, message: 'No active agent has this id.' }]);
  return agent.id;
}

export function checkText(value: string | null | undefined, path: string[], max: number, required: boolean) {
  if (value === undefined || value === null) {
    return required ? [{ path, message: 'Required.' }] : [];
  }
  if (required && value.trim() === '') return [{ path, message: 'Must not be empty.' }];
  if (value.length > max) return [{ path, message: `At most ${max} characters.` }];
  return [];
}

export interface NewCase {
  themeCode: string;
  subject: string;
  description?: string | null;
  citizenId?: string | null;
  originChannel: Channel;
  priority?: Priority | null;
  confidentiality?: Confidentiality | null;
  language?: Language | null;
  referentId?: string | null;
  dueAt?: Date | null;
}

/** Who opens a case, and where it starts: the viewer's own service and line for staff. */
export interface CaseOpener {
  viewer: Viewer;
  serviceId: string;
  line: Line;
  referentAgentId: string | null;
  assigneeAgentId: string | null;
}

export function staffOpener(viewer: StaffViewer): CaseOpener {
  const agentId = viewer.kind === 'agent' ? viewer.agentId : null;
  return { viewer, serviceId: viewer.serviceId, line: viewer.line, referentAgentId: agentId, assigneeAgentId: agentId };
}

/**
 * Inserts a case inside the caller's transaction: reference, tracking code, deadlines from the
 * SLA policies, the opener's service and line, the referent (the named agent, else the
 * opener's), and the CASE_CREATED event. Themes excluded from the first line cannot be opened there.
 */
export async function insertCase(
  tx: Executor,
  opener: CaseOpener,
  vault: DataVault,
  input: NewCase & { procedureId?: string | null; procedureStepId?: string | null },
  now: Date,
  path: string[],
): Promise<{ row: CaseRow; trackingCode: string }> {
  const problems = [...checkText(input.subject, [...path, 'subject'], MAX_SUBJECT, true), ...checkText(input.description, [...path, 'description'], MAX_TEXT, false)];
  if (problems.length > 0) throw new ValidationError(problems);
  const theme = await findTheme(tx, input.themeCode, [...path, 'themeCode']);
  if (theme.firstLineExcluded && opener.line === 'FIRST') {
    throw new ValidationError([{ path: [...path, 'themeCode'], message: 'This theme is not handled by the first line: redirect the citizen.' }]);
  }
  const referentAgentId = input.referentId ? await requireAgent(tx, input.referentId, [...path, 'referentId']) : opener.referentAgentId;
  const deadlines = input.dueAt
    ? { dueAt: input.dueAt, atRiskAt: input.dueAt, firstResponseDueAt: null }
    : await planCaseDeadlines(tx, { channel: input.originChannel, themeId: theme.id, line: opener.line, procedureId: input.procedureId ?? null }, now);
  const tracking = newTrackingCode(vault);
  const reference = await nextCaseReference(tx, now);
  const [row] = await tx
    .insert(cases)
    .values({
      reference,
      trackingCodeHash: tracking.hash,
      citizenId: input.citizenId ?? null,
      themeId: theme.id,
      subject: input.subject.trim(),
      description: input.description ?? null,
      originChannel: input.originChannel,
      priority: input.priority ?? 'NORMAL',
      confidentiality: input.confidentiality ?? 'NORMAL',
      language: input.language ?? 'fr',
      currentLine: opener.line,
      serviceId: opener.serviceId,
      referentAgentId,
      assigneeAgentId: opener.assigneeAgentId,
      procedureId: input.procedureId ?? null,
      procedureStepId: input.procedureStepId ?? null,
      ...deadlines,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  const { searchVector: _searchVector, ...created } = row!;
  await recordCaseEvent(tx, opener.viewer, {
    caseId: created.id,
    type: 'CASE_CREATED',
    visibility: 'CITIZEN',
    payload: { reference, channel: input.originChannel, themeCode: theme.code },
    occurredAt: now,
  });
  return { row: created, trackingCode: tracking.code };
}

/** Applies a lifecycle move to a locked case row and records it; the caller's transaction commits both. */
export async function moveCase(tx: Executor, viewer: Viewer, current: CaseRow, to: CaseStatus, resolution: Resolution | null, now: Date): Promise<CaseRow> {
  // A citizen moves a case only through the portal's own rules (answering puts a waiting case back in progress).
  if (isStaff(viewer) && !holdsCase(viewer, current)) {
    throw new ForbiddenError('Only the service that holds the case (or a supervisor) may change its status; you may still read it and add notes or contacts.');
  }
  const outcome = transition(current, to, resolution, now);
  if (!outcome.ok) {
    if (outcome.reason === 'NOT_ALLOWED') throw new InvalidTransitionError(current.status, to, outcome.allowed, caseMoveRefusal(current.status, to, outcome.allowed));
    throw new ValidationError([
      {
        path: ['input', 'resolution'],
        message: outcome.reason === 'RESOLUTION_REQUIRED' ? 'A resolution is needed to resolve a case.' : 'A resolution is given only when resolving.',
      },
    ]);
  }
  const { status, resolution: settled, resolvedAt, closedAt } = outcome.state;
  const updated = await writeCase(tx, current, {
    status,
    resolution: settled,
    resolvedAt,
    resolutionBusinessSeconds: to === 'RESOLVED' ? await resolutionBusinessSeconds(tx, current.createdAt, now) : resolvedAt ? current.resolutionBusinessSeconds : null,
    closedAt,
    updatedAt: now,
    ...(await slaClockAfterMove(tx, current, to, now)),
  });
  await recordCaseEvent(tx, viewer, {
    caseId: current.id,
    type: 'STATUS_CHANGED',
    visibility: 'CITIZEN',
    payload: { from: current.status, to, ...(outcome.state.resolution && to === 'RESOLVED' ? { resolution: outcome.state.resolution } : {}) },
    occurredAt: now,
  });
  if (to === 'RESOLVED' || to === 'CANCELLED') await endOpenHandoff(tx, viewer, current.id, to, now);
  if (to === 'CANCELLED') await releaseUpcomingAppointments(tx, viewer, current.id, 'The case was cancelled.', now);
  return updated;
}

/** A cancelled case (or an erased citizen) frees the desks its upcoming appointments held: each is cancelled, and says so. */
export async function releaseUpcomingAppointments(tx: Executor, viewer: Viewer, caseId: string, reason: string, now: Date): Promise<void> {
  const by = actorOf(viewer).actorKind;
  const released = await tx
    .update(appointments)
    .set({ status: 'CANCELLED', cancellationReason: reason, endedByKind: by, endedByAgentId: viewer.kind === 'agent' ? viewer.agentId : null, endedAt: now, updatedAt: now })
    .from(bookableResources)
    .where(and(eq(appointments.caseId, caseId), eq(appointments.status, 'BOOKED'), gt(appointments.startsAt, now), eq(bookableResources.id, appointments.resourceId)))
    .returning({ appointment: appointments, resourceCode: bookableResources.code });
  for (const { appointment, resourceCode } of released) {
    await recordCaseEvent(tx, viewer, {
      caseId,
      type: 'APPOINTMENT_CANCELLED',
      visibility: 'CITIZEN',
      payload: { ...appointmentPayload(appointment, resourceCode), reason, by },
      occurredAt: now,
    });
  }
}

/**
 * A case resolved by the line that accepted its handoff completes that handoff (completion
 * RESOLVED), which tells the referent; a cancelled case cancels its open handoff.
 */
async function endOpenHandoff(tx: Executor, viewer: Viewer, caseId: string, to: 'RESOLVED' | 'CANCELLED', now: Date): Promise<void> {
  const ended =
    to === 'RESOLVED'
      ? { status: 'COMPLETED' as const, completion: 'RESOLVED' as const, completedAt: now, updatedAt: now }
      : { status: 'CANCELLED' as const, cancelledAt: now, updatedAt: now };
  const [handoff] = await tx
    .update(handoffs)
    .set(ended)
    .where(and(eq(handoffs.caseId, caseId), inArray(handoffs.status, to === 'RESOLVED' ? ['ACCEPTED'] : [...OPEN_HANDOFF_STATUSES])))
    .returning({ id: handoffs.id });
  if (!handoff) return;
  await recordCaseEvent(tx, viewer, {
    caseId,
    type: to === 'RESOLVED' ? 'HANDOFF_COMPLETED' : 'HANDOFF_CANCELLED',
    visibility: 'INTERNAL',
    payload: to === 'RESOLVED' ? { handoffId: handoff.id, completion: 'RESOLVED' } : { handoffId: handoff.id, because: 'CASE_CANCELLED' },
    occurredAt: now,
  });
}

/** The SLA clock stops when the case starts waiting for the citizen and resumes when it stops. */
export async function slaClockAfterMove(tx: Executor, current: CaseRow, to: CaseStatus, now: Date): Promise<Partial<typeof cases.$inferInsert>> {
  if (to === 'WAITING_FOR_CITIZEN') return { waitingSince: now };
  if (!current.waitingSince) return {};
  return { waitingSince: null, ...(await resumeDeadlines(tx, { dueAt: current.dueAt, atRiskAt: current.atRiskAt, waitingSince: current.waitingSince }, now)) };
}

/** Writes new values on a locked case and increments its version. */
export async function writeCase(tx: Executor, current: CaseRow, values: Partial<typeof cases.$inferInsert>): Promise<CaseRow> {
  const [row] = await tx
    .update(cases)
    .set({ ...values, version: current.version + 1 })
    .where(eq(cases.id, current.id))
    .returning();
  const { searchVector: _searchVector, ...updated } = row!;
  return updated;
}

/** Locks a readable case and checks the version the client read; a stale one changes nothing. */
async function lockCaseAtVersion(tx: Executor, viewer: Viewer, id: string, expected: number, now: Date): Promise<CaseRow> {
  const current = await findReadableCaseForUpdate(tx, viewer, id, now);
  if (current.version !== expected) {
    throw new ConflictError(`The case has changed since version ${expected}: it is at version ${current.version}. Reload it and try again.`, current.version);
  }
  return current;
}

export async function openCase(db: Database, viewer: Viewer, vault: DataVault, input: NewCase, now: Date) {
  const staff = requireStaff(viewer);
  return db.transaction(async (tx) => {
    if (input.citizenId) await requireCitizen(tx, input.citizenId, ['input', 'citizenId']);
    const created = await insertCase(tx, staffOpener(staff), vault, input, now, ['input']);
    await refreshCaseSearch(tx, created.row.id);
    return created;
  });
}

export async function requireCitizen(tx: Executor, citizenId: string, path: string[]): Promise<void> {
  const [found] = isUuid(citizenId) ? await tx.select({ id: citizens.id }).from(citizens).where(eq(citizens.id, citizenId)) : [];
  if (!found) throw new ValidationError([{ path, message: 'No citizen has this id.' }]);
}

export interface CaseChanges {
  id: string;
  version: number;
  subject?: string | null;
  description?: string | null;
  priority?: Priority | null;
  confidentiality?: Confidentiality | null;
  themeCode?: string | null;
  dueAt?: Date | null;
}

export async function updateCase(db: Database, viewer: Viewer, changes: CaseChanges, now: Date): Promise<CaseRow> {
  requireStaff(viewer);
  const problems = [
    ...checkText(changes.subject, ['input', 'subject'], MAX_SUBJECT, changes.subject !== undefined && changes.subject !== null),
    ...checkText(changes.description, ['input', 'description'], MAX_TEXT, false),
  ];
  if (problems.length > 0) throw new ValidationError(problems);
  return db.transaction(async (tx) => {
    const current = await lockCaseAtVersion(tx, viewer, changes.id, changes.version, now);
    const values: Partial<typeof cases.$inferInsert> = {};
    if (changes.subject) values.subject = changes.subject.trim();
    if (changes.description !== undefined) values.description = changes.description;
    if (changes.priority) values.priority = changes.priority;
    if (changes.confidentiality) values.confidentiality = changes.confidentiality;
    // A deadline set by hand has no at-risk window: it is at risk only once due.
    if (changes.dueAt !== undefined) Object.assign(values, { dueAt: changes.dueAt, atRiskAt: changes.dueAt });
    if (changes.themeCode) values.themeId = (await findTheme(tx, changes.themeCode, ['input', 'themeCode'])).id;
    const changed = Object.keys(values);
    if (changed.length === 0) throw new ValidationError([{ path: ['input'], message: 'Nothing to change.' }]);
    const updated = await writeCase(tx, current, { ...values, updatedAt: now });
    await recordCaseEvent(tx, viewer, { caseId: current.id, type: 'CASE_UPDATED', visibility: 'INTERNAL', payload: { fields: changed }, occurredAt: now });
    if (values.subject !== undefined || values.description !== undefined) await refreshCaseSearch(tx, current.id);
    return updated;
  });
}

export async function transitionCase(
  db: Database,
  viewer: Viewer,
  input: { id: string; version: number; to: CaseStatus; resolution?: Resolution | null },
  now: Date,
): Promise<CaseRow> {
  requireStaff(viewer);
  return db.transaction(async (tx) => {
    const current = await lockCaseAtVersion(tx, viewer, input.id, input.version, now);
    return moveCase(tx, viewer, current, input.to, input.resolution ?? null, now);
  });
}

export async function assignCase(
  db: Database,
  viewer: Viewer,
  input: { id: string; version: number; assigneeId: string | null },
  now: Date,
): Promise<CaseRow> {
  requireStaff(viewer);
  return db.transaction(async (tx) => {
    const current = await lockCaseAtVersion(tx, viewer, input.id, input.version, now);
    const assigneeAgentId = input.assigneeId ? await requireAgent(tx, input.assigneeId, ['input', 'assigneeId']) : null;
    if (assigneeAgentId === current.assigneeAgentId) throw new ValidationError([{ path: ['input', 'assigneeId'], message: 'The case is already assigned so.' }]);
    const updated = await writeCase(tx, current, { assigneeAgentId, updatedAt: now });
    await recordCaseEvent(tx, viewer, {
      caseId: current.id,
      type: 'CASE_ASSIGNED',
      visibility: 'INTERNAL',
      payload: { from: current.assigneeAgentId, to: assigneeAgentId },
      occurredAt: now,
    });
    return updated;
  });
}

export async function addNote(db: Database, viewer: Viewer, input: { caseId: string; body: string }, now: Date): Promise<{ note: NoteRow; case: CaseRow }> {
  const staff = requireStaff(viewer);
  const problems = checkText(input.body, ['input', 'body'], MAX_TEXT, true);
  if (problems.length > 0) throw new ValidationError(problems);
  return db.transaction(async (tx) => {
    const current = await findReadableCaseForUpdate(tx, viewer, input.caseId, now);
    const [note] = await tx
      .insert(notes)
      .values({ caseId: current.id, authorAgentId: staff.kind === 'agent' ? staff.agentId : null, body: input.body, createdAt: now })
      .returning();
    // A note is not a change of the case's own fields: the version stays, the time moves.
    const [touched] = await tx.update(cases).set({ updatedAt: now }).where(eq(cases.id, current.id)).returning();
    await recordCaseEvent(tx, viewer, { caseId: current.id, type: 'NOTE_ADDED', visibility: 'INTERNAL', payload: { noteId: note!.id }, occurredAt: now });
    const { searchVector: _searchVector, ...updated } = touched!;
    return { note: note!, case: updated };
  });
}

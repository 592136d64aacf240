import { and, asc, eq, lte } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.js';
import { appointments, bookableResources, cases } from '../../db/tables/index.js';
import { isNoShowDue, NO_SHOW_GRACE_MS } from '../../domain/appointment-lifecycle.js';
import { ValidationError } from '../../domain/errors.js';
import { pickLabel } from '../../domain/labels.js';
import { ANONYMOUS, type Viewer } from '../../domain/viewer.js';
import type { AppointmentStatus, CaseEventType } from '../../domain/vocabulary.js';
import { actorOf, recordCaseEvent } from '../case-events.js';
import type { CaseRow } from '../case-reads.js';
import { checkText, requireStaff, touchCase } from '../cases.js';
import { recordCounterVisit } from '../contacts.js';
import { startPeriodicJob } from '../periodic-job.js';
import { type AppointmentResult, checkMove, lockAppointment, requireAppointmentActor } from './booking.js';
import { appointmentPayload } from './payload.js';
import type { AppointmentRow } from './reads.js';

const MAX_REASON = 1_000;
const MAX_TICKET = 20;

const EVENT_OF_STATUS: Record<Exclude<AppointmentStatus, 'BOOKED'>, CaseEventType> = {
  CHECKED_IN: 'APPOINTMENT_CHECKED_IN',
  DONE: 'APPOINTMENT_DONE',
  CANCELLED: 'APPOINTMENT_CANCELLED',
  NO_SHOW: 'APPOINTMENT_NO_SHOW',
};



/** Writes the appointment's new status and its citizen-visible case event, and touches the case. */
async function recordMove(
  tx: Executor,
  viewer: Viewer,
  current: CaseRow,
  appointment: AppointmentRow,
  resourceCode: string,
  values: Partial<typeof appointments.$inferInsert> & { status: Exclude<AppointmentStatus, 'BOOKED'> },
  payload: Record<string, unknown>,
  now: Date,
): Promise<AppointmentResult> {
  const [moved] = await tx
    .update(appointments)
    .set({ ...values, updatedAt: now })
    .where(eq(appointments.id, appointment.id))
    .returning();
  await recordCaseEvent(tx, viewer, {
    caseId: current.id,
    type: EVENT_OF_STATUS[values.status],
    visibility: 'CITIZEN',
    payload: { ...appointmentPayload(appointment, resourceCode), ...payload },
    occurredAt: now,
  });
  const touched = await touchCase(tx, current.id, { updatedAt: now, citizenId: current.citizenId });
  return { appointment: moved!, case: { ...current, ...touched } };
}

/** Cancels a booked appointment, freeing its desk: the citizen (their own) or staff managing the resource, with a reason. */
export async function cancelAppointment(db: Database, viewer: Viewer, input: { appointmentId: string; reason: string }, now: Date): Promise<AppointmentResult> {
  const problems = checkText(input.reason, ['input', 'reason'], MAX_REASON, true);
  if (problems.length > 0) throw new ValidationError(problems);
  return db.transaction(async (tx) => {
    const { appointment, current, resource } = await lockAppointment(tx, viewer, input.appointmentId, now);
    requireAppointmentActor(viewer, resource, 'booking');
    checkMove(appointment, 'CANCELLED', now);
    const by = actorOf(viewer).actorKind;
    const reason = input.reason.trim();
    return recordMove(
      tx,
      viewer,
      current,
      appointment,
      resource.code,
      { status: 'CANCELLED', cancellationReason: reason, endedByKind: by, endedByAgentId: viewer.kind === 'agent' ? viewer.agentId : null, endedAt: now },
      { reason, by },
      now,
    );
  });
}

/**
 * The citizen arrived: records a counter visit on the case, linked to the appointment. From two
 * hours before the start; staff managing the resource only.
 */
export async function checkInAppointment(db: Database, viewer: Viewer, input: { appointmentId: string; ticket?: string | null }, now: Date): Promise<AppointmentResult> {
  const ticket = input.ticket?.trim() || null;
  if (ticket && ticket.length > MAX_TICKET) throw new ValidationError([{ path: ['input', 'ticket'], message: `At most ${MAX_TICKET} characters.` }]);
  return db.transaction(async (tx) => {
    const { appointment, current, resource } = await lockAppointment(tx, viewer, input.appointmentId, now);
    requireAppointmentActor(viewer, resource, 'day sheet');
    checkMove(appointment, 'CHECKED_IN', now);
    const visit = await recordCounterVisit(tx, requireStaff(viewer), { caseId: current.id, counterId: resource.counterId, ticket, summary: pickLabel(resource.labels, current.language) }, now);
    return recordMove(tx, viewer, current, appointment, resource.code, { status: 'CHECKED_IN', checkedInAt: now, visitInteractionId: visit.id }, { interactionId: visit.id }, now);
  });
}

/** The appointment took place: staff managing the resource. */
export async function completeAppointment(db: Database, viewer: Viewer, input: { appointmentId: string }, now: Date): Promise<AppointmentResult> {
  return db.transaction(async (tx) => {
    const { appointment, current, resource } = await lockAppointment(tx, viewer, input.appointmentId, now);
    requireAppointmentActor(viewer, resource, 'day sheet');
    checkMove(appointment, 'DONE', now);
    return recordMove(tx, viewer, current, appointment, resource.code, { status: 'DONE', endedAt: now }, {}, now);
  });
}

/** Nobody came: staff managing the resource, once the appointment has started. */
export async function markAppointmentNoShow(db: Database, viewer: Viewer, input: { appointmentId: string }, now: Date): Promise<AppointmentResult> {
  return db.transaction(async (tx) => {
    const { appointment, current, resource } = await lockAppointment(tx, viewer, input.appointmentId, now);
    requireAppointmentActor(viewer, resource, 'day sheet');
    checkMove(appointment, 'NO_SHOW', now);
    const by = actorOf(viewer).actorKind;
    return recordMove(tx, viewer, current, appointment, resource.code, { status: 'NO_SHOW', endedByKind: by, endedByAgentId: viewer.kind === 'agent' ? viewer.agentId : null, endedAt: now }, { by }, now);
  });
}

const NO_SHOW_BATCH = 100;

/**
 * The no-show job: booked appointments nobody checked in for, an hour after their end, become
 * NO_SHOW, by batches. Every instance runs it; rows another instance (or a writer of the case)
 * holds are skipped, so each appointment is marked once. Returns how many it marked.
 */
export async function markMissedAppointments(db: Database, now: Date): Promise<number> {
  let marked = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const due = await tx
        .select({ appointment: appointments, caseRow: cases, resourceCode: bookableResources.code })
        .from(appointments)
        .innerJoin(cases, eq(cases.id, appointments.caseId))
        .innerJoin(bookableResources, eq(bookableResources.id, appointments.resourceId))
        .where(and(eq(appointments.status, 'BOOKED'), lte(appointments.endsAt, new Date(now.getTime() - NO_SHOW_GRACE_MS))))
        .orderBy(asc(appointments.endsAt))
        .limit(NO_SHOW_BATCH)
        .for('update', { of: [appointments, cases], skipLocked: true });
      for (const { appointment, caseRow, resourceCode } of due) {
        if (!isNoShowDue(appointment, now)) continue;
        const { searchVector: _searchVector, ...current } = caseRow;
        await recordMove(tx, ANONYMOUS, current, appointment, resourceCode, { status: 'NO_SHOW', endedByKind: 'SYSTEM', endedAt: now }, { by: 'SYSTEM' }, now);
      }
      return due.length;
    });
    marked += batch;
    if (batch < NO_SHOW_BATCH) return marked;
  }
}

/** The no-show job, every `intervalMs` (see startPeriodicJob). */
export function startNoShowJob(dependencies: { db: Database; intervalMs: number; clock: () => Date; log: { warn(details: object, message: string): void } }) {
  return startPeriodicJob({
    name: 'no-show job',
    intervalMs: dependencies.intervalMs,
    log: dependencies.log,
    work: async () => {
      await markMissedAppointments(dependencies.db, dependencies.clock());
    },
  });
}

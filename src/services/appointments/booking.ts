import { and, eq, gt, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.js';
import { appointments, bookableResources, cases, citizens, services } from '../../db/tables/index.js';
import { moveAppointmentAt } from '../../domain/appointment-lifecycle.js';
import { BOOKING_HORIZON_DAYS, slotsOf } from '../../domain/appointment-slots.js';
import { ConflictError, ForbiddenError, InvalidTransitionError, NotFoundError, SlotUnavailableError, ValidationError } from '../../domain/errors.js';
import { pickLabel } from '../../domain/labels.js';
import type { Viewer } from '../../domain/viewer.js';
import { type AppointmentStatus, type Channel, CHANNELS, type Language } from '../../domain/vocabulary.js';
import { isStaff } from '../case-access.js';
import { actorOf, recordCaseEvent } from '../case-events.js';
import { caseColumns, type CaseRow, findReadableCaseForUpdate } from '../case-reads.js';
import { type CaseOpener, checkText, findTheme, insertCase, isSupervisor, requireCitizen, type StaffViewer, touchCase } from '../cases.js';
import type { DataVault } from '../data-vault.js';
import { constraintViolation, isDeadlock } from '../database-errors.js';
import { desksTaken, findActiveResource, loadResourcePlans, nearestFreeSlots, type ResourcePlan, type ResourceRow } from './availability.js';
import { appointmentPayload } from './payload.js';
import { type AppointmentRow, readableAppointmentsByIds } from './reads.js';
import { requireActingMandate, requireMandateForNewCase } from '../mandates/acting.js';

const MAX_NOTE = 1_000;
/** Upcoming appointments a citizen may hold at once on the portal: enough for a family's errands, not for hoarding a permanence's slots. */
export const MAX_UPCOMING_PER_CITIZEN = 3;
const INPUT = ['input'];

export interface AppointmentResult {
  appointment: AppointmentRow;
  case: CaseRow;
}

/** The resource's own staff, who work its day sheet (check-in, done, no-show), and supervisors. */
export function worksAtResource(staff: StaffViewer, resource: Pick<ResourceRow, 'serviceId'>): boolean {
  return staff.serviceId === resource.serviceId || isSupervisor(staff);
}

/** Who may book, move and cancel appointments at a resource besides the citizen themself: also the first line, which books for callers. */
export function booksAtResource(staff: StaffViewer, resource: Pick<ResourceRow, 'serviceId'>): boolean {
  return staff.line === 'FIRST' || worksAtResource(staff, resource);
}

function requireBooker(viewer: Viewer, resource: ResourceRow): void {
  if (viewer.kind === 'citizen') return;
  if (!isStaff(viewer)) throw new ForbiddenError('Sign in to book an appointment.');
  if (!booksAtResource(viewer, resource)) throw new ForbiddenError('Only the first line, the resource’s own service or the citizen may book or move an appointment here.');
}

/** The slot of the resource for the theme that starts at `start`, if the resource offers it now. */
async function offeredSlot(db: Executor, plan: ResourcePlan, themeId: string, start: Date, now: Date) {
  const minutes = plan.minutesByTheme.get(themeId)!;
  const [slot] = slotsOf(plan.schedule, { durationMinutes: minutes, from: start, to: new Date(start.getTime() + 1), now, horizonDays: BOOKING_HORIZON_DAYS });
  if (slot && slot.start.getTime() === start.getTime()) return slot;
  throw new SlotUnavailableError(
    `The resource offers no ${minutes}-minute appointment starting at this time: only opening hours, in whole appointments from the opening, within ${BOOKING_HORIZON_DAYS} days and not in the past.`,
    await nearestFreeSlots(db, plan, themeId, start, now),
  );
}

/** The lowest desk free for the slot, or the nearest free slots instead. */
async function freeDesk(tx: Executor, plan: ResourcePlan, themeId: string, slot: { start: Date; end: Date }, now: Date, leavingOut?: string): Promise<number> {
  const taken = await desksTaken(tx, plan.resource.id, slot, leavingOut);
  for (let desk = 1; desk <= plan.resource.desks; desk++) if (!taken.has(desk)) return desk;
  throw new SlotUnavailableError('This slot is taken: every desk is booked.', await nearestFreeSlots(tx, plan, themeId, slot.start, now));
}

/**
 * Bookings and moves to a resource take its row lock (after the case's, as every case writer
 * does) before they look for a free desk: they run one after the other, so the desk they pick is
 * free. Without it, two inserts racing for one desk make the exclusion constraint wait on each
 * other, and Postgres ends one of them as a deadlock after a second.
 */
async function lockResource(tx: Executor, resourceId: string): Promise<void> {
  await tx.select({ id: bookableResources.id }).from(bookableResources).where(eq(bookableResources.id, resourceId)).for('update');
}

/**
 * Runs a booking transaction again should the exclusion constraint still refuse its desk, or a
 * deadlock end it (a writer that does not take the resource's lock, or a database restored
 * without it): the next attempt sees the other booking. The constraint stays the guarantee.
 */
async function retryingTakenDesks<T>(plan: ResourcePlan, attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      const refused = constraintViolation(error)?.constraint === 'appointments_no_double_booking' || isDeadlock(error);
      if (!refused || tries > plan.resource.desks) throw error;
    }
  }
}

export interface BookingInput {
  resourceId: string;
  start: Date;
  themeCode: string;
  caseId?: string | null;
  citizenId?: string | null;
  channel: Channel;
  note?: string | null;
}

/**
 * Books a slot for a citizen on a case (a new one, at the resource's service, when none is
 * given), with its APPOINTMENT_BOOKED event. A citizen books on the portal for themself or for
 * someone they represent with ACT; the first line for anyone; the resource's service at its own
 * resource.
 */
export async function bookAppointment(db: Database, viewer: Viewer, vault: DataVault, input: BookingInput, now: Date): Promise<AppointmentResult> {
  const problems = checkText(input.note, [...INPUT, 'note'], MAX_NOTE, false);
  if (!(CHANNELS as readonly string[]).includes(input.channel)) problems.push({ path: [...INPUT, 'channel'], message: `One of ${CHANNELS.join(', ')}.` });
  if (viewer.kind === 'citizen' && input.channel !== 'ONLINE_PROCEDURE') problems.push({ path: [...INPUT, 'channel'], message: 'A citizen books on the portal: ONLINE_PROCEDURE.' });
  if (problems.length > 0) throw new ValidationError(problems);
  const resource = await findActiveResource(db, input.resourceId, [...INPUT, 'resourceId']);
  requireBooker(viewer, resource);
  const theme = await findTheme(db, input.themeCode, [...INPUT, 'themeCode']);
  const plan = (await loadResourcePlans(db, [resource])).get(resource.id)!;
  if (!plan.minutesByTheme.has(theme.id)) throw new ValidationError([{ path: [...INPUT, 'themeCode'], message: 'This resource does not receive citizens for this theme.' }]);
  const slot = await offeredSlot(db, plan, theme.id, input.start, now);

  return retryingTakenDesks(plan, () =>
    db.transaction(async (tx) => {
      let current: CaseRow;
      // A citizen books for themself, or for someone they represent: on one of their cases (the
      // case tells whom, and finding it checks the mandate) or on a new one.
      const citizenId = input.citizenId ?? (viewer.kind === 'citizen' && !input.caseId ? viewer.citizenId : null);
      if (citizenId && viewer.kind !== 'citizen') await requireCitizen(tx, citizenId, [...INPUT, 'citizenId']);
      if (viewer.kind === 'citizen' && citizenId && citizenId !== viewer.citizenId && !input.caseId) await requireMandateForNewCase(tx, viewer.citizenId, citizenId, theme.code, now);
      if (input.caseId) {
        current = await findReadableCaseForUpdate(tx, viewer, input.caseId, now);
        if (current.status === 'CLOSED' || current.status === 'CANCELLED') {
          throw new ValidationError([{ path: [...INPUT, 'caseId'], message: `The case is ${current.status.toLowerCase()}: book on a new case (leave caseId out).` }]);
        }
        if (citizenId && current.citizenId && current.citizenId !== citizenId) {
          throw new ValidationError([{ path: [...INPUT, 'citizenId'], message: 'The case belongs to another citizen.' }]);
        }
      } else {
        if (!citizenId) throw new ValidationError([{ path: [...INPUT, 'citizenId'], message: 'An appointment is for a known citizen: give citizenId, or a case that has one.' }]);
        const [citizen] = await tx.select({ language: citizens.preferredLanguage }).from(citizens).where(eq(citizens.id, citizenId));
        const language: Language = citizen?.language ?? 'fr';
        current = (await insertCase(tx, await bookingOpener(tx, viewer, resource), vault, { themeCode: theme.code, subject: pickLabel(theme.labels, language), citizenId, originChannel: input.channel, language }, now, INPUT)).row;
      }
      const forCitizen = current.citizenId ?? citizenId;
      if (!forCitizen) throw new ValidationError([{ path: [...INPUT, 'citizenId'], message: 'An appointment is for a known citizen: the case has none, give citizenId.' }]);
      if (viewer.kind === 'citizen') await requireRoomForAnother(tx, forCitizen, now);
      await lockResource(tx, resource.id);
      const desk = await freeDesk(tx, plan, theme.id, slot, now);
      const [appointment] = await tx
        .insert(appointments)
        .values({
          resourceId: resource.id,
          desk,
          caseId: current.id,
          citizenId: forCitizen,
          themeId: theme.id,
          channel: input.channel,
          startsAt: slot.start,
          endsAt: slot.end,
          note: input.note?.trim() || null,
          bookedByKind: actorOf(viewer).actorKind,
          bookedByAgentId: viewer.kind === 'agent' ? viewer.agentId : null,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      await recordCaseEvent(tx, viewer, { caseId: current.id, type: 'APPOINTMENT_BOOKED', visibility: 'CITIZEN', payload: { ...appointmentPayload(appointment!, resource.code), theme: theme.code }, occurredAt: now });
      current = { ...current, ...(await touchCase(tx, current.id, { updatedAt: now, citizenId: forCitizen })) };
      return { appointment: appointment!, case: current };
    }),
  );
}

async function requireRoomForAnother(tx: Executor, citizenId: string, now: Date): Promise<void> {
  const [held] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(appointments)
    .where(and(eq(appointments.citizenId, citizenId), eq(appointments.status, 'BOOKED'), gt(appointments.endsAt, now)));
  if ((held?.count ?? 0) >= MAX_UPCOMING_PER_CITIZEN) {
    throw new ConflictError(`You already have ${MAX_UPCOMING_PER_CITIZEN} upcoming appointments: cancel one before booking another, or call the 1718.`);
  }
}

/** A case opened by a booking starts at the resource's service and line; the booking agent is its referent. */
async function bookingOpener(tx: Executor, viewer: Viewer, resource: ResourceRow): Promise<CaseOpener> {
  const [service] = await tx.select({ line: services.line }).from(services).where(eq(services.id, resource.serviceId));
  const agentId = viewer.kind === 'agent' ? viewer.agentId : null;
  const assigneeAgentId = viewer.kind === 'agent' && viewer.serviceId === resource.serviceId ? viewer.agentId : null;
  return { viewer, serviceId: resource.serviceId, line: service!.line, referentAgentId: agentId, assigneeAgentId };
}

/**
 * An appointment the viewer may read, locked with its case (case first, as every case writer
 * does); missing when unreadable. The case is locked by id: reading the appointment gives the
 * resource's staff the right to work it. A representative changes it only with ACT.
 */
export async function lockAppointment(tx: Executor, viewer: Viewer, appointmentId: string, now: Date): Promise<{ appointment: AppointmentRow; current: CaseRow; resource: ResourceRow }> {
  const [found] = await readableAppointmentsByIds(tx, viewer, [appointmentId], now);
  if (!found) throw new NotFoundError('Appointment');
  if (viewer.kind === 'citizen' && found.citizenId !== viewer.citizenId) await requireActingMandate(tx, viewer.citizenId, found.caseId, now);
  const [current] = await tx.select(caseColumns).from(cases).where(eq(cases.id, found.caseId)).for('update');
  const [appointment] = await tx.select().from(appointments).where(eq(appointments.id, found.id)).for('update');
  const [resource] = await tx.select().from(bookableResources).where(eq(bookableResources.id, appointment!.resourceId));
  return { appointment: appointment!, current: current!, resource: resource! };
}

/**
 * Booking-side moves (move, cancel) are for the citizen (their own, or as a representative with
 * ACT: lockAppointment checked it), the first line and the resource's staff; the day sheet's
 * (check-in, done, no-show) for the resource's staff only.
 */
export function requireAppointmentActor(viewer: Viewer, resource: ResourceRow, move: 'booking' | 'day sheet'): void {
  if (viewer.kind === 'citizen') {
    if (move === 'day sheet') throw new ForbiddenError('Only the staff of the resource may do this.');
    return;
  }
  if (!isStaff(viewer)) throw new ForbiddenError('Sign in to change an appointment.');
  if (move === 'booking' && !booksAtResource(viewer, resource)) throw new ForbiddenError('Only the first line, the resource’s own service or the citizen may change this appointment.');
  if (move === 'day sheet' && !worksAtResource(viewer, resource)) throw new ForbiddenError('Only the resource’s own service works its day sheet.');
}

/** Refuses a move the appointment's lifecycle and clock do not allow, in words. */
export function checkMove(appointment: AppointmentRow, to: AppointmentStatus | 'RESCHEDULED', now: Date): void {
  const outcome = moveAppointmentAt(appointment, to, now);
  if (!outcome.ok) throw new InvalidTransitionError(appointment.status, to, outcome.allowed, outcome.message);
}

export interface RescheduleInput {
  appointmentId: string;
  start: Date;
  /** Another resource serving the same theme; the same one when omitted. */
  resourceId?: string | null;
}

/**
 * Moves a booked appointment to another slot in one update of its row: the old slot is freed
 * only if the new one is taken, and two moves of one appointment run one after the other.
 */
export async function rescheduleAppointment(db: Database, viewer: Viewer, input: RescheduleInput, now: Date): Promise<AppointmentResult> {
  const [readable] = await readableAppointmentsByIds(db, viewer, [input.appointmentId], now);
  if (!readable) throw new NotFoundError('Appointment');
  checkMove(readable, 'RESCHEDULED', now);
  const target = await findActiveResource(db, input.resourceId ?? readable.resourceId, [...INPUT, input.resourceId ? 'resourceId' : 'appointmentId']);
  requireBooker(viewer, target);
  const plan = (await loadResourcePlans(db, [target])).get(target.id)!;
  if (!plan.minutesByTheme.has(readable.themeId)) throw new ValidationError([{ path: [...INPUT, 'resourceId'], message: 'This resource does not receive citizens for the appointment’s theme.' }]);
  const slot = await offeredSlot(db, plan, readable.themeId, input.start, now);

  return retryingTakenDesks(plan, () =>
    db.transaction(async (tx) => {
      const { appointment, current, resource } = await lockAppointment(tx, viewer, input.appointmentId, now);
      requireAppointmentActor(viewer, resource, 'booking');
      checkMove(appointment, 'RESCHEDULED', now);
      if (appointment.resourceId === target.id && appointment.startsAt.getTime() === slot.start.getTime()) {
        throw new ValidationError([{ path: [...INPUT, 'start'], message: 'The appointment is already at this time.' }]);
      }
      await lockResource(tx, target.id);
      const desk = await freeDesk(tx, plan, appointment.themeId, slot, now, appointment.id);
      const [moved] = await tx
        .update(appointments)
        .set({ resourceId: target.id, desk, startsAt: slot.start, endsAt: slot.end, updatedAt: now })
        .where(eq(appointments.id, appointment.id))
        .returning();
      await recordCaseEvent(tx, viewer, {
        caseId: current.id,
        type: 'APPOINTMENT_RESCHEDULED',
        visibility: 'CITIZEN',
        payload: { ...appointmentPayload(moved!, target.code), previousResource: resource.code, previousStart: appointment.startsAt.toISOString() },
        occurredAt: now,
      });
      const touched = await touchCase(tx, current.id, { updatedAt: now, citizenId: current.citizenId });
      return { appointment: moved!, case: { ...current, ...touched } };
    }),
  );
}

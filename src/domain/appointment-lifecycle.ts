import { inWords } from './case-lifecycle.js';
import type { AppointmentStatus } from './vocabulary.js';

// An appointment's lifecycle as data (issue 19): which statuses each status may move to.
// NO_SHOW is set by the resource's staff, or by the periodic job once the grace period after the
// end has passed with nobody checked in.

export const APPOINTMENT_MOVES: Readonly<Record<AppointmentStatus, readonly AppointmentStatus[]>> = {
  BOOKED: ['CHECKED_IN', 'CANCELLED', 'NO_SHOW'],
  CHECKED_IN: ['DONE'],
  DONE: [],
  CANCELLED: [],
  NO_SHOW: [],
};

/** How long after its end a booked appointment nobody checked in for becomes a no-show. */
export const NO_SHOW_GRACE_MS = 60 * 60_000;

const STATUS_WORDS: Record<AppointmentStatus, string> = {
  BOOKED: 'booked',
  CHECKED_IN: 'checked in',
  DONE: 'done',
  CANCELLED: 'cancelled',
  NO_SHOW: 'marked as a no-show',
};

export type AppointmentMoveOutcome = { ok: true } | { ok: false; allowed: readonly AppointmentStatus[]; message: string };

/** Whether `from` may become `to`, and otherwise why not, in words. */
export function moveAppointment(from: AppointmentStatus, to: AppointmentStatus): AppointmentMoveOutcome {
  const allowed = APPOINTMENT_MOVES[from];
  if (allowed.includes(to)) return { ok: true };
  const what = from === to ? `This appointment is already ${STATUS_WORDS[from]}` : `An appointment that is ${STATUS_WORDS[from]} cannot be ${STATUS_WORDS[to]}`;
  const instead = allowed.length === 0 ? 'it can no longer change' : `it can only be ${inWords(allowed.map((status) => STATUS_WORDS[status]))}`;
  return { ok: false, allowed, message: `${what}: ${instead}.` };
}

/** Whether the no-show job turns this appointment into a no-show at `now`. */
export function isNoShowDue(appointment: { status: AppointmentStatus; endsAt: Date }, now: Date): boolean {
  return appointment.status === 'BOOKED' && now.getTime() >= appointment.endsAt.getTime() + NO_SHOW_GRACE_MS;
}

/** How long before its start a citizen may be checked in. */
export const EARLIEST_CHECK_IN_MS = 2 * 60 * 60_000;

/** What a time-bound move needs to know of the appointment. */
export interface TimedAppointment {
  status: AppointmentStatus;
  startsAt: Date;
  endsAt: Date;
}

/**
 * The lifecycle with its clock: an appointment is cancelled or moved only before it starts
 * (after that it is checked in or missed), checked in from two hours before its start until the
 * no-show grace after its end, and marked a no-show only once it has started.
 */
export function moveAppointmentAt(appointment: TimedAppointment, to: AppointmentStatus | 'RESCHEDULED', now: Date): AppointmentMoveOutcome {
  const started = now.getTime() >= appointment.startsAt.getTime();
  if (to === 'RESCHEDULED') {
    if (appointment.status !== 'BOOKED') return { ok: false, allowed: APPOINTMENT_MOVES[appointment.status], message: `Only a booked appointment can be moved; this one is ${STATUS_WORDS[appointment.status]}.` };
    if (started) return { ok: false, allowed: ['CHECKED_IN', 'NO_SHOW'], message: 'This appointment has started: it can no longer be moved, only checked in or marked as a no-show.' };
    return { ok: true };
  }
  const outcome = moveAppointment(appointment.status, to);
  if (!outcome.ok) return outcome;
  if (to === 'CANCELLED' && started) return { ok: false, allowed: ['CHECKED_IN', 'NO_SHOW'], message: 'This appointment has started: it can no longer be cancelled, only checked in or marked as a no-show.' };
  if (to === 'NO_SHOW' && !started) return { ok: false, allowed: ['CHECKED_IN', 'CANCELLED'], message: 'This appointment has not started yet: cancel it instead.' };
  if (to === 'CHECKED_IN' && now.getTime() < appointment.startsAt.getTime() - EARLIEST_CHECK_IN_MS) {
    return { ok: false, allowed: ['CANCELLED'], message: 'Too early: a citizen is checked in from two hours before the appointment.' };
  }
  if (to === 'CHECKED_IN' && now.getTime() >= appointment.endsAt.getTime() + NO_SHOW_GRACE_MS) {
    return { ok: false, allowed: ['NO_SHOW'], message: 'Too late: an hour after its end, an appointment nobody checked in for is a no-show.' };
  }
  return { ok: true };
}

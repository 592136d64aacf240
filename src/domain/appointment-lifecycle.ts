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

import { brusselsDateOf, brusselsDayBounds, instantAt, isoDate, type OpeningHours } from './business-calendar.js';
import { publicHolidays } from './holidays.js';

// Appointment slots of a bookable resource (a counter or a service's permanence), as data in,
// slots out: pure, the resource's hours and closure days and the instants are all passed in.

const MINUTE = 60_000;
const DAY = 86_400_000;

export interface BookableSchedule {
  /** Opening windows in Brussels time; several per weekday for a lunch break (09:00–12:00, 13:00–16:00). */
  openingHours: readonly OpeningHours[];
  /** Closure days besides the public holidays: the regional ones and the resource's own (YYYY-MM-DD). */
  closureDays: ReadonlySet<string>;
}

export interface SlotRequest {
  /** Length of one appointment for the theme asked, in minutes. */
  durationMinutes: number;
  from: Date;
  to: Date;
  now: Date;
  /** Days ahead of `now` a slot may start at most. */
  horizonDays: number;
}

export interface Slot {
  start: Date;
  end: Date;
}

/** The default length of an appointment when a resource gives none for the theme. */
export const DEFAULT_APPOINTMENT_MINUTES = 20;
export const BOOKING_HORIZON_DAYS = 60;

/** The end of the booking horizon: the end of the Brussels day `horizonDays` days after `now` (the whole day is offered). */
export function horizonEnd(now: Date, horizonDays: number): Date {
  return brusselsDayBounds(brusselsDateOf(new Date(now.getTime() + horizonDays * DAY))).end;
}

/**
 * Every slot that starts in [from, to), after `now` and within the horizon, on a day the resource
 * is open: each opening window is cut into whole appointments from its start (a rest shorter than
 * one appointment is not offered), in Brussels time so that daylight saving keeps local hours.
 */
export function slotsOf(schedule: BookableSchedule, request: SlotRequest): Slot[] {
  if (!Number.isInteger(request.durationMinutes) || request.durationMinutes <= 0) throw new RangeError('An appointment lasts a whole, positive number of minutes.');
  const earliest = Math.max(request.from.getTime(), request.now.getTime());
  const latest = Math.min(request.to.getTime(), horizonEnd(request.now, request.horizonDays).getTime());
  const slots: Slot[] = [];
  if (earliest >= latest) return slots;
  const length = request.durationMinutes * MINUTE;
  // Brussels dates run at most a day behind or ahead of UTC ones: scan one day either side.
  for (let day = Date.UTC(new Date(earliest).getUTCFullYear(), new Date(earliest).getUTCMonth(), new Date(earliest).getUTCDate()) - DAY; day <= latest + DAY; day += DAY) {
    const date = new Date(day);
    const [year, month, dayOfMonth] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    const iso = isoDate(year, month, dayOfMonth);
    if (schedule.closureDays.has(iso) || publicHolidays(year).includes(iso)) continue;
    const weekday = ((date.getUTCDay() + 6) % 7) + 1;
    const windows = schedule.openingHours.filter((hours) => hours.weekday === weekday).sort((a, b) => a.opensAt - b.opensAt);
    for (const window of windows) {
      const closes = instantAt(year, month, dayOfMonth, window.closesAt);
      for (let start = instantAt(year, month, dayOfMonth, window.opensAt); start + length <= closes; start += length) {
        if (start >= earliest && start < latest) slots.push({ start: new Date(start), end: new Date(start + length) });
      }
    }
  }
  return slots;
}

/** A desk held from `start` to `end` by a live appointment. */
export interface HeldDesk {
  desk: number;
  start: Date;
  end: Date;
}

/**
 * The slots (by start) in which fewer than `desks` desks are held, with how many are free, one
 * after the other. `held` must be sorted by start. One pass over both lists: a held desk that
 * starts more than the longest held appointment before a slot cannot reach it nor a later one.
 */
export function* freeSlotsAmong(slots: readonly Slot[], held: readonly HeldDesk[], desks: number): Generator<{ slot: Slot; freeDesks: number }> {
  const longest = held.reduce((most, row) => Math.max(most, row.end.getTime() - row.start.getTime()), 0);
  let first = 0;
  for (const slot of slots) {
    while (first < held.length && held[first]!.start.getTime() + longest <= slot.start.getTime()) first++;
    const taken = new Set<number>();
    for (let index = first; index < held.length && held[index]!.start.getTime() < slot.end.getTime(); index++) {
      if (held[index]!.end.getTime() > slot.start.getTime()) taken.add(held[index]!.desk);
    }
    if (taken.size < desks) yield { slot, freeDesks: desks - taken.size };
  }
}

/** The first of `slots` with a free desk, or null when every one is full. */
export function firstFreeSlot(slots: readonly Slot[], held: readonly HeldDesk[], desks: number): { slot: Slot; freeDesks: number } | null {
  for (const free of freeSlotsAmong(slots, held, desks)) return free;
  return null;
}

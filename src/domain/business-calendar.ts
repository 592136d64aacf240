import { publicHolidays } from './holidays.js';

// Business time: the hours the contact centre is open, in Brussels time, on working days.
// Pure: the opening hours, the extra closure days and the instants are all passed in.

export const TIME_ZONE = 'Europe/Brussels';
const MINUTE = 60_000;
const DAY = 86_400_000;
/** Far enough for any SLA; a loop that goes further has a calendar with no opening at all. */
const MAX_DAYS_SCANNED = 3_660;

export interface OpeningHours {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Minutes after local midnight, e.g. 510 for 08:30. */
  opensAt: number;
  closesAt: number;
}

export interface BusinessCalendar {
  openingHours: readonly OpeningHours[];
  /** Closure days besides the public holidays (YYYY-MM-DD, Brussels dates). */
  closureDays: ReadonlySet<string>;
}

/** Minutes after midnight of a stored `time` value ('08:30' or '08:30:00'). */
export function minutesOfTime(time: string): number {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return hours * 60 + minutes;
}

/** 08:30–17:00, Monday to Friday. */
export const STANDARD_OPENING_HOURS: readonly OpeningHours[] = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt: 510, closesAt: 1020 }));

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Brussels wall-clock of an instant. */
function localParts(instant: number): { year: number; month: number; day: number; minutes: number; seconds: number } {
  const parts = Object.fromEntries(partsFormat.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
    seconds: Number(parts.second),
  };
}

/** The instant at which Brussels clocks show `minutes` after midnight of the given date. */
export function instantAt(year: number, month: number, day: number, minutes: number): number {
  const wall = Date.UTC(year, month - 1, day) + minutes * MINUTE;
  // Brussels is UTC+1 or UTC+2: correct the guess by the offset observed there, twice, so that
  // times next to a daylight-saving change land right (opening hours never fall in the gap).
  let guess = wall - 60 * MINUTE;
  for (let step = 0; step < 2; step++) {
    const seen = localParts(guess);
    const seenWall = Date.UTC(seen.year, seen.month - 1, seen.day) + seen.minutes * MINUTE + seen.seconds * 1000;
    guess += wall - seenWall;
  }
  return guess;
}

/** The instants a Brussels calendar day (YYYY-MM-DD) starts and ends at (23 or 25 hours on a daylight-saving change). */
export function brusselsDayBounds(day: string): { start: Date; end: Date } {
  const [year, month, dayOfMonth] = day.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(year, month - 1, dayOfMonth + 1));
  return {
    start: new Date(instantAt(year, month, dayOfMonth, 0)),
    end: new Date(instantAt(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), 0)),
  };
}

/** The Brussels calendar day (YYYY-MM-DD) of an instant. */
export function brusselsDateOf(instant: Date): string {
  const local = localParts(instant.getTime());
  return isoDate(local.year, local.month, local.day);
}

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

interface Window {
  opens: number;
  closes: number;
}

/** Opening window of the Brussels date containing `instant`, or null when closed that day. */
function windowOfDay(calendar: BusinessCalendar, year: number, month: number, day: number): Window | null {
  const date = isoDate(year, month, day);
  if (calendar.closureDays.has(date) || publicHolidays(year).includes(date)) return null;
  const weekday = ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1;
  const hours = calendar.openingHours.find((entry) => entry.weekday === weekday);
  if (!hours) return null;
  return { opens: instantAt(year, month, day, hours.opensAt), closes: instantAt(year, month, day, hours.closesAt) };
}

/** The Brussels dates from the one containing `from`, one after the other. */
function* datesFrom(from: number): Generator<[number, number, number]> {
  const start = localParts(from);
  let cursor = Date.UTC(start.year, start.month - 1, start.day);
  for (let index = 0; index < MAX_DAYS_SCANNED; index++, cursor += DAY) {
    const date = new Date(cursor);
    yield [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  }
  throw new Error('The business calendar has no opening hours in ten years.');
}

/**
 * The instant when `durationMs` of business time has passed after `start`. A start outside
 * opening hours counts from the next opening; the result is always within opening hours.
 */
export function addBusinessTime(calendar: BusinessCalendar, start: Date, durationMs: number): Date {
  if (durationMs < 0) throw new RangeError('A business duration cannot be negative.');
  let remaining = durationMs;
  for (const [year, month, day] of datesFrom(start.getTime())) {
    const window = windowOfDay(calendar, year, month, day);
    if (!window || window.closes <= start.getTime()) continue;
    const from = Math.max(window.opens, start.getTime());
    if (from + remaining <= window.closes) return new Date(from + remaining);
    remaining -= window.closes - from;
  }
  throw new Error('unreachable');
}

/** Business time (ms) between two instants: the opening hours they overlap. Zero when b ≤ a. */
export function businessTimeBetween(calendar: BusinessCalendar, a: Date, b: Date): number {
  if (b.getTime() <= a.getTime()) return 0;
  let total = 0;
  for (const [year, month, day] of datesFrom(a.getTime())) {
    const window = windowOfDay(calendar, year, month, day);
    if (window) total += Math.max(0, Math.min(window.closes, b.getTime()) - Math.max(window.opens, a.getTime()));
    if (Date.UTC(year, month - 1, day) > b.getTime() + DAY) return total;
  }
  return total;
}

/** Whether an instant is within opening hours (closing time included). */
export function isWithinOpeningHours(calendar: BusinessCalendar, instant: Date): boolean {
  const local = localParts(instant.getTime());
  const window = windowOfDay(calendar, local.year, local.month, local.day);
  return window !== null && instant.getTime() >= window.opens && instant.getTime() <= window.closes;
}

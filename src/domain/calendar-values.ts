// What the API accepts as a day or an instant, for the Date and DateTime scalars and for the
// timestamps inside cursors. Date.parse alone is too lenient: it rolls 2026-02-30 over to
// 2 March, reads the year 0001 of "0001-01-01" as 2001 in some forms, and yields instants
// (year 0000, year 275760) that Postgres refuses, which then surface as internal errors.

/** The years a day or an instant may fall in: anything outside is a typing mistake here. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2200;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-](\d{2}):?(\d{2}))$/;

function isRealDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const inRange = (year: number) => year >= FIRST_YEAR && year <= LAST_YEAR;

/** The day itself when `value` is a day that exists, YYYY-MM-DD, in the accepted years; otherwise undefined. */
export function readDay(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = DAY.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return inRange(year) && isRealDay(year, month, day) ? value : undefined;
}

/**
 * The instant `value` names, ISO 8601 with a time and an offset (Z or ±HH:MM), when its day and
 * time exist and it falls in the accepted years (in UTC); otherwise undefined.
 */
export function readInstant(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const match = INSTANT.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const offsetHours = match[9] === undefined ? 0 : Number(match[9]);
  const offsetMinutes = match[10] === undefined ? 0 : Number(match[10]);
  if (!isRealDay(year, month, day) || hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return undefined;
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime()) || !inRange(instant.getUTCFullYear())) return undefined;
  return instant;
}

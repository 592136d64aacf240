import { sql } from 'drizzle-orm';
import { ValidationError } from '../domain/errors.js';
import { readDay, readInstant } from '../domain/calendar-values.js';
import { isUuid } from '../domain/ids.js';

// Cursor pagination shared by every connection: `first` is capped, `after` is an opaque
// cursor that carries the sort key of the last row seen (keyset pagination, no offsets).

export const DEFAULT_PAGE_SIZE = 20;

export interface PageRequest {
  first?: number | null;
  after?: string | null;
  /** Backward pagination is not offered; a value here is refused. */
  last?: number | null;
  before?: string | null;
}

export interface Page<Row> {
  rows: Row[];
  hasNextPage: boolean;
  cursorOf(row: Row): string;
}

/** A page that can also tell how many rows the whole list holds. */
export interface CountedPage<Row> extends Page<Row> {
  /**
   * How many rows the whole list holds (every page, under the same access rule and filter),
   * counted by one more statement only when called: the GraphQL `totalCount` calls it when asked.
   */
  totalCount(): Promise<number>;
}

export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The kinds of value a cursor key holds, checked before any of them reaches SQL. */
export type KeyPart = 'timestamp' | 'day' | 'uuid' | 'integer' | 'text';

const KEY_PART_CHECKS: Record<KeyPart, (value: unknown) => boolean> = {
  timestamp: (value) => value === 'infinity' || value === '-infinity' || readInstant(value) !== undefined,
  day: (value) => readDay(value) !== undefined,
  uuid: (value) => typeof value === 'string' && isUuid(value),
  integer: (value) => typeof value === 'number' && Number.isSafeInteger(value),
  // Postgres refuses NUL in text: such a cursor was not made here.
  text: (value) => typeof value === 'string' && !value.includes('\u0000'),
};

/** The page size and the decoded `after` key, or a ValidationError naming the bad argument. */
export function readPageRequest(request: PageRequest, maxPageSize: number, keyParts: readonly KeyPart[]): { limit: number; after: (string | number)[] | undefined } {
  if (request.last != null || request.before != null) {
    throw new ValidationError([{ path: [request.last != null ? 'last' : 'before'], message: 'Only forward pagination is offered: use first and after.' }]);
  }
  const first = request.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > maxPageSize) {
    throw new ValidationError([{ path: ['first'], message: `Must be between 0 and ${maxPageSize}.` }]);
  }
  if (request.after === undefined || request.after === null) return { limit: first, after: undefined };
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(request.after, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  const valid = Array.isArray(key) && key.length === keyParts.length && keyParts.every((part, index) => KEY_PART_CHECKS[part](key[index]));
  if (!valid) throw new ValidationError([{ path: ['after'], message: 'Not a cursor of this list.' }]);
  return { limit: first, after: key as (string | number)[] };
}

/**
 * Splits the `limit + 1` rows a query fetched into the page and whether more follow. `countAll`
 * counts the rows of every page (the query's conditions without the cursor's); it runs only
 * when the total is asked. Pages of many parents read in one statement are counted apart, by
 * the caller (one count statement for all the parents).
 */
export function toPage<Row>(rows: Row[], limit: number, keyOf: (row: Row) => readonly (string | number)[]): Page<Row>;
export function toPage<Row>(rows: Row[], limit: number, keyOf: (row: Row) => readonly (string | number)[], countAll: () => Promise<number>): CountedPage<Row>;
export function toPage<Row>(rows: Row[], limit: number, keyOf: (row: Row) => readonly (string | number)[], countAll?: () => Promise<number>): Page<Row> | CountedPage<Row> {
  const page: Page<Row> = {
    rows: rows.slice(0, limit),
    hasNextPage: rows.length > limit,
    cursorOf: (row) => encodeCursor(keyOf(row)),
  };
  return countAll ? { ...page, totalCount: countAll } : page;
}

/** The page of a list the viewer may not read any of: empty, and counting nothing. */
export function emptyPage<Row>(): CountedPage<Row> {
  return toPage<Row>([], 0, () => [], async () => 0);
}

/** The selection of a count statement, read by `countOf`. */
export const COUNT = { count: sql<number>`count(*)::int` };

/** The number a `select count(*)::int as count` statement returned. */
export async function countOf(rows: Promise<{ count: number }[]>): Promise<number> {
  return (await rows)[0]?.count ?? 0;
}

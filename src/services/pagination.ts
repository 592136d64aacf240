import { ValidationError } from '../domain/errors.js';

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

export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The page size and the decoded `after` key, or a ValidationError naming the bad argument. */
export function readPageRequest(request: PageRequest, maxPageSize: number, keyLength: number): { limit: number; after: (string | number)[] | undefined } {
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
  const valid = Array.isArray(key) && key.length === keyLength && key.every((part) => typeof part === 'string' || typeof part === 'number');
  if (!valid) throw new ValidationError([{ path: ['after'], message: 'Not a cursor of this list.' }]);
  return { limit: first, after: key as (string | number)[] };
}

/** Splits the `limit + 1` rows a query fetched into the page and whether more follow. */
export function toPage<Row>(rows: Row[], limit: number, keyOf: (row: Row) => readonly (string | number)[]): Page<Row> {
  return {
    rows: rows.slice(0, limit),
    hasNextPage: rows.length > limit,
    cursorOf: (row) => encodeCursor(keyOf(row)),
  };
}

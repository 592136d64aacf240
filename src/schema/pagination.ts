import type { CountedPage, Page } from '../services/pagination.js';
import { builder } from './builder.js';

/**
 * A service page in the shape the relay plugin's connection fields resolve to. Cursors are
 * encoded only when asked: a list shown without them (most of them) makes none. The total is
 * the page's own count, or `totalCount` for pages of many parents read at once (counted by a
 * loader, one statement for all the parents); either runs only when `totalCount` is asked.
 */
export function toConnection<Row>(page: CountedPage<Row>): Connection<Row>;
export function toConnection<Row>(page: Page<Row>, totalCount: () => Promise<number>): Connection<Row>;
export function toConnection<Row>(page: Page<Row> | CountedPage<Row>, totalCount?: () => Promise<number>): Connection<Row> {
  const cursorAt = (index: number) => {
    const row = page.rows.at(index);
    return row === undefined ? null : page.cursorOf(row);
  };
  return {
    totalCount: totalCount ?? (page as CountedPage<Row>).totalCount,
    edges: page.rows.map((row) => ({
      node: row,
      get cursor() {
        return page.cursorOf(row);
      },
    })),
    pageInfo: {
      hasNextPage: page.hasNextPage,
      // Forward-only pagination: there is never a previous page to fetch with `before`.
      hasPreviousPage: false,
      get startCursor() {
        return cursorAt(0);
      },
      get endCursor() {
        return cursorAt(-1);
      },
    },
  };
}

interface Connection<Row> {
  totalCount: () => Promise<number>;
  edges: { node: Row; cursor: string }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

// Every connection counts its whole list the same way; the builder's `Connection` type makes
// each connection's resolver give the count (see toConnection).
builder.globalConnectionField('totalCount', (t) =>
  t.int({
    description: 'How many items the whole list holds, across every page, counting only what you may read (one more count statement: ask only when needed).',
    resolve: (connection) => connection.totalCount(),
  }),
);

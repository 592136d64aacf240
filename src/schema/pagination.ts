import type { Page } from '../services/pagination.js';

/**
 * A service page in the shape the relay plugin's connection fields resolve to. Cursors are
 * encoded only when asked: a list shown without them (most of them) makes none.
 */
export function toConnection<Row>(page: Page<Row>) {
  const cursorAt = (index: number) => {
    const row = page.rows.at(index);
    return row === undefined ? null : page.cursorOf(row);
  };
  return {
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

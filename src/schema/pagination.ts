import type { Page } from '../services/pagination.js';

/** A service page in the shape the relay plugin's connection fields resolve to. */
export function toConnection<Row>(page: Page<Row>) {
  const edges = page.rows.map((row) => ({ cursor: page.cursorOf(row), node: row }));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      // Forward-only pagination: there is never a previous page to fetch with `before`.
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

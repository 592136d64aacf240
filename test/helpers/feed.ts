import { sql } from 'drizzle-orm';
import { vi } from 'vitest';
import { type Executor, selectRows } from '../../src/db/client.js';
import { currentFeedEnd, type FeedCursor } from '../../src/services/event-feed.js';

/**
 * The feed's end once every committed event has been handed out. A transaction still running
 * anywhere in the cluster (another test file's database included) holds back the events
 * committed after it began; a cursor taken before they are handed out would replay them.
 */
export async function settledFeedEnd(db: Executor): Promise<FeedCursor> {
  await vi.waitFor(
    async () => {
      const [pending] = await selectRows<{ count: number }>(
        db,
        sql`select count(*)::int as count from case_events where transaction_id >= pg_snapshot_xmin(pg_current_snapshot())`,
      );
      if (pending!.count > 0) throw new Error(`${pending!.count} committed events not handed out yet`);
    },
    { timeout: 60_000, interval: 25 },
  );
  return currentFeedEnd(db);
}

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase, selectRows } from '../src/db/client.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';

// A transaction must own its connection from BEGIN to COMMIT, also when the pool is short and
// the sockets push back (large statements, as document chunks are). postgres.js 3.4.9 handed a
// connection back to the pool mid-transaction when its socket drained: another request's BEGIN
// then ran inside the first transaction ("there is already a transaction in progress") and
// failed with UNSAFE_TRANSACTION, or its statements silently joined the other's transaction.

let database: TestDatabase;
let handle: DatabaseHandle;

beforeAll(async () => {
  database = await createTestDatabase({ seeded: false });
  handle = database.url ? await openDatabase({ url: database.url, maxConnections: 2 }) : database.handle;
});
afterAll(async () => {
  if (handle !== database?.handle) await handle?.close();
  await database?.drop();
});

const nextTick = () => new Promise((resolve) => setImmediate(resolve));
/** Drizzle runs a statement when it is awaited: this sends it now. */
const sent = (statement: PromiseLike<unknown>) => Promise.resolve(statement);

describe('transactions on a short pool', () => {
  it('each own their connection when their BEGIN is queued behind a full pipeline', { timeout: 60_000 }, async () => {
    const failures: string[] = [];
    const transactionIds: string[] = [];
    // Both connections held by a slow statement, ~100 statements queued behind each, then a
    // transaction: its BEGIN lands at the pipeline's limit of one of them.
    for (let queued = 190; queued <= 204; queued++) {
      const work: Promise<unknown>[] = [sent(handle.db.execute(sql`select pg_sleep(0.02)`)), sent(handle.db.execute(sql`select pg_sleep(0.02)`))];
      await nextTick();
      for (let statement = 0; statement < queued; statement++) work.push(sent(handle.db.execute(sql`select 1 as n`)));
      await nextTick();
      const transaction = handle.db.transaction(async (tx) => {
        const [first] = await selectRows<{ id: string }>(tx, sql`select txid_current()::text as id`);
        await tx.execute(sql`select pg_sleep(0.001)`);
        const [second] = await selectRows<{ id: string }>(tx, sql`select txid_current()::text as id`);
        if (second!.id !== first!.id) throw new Error(`the transaction changed from ${first!.id} to ${second!.id}`);
        transactionIds.push(first!.id);
      });
      for (const outcome of await Promise.allSettled([...work, transaction])) if (outcome.status === 'rejected') failures.push(String(outcome.reason));
    }
    expect(failures).toEqual([]);
    expect(new Set(transactionIds).size).toBe(15);
  });
});

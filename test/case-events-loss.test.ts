import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { gql } from 'graphql-request';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SeededRandom } from '../seeds/random.js';
import { selectRows } from '../src/db/client.js';
import { settledFeedEnd } from './helpers/feed.js';
import { execute, startTestServer, type TestServer, tokenFor } from './helpers/server.js';

// The loss test of the feed: 5,000 events written by concurrent mutations while a subscriber
// drops its connection at random moments and resumes after the last cursor it received.

const TOTAL = 5_000;
const CONCURRENCY = 10;

let server: TestServer;
let agent: string;
beforeAll(async () => {
  server = await startTestServer();
  agent = await tokenFor({ role: 'agent', sub: 'demo.supervisor' });
});
afterAll(() => server?.close());

async function openCase(): Promise<string> {
  const { data } = await execute<{ registerContact: { case: { id: string } } }>(
    server.client(agent),
    gql`mutation ($input: RegisterContactInput!) { registerContact(input: $input) { ... on RegisterContactSuccess { case { id } } } }`,
    { input: { channel: 'EMAIL', externalId: `loss-${randomUUID()}`, themeCode: 'HOUSING', subject: 'Charge', email: { from: 'a@example.org', to: 'b@example.org', subject: 'x' } } },
  );
  return data!.registerContact.case.id;
}

describe('case-event feed under disconnections', () => {
  // About 150 s on embedded PGlite (one connection for writers and readers), 65 s on Postgres; the bound leaves room for a busy machine.
  it(`delivers ${TOTAL} events written concurrently exactly once and in order to a subscriber that reconnects at random moments (the writers race on Postgres; on PGlite one connection takes turns)`, { timeout: 420_000 }, async () => {
    const caseIds = await Promise.all(Array.from({ length: CONCURRENCY }, () => openCase()));
    const start = await settledFeedEnd(server.database.handle.db);
    const random = new SeededRandom(6);

    const produce = (async () => {
      for (let round = 0; round < TOTAL / CONCURRENCY; round++) {
        await Promise.all(
          caseIds.map((caseId, index) =>
            execute(server.client(agent), gql`mutation ($input: AddNoteInput!) { addNote(input: $input) { __typename } }`, {
              input: { caseId, body: `note ${round}-${index}` },
            }),
          ),
        );
      }
    })();

    const received: string[] = [];
    let cursor = `${start.transactionId}.${start.position}`;
    let reconnections = 0;
    while (received.length < TOTAL) {
      const quota = reconnections < 12 ? random.int(100, 600) : TOTAL;
      const client = createClient({ url: server.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${agent}` }, retryAttempts: 0 });
      await new Promise<void>((resolve, reject) => {
        let taken = 0;
        const stop = client.subscribe<{ caseEvents: { feedCursor: string } }>(
          { query: 'subscription ($after: String) { caseEvents(after: $after, filter: { types: [NOTE_ADDED] }) { feedCursor } }', variables: { after: cursor } },
          {
            next: (result) => {
              const next = result.data!.caseEvents.feedCursor;
              received.push(next);
              cursor = next;
              taken += 1;
              if (taken >= quota || received.length >= TOTAL) {
                stop();
                resolve();
              }
            },
            error: reject,
            complete: resolve,
          },
        );
      });
      await client.dispose();
      reconnections += 1;
    }
    await produce;

    expect(reconnections).toBeGreaterThanOrEqual(10);
    expect(new Set(received).size).toBe(TOTAL);
    const stored = await selectRows<{ cursor: string }>(
      server.database.handle.db,
      sql`select transaction_id::text || '.' || position as cursor from case_events
          where type = 'NOTE_ADDED' and (transaction_id, position) > (${start.transactionId}::xid8, ${start.position})
          order by transaction_id, position`,
    );
    expect(received).toEqual(stored.map((row) => row.cursor));
  });
});

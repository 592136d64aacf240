import { randomUUID } from 'node:crypto';
import { gql } from 'graphql-request';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { openDatabase } from '../src/db/client.js';
import { type RunningServer, startServer } from '../src/server/app.js';
import { settledFeedEnd } from './helpers/feed.js';
import { execute, startTestServer, testConfig, type TestServer, tokenFor } from './helpers/server.js';

// Several API instances over one database: a subscriber on B sees what is written through A.
// On Postgres, B has its own connection pool and LISTEN; on PGlite (one process, one
// database) B shares A's embedded database, as a second server in the same process would.

let instanceA: TestServer;
let instanceB: RunningServer;
let closeB: () => Promise<void>;
beforeAll(async () => {
  instanceA = await startTestServer();
  const handle = instanceA.database.url ? await openDatabase({ url: instanceA.database.url, maxConnections: 3 }) : instanceA.database.handle;
  instanceB = await startServer(testConfig(), handle);
  closeB = async () => {
    await instanceB.close();
    if (handle !== instanceA.database.handle) await handle.close();
  };
});
afterAll(async () => {
  await closeB?.();
  await instanceA?.close();
});

describe('two API instances on one database', () => {
  it('delivers to a subscriber on instance B, in order, the events of mutations made on instance A', async () => {
    const agent = await tokenFor({ role: 'agent', sub: 'demo.supervisor' });
    const start = await settledFeedEnd(instanceA.database.handle.db);
    const client = createClient({ url: instanceB.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${agent}` }, retryAttempts: 0 });
    const received: { type: string; case: { subject: string } }[] = [];
    const done = new Promise<void>((resolve, reject) => {
      const stop = client.subscribe<{ caseEvents: { type: string; case: { subject: string } } }>(
        { query: 'subscription ($after: String) { caseEvents(after: $after) { type case { subject } } }', variables: { after: `${start.transactionId}.${start.position}` } },
        {
          next: (result) => {
            received.push(result.data!.caseEvents);
            if (received.length === 6) {
              stop();
              resolve();
            }
          },
          error: reject,
          complete: resolve,
        },
      );
    });
    const first = await tokenFor({ role: 'agent', sub: 'demo.first' });
    for (const subject of ['Premier', 'Deuxième', 'Troisième']) {
      await execute(
        instanceA.client(first),
        gql`mutation ($input: RegisterContactInput!) { registerContact(input: $input) { __typename } }`,
        { input: { channel: 'PHONE', externalId: `multi-${randomUUID()}`, themeCode: 'HOUSING', subject, phone: { line: '1718' } } },
      );
    }
    await done;
    await client.dispose();
    expect(received.map((event) => `${event.case.subject}:${event.type}`)).toEqual([
      'Premier:CASE_CREATED',
      'Premier:INTERACTION_ADDED',
      'Deuxième:CASE_CREATED',
      'Deuxième:INTERACTION_ADDED',
      'Troisième:CASE_CREATED',
      'Troisième:INTERACTION_ADDED',
    ]);
  });
});

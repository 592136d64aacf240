import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { gql } from 'graphql-request';
import { createClient } from 'graphql-ws';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import { DEVELOPMENT_DATA_KEY } from '../src/config.js';
import { openDatabase, selectRows } from '../src/db/client.js';
import { createDataVault } from '../src/services/data-vault.js';
import { settledFeedEnd } from './helpers/feed.js';
import { seedDatabase } from '../seeds/index.js';
import { listenForCaseEvents } from '../src/events/wake-ups.js';
import { postgresBinaries, startPrivatePostgres } from './helpers/private-postgres.js';
import { execute, startTestServer, type TestServer, tokenFor } from './helpers/server.js';

// NOTIFY is only a wake-up hint and connections can drop: the feed must deliver anyway.

/** Connections can only be cut on a Postgres server; PGlite runs in this process. */
const onPostgres = Boolean(inject('templateDatabaseUrl'));

let server: TestServer;
let agent: string;
beforeAll(async () => {
  server = await startTestServer();
  agent = await tokenFor({ role: 'agent', sub: 'demo.supervisor' });
});
afterAll(() => server?.close());

function subscribe(after: string, target = server) {
  const client = createClient({ url: target.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${agent}` }, retryAttempts: 0 });
  const received: string[] = [];
  let closed = false;
  let waiter: { count: number; resolve: () => void } | undefined;
  client.on('closed', () => (closed = true));
  const stop = client.subscribe<{ caseEvents: { case: { subject: string } } }>(
    { query: 'subscription ($after: String) { caseEvents(after: $after, filter: { types: [CASE_CREATED] }) { case { subject } } }', variables: { after } },
    {
      next: (result) => {
        received.push(result.data!.caseEvents.case.subject);
        if (waiter && received.length >= waiter.count) waiter.resolve();
      },
      error: () => {},
      complete: () => {},
    },
  );
  return {
    received,
    isClosed: () => closed,
    until: (count: number, timeoutMs: number) =>
      new Promise<void>((resolve, reject) => {
        if (received.length >= count) return resolve();
        const timer = setTimeout(() => reject(new Error(`only ${received.length} of ${count} events after ${timeoutMs} ms: ${received.join(', ')}`)), timeoutMs);
        waiter = { count, resolve: () => (clearTimeout(timer), resolve()) };
      }),
    close: async () => {
      stop();
      await client.dispose();
    },
  };
}

async function open(subject: string, target = server) {
  // Right after connections were cut, a request may meet a dead pooled connection: try again.
  for (let attempt = 0; attempt < 10; attempt++) {
    const { data } = await execute<{ registerContact: { __typename: string } }>(
      target.client(agent),
      gql`mutation ($input: RegisterContactInput!) { registerContact(input: $input) { __typename } }`,
      { input: { channel: 'PHONE', externalId: `resilience-${randomUUID()}`, themeCode: 'HOUSING', subject, phone: { line: '1718' } } },
    );
    if (data?.registerContact.__typename === 'RegisterContactSuccess') return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`could not open "${subject}"`);
}

describe('case-event feed resilience', () => {
  it('delivers events written without any notification (the fallback read)', { timeout: 30_000 }, async () => {
    const start = await settledFeedEnd(server.database.handle.db);
    const feed = subscribe(`${start.transactionId}.${start.position}`);
    await open('Avec notification');
    await feed.until(1, 10_000);
    const [someCase] = await selectRows<{ id: string }>(server.database.handle.db, sql`select id from cases limit 1`);
    // Written with the table's triggers off (as a replica applies changes): no NOTIFY is sent.
    const subject = `Sans notification ${randomUUID().slice(0, 8)}`;
    await server.database.handle.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`update cases set subject = ${subject} where id = ${someCase!.id}::uuid`);
      await tx.execute(
        sql`insert into case_events (case_id, type, visibility, actor_kind, payload) values (${someCase!.id}::uuid, 'CASE_CREATED', 'INTERNAL', 'SYSTEM', '{}'::jsonb)`,
      );
    });
    await feed.until(2, 15_000);
    expect(feed.received).toEqual(['Avec notification', subject]);
    await feed.close();
  });

  it('does announce an event written by any statement, the API or not (a trigger of the table)', async () => {
    const wakeUps = await listenForCaseEvents(server.database.handle);
    try {
      const [someCase] = await selectRows<{ id: string }>(server.database.handle.db, sql`select id from cases limit 1`);
      const woken = wakeUps.next().then(() => 'woken');
      await server.database.handle.db.execute(
        sql`insert into case_events (case_id, type, visibility, actor_kind, payload) values (${someCase!.id}::uuid, 'CASE_UPDATED', 'INTERNAL', 'SYSTEM', '{}'::jsonb)`,
      );
      // Without the announcement, only the fallback poll (5 s) would wake the readers.
      expect(await Promise.race([woken, new Promise((resolve) => setTimeout(() => resolve('not announced'), 4_000))])).toBe('woken');
    } finally {
      await wakeUps.close();
    }
  });

  // Skipped on PGlite, where there is no connection to cut; .ci/run fails if the Postgres pass skips it.
  it.runIf(onPostgres)('keeps a subscription across a loss of every database connection and delivers what is written afterwards', { timeout: 60_000 }, async () => {
    const start = await settledFeedEnd(server.database.handle.db);
    const feed = subscribe(`${start.transactionId}.${start.position}`);
    await open('Avant la coupure');
    await feed.until(1, 10_000);
    // What a Postgres restart does to the API: every connection of this database is cut.
    const admin = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
    const database = new URL(server.database.url!).pathname.slice(1);
    const [cut] = await admin<{ count: number }[]>`
      select count(*)::int as count from (select pg_terminate_backend(pid) from pg_stat_activity where datname = ${database} and pid <> pg_backend_pid()) as terminated`;
    await admin.end();
    expect(cut!.count).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await open('Après la coupure 1');
    await open('Après la coupure 2');
    await feed.until(3, 30_000);
    expect(feed.received).toEqual(['Avant la coupure', 'Après la coupure 1', 'Après la coupure 2']);
    expect(feed.isClosed()).toBe(false);
    await feed.close();
  });
});

// Not simulated: a Postgres server of this test's own is stopped and started again while a
// client is subscribed. Needs the machine's Postgres server binaries (pg_config --bindir):
// without them it shows as skipped, and .ci/run fails if the Postgres pass skips it.
const binaries = postgresBinaries();

describe.runIf(binaries)('case-event feed across a real Postgres restart', () => {
  it('delivers the events written after the restart to a subscriber that never reconnected', { timeout: 120_000 }, async () => {
    const postgresServer = await startPrivatePostgres(binaries!);
    const handle = await openDatabase({ url: postgresServer.url, maxConnections: 5 });
    let target: TestServer | undefined;
    try {
      await handle.migrate();
      await seedDatabase(handle.db, createDataVault(DEVELOPMENT_DATA_KEY), { demo: true });
      target = await startTestServer({ database: { handle, url: postgresServer.url, drop: () => handle.close() } });
      const start = await settledFeedEnd(handle.db);
      const feed = subscribe(`${start.transactionId}.${start.position}`, target);
      await open('Avant le redémarrage', target);
      await feed.until(1, 10_000);

      await postgresServer.restart();
      await open('Après le redémarrage 1', target);
      await open('Après le redémarrage 2', target);
      await feed.until(3, 60_000);
      expect(feed.received).toEqual(['Avant le redémarrage', 'Après le redémarrage 1', 'Après le redémarrage 2']);
      expect(feed.isClosed()).toBe(false);
      await feed.close();
    } finally {
      await (target ? target.close() : handle.close());
      await postgresServer.stop();
    }
  });
});

import { sql } from 'drizzle-orm';
import { gql } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '../src/db/client.js';
import { execute, startTestServer, type TestServer, tokenFor } from './helpers/server.js';

// On SIGTERM the API closes the server, then the database. A request whose client has already
// gone (a load balancer's timeout, a closed tab) still runs: closing must wait for it, or its
// statements fail on a closed pool.

let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startTestServer();
  token = await tokenFor({ role: 'agent', sub: 'demo.supervisor' });
});
afterAll(() => server?.database.drop());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('closing the server', () => {
  it('waits for a request whose client has gone before it returns, and that request completes', { timeout: 30_000 }, async () => {
    const { data } = await execute<{ cases: { edges: { node: { id: string; reference: string } }[] } }>(
      server.client(token),
      gql`{ cases(first: 1) { edges { node { id reference } } } }`,
    );
    const target = data!.cases.edges[0]!.node;
    const body = `Note écrite pendant l’arrêt ${Date.now()}`;
    const db = server.database.handle.db;

    // Another transaction holds the case: the note's request waits for it.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const holder = db.transaction(async (tx) => {
      await tx.execute(sql`select id from cases where reference = ${target.reference} for update`);
      holding();
      await released;
    });
    await held;

    const client = new AbortController();
    const request = fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: 'mutation ($input: AddNoteInput!) { addNote(input: $input) { __typename } }',
        variables: { input: { caseId: target.id, body } },
      }),
      signal: client.signal,
    }).catch(() => undefined);
    await sleep(300);
    client.abort();
    await request;

    let closed = false;
    const closing = server.server.close().then(() => (closed = true));
    await sleep(500);
    expect(closed).toBe(false);

    release();
    await holder;
    await closing;
    const [row] = await selectRows<{ notes: number }>(db, sql`select count(*)::int as notes from notes where body = ${body}`);
    expect(row!.notes).toBe(1);
  });
});

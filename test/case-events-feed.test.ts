import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { gql } from 'graphql-request';
import { type Client, createClient } from 'graphql-ws';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { selectRows } from '../src/db/client.js';
import { readCommittedEvents } from '../src/services/event-feed.js';
import { settledFeedEnd } from './helpers/feed.js';
import { execute, startTestServer, type TestServer, tokenFor } from './helpers/server.js';

let server: TestServer;
const tokens: Record<string, string> = {};
const clients: Client[] = [];
beforeAll(async () => {
  server = await startTestServer();
  tokens.supervisor = await tokenFor({ role: 'agent', sub: 'demo.supervisor' });
  tokens.first = await tokenFor({ role: 'agent', sub: 'demo.first' });
  tokens.housing = await tokenFor({ role: 'service', sub: 'TLPE-HOUSING' });
  tokens.marie = await tokenFor({ role: 'citizen', sub: '00000000-0000-4000-8000-000000000001' });
  tokens.hans = await tokenFor({ role: 'citizen', sub: '00000000-0000-4000-8000-000000000002' });
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await server?.close();
});

const FEED = `subscription ($after: String, $filter: CaseEventFilter) { caseEvents(after: $after, filter: $filter) { feedCursor type visibility case { id } } }`;
type FeedEvent = { feedCursor: string; type: string; visibility: string; case: { id: string } };

/** Collects events of a subscription until `count` arrived (or `until` holds) or the time is up. */
function collect(
  token: string,
  variables: Record<string, unknown>,
  count: number | ((events: FeedEvent[]) => boolean),
  timeoutMs = 60_000,
): { events: FeedEvent[]; done: Promise<FeedEvent[]> } {
  const enough = typeof count === 'number' ? (events: FeedEvent[]) => events.length >= count : count;
  const client = createClient({ url: server.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
  clients.push(client);
  const events: FeedEvent[] = [];
  const done = new Promise<FeedEvent[]>((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      resolve(events);
    }, timeoutMs);
    const stop = client.subscribe<{ caseEvents: FeedEvent }>(
      { query: FEED, variables },
      {
        next: (result) => {
          if (result.errors) reject(new Error(JSON.stringify(result.errors)));
          events.push(result.data!.caseEvents);
          if (enough(events)) {
            clearTimeout(timer);
            stop();
            resolve(events);
          }
        },
        error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
        complete: () => resolve(events),
      },
    );
  });
  return { events, done };
}

async function openCall(summary: string, citizen?: string): Promise<string> {
  const { data } = await execute<{ registerContact: { case: { id: string } } }>(
    server.client(tokens.first),
    gql`mutation ($input: RegisterContactInput!) { registerContact(input: $input) { ... on RegisterContactSuccess { case { id } } } }`,
    {
      input: {
        channel: 'PHONE',
        externalId: `feed-${randomUUID()}`,
        themeCode: 'ENERGY.PREMIUMS',
        subject: 'Suivi',
        summary,
        phone: { line: '1718' },
        ...(citizen ? { citizenId: Buffer.from(`Citizen:${citizen}`).toString('base64') } : {}),
      },
    },
  );
  return data!.registerContact.case.id;
}

/** Resolves once the feed has one more shared reader than `before`: the subscription is live. */
async function subscribedLive(before: number) {
  await vi.waitFor(() => expect(server.server.caseEvents.tails).toBe(before + 1), { timeout: 10_000, interval: 10 });
}

const feedOrder = (a: FeedEvent, b: FeedEvent) => {
  const [ax, ap] = a.feedCursor.split('.').map(BigInt) as [bigint, bigint];
  const [bx, bp] = b.feedCursor.split('.').map(BigInt) as [bigint, bigint];
  return ax === bx ? Number(ap - bp) : ax < bx ? -1 : 1;
};

describe('caseEvents subscription', () => {
  it('replays every event after the cursor, then continues live, each once and in order', { timeout: 120_000 }, async () => {
    const start = await settledFeedEnd(server.database.handle.db);
    const before = [await openCall('avant 1'), await openCall('avant 2')];
    // Each registerContact writes CASE_CREATED and INTERACTION_ADDED: 2 before, 3 × 2 after.
    const tails = server.server.caseEvents.tails;
    const subscription = collect(tokens.supervisor!, { after: `${start.transactionId}.${start.position}` }, 10);
    // It has replayed what was committed and joined the live readers: what follows is live.
    await subscribedLive(tails);
    // A transaction running in another test file's database holds the replay back until it ends
    // (and the next wake-up, 5 s at most): wait as long as the shared server may need.
    await vi.waitFor(() => expect(subscription.events).toHaveLength(4), { timeout: 30_000, interval: 10 });
    const during = await Promise.all([openCall('pendant 1'), openCall('pendant 2'), openCall('pendant 3')]);
    const events = await subscription.done;
    // The last subscriber out stops its reader: the next test counts readers from here.
    await vi.waitFor(() => expect(server.server.caseEvents.tails).toBe(tails), { timeout: 10_000, interval: 10 });
    expect(events).toHaveLength(10);
    expect(new Set(events.map((event) => event.feedCursor)).size).toBe(10);
    expect([...events].sort(feedOrder)).toEqual(events);
    const caseIds = new Set(events.map((event) => event.case.id));
    for (const id of [...before, ...during]) expect(caseIds.has(id)).toBe(true);
  });

  it('never gives a service account an event of a case that was never of or handed to its service, nor a citizen an INTERNAL event', { timeout: 120_000 }, async () => {
    const start = await settledFeedEnd(server.database.handle.db);
    const after = `${start.transactionId}.${start.position}`;
    const tails = server.server.caseEvents.tails;
    // The supervisor may read everything: it proves the events flowed while the others listened.
    let sentinel: string | undefined;
    const supervisor = collect(tokens.supervisor!, { after }, (events) => events.some((event) => event.case.id === sentinel));
    const housing = collect(tokens.housing!, { after }, (events) => events.some((event) => event.case.id === sentinel));
    const marie = collect(tokens.marie!, { after }, (events) => events.some((event) => event.type === 'MESSAGE_SENT'));
    await vi.waitFor(() => expect(server.server.caseEvents.tails).toBe(tails + 3), { timeout: 10_000, interval: 10 });

    // An energy case of Marie's, with an INTERNAL note, then a message she may read.
    const caseId = await openCall('énergie seulement', '00000000-0000-4000-8000-000000000001');
    const note = await execute<{ addNote: { __typename: string } }>(server.client(tokens.first), gql`mutation ($input: AddNoteInput!) { addNote(input: $input) { __typename } }`, {
      input: { caseId, body: 'Note interne : ne pas montrer.' },
    });
    expect(note.data?.addNote.__typename).toBe('AddNoteSuccess');
    const sent = await execute<{ sendMessage: { __typename: string } }>(server.client(tokens.first), gql`mutation ($input: SendMessageInput!) { sendMessage(input: $input) { __typename } }`, {
      input: { caseId, body: 'Votre demande est en cours.' },
    });
    expect(sent.data?.sendMessage.__typename).toBe('SendMessageSuccess');
    // Then a case of the housing service (Hans's procedure): the service account's stream must
    // reach it, and nothing before it.
    const started = await execute<{ startProcedure: { case: { id: string } } }>(
      server.client(tokens.hans),
      gql`mutation ($input: StartProcedureInput!) { startProcedure(input: $input) { ... on StartProcedureSuccess { case { id } } } }`,
      { input: { code: 'PRIME-HABITATION-ISOLATION', answers: { surface: 80, isolant: 'liège' } } },
    );
    sentinel = started.data!.startProcedure.case.id;

    const [supervisorEvents, housingEvents, marieEvents] = await Promise.all([supervisor.done, housing.done, marie.done]);
    await vi.waitFor(() => expect(server.server.caseEvents.tails).toBe(tails), { timeout: 10_000, interval: 10 });
    const ofMarie = supervisorEvents.filter((event) => event.case.id === caseId);
    expect(ofMarie.map((event) => event.visibility)).toContain('INTERNAL');
    expect(ofMarie.map((event) => event.visibility)).toContain('CITIZEN');
    expect(housingEvents.length).toBeGreaterThan(0);
    expect(housingEvents.filter((event) => event.case.id !== sentinel)).toEqual([]);
    expect(marieEvents.length).toBeGreaterThan(0);
    expect(marieEvents.every((event) => event.case.id === caseId)).toBe(true);
    expect(marieEvents.filter((event) => event.visibility !== 'CITIZEN')).toEqual([]);
  });

  it('resolves each live event with the case as it is then, not as the subscription first saw it', async () => {
    const caseId = await openCall('Sujet initial');
    const client = createClient({ url: server.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${tokens.supervisor}` }, retryAttempts: 0 });
    clients.push(client);
    const subjects: string[] = [];
    let arrived: (() => void) | undefined;
    const tails = server.server.caseEvents.tails;
    client.subscribe<{ caseUpdated: { case: { subject: string } } }>(
      { query: 'subscription ($id: ID!) { caseUpdated(id: $id) { case { subject } } }', variables: { id: caseId } },
      { next: (result) => (subjects.push(result.data!.caseUpdated.case.subject), arrived?.()), error: () => {}, complete: () => {} },
    );
    await subscribedLive(tails);
    for (const subject of ['Sujet 1', 'Sujet 2', 'Sujet 3']) {
      const next = new Promise<void>((resolve) => (arrived = resolve));
      const read = await execute<{ case: { version: number } }>(server.client(tokens.supervisor), gql`query ($id: ID!) { case(id: $id) { version } }`, { id: caseId });
      const { data } = await execute<{ updateCase: { __typename: string } }>(
        server.client(tokens.supervisor),
        gql`mutation ($input: UpdateCaseInput!) { updateCase(input: $input) { __typename } }`,
        { input: { id: caseId, version: read.data!.case.version, subject } },
      );
      expect(data!.updateCase.__typename).toBe('UpdateCaseSuccess');
      await next;
    }
    expect(subjects).toEqual(['Sujet 1', 'Sujet 2', 'Sujet 3']);
  });

  it('starts a subscription without a cursor after what was committed, even while an older transaction holds those events back', async () => {
    // On Postgres, a transaction left open elsewhere keeps the feed from handing out the
    // events committed after it began; PGlite has one connection, so nothing can be held back.
    const blocker = server.database.url ? postgres(server.database.url, { max: 1, onnotice: () => {} }) : undefined;
    const held = await blocker?.reserve();
    try {
      await held?.unsafe('begin');
      await held?.unsafe('select pg_current_xact_id()');
      const before = await openCall('Avant l’abonnement');
      // The subscription has taken its "now" once it reads with a tail of its own (its filter is
      // new): only then may the held-back events be released.
      const tails = server.server.caseEvents.tails;
      const events = collect(tokens.supervisor!, { filter: { caseId: before } }, 1, 10_000);
      await vi.waitFor(() => expect(server.server.caseEvents.tails).toBe(tails + 1), { timeout: 10_000 });
      await held?.unsafe('rollback');
      const read = await execute<{ case: { version: number } }>(server.client(tokens.supervisor), gql`query ($id: ID!) { case(id: $id) { version } }`, { id: before });
      await execute(server.client(tokens.supervisor), gql`mutation ($input: UpdateCaseInput!) { updateCase(input: $input) { __typename } }`, {
        input: { id: before, version: read.data!.case.version, subject: 'Après l’abonnement' },
      });
      expect((await events.done).map((event) => event.type)).toEqual(['CASE_UPDATED']);
    } finally {
      held?.release();
      await blocker?.end();
    }
  });

  it('refuses a malformed cursor with BAD_USER_INPUT', async () => {
    await expect(collect(tokens.supervisor!, { after: 'nope' }, 1, 3_000).done).rejects.toThrow(/BAD_USER_INPUT|Not an event cursor/);
  });
});

describe('the commit-safe cursor', () => {
  it('never skips an event whose transaction commits after a later position was read', { timeout: 120_000 }, async () => {
    const db = server.database.handle.db;
    const [target] = await selectRows<{ id: string }>(db, sql`select id from cases limit 1`);
    const supervisorView = { kind: 'agent' as const, agentId: 'x', login: 'x', role: 'SUPERVISOR' as const, serviceId: 'x', line: 'FIRST' as const };
    const start = await settledFeedEnd(db);
    const insertEvent = (tx: { execute: (query: ReturnType<typeof sql>) => Promise<unknown> }, label: string) =>
      tx.execute(sql`insert into case_events (case_id, type, visibility, actor_kind, payload) values (${target!.id}::uuid, 'CASE_UPDATED', 'INTERNAL', 'SYSTEM', ${JSON.stringify({ label })}::jsonb)`);
    const labelsAfter = async (cursor: typeof start) =>
      (await readCommittedEvents(db, supervisorView, { caseId: target!.id }, cursor, new Date())).map((event) => (event.payload as { label: string }).label);

    if (server.database.url) {
      // Postgres: T1 takes its transaction id first, T2 inserts the lower position, T1 commits first.
      const first = postgres(server.database.url, { max: 1, onnotice: () => {} });
      const second = postgres(server.database.url, { max: 1, onnotice: () => {} });
      try {
        const [t1, t2] = await Promise.all([first.reserve(), second.reserve()]);
        await t1`begin`;
        await t1`select pg_current_xact_id()`;
        await t2`begin`;
        await t2`select pg_current_xact_id()`;
        await t2.unsafe(`insert into case_events (case_id, type, visibility, actor_kind, payload) values ('${target!.id}', 'CASE_UPDATED', 'INTERNAL', 'SYSTEM', '{"label":"lower position, later commit"}')`);
        await t1.unsafe(`insert into case_events (case_id, type, visibility, actor_kind, payload) values ('${target!.id}', 'CASE_UPDATED', 'INTERNAL', 'SYSTEM', '{"label":"higher position, first commit"}')`);
        await t1`commit`;
        // A reader by position alone would hand out the higher position now and never the lower
        // one. A transaction of another test file may hold both back a moment longer.
        await vi.waitFor(async () => expect(await labelsAfter(start)).toEqual(['higher position, first commit']), { timeout: 30_000, interval: 50 });
        const cursor = (await readCommittedEvents(db, supervisorView, { caseId: target!.id }, start, new Date())).at(-1)!;
        await t2`commit`;
        t1.release();
        t2.release();
        await vi.waitFor(async () => expect(await labelsAfter({ transactionId: cursor.transactionId, position: cursor.position })).toEqual(['lower position, later commit']), {
          timeout: 30_000,
          interval: 50,
        });
      } finally {
        await first.end();
        await second.end();
      }
    } else {
      // PGlite has one connection: a second transaction waits for the first to commit, so
      // commits cannot interleave; the feed still hands out both events, in commit order.
      let releaseFirst!: () => void;
      const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
      const order: string[] = [];
      const firstTx = db.transaction(async (tx) => {
        await insertEvent(tx, 'first');
        await firstHolds;
        order.push('first committed');
      });
      const secondTx = db.transaction(async (tx) => {
        order.push('second started');
        await insertEvent(tx, 'second');
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(order).toEqual([]);
      releaseFirst();
      await Promise.all([firstTx, secondTx]);
      expect(order).toEqual(['first committed', 'second started']);
      expect(await labelsAfter(start)).toEqual(['first', 'second']);
    }
  });
});

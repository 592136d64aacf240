import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { gql } from 'graphql-request';
import { type Client, createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { selectRows } from '../src/db/client.js';
import type { Viewer } from '../src/domain/viewer.js';
import { listenForCaseEvents } from '../src/events/wake-ups.js';
import { createCaseEventFeed, encodeFeedCursor } from '../src/services/event-feed.js';
import { createTestDatabase } from './helpers/database.js';
import { settledFeedEnd } from './helpers/feed.js';
import { execute, startTestServer, type TestServer, tokenFor } from './helpers/server.js';

// Subscribers with the same viewer and filter share one reader of the case-event feed: the
// feed's queries do not grow with their number, and each still gets every event once, in order,
// whenever it joined, and even when it stops taking events for a while.

const statements: string[] = [];
/** Called at each read of the feed (a test stops a runaway reader with it). */
let onFeedRead: (() => void) | undefined;
let server: TestServer;
let supervisor: string;
let caseId: string;
const clients: Client[] = [];

beforeAll(async () => {
  const database = await createTestDatabase({
    onQuery: (query) => {
      statements.push(query);
      if (isFeedRead(query)) onFeedRead?.();
    },
  });
  server = await startTestServer({ database, env: { WEBHOOK_WORKER: 'false' } });
  supervisor = await tokenFor({ role: 'agent', sub: 'demo.supervisor' });
  const { data } = await execute<{ registerContact: { case: { id: string } } }>(
    server.client(await tokenFor({ role: 'agent', sub: 'demo.first' })),
    gql`mutation ($input: RegisterContactInput!) { registerContact(input: $input) { ... on RegisterContactSuccess { case { id } } } }`,
    { input: { channel: 'PHONE', externalId: `shared-${randomUUID()}`, themeCode: 'HOUSING', subject: 'Suivi', phone: { line: '1718' } } },
  );
  caseId = data!.registerContact.case.id;
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await server?.close();
});

const FEED = 'subscription ($after: String, $caseId: ID) { caseEvents(after: $after, filter: { caseId: $caseId, types: [NOTE_ADDED] }) { feedCursor } }';
const isFeedRead = (statement: string) => statement.includes('pg_snapshot_xmin') && statement.includes('"case_events"');

function subscribe(after: string | undefined): { cursors: string[] } {
  const client = createClient({ url: server.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${supervisor}` }, retryAttempts: 0 });
  clients.push(client);
  const received = { cursors: [] as string[] };
  client.subscribe<{ caseEvents: { feedCursor: string } }>(
    { query: FEED, variables: { after, caseId } },
    { next: (result) => received.cursors.push(result.data!.caseEvents.feedCursor), error: () => {}, complete: () => {} },
  );
  return received;
}

async function addNotes(count: number, until: () => boolean): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    const { data } = await execute<{ addNote: { __typename: string } }>(
      server.client(supervisor),
      gql`mutation ($input: AddNoteInput!) { addNote(input: $input) { __typename } }`,
      { input: { caseId, body: `note ${index}` } },
    );
    expect(data!.addNote.__typename).toBe('AddNoteSuccess');
  }
  const deadline = Date.now() + 20_000;
  while (!until()) {
    if (Date.now() > deadline) throw new Error('the subscribers did not get every event in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('subscribers with the same viewer and filter', () => {
  it('share one reader: each gets every event once and in order, and the feed’s queries do not grow with their number', { timeout: 60_000 }, async () => {
    const db = server.database.handle.db;
    const start = encodeFeedCursor(await settledFeedEnd(db));
    const rawCaseId = Buffer.from(caseId, 'base64').toString().replace(/^Case:/, '');
    const expected = async () =>
      (
        await selectRows<{ cursor: string }>(
          db,
          sql`select transaction_id::text || '.' || position as cursor from case_events where case_id = ${rawCaseId}::uuid and type = 'NOTE_ADDED' order by transaction_id, position`,
        )
      ).map((row) => row.cursor);

    const measure = async (subscribers: { cursors: string[] }[], notes: number) => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      statements.length = 0;
      const before = (await expected()).length;
      await addNotes(notes, () => subscribers.every((subscriber) => subscriber.cursors.length >= before + notes - (subscriber === late ? lateOffset : 0)));
      return statements.filter(isFeedRead).length;
    };
    let late: { cursors: string[] } | undefined;
    let lateOffset = 0;

    const alone = [subscribe(start)];
    const readsAlone = await measure(alone, 10);

    const many = Array.from({ length: 25 }, () => subscribe(start));
    // One joins from a cursor in the middle of what was written so far.
    const sofar = await expected();
    lateOffset = 5;
    late = subscribe(sofar[4]);
    many.push(late);
    const readsMany = await measure([...alone, ...many], 10);
    expect(server.server.caseEvents.tails).toBe(1);

    const all = await expected();
    for (const subscriber of [...alone, ...many]) {
      const from = subscriber === late ? 5 : 0;
      expect(subscriber.cursors).toEqual(all.slice(from));
    }
    // 27 subscribers: without the shared reader every wake-up would cost 27 reads.
    expect(readsMany).toBeLessThan(readsAlone * 4 + 20);
    console.log(`feed reads for 10 notes: ${readsAlone} with 1 subscriber, ${readsMany} with ${many.length + 1}`);
  });

  it('lets a subscriber that stops taking events fall back to reading on its own, without losing or repeating any', { timeout: 60_000 }, async () => {
    const handle = server.database.handle;
    const wakeUps = await listenForCaseEvents(handle);
    const feed = createCaseEventFeed(handle.db, wakeUps, { memberQueueLimit: 5 });
    const viewer: Viewer = { kind: 'agent', agentId: 'x', login: 'x', role: 'SUPERVISOR', serviceId: 'x', line: 'FIRST' };
    const rawCaseId = Buffer.from(caseId, 'base64').toString().replace(/^Case:/, '');
    const filter = { caseId: rawCaseId, types: ['NOTE_ADDED' as const] };
    const start = await settledFeedEnd(handle.db);
    const stop = new AbortController();
    try {
      const reader = feed.stream(viewer, filter, start, stop.signal);
      const idle = feed.stream(viewer, filter, start, stop.signal);
      const read: string[] = [];
      const reading = (async () => {
        for await (const event of reader) {
          read.push(encodeFeedCursor({ transactionId: event.transactionId, position: event.position }));
          if (read.length === 30) break;
        }
      })();
      // The idle one takes its first event, then nothing while the 29 others are written.
      const taking = idle.next();
      await addNotes(30, () => read.length === 30);
      await reading;
      const first = await taking;
      const rest: string[] = [];
      for (let index = 0; index < 29; index += 1) {
        const next = await idle.next();
        const event = next.value as { transactionId: string; position: number };
        rest.push(encodeFeedCursor({ transactionId: event.transactionId, position: event.position }));
      }
      const event = first.value as { transactionId: string; position: number };
      expect([encodeFeedCursor({ transactionId: event.transactionId, position: event.position }), ...rest]).toEqual(read);
      // It was dropped from the shared reader (more than 5 events waiting) and read on its own.
      expect(feed.stats.membersDropped).toBeGreaterThanOrEqual(1);
    } finally {
      stop.abort();
      await wakeUps.close();
    }
  });

  it('lets a subscriber with a cursor that caught up wait for the next commit when the shared reader started past events it may not see, instead of reading again at once', { timeout: 60_000 }, async () => {
    const handle = server.database.handle;
    const wakeUps = await listenForCaseEvents(handle);
    const feed = createCaseEventFeed(handle.db, wakeUps);
    const viewer: Viewer = { kind: 'agent', agentId: 'x', login: 'x', role: 'SUPERVISOR', serviceId: 'x', line: 'FIRST' };
    const rawCaseId = Buffer.from(caseId, 'base64').toString().replace(/^Case:/, '');
    const filter = { caseId: rawCaseId, types: ['NOTE_ADDED' as const] };
    const before = await settledFeedEnd(handle.db);
    await addNotes(1, () => true);
    // The last event is one the filter leaves out: the feed's end is past the last note.
    const sent = await execute<{ sendMessage: { __typename: string } }>(
      server.client(supervisor),
      gql`mutation ($input: SendMessageInput!) { sendMessage(input: $input) { __typename } }`,
      { input: { caseId, body: 'Hors filtre' } },
    );
    expect(sent.data!.sendMessage.__typename).toBe('SendMessageSuccess');
    await settledFeedEnd(handle.db);
    const stop = new AbortController();
    let reads = 0;
    // A reader that reads again and again would starve the event loop over PGlite: stop it.
    onFeedRead = () => {
      reads += 1;
      if (reads > 1_000) stop.abort();
    };
    try {
      // From now: the shared reader starts at the feed's end, past the last note.
      const live = feed.stream(viewer, filter, undefined, stop.signal);
      const liveNext = live.next();
      await vi.waitFor(() => expect(feed.stats.tails).toBe(1));
      // From before the note: it gets the note, and then has nothing new it may see.
      const replay = feed.stream(viewer, filter, before, stop.signal);
      expect((await replay.next()).done).toBe(false);
      const caughtUp = reads;
      const replayNext = replay.next();
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(reads - caughtUp).toBeLessThan(5);
      // The next note reaches both.
      await addNotes(1, () => true);
      const [fromLive, fromReplay] = await Promise.all([liveNext, replayNext]);
      expect(fromReplay.value).toEqual(fromLive.value);
      expect(fromLive.done).toBe(false);
    } finally {
      onFeedRead = undefined;
      stop.abort();
      await wakeUps.close();
    }
  });
});

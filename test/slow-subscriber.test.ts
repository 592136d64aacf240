import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { gql } from 'graphql-request';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { guardAgainstStall, SLOW_SUBSCRIBER_CLOSE_CODE, SLOW_SUBSCRIBER_CLOSE_REASON } from '../src/server/stall-guard.js';
import { encodeFeedCursor, readCommittedEvents } from '../src/services/event-feed.js';
import { settledFeedEnd } from './helpers/feed.js';
import { execute, startTestServer, type TestServer, tokenFor } from './helpers/server.js';

// A subscriber that stops reading is closed with 4008 once a result has waited longer than
// SUBSCRIBER_STALL_TIMEOUT_MS to be sent; it resumes with the last feedCursor it received.

/** A source that hands out `values`, then waits until return() (like the caseEvents feed when idle). */
function fakeFeed(values: number[]) {
  const state = { returned: false, pulls: 0 };
  let wake: (() => void) | undefined;
  const iterator: AsyncIterator<number> = {
    async next() {
      state.pulls += 1;
      const value = values.shift();
      if (value !== undefined) return { done: false, value };
      if (!state.returned) await new Promise<void>((resolve) => (wake = resolve));
      return { done: true, value: undefined };
    },
    async return() {
      state.returned = true;
      wake?.();
      return { done: true, value: undefined };
    },
  };
  return { state, source: { [Symbol.asyncIterator]: () => iterator } };
}

describe('the stall guard', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('never calls an idle consumer slow when it waits for results longer than the bound', async () => {
    vi.useFakeTimers();
    const onStall = vi.fn();
    const { state, source } = fakeFeed([1]);
    const guarded = guardAgainstStall(source, { timeoutMs: 1_000, onStall });
    expect(await guarded.next()).toEqual({ done: false, value: 1 });
    const waiting = guarded.next();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(onStall).not.toHaveBeenCalled();
    await guarded.return();
    expect(await waiting).toEqual({ done: true, value: undefined });
    expect(state.returned).toBe(true);
    expect(onStall).not.toHaveBeenCalled();
  });

  it('does not call a consumer slow when it takes each result within the bound', async () => {
    vi.useFakeTimers();
    const onStall = vi.fn();
    const { source } = fakeFeed([1, 2, 3, 4]);
    const guarded = guardAgainstStall(source, { timeoutMs: 1_000, onStall });
    for (const expected of [1, 2, 3, 4]) {
      expect(await guarded.next()).toEqual({ done: false, value: expected });
      await vi.advanceTimersByTimeAsync(999);
    }
    expect(onStall).not.toHaveBeenCalled();
    await guarded.return();
  });

  it('calls onStall once when the consumer does not pull within the bound, then ends the stream and stops the source', async () => {
    vi.useFakeTimers();
    const onStall = vi.fn();
    const { state, source } = fakeFeed([1, 2, 3]);
    const guarded = guardAgainstStall(source, { timeoutMs: 1_000, onStall });
    expect(await guarded.next()).toEqual({ done: false, value: 1 });
    await vi.advanceTimersByTimeAsync(999);
    expect(onStall).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(onStall).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(onStall).toHaveBeenCalledTimes(1);
    // The socket is closing: the next pull ends the stream instead of reading more events.
    const pullsBefore = state.pulls;
    expect(await guarded.next()).toEqual({ done: true, value: undefined });
    expect(state.pulls).toBe(pullsBefore);
    expect(state.returned).toBe(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(onStall).toHaveBeenCalledTimes(1);
  });

  it('resolves return() and stops the source when the source is waiting for events', async () => {
    const onStall = vi.fn();
    const { state, source } = fakeFeed([]);
    const guarded = guardAgainstStall(source, { timeoutMs: 50, onStall });
    const waiting = guarded.next();
    await expect(guarded.return()).resolves.toEqual({ done: true, value: undefined });
    expect(state.returned).toBe(true);
    expect(await waiting).toEqual({ done: true, value: undefined });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(onStall).not.toHaveBeenCalled();
  });

  it('starts no timer when return() came while the source was reading', async () => {
    const onStall = vi.fn();
    let handOut!: () => void;
    const source: AsyncIterable<number> = {
      [Symbol.asyncIterator]: () => ({
        next: () => new Promise<IteratorResult<number>>((resolve) => (handOut = () => resolve({ done: false, value: 1 }))),
        return: async () => ({ done: true, value: undefined }),
      }),
    };
    const guarded = guardAgainstStall(source, { timeoutMs: 20, onStall });
    const reading = guarded.next();
    await guarded.return();
    handOut();
    await reading;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(onStall).not.toHaveBeenCalled();
  });

  it('has a close reason WebSocket accepts (at most 123 bytes)', () => {
    expect(Buffer.byteLength(SLOW_SUBSCRIBER_CLOSE_REASON)).toBeLessThanOrEqual(123);
    expect(SLOW_SUBSCRIBER_CLOSE_CODE).toBe(4008);
  });
});

// Through the real server: a paused client, events of ~300 KB each, the kernel buffers full.

const STALL_MS = 1_000;
const ALIASES = Array.from({ length: 30 }, (_, index) => `a${index + 1}: case { description }`).join(' ');
const FEED = `subscription ($after: String, $filter: CaseEventFilter) { caseEvents(after: $after, filter: $filter) { feedCursor ${ALIASES} } }`;
const DESCRIPTION = 'Description longue. '.repeat(500); // 10,000 characters, the maximum
const MAX_EVENTS = 400; // ~120 MB of frames: far above any localhost socket buffers

interface RawSubscriber {
  socket: WebSocket;
  /** feedCursors of the events received, in order of arrival. */
  cursors: string[];
  errors: unknown[];
  closed: Promise<{ code: number; reason: string }>;
}

/** A graphql-transport-ws client spoken by hand, so that the test can pause and resume its socket. */
async function subscribe(url: string, token: string, variables: Record<string, unknown>): Promise<RawSubscriber> {
  const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
  const subscriber: RawSubscriber = {
    socket,
    cursors: [],
    errors: [],
    closed: new Promise((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() }))),
  };
  await once(socket, 'open');
  const acknowledged = new Promise<void>((resolve, reject) => {
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as { type: string; id?: string; payload?: { data?: { caseEvents: { feedCursor: string } }; errors?: unknown } };
      if (message.type === 'connection_ack') resolve();
      else if (message.type === 'next' && message.payload?.data) subscriber.cursors.push(message.payload.data.caseEvents.feedCursor);
      if (message.type === 'error' || message.payload?.errors) subscriber.errors.push(message.payload);
    });
    socket.once('close', (code) => reject(new Error(`closed with ${code} before connection_ack`)));
  });
  socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
  await acknowledged;
  socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: FEED, variables } }));
  return subscriber;
}

async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

describe('a subscriber that stops reading', () => {
  let server: TestServer;
  let token: string;
  const sockets: WebSocket[] = [];
  beforeAll(async () => {
    server = await startTestServer({ env: { SUBSCRIBER_STALL_TIMEOUT_MS: String(STALL_MS) } });
    token = await tokenFor({ role: 'agent', sub: 'demo.first' });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.terminate();
    await server?.close();
  });

  async function openCaseWithLongDescription(): Promise<string> {
    const client = server.client(token);
    const { data } = await execute<{ registerContact: { case: { id: string; version: number } } }>(
      client,
      gql`mutation ($input: RegisterContactInput!) { registerContact(input: $input) { ... on RegisterContactSuccess { case { id version } } } }`,
      { input: { channel: 'PHONE', externalId: `slow-${randomUUID()}`, themeCode: 'ENERGY.PREMIUMS', subject: 'Suivi', summary: 'Appel', phone: { line: '1718' } } },
    );
    const created = data!.registerContact.case;
    const updated = await execute<{ updateCase: { __typename: string } }>(
      client,
      gql`mutation ($input: UpdateCaseInput!) { updateCase(input: $input) { __typename } }`,
      { input: { id: created.id, version: created.version, description: DESCRIPTION } },
    );
    expect(updated.data?.updateCase.__typename).toBe('UpdateCaseSuccess');
    return created.id;
  }

  async function addNote(caseId: string, body: string): Promise<void> {
    const { data, errors } = await execute<{ addNote: { __typename: string } }>(
      server.client(token),
      gql`mutation ($input: AddNoteInput!) { addNote(input: $input) { __typename } }`,
      { input: { caseId, body } },
    );
    expect(errors).toBeUndefined();
    expect(data?.addNote.__typename).toBe('AddNoteSuccess');
  }

  it(
    'is closed with 4008 and a clear reason, gets what was sent before the close, and resumes from its last feedCursor with the rest once and in order',
    async () => {
      const db = server.database.handle.db;
      const caseId = await openCaseWithLongDescription();
      const start = await settledFeedEnd(db);
      const variables = { filter: { caseId } };

      const stalled = await subscribe(server.url, token, { ...variables, after: encodeFeedCursor(start) });
      sockets.push(stalled.socket);
      stalled.socket.pause();

      // Events of ~300 KB each until the server reports the subscriber closed: the kernel
      // buffers fill, the send stops completing, and after STALL_MS the guard closes the socket.
      let produced = 0;
      while (server.server.webSocket.slowSubscribersClosed === 0 && produced < MAX_EVENTS) {
        await addNote(caseId, `note ${produced}`);
        produced += 1;
      }
      expect(server.server.webSocket.slowSubscribersClosed).toBe(1);
      // A few after the close, which the stalled subscription can no longer have read.
      for (let index = 0; index < 3; index += 1) await addNote(caseId, `after the close ${index}`);

      // The feed hands out an event once no older transaction is still running: wait for that.
      const rawCaseId = Buffer.from(caseId, 'base64').toString().replace(/^Case:/, '');
      let expected: string[] = [];
      await vi.waitFor(
        async () => {
          expected = (await readCommittedEvents(db, supervisorView, { caseId: rawCaseId }, start, new Date(), 10_000)).map(encodeFeedCursor);
          expect(expected).toHaveLength(produced + 3);
        },
        { timeout: 10_000, interval: 50 },
      );

      // Reading again, the client gets the backlog the kernel held, then the close frame.
      stalled.socket.resume();
      const closed = await within(stalled.closed, 20_000, 'the close of the stalled socket');
      expect(closed).toEqual({ code: SLOW_SUBSCRIBER_CLOSE_CODE, reason: SLOW_SUBSCRIBER_CLOSE_REASON });
      expect(stalled.errors).toEqual([]);
      expect(stalled.cursors.length).toBeGreaterThan(0);
      expect(stalled.cursors.length).toBeLessThan(expected.length);
      expect(stalled.cursors).toEqual(expected.slice(0, stalled.cursors.length));

      // Resuming with the last cursor received: the rest, each once, in order.
      const resumed = await subscribe(server.url, token, { ...variables, after: stalled.cursors.at(-1) });
      sockets.push(resumed.socket);
      const rest = expected.slice(stalled.cursors.length);
      await vi.waitFor(() => expect(resumed.cursors.length).toBeGreaterThanOrEqual(rest.length), { timeout: 20_000, interval: 50 });
      await new Promise((resolve) => setTimeout(resolve, 200)); // room for a duplicate to show up
      expect(resumed.cursors).toEqual(rest);

      // A subscriber waiting for events longer than the bound is idle, not slow.
      await new Promise((resolve) => setTimeout(resolve, STALL_MS * 1.5));
      await addNote(caseId, 'after a quiet while');
      await vi.waitFor(() => expect(resumed.cursors).toHaveLength(rest.length + 1), { timeout: 10_000, interval: 50 });
      expect(resumed.errors).toEqual([]);
      expect(server.server.webSocket.slowSubscribersClosed).toBe(1);
      expect(server.server.webSocket.openConnections).toBe(1);

      resumed.socket.close(1000);
      await within(resumed.closed, 5_000, 'the close of the resumed socket');
      await vi.waitFor(() => expect(server.server.webSocket.openConnections).toBe(0), { timeout: 5_000, interval: 50 });
    },
    60_000,
  );
});

const supervisorView = { kind: 'agent' as const, agentId: 'x', login: 'x', role: 'SUPERVISOR' as const, serviceId: 'x', line: 'FIRST' as const };

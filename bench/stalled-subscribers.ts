// Memory of the API while subscribers never read: starts the API as a child process, opens
// STALLED subscribers whose sockets are paused and one normal subscriber, produces EVENTS large
// case events over HTTP, samples the server's resident memory (VmRSS) every 500 ms and prints
// how it went. Run with `npm run bench:stalled-subscribers`; see README.md for the settings.
// The API runs with the inspector on 127.0.0.1 (random port) only so that the bench can force
// a full garbage collection before reading the heap: RSS alone also counts garbage not yet
// collected.

import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import { signToken } from '../src/auth/tokens.js';
import { DEVELOPMENT_JWT_SECRET } from '../src/config.js';
import { freePort, graphql as graphqlRequest, ROOT } from './api-process.js';

const STALLED = positive('STALLED', 20, 0);
const EVENTS = positive('EVENTS', 2_000);
const STALL_TIMEOUT_MS = positive('SUBSCRIBER_STALL_TIMEOUT_MS', 10_000);
const CONCURRENCY = 4;
const SAMPLE_MS = 500;

// Each event message carries the case's description 30 times (the alias limit): ~300 KB.
const DESCRIPTION = 'Description longue. '.repeat(500);
const ALIASES = Array.from({ length: 30 }, (_, index) => `a${index + 1}: case { description }`).join(' ');
const FEED = `subscription ($after: String, $filter: CaseEventFilter) { caseEvents(after: $after, filter: $filter) { feedCursor ${ALIASES} } }`;

function positive(name: string, fallback: number, minimum = 1): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isSafeInteger(value) || value < minimum) throw new Error(`${name} must be an integer of at least ${minimum}`);
  return value;
}

async function rssBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kilobytes = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
  if (!kilobytes) throw new Error('no VmRSS');
  return Number(kilobytes) * 1024;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function waitFor(what: string, ok: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** (transaction id, position) order of feedCursors. */
function feedOrder(a: string, b: string): number {
  const [ax, ap] = a.split('.').map(BigInt) as [bigint, bigint];
  const [bx, bp] = b.split('.').map(BigInt) as [bigint, bigint];
  return ax === bx ? Number(ap - bp) : ax < bx ? -1 : 1;
}

/** Just enough of the inspector protocol to force a full GC and read process.memoryUsage(). */
async function connectInspector(url: string) {
  const socket = new WebSocket(url);
  await once(socket, 'open');
  let nextId = 0;
  const pending = new Map<number, (result: unknown) => void>();
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as { id?: number; result?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.result);
  });
  const call = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<unknown>((done) => {
      nextId += 1;
      pending.set(nextId, done);
      socket.send(JSON.stringify({ id: nextId, method, params }));
    });
  return {
    async collectedMemory(): Promise<NodeJS.MemoryUsage> {
      await call('HeapProfiler.collectGarbage');
      const evaluated = (await call('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true })) as { result: { value: string } };
      return JSON.parse(evaluated.result.value) as NodeJS.MemoryUsage;
    },
    close: () => socket.close(),
  };
}

interface Subscriber {
  socket: WebSocket;
  cursors: string[];
  bytes: number;
  errors: unknown[];
  closed: Promise<{ code: number; reason: string }>;
}

async function subscribe(wsUrl: string, token: string, variables: Record<string, unknown>): Promise<Subscriber> {
  const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
  const subscriber: Subscriber = {
    socket,
    cursors: [],
    bytes: 0,
    errors: [],
    closed: new Promise((done) => socket.once('close', (code, reason) => done({ code, reason: reason.toString() }))),
  };
  socket.on('error', (error) => subscriber.errors.push(error.message));
  await once(socket, 'open');
  const acknowledged = new Promise<void>((done, fail) => {
    socket.on('message', (data: Buffer) => {
      subscriber.bytes += data.length;
      const message = JSON.parse(data.toString()) as { type: string; payload?: { data?: { caseEvents: { feedCursor: string } }; errors?: unknown } };
      if (message.type === 'connection_ack') done();
      else if (message.type === 'next' && message.payload?.data) subscriber.cursors.push(message.payload.data.caseEvents.feedCursor);
      if (message.type === 'error' || message.payload?.errors) subscriber.errors.push(message.payload);
    });
    socket.once('close', (code) => fail(new Error(`closed with ${code} before connection_ack`)));
  });
  socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
  await acknowledged;
  socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: FEED, variables } }));
  return subscriber;
}

async function main(): Promise<void> {
  const port = await freePort();
  const dataDir = process.env.DATABASE_URL ? undefined : await mkdtemp(join(tmpdir(), 'guichet-bench-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  console.log(`Starting the API on port ${port} (${process.env.DATABASE_URL ? 'DATABASE_URL' : `PGlite in ${dataDir}`}); a fresh database is seeded first (~15 s)…`);

  const server: ChildProcess = spawn(process.execPath, ['--inspect=127.0.0.1:0', '--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      SEED_DEMO_DATA: 'true',
      SUBSCRIBER_STALL_TIMEOUT_MS: String(STALL_TIMEOUT_MS),
      ...(dataDir ? { DATA_DIR: dataDir } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const inspectorUrl = new Promise<string>((done) => {
    createInterface({ input: server.stderr! }).on('line', (line) => {
      const url = /Debugger listening on (ws:\/\/\S+)/.exec(line)?.[1];
      if (url) done(url);
      else if (!/^(For help, see|Debugger (attached|ending)|Waiting for the debugger)/.test(line)) console.error(`server: ${line}`);
    });
  });
  let exited = false;
  const exit = once(server, 'exit').then(() => (exited = true));
  let closedAsSlow = 0;
  createInterface({ input: server.stdout! }).on('line', (line) => {
    let entry: { level?: number; msg?: string } = {};
    try {
      entry = JSON.parse(line);
    } catch {
      // not a log line
    }
    if (entry.msg?.startsWith('subscriber too slow')) closedAsSlow += 1;
    else if ((entry.level ?? 0) >= 40) console.error(`server: ${line}`);
  });

  const samples: { at: number; phase: string; rss: number }[] = [];
  let phase = 'start-up';
  const started = Date.now();
  let sampler: NodeJS.Timeout | undefined;

  try {
    await waitFor('the API to be ready', async () => {
      if (exited) throw new Error('the API exited during start-up');
      return fetch(`${baseUrl}/readyz`).then((response) => response.ok).catch(() => false);
    }, 180_000);
    const pid = server.pid!;
    const inspector = await connectInspector(await inspectorUrl);
    const sample = async () => samples.push({ at: Date.now() - started, phase, rss: await rssBytes(pid) });
    await sample();
    sampler = setInterval(() => void sample().catch(() => {}), SAMPLE_MS);

    const token = await signToken({ role: 'agent', sub: 'demo.first' }, process.env.JWT_SECRET || DEVELOPMENT_JWT_SECRET, '2h');
    const graphql = <T>(query: string, variables: Record<string, unknown>) => graphqlRequest<T>(baseUrl, token, query, variables);

    // One case whose description is 10,000 characters; the feed resumes after its last event.
    const { registerContact } = await graphql<{ registerContact: { case: { id: string; version: number } } }>(
      'mutation ($input: RegisterContactInput!) { registerContact(input: $input) { ... on RegisterContactSuccess { case { id version } } } }',
      { input: { channel: 'PHONE', externalId: `bench-${Date.now()}`, themeCode: 'ENERGY.PREMIUMS', subject: 'Banc de mesure', summary: 'Appel', phone: { line: '1718' } } },
    );
    const caseId = registerContact.case.id;
    await graphql('mutation ($input: UpdateCaseInput!) { updateCase(input: $input) { __typename } }', {
      input: { id: caseId, version: registerContact.case.version, description: DESCRIPTION },
    });
    const { node } = await graphql<{ node: { timeline: { edges: { node: { feedCursor: string } }[] } } }>(
      'query ($id: ID!) { node(id: $id) { ... on Case { timeline(first: 100) { edges { node { feedCursor } } } } } }',
      { id: caseId },
    );
    const after = node.timeline.edges.map((edge) => edge.node.feedCursor).sort(feedOrder).at(-1)!;
    const variables = { after, filter: { caseId } };

    phase = 'subscribed';
    const wsUrl = `ws://127.0.0.1:${port}/graphql`;
    const stalled: Subscriber[] = [];
    for (let index = 0; index < STALLED; index += 1) {
      const subscriber = await subscribe(wsUrl, token, variables);
      subscriber.socket.pause(); // never reads again
      stalled.push(subscriber);
    }
    const normal = await subscribe(wsUrl, token, variables);
    await sleep(1_000);
    const rssBefore = await rssBytes(pid);
    const heapBefore = await inspector.collectedMemory();

    phase = 'producing';
    const producingStarted = Date.now();
    let produced = 0;
    const producer = async () => {
      while (produced < EVENTS) {
        const number = produced;
        produced += 1;
        await graphql('mutation ($input: AddNoteInput!) { addNote(input: $input) { __typename } }', { input: { caseId, body: `note ${number}` } });
        if ((number + 1) % 250 === 0) console.log(`  ${number + 1} events produced, ${normal.cursors.length} received by the normal subscriber, ${closedAsSlow} stalled closed, RSS ${mb(samples.at(-1)!.rss)}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, producer));
    const producingSeconds = (Date.now() - producingStarted) / 1000;

    phase = 'draining';
    await waitFor('the normal subscriber to receive every event', () => normal.cursors.length >= EVENTS, 300_000);
    await waitFor('every stalled subscriber to be closed', () => closedAsSlow >= STALLED, STALL_TIMEOUT_MS + 30_000);
    phase = 'settled';
    await sleep(3_000);
    const rssEnd = await rssBytes(pid);
    const heapEnd = await inspector.collectedMemory();
    inspector.close();
    clearInterval(sampler);
    sampler = undefined;

    // The stalled clients read again: what the kernel held, then the close (4008 when the server's
    // close frame is still queued; 1006 when ws already destroyed the socket, 30 s after its close()).
    for (const subscriber of stalled) subscriber.socket.resume();
    const closes = await Promise.race([Promise.all(stalled.map((subscriber) => subscriber.closed)), sleep(60_000).then(() => undefined)]);
    const closeCodes = new Map<string, number>();
    for (const close of closes ?? []) {
      const key = close.code === 4008 ? `4008 "${close.reason}"` : String(close.code);
      closeCodes.set(key, (closeCodes.get(key) ?? 0) + 1);
    }
    const stalledReceived = stalled.map((subscriber) => subscriber.cursors.length);

    const inOrder = normal.cursors.every((cursor, index) => index === 0 || feedOrder(normal.cursors[index - 1]!, cursor) < 0);
    const distinct = new Set(normal.cursors).size;
    const peak = samples.reduce((max, entry) => Math.max(max, entry.rss), 0);
    const producingPeak = samples.filter((entry) => entry.phase === 'producing' || entry.phase === 'draining').reduce((max, entry) => Math.max(max, entry.rss), 0);
    const messageBytes = normal.bytes / Math.max(1, normal.cursors.length);

    console.log('\nRSS of the API process over time (every 5 s):');
    console.log('  t (s)   phase        RSS');
    for (const entry of samples.filter((_, index) => index % 10 === 0)) {
      console.log(`  ${(entry.at / 1000).toFixed(1).padStart(5)}   ${entry.phase.padEnd(11)}  ${mb(entry.rss)}`);
    }
    const rows: [string, string][] = [
      ['database', process.env.DATABASE_URL ? 'Postgres (DATABASE_URL)' : 'PGlite (temporary DATA_DIR)'],
      ['stall bound', `${STALL_TIMEOUT_MS} ms`],
      ['events produced', `${EVENTS} over HTTP in ${producingSeconds.toFixed(1)} s, ~${(messageBytes / 1024).toFixed(0)} KB per message`],
      ['stalled subscribers', `${STALLED}, paused, would need ${mb(STALLED * EVENTS * messageBytes)} if buffered`],
      ['RSS after start-up', mb(samples[0]!.rss)],
      ['RSS before events', mb(rssBefore)],
      ['RSS peak while producing', mb(producingPeak)],
      ['RSS peak overall', mb(peak)],
      ['RSS at the end', mb(rssEnd)],
      ['after a full GC: before events', `heap used ${mb(heapBefore.heapUsed)}, external ${mb(heapBefore.external)}, RSS ${mb(heapBefore.rss)}`],
      ['after a full GC: at the end', `heap used ${mb(heapEnd.heapUsed)}, external ${mb(heapEnd.external)}, RSS ${mb(heapEnd.rss)}`],
      ['stalled closed (server log)', `${closedAsSlow}/${STALLED}`],
      ['events each stalled one got', STALLED ? `${Math.min(...stalledReceived)}–${Math.max(...stalledReceived)} (what the kernel buffers held)` : '—'],
      ['stalled: close on resume', closes ? [...closeCodes].map(([code, count]) => `${count} × ${code}`).join(', ') : 'not all closed within 60 s'],
      ['normal subscriber', `${normal.cursors.length}/${EVENTS} events, ${inOrder ? 'in order' : 'OUT OF ORDER'}, ${distinct === normal.cursors.length ? 'no duplicate' : 'DUPLICATES'}, errors: ${normal.errors.length}`],
    ];
    console.log('');
    for (const [label, value] of rows) console.log(`  ${label.padEnd(31)} ${value}`);
    normal.socket.close(1000);
    const ok = closedAsSlow === STALLED && normal.cursors.length === EVENTS && inOrder && distinct === EVENTS && normal.errors.length === 0;
    process.exitCode = ok ? 0 : 1;
  } finally {
    if (sampler) clearInterval(sampler);
    if (!exited) server.kill('SIGTERM');
    await exit;
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

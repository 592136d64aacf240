import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { WebSocket } from 'ws';
import { freePort, ROOT } from '../bench/api-process.js';
import { openDatabase, selectRows } from '../src/db/client.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { tokenFor } from './helpers/server.js';

// The API as a real process (node src/main.ts through tsx), stopped with SIGTERM while a
// request is still running, a keep-alive connection sits idle, a pipelined request arrives and
// a WebSocket is open. It must let the request finish, close everything in order and exit 0
// well before SHUTDOWN_TIMEOUT_MS; the database must have been closed, not abandoned.
//
// The running request waits for something the test holds. On Postgres: a row lock on its case,
// taken by the test's own connection. PGlite lives inside the API process, so the test cannot
// lock anything there: the request's body is held back instead (its headers arrived, so it is
// running), and once released it writes to the database as on Postgres.

const onPostgres = Boolean(inject('templateDatabaseUrl'));
const APP_NAME = `guichet-sigterm-${process.pid}`;

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

interface Api {
  child: ChildProcess;
  port: number;
  url: string;
  lines: string[];
  /** Resolves with the first log line from index `from` on that matches. */
  logged(pattern: RegExp, from?: number): Promise<string>;
  exited: Promise<{ code: number | null; at: number }>;
}

async function startApi(storage: Record<string, string>, shutdownTimeoutMs: number): Promise<Api> {
  const port = await freePort();
  // NODE_ENV as an operator runs it (not vitest's 'test'): Apollo's own signal handling is on then.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...storage,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'info',
      PGAPPNAME: APP_NAME,
      SHUTDOWN_TIMEOUT_MS: String(shutdownTimeoutMs),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  const collect = (line: string) => {
    lines.push(line);
    for (const wake of waiters) wake();
  };
  createInterface({ input: child.stdout! }).on('line', collect);
  createInterface({ input: child.stderr! }).on('line', collect);
  const exited = once(child, 'exit').then(([code]) => ({ code: code as number | null, at: Date.now() }));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  });
  const logged = (pattern: RegExp, from = 0) =>
    new Promise<string>((resolve, reject) => {
      const look = () => {
        const line = lines.slice(from).find((candidate) => pattern.test(candidate));
        if (line === undefined) return;
        waiters.delete(look);
        clearTimeout(timer);
        resolve(line);
      };
      const timer = setTimeout(() => {
        waiters.delete(look);
        reject(new Error(`no log line ${pattern} within 60 s:\n${lines.join('\n')}`));
      }, 60_000);
      waiters.add(look);
      look();
    });
  await Promise.race([
    logged(/Guichet listening/),
    exited.then(({ code }) => Promise.reject(new Error(`exited with ${code} during start-up:\n${lines.join('\n')}`))),
  ]);
  return { child, port, url: `http://127.0.0.1:${port}/graphql`, lines, logged, exited };
}

/** Storage of the kind this run tests, seeded: a Postgres copy of the template, or a PGlite folder loaded from the dump. */
async function seededStorage(): Promise<{ env: Record<string, string>; database?: TestDatabase; dataDir?: string }> {
  if (onPostgres) {
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    return { env: { DATABASE_URL: database.url!, DATA_DIR: '' }, database };
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'guichet-sigterm-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  const dumpPath = inject('pgliteDumpPath')!;
  const seeded = await openDatabase({ dataDir, loadDump: new Blob([await readFile(dumpPath)]) });
  await seeded.close();
  return { env: { DATABASE_URL: '', DATA_DIR: dataDir }, dataDir };
}

/** HTTP/1.1 responses read off a raw socket until the server closes it (each with a Content-Length). */
function parseResponses(raw: string): { status: number; headers: Record<string, string>; body: string }[] {
  const responses = [];
  let rest = raw;
  while (rest.length > 0) {
    const end = rest.indexOf('\r\n\r\n');
    if (end < 0) throw new Error(`incomplete response: ${rest}`);
    const [statusLine, ...headerLines] = rest.slice(0, end).split('\r\n');
    const headers = Object.fromEntries(headerLines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
    const length = Number(headers['content-length']);
    if (!Number.isInteger(length)) throw new Error(`response without Content-Length: ${statusLine}`);
    const bodyBytes = Buffer.from(rest.slice(end + 4), 'utf8');
    responses.push({ status: Number(statusLine!.split(' ')[1]), headers, body: bodyBytes.subarray(0, length).toString('utf8') });
    rest = bodyBytes.subarray(length).toString('utf8');
  }
  return responses;
}

function graphqlRequest(token: string, body: string): string {
  return [
    'POST /graphql HTTP/1.1',
    'Host: 127.0.0.1',
    'Content-Type: application/json',
    `Authorization: Bearer ${token}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    '',
    body,
  ].join('\r\n');
}

/** pg_control's DBState: 1 is DB_SHUTDOWNED (a clean stop), 6 DB_IN_PRODUCTION (still running or crashed). */
async function controlFileState(dataDir: string): Promise<number> {
  const file = await open(join(dataDir, 'global', 'pg_control'), 'r');
  try {
    const { buffer } = await file.read(Buffer.alloc(20), 0, 20, 0);
    return buffer.readUInt32LE(16);
  } finally {
    await file.close();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function firstCase(api: Api, token: string): Promise<{ id: string; reference: string }> {
  const listing = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ cases(first: 1) { edges { node { id reference } } } }' }),
  });
  return ((await listing.json()) as { data: { cases: { edges: { node: { id: string; reference: string } }[] } } }).data.cases.edges[0]!.node;
}

interface HeldRequest {
  /** The test's own connection to the Postgres database (undefined on PGlite). */
  holder: postgres.Sql | undefined;
  response: Promise<{ status: number; connection: string | undefined; body: string }>;
  release(): Promise<void>;
}

/**
 * Sends a note on `target` that cannot finish until released: another transaction holds the
 * case (Postgres), or its body has not all arrived (PGlite). Resolves once it is running.
 */
async function holdNoteRequest(
  api: Api,
  storage: { database?: TestDatabase },
  token: string,
  target: { id: string; reference: string },
  noteBody: string,
  agent: http.Agent,
): Promise<HeldRequest> {
  const noteRequest = JSON.stringify({
    query: 'mutation ($input: AddNoteInput!) { addNote(input: $input) { __typename } }',
    variables: { input: { caseId: target.id, body: noteBody } },
  });
  const holder = storage.database ? postgres(storage.database.url!, { max: 2, onnotice: () => {} }) : undefined;
  const from = api.lines.length;
  const request = http.request(api.url, {
    method: 'POST',
    agent,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'content-length': Buffer.byteLength(noteRequest) },
  });
  const response = new Promise<{ status: number; connection: string | undefined; body: string }>((resolve, reject) => {
    request.once('error', reject);
    request.once('response', (answer) => {
      let body = '';
      answer.setEncoding('utf8').on('data', (chunk) => (body += chunk));
      answer.once('end', () => resolve({ status: answer.statusCode!, connection: answer.headers.connection, body }));
    });
  });
  response.catch(() => {});
  if (!holder) {
    const cut = noteRequest.length - 10;
    request.write(noteRequest.slice(0, cut));
    await api.logged(/"url":"\/graphql".*"msg":"incoming request"|"msg":"incoming request".*"url":"\/graphql"/, from);
    return { holder, response, release: async () => void request.end(noteRequest.slice(cut)) };
  }
  let unlock!: () => void;
  const unlocked = new Promise<void>((resolve) => (unlock = resolve));
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const transaction = holder.begin(async (tx) => {
    await tx`select id from cases where reference = ${target.reference} for update`;
    locked();
    await unlocked;
  });
  transaction.catch(() => {});
  await isLocked;
  request.end(noteRequest);
  // Until the note's statement is blocked on the lock.
  for (let waited = 0; ; waited += 50) {
    const [row] = await holder<{ waiting: number }[]>`
      select count(*)::int as waiting from pg_stat_activity
      where datname = current_database() and application_name = ${APP_NAME} and wait_event_type = 'Lock'`;
    if (row!.waiting > 0) break;
    if (waited > 20_000) throw new Error('the note never waited for the lock');
    await sleep(50);
  }
  return {
    holder,
    response,
    async release() {
      unlock();
      await transaction;
    },
  };
}

describe('the API process on SIGTERM', () => {
  it(
    'lets a running request finish, closes an idle keep-alive connection at once, answers a new request with 503, closes the database and exits 0',
    { timeout: 120_000 },
    async () => {
      const storage = await seededStorage();
      const api = await startApi(storage.env, 10_000);
      const token = await tokenFor({ role: 'agent', sub: 'demo.supervisor' });

      const target = await firstCase(api, token);
      const noteBody = `Note écrite pendant l’arrêt ${Date.now()}`;

      // A WebSocket client, acknowledged.
      const socket = new WebSocket(api.url.replace('http:', 'ws:'), 'graphql-transport-ws');
      const webSocketClosed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
      await once(socket, 'open');
      socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
      await once(socket, 'message');

      // The held request, sent on a keep-alive agent, as a proxy's pool would.
      const agent = new http.Agent({ keepAlive: true });
      const held = await holdNoteRequest(api, storage, token, target, noteBody, agent);
      const { holder, response: heldResponse, release } = held;

      // A keep-alive connection whose request was answered: idle.
      const idle = await new Promise<net.Socket>((resolve, reject) => {
        const request = http.get(`http://127.0.0.1:${api.port}/healthz`, { agent }, (response) => {
          response.resume().once('end', () => resolve(request.socket!));
        });
        request.once('error', reject);
      });
      expect(idle.destroyed).toBe(false);
      let idleClosedAt: number | undefined;
      idle.once('close', () => (idleClosedAt = Date.now()));

      // A connection with a request under way (headers in, body not yet), on which the client
      // pipelines another request after SIGTERM.
      const pipelined = net.connect(api.port, '127.0.0.1');
      await once(pipelined, 'connect');
      let received = '';
      pipelined.setEncoding('utf8').on('data', (chunk) => (received += chunk));
      const pipelinedEnded = once(pipelined, 'close');
      const viewerRequest = graphqlRequest(token, JSON.stringify({ query: '{ viewer { subject } }' }));
      const pipelinedFrom = api.lines.length;
      pipelined.write(viewerRequest.slice(0, -5));
      await api.logged(/"msg":"incoming request"/, pipelinedFrom);

      const signalledAt = Date.now();
      const shutdownFrom = api.lines.length;
      api.child.kill('SIGTERM');
      await api.logged(/"msg":"shutting down"/, shutdownFrom);
      pipelined.write(viewerRequest.slice(-5) + graphqlRequest(token, JSON.stringify({ query: '{ __typename }' })));

      await sleep(1_000);
      expect.soft(idleClosedAt, 'the idle keep-alive connection is closed at once').toBeDefined();
      expect.soft(await Promise.race([webSocketClosed, sleep(1_000).then(() => 'open')])).toBe(1001);
      expect.soft(api.child.exitCode, 'the API waits for the running request').toBeNull();

      const releasedAt = Date.now();
      await release();
      const answer = await heldResponse;
      expect.soft(answer.status).toBe(200);
      expect.soft(JSON.parse(answer.body)).toEqual({ data: { addNote: { __typename: 'AddNoteSuccess' } } });
      expect.soft(answer.connection, 'the client is told not to reuse the connection').toBe('close');

      await pipelinedEnded;
      const [first, second, ...more] = parseResponses(received);
      expect.soft(first?.status).toBe(200);
      expect.soft(JSON.parse(first?.body ?? '{}')).toEqual({ data: { viewer: { subject: 'demo.supervisor' } } });
      expect.soft(second?.status).toBe(503);
      expect.soft(second?.headers.connection).toBe('close');
      expect.soft(JSON.parse(second?.body ?? '{}')).toEqual({
        errors: [{ message: expect.any(String), extensions: { code: 'SERVICE_UNAVAILABLE' } }],
      });
      expect.soft(more).toEqual([]);

      const { code, at } = await api.exited;
      agent.destroy();
      console.info(`SIGTERM to exit ${at - signalledAt} ms, release to exit ${at - releasedAt} ms, exit code ${code}`);
      expect.soft(code).toBe(0);
      expect.soft(at - releasedAt, 'exits soon after the last request, well before the shutdown timeout').toBeLessThan(3_000);
      expect.soft(api.lines.filter((line) => /"level":(4|5)\d/.test(line))).toEqual([]);

      if (holder) {
        // Closed, not abandoned: postgres.js said goodbye on each connection before the process ended.
        let open = -1;
        for (let waited = 0; waited <= 2_000 && open !== 0; waited += 50) {
          if (waited > 0) await sleep(50);
          const [row] = await holder<{ open: number }[]>`
            select count(*)::int as open from pg_stat_activity where datname = current_database() and application_name = ${APP_NAME}`;
          open = row!.open;
        }
        expect.soft(open, "the API's connections are gone").toBe(0);
        await holder`select pg_stat_clear_snapshot()`;
        const [stats] = await holder<{ abandoned: number }[]>`
          select sessions_abandoned::int as abandoned from pg_stat_database where datname = current_database()`;
        expect.soft(stats!.abandoned, 'sessions that ended without a goodbye').toBe(0);
        const [notes] = await holder<{ notes: number }[]>`select count(*)::int as notes from notes where body = ${noteBody}`;
        expect.soft(notes!.notes).toBe(1);
        await holder.end();
      } else {
        expect.soft(await controlFileState(storage.dataDir!), 'pg_control says the database was shut down').toBe(1);
        const opened = Date.now();
        const reopened = await openDatabase({ dataDir: storage.dataDir! });
        const [row] = await selectRows<{ notes: number }>(reopened.db, sql`select count(*)::int as notes from notes where body = ${noteBody}`);
        await reopened.close();
        console.info(`data folder reopened in ${Date.now() - opened} ms`);
        expect.soft(row!.notes).toBe(1);
      }
    },
  );

  it('does exit 1 at SHUTDOWN_TIMEOUT_MS when a request is still running, and logs what was still open', { timeout: 120_000 }, async () => {
    const storage = await seededStorage();
    const api = await startApi(storage.env, 1_500);
    const token = await tokenFor({ role: 'agent', sub: 'demo.supervisor' });
    const agent = new http.Agent({ keepAlive: true });
    const held = await holdNoteRequest(api, storage, token, await firstCase(api, token), `Note jamais écrite ${Date.now()}`, agent);

    const signalledAt = Date.now();
    api.child.kill('SIGTERM');
    const { code, at } = await api.exited;
    console.info(`forced: SIGTERM to exit ${at - signalledAt} ms, exit code ${code}`);
    await held.release();
    await held.holder?.end();
    agent.destroy();
    expect(code).toBe(1);
    expect(at - signalledAt).toBeGreaterThanOrEqual(1_500);
    expect(at - signalledAt).toBeLessThan(5_000);
    const forcedLine = api.lines.find((line) => line.includes('shutdown took too long'));
    expect(JSON.parse(forcedLine ?? '{}')).toMatchObject({ level: 50, stillOpen: 'running requests', timeoutMs: 1_500 });
  });
});

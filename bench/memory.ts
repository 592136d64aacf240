// npm run bench:memory: the API's resident memory as `npm start` runs it, per database driver:
// the peak while a first start migrates and seeds an empty database, at rest after that start,
// at rest after a restart on the seeded database, and the peak under a 20-second inbox load
// (VmHWM and VmRSS from /proc, so Linux only).
// The embedded database (PGlite) runs in a fresh temporary folder; Postgres in a fresh database
// on DATABASE_URL's server, when it is set.
//
//   npm run bench:memory
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:memory

import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { signToken } from '../src/auth/tokens.js';
import { DEVELOPMENT_JWT_SECRET } from '../src/config.js';
import { type ApiProcess, startApi } from './api-process.js';

const LOAD_SECONDS = 20;
const SETTLE_MS = 10_000;
const INBOX = `{ cases(first: 50, filter: { statuses: [NEW, IN_PROGRESS, WAITING_FOR_CITIZEN, HANDED_OFF] }, orderBy: { field: DUE_AT, direction: ASC }) {
  edges { node { reference subject status dueAt citizen { givenName familyName } theme { code label } service { code } referent { login }
    latestInteractions(count: 3) { channel occurredAt summary } handoffs(openOnly: true) { status toService { code } } } } } }`;

/** Resident memory of a process now and its peak so far (VmHWM), from /proc (Linux). */
async function memoryMb(pid: number): Promise<{ now: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kilobytes = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)![1]);
  return { now: kilobytes('VmRSS') / 1024, peak: kilobytes('VmHWM') / 1024 };
}

async function measure(label: string, env: Record<string, string>) {
  // The first start migrates and seeds an empty database.
  let api: ApiProcess = await startApi({ ...env, SEED_DEMO_DATA: 'true' });
  let first: { now: number; peak: number };
  try {
    await new Promise((done) => setTimeout(done, SETTLE_MS));
    first = await memoryMb(api.process.pid!);
  } finally {
    await api.stop();
  }

  api = await startApi(env);
  try {
    return await measureRestarted(label, api, first);
  } finally {
    await api.stop();
  }
}

/** At rest after a restart, then under load (the peak since the restart: its start is lower than the load's). */
async function measureRestarted(label: string, api: ApiProcess, first: { now: number; peak: number }) {
  await new Promise((done) => setTimeout(done, SETTLE_MS));
  const restart = await memoryMb(api.process.pid!);
  const token = await signToken({ role: 'agent', sub: 'demo.supervisor' }, DEVELOPMENT_JWT_SECRET, '1h');
  const probe = await fetch(`${api.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: INBOX }),
  });
  if (!probe.ok) throw new Error(`the inbox query fails: ${await probe.text()}`);
  const result = await autocannon({
    url: `${api.baseUrl}/graphql`,
    method: 'POST',
    connections: 10,
    duration: LOAD_SECONDS,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: INBOX }),
  });
  const loaded = await memoryMb(api.process.pid!);
  return {
    label,
    seedingPeak: first.peak,
    firstRest: first.now,
    restartRest: restart.now,
    loadPeak: loaded.peak,
    requestsPerSecond: result.requests.average,
    errors: result.errors + result.non2xx,
  };
}

const rows = [];
const folder = await mkdtemp(join(tmpdir(), 'guichet-memory-'));
try {
  rows.push(await measure('embedded PGlite', { DATA_DIR: folder, DATABASE_URL: '' }));
} finally {
  await rm(folder, { recursive: true, force: true });
}
if (process.env.DATABASE_URL) {
  const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
  const name = `guichet_memory_${randomBytes(4).toString('hex')}`;
  await admin.unsafe(`create database ${name}`);
  try {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    rows.push(await measure('Postgres (postgres.js)', { DATABASE_URL: url.toString() }));
  } finally {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

const mb = (value: number) => `${value.toFixed(0)} MB`;
console.log(`\n| driver | first start (migrate + seed), peak | at rest after it | at rest after a restart | ${LOAD_SECONDS} s inbox load at 10 connections, peak |`);
console.log('|---|---|---|---|---|');
for (const row of rows) {
  console.log(`| ${row.label} | ${mb(row.seedingPeak)} | ${mb(row.firstRest)} | ${mb(row.restartRest)} | ${mb(row.loadPeak)} (${row.requestsPerSecond.toFixed(0)} req/s, ${row.errors} errors) |`);
}

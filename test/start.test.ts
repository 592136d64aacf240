import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphQLClient, gql } from 'graphql-request';
import { afterAll, describe, expect, it } from 'vitest';
import { signToken } from '../src/auth/tokens.js';
import { DEVELOPMENT_JWT_SECRET } from '../src/config.js';
import { freePort, ROOT, startScriptNodeFlags } from '../bench/api-process.js';
import { createTestDatabase } from './helpers/database.js';

// End to end: `npm start` as a user runs it (`npm run build`, then node dist/src/main.js with the
// script's flags), stopped with SIGTERM and started again over the same data: an embedded database in a temporary folder, or, when the suite runs
// against Postgres, a new empty Postgres database given as DATABASE_URL.

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(cleanups.map((cleanup) => cleanup()));
});

/** Environment that points the API at fresh, empty storage of the kind this run tests. */
async function freshStorage(): Promise<Record<string, string>> {
  if (process.env.TEST_DATABASE_URL) {
    const database = await createTestDatabase({ seeded: false });
    cleanups.push(() => database.drop());
    return { DATABASE_URL: database.url!, DATA_DIR: '' };
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'guichet-start-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  return { DATABASE_URL: '', DATA_DIR: dataDir };
}

interface Started {
  process: ChildProcess;
  output: () => string;
  url: string;
}

async function startApi(storage: Record<string, string>): Promise<Started> {
  const port = await freePort();
  const child = spawn(process.execPath, [...startScriptNodeFlags(), 'dist/src/main.js'], {
    cwd: ROOT,
    env: { ...process.env, ...storage, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not listening after 90 s:\n${output}`)), 90_000);
    child.stdout!.on('data', () => {
      if (output.includes('Guichet listening')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
  return { process: child, output: () => output, url: `http://127.0.0.1:${port}/graphql` };
}

async function stopApi(started: Started): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => started.process.once('exit', (code) => resolve(code)));
  started.process.kill('SIGTERM');
  return exited;
}

describe('npm start', () => {
  it('serves demo data, stops cleanly on SIGTERM and keeps its data across a restart', { timeout: 240_000 }, async () => {
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'pipe' });
    const storage = await freshStorage();
    const agentToken = await signToken({ role: 'agent', sub: 'demo.first' }, DEVELOPMENT_JWT_SECRET);
    const query = gql`{ themes(topLevelOnly: true) { code label(language: DE) } viewer { subject } }`;

    const first = await startApi(storage);
    expect(first.output()).toContain('"seeded":true');
    const before = await new GraphQLClient(first.url, { headers: { authorization: `Bearer ${agentToken}` } }).request<{
      themes: { code: string; label: string }[];
      viewer: { subject: string };
    }>(query);
    expect(before.themes.length).toBeGreaterThanOrEqual(12);
    expect(before.viewer.subject).toBe('demo.first');
    expect(await stopApi(first)).toBe(0);

    const second = await startApi(storage);
    expect(second.output()).toContain('"seeded":false');
    const after = await new GraphQLClient(second.url, { headers: { authorization: `Bearer ${agentToken}` } }).request(query);
    expect(after).toEqual(before);
    expect(await stopApi(second)).toBe(0);
  });
});

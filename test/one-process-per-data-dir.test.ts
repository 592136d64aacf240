import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../src/auth/tokens.js';
import { DEVELOPMENT_JWT_SECRET } from '../src/config.js';
import { type ApiProcess, graphql, ROOT, startServerProcess } from '../bench/api-process.js';

// Two processes on one embedded data folder corrupt it (issue 15): real API and CLI processes
// on one temporary DATA_DIR. The API runs from the sources through tsx, which opens the
// database as the built `npm start` does, without a build racing other test files over dist/.

const storage = { DATABASE_URL: '', NODE_ENV: 'development' };
let dataDir: string;
let first: ApiProcess;
let agentToken: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'guichet-one-process-'));
  agentToken = await signToken({ role: 'agent', sub: 'demo.first' }, DEVELOPMENT_JWT_SECRET);
  first = await startServerProcess('src/main.ts', { ...storage, DATA_DIR: dataDir });
}, 180_000);
afterAll(async () => {
  await first?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

/**
 * Runs a command that should refuse the folder; resolves with its exit code and output, or
 * with code 'listening' as soon as it starts serving instead (it is then stopped).
 */
async function runRefused(command: string, args: string[]): Promise<{ code: number | string | null; output: string }> {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...storage, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const listening = new Promise<string>((resolve) => {
    const read = (chunk: Buffer) => {
      output += chunk;
      if (output.includes('Guichet listening')) resolve('listening');
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
  });
  const code = await Promise.race([exited, listening]);
  if (code === 'listening') {
    child.kill('SIGTERM');
    await exited;
  }
  return { code, output };
}

async function themeCodes(api: ApiProcess): Promise<string[]> {
  const { themes } = await graphql<{ themes: { code: string }[] }>(api.baseUrl, agentToken, '{ themes(topLevelOnly: true) { code } }');
  return themes.map((theme) => theme.code);
}

async function registerCall(api: ApiProcess, externalId: string): Promise<string> {
  const { registerContact } = await graphql<{ registerContact: { __typename: string; case?: { reference: string } } }>(
    api.baseUrl,
    agentToken,
    `mutation ($externalId: String!) { registerContact(input: {
      channel: PHONE, externalId: $externalId, citizen: { givenName: "Luc", familyName: "Renard" },
      themeCode: "ENERGY.PREMIUMS", subject: "Où en est ma prime ?", phone: { line: "1718", waitSeconds: 40 }
    }) { __typename ... on RegisterContactSuccess { case { reference } } } }`,
    { externalId },
  );
  expect(registerContact.__typename).toBe('RegisterContactSuccess');
  return registerContact.case!.reference;
}

describe('one process per embedded data folder', () => {
  it('refuses a second API on the folder, naming the folder and the running process, and the first keeps serving', { timeout: 120_000 }, async () => {
    const started = Date.now();
    const second = await runRefused(process.execPath, ['--import', 'tsx', 'src/main.ts']);
    expect(second.code).toBe(1);
    expect(second.output).toContain(`DATA_DIR ${dataDir} is in use by process ${first.process.pid} (`);
    expect(Date.now() - started).toBeLessThan(30_000);

    expect(await themeCodes(first)).toContain('ENERGY');
    await registerCall(first, 'call-after-refused-start');
  });

  it('refuses db:migrate and seed on the folder while the API runs', { timeout: 120_000 }, async () => {
    for (const script of ['db:migrate', 'seed']) {
      const refused = await runRefused('npm', ['run', '--silent', script]);
      expect(refused.code, script).toBe(1);
      expect(refused.output, script).toContain(`DATA_DIR ${dataDir} is in use by process ${first.process.pid} (`);
    }
    expect(await themeCodes(first)).toContain('ENERGY');
  });

  it('starts on the folder after the API was killed with SIGKILL, with its acknowledged data, and then holds the folder', { timeout: 240_000 }, async () => {
    const reference = await registerCall(first, 'call-before-kill');
    const killed = first.process;
    const exited = once(killed, 'exit');
    killed.kill('SIGKILL');
    await exited;
    // The killed process could not remove its lock: the next start must see it is gone.
    expect(await readdir(join(dataDir, 'guichet.lock'))).toHaveLength(1);

    first = await startServerProcess('src/main.ts', { ...storage, DATA_DIR: dataDir });
    const { caseByReference } = await graphql<{ caseByReference: { subject: string } | null }>(
      first.baseUrl,
      agentToken,
      'query ($reference: String!) { caseByReference(reference: $reference) { subject } }',
      { reference },
    );
    expect(caseByReference).toEqual({ subject: 'Où en est ma prime ?' });

    const refused = await runRefused('npm', ['run', '--silent', 'db:migrate']);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain(`is in use by process ${first.process.pid} (`);
  });
});

// The API as a child process for benchmarks: on a free port, with the given environment,
// ready when /readyz answers.

import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

export const ROOT = resolve(new URL('..', import.meta.url).pathname);

export async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  await new Promise((done) => probe.close(done));
  return port;
}

export interface ApiProcess {
  baseUrl: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** The Node flags of package.json's start script (`node <flags> dist/src/main.js`). */
export function startScriptNodeFlags(): string[] {
  const { scripts } = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const flags = /\bnode ((?:--\S+ )*)dist\/src\/main\.js/.exec(scripts.start!)?.[1];
  if (flags === undefined) throw new Error('package.json start script is not "… node [flags] dist/src/main.js"');
  return flags.split(' ').filter(Boolean);
}

/**
 * Builds the API and starts it as `npm start` does (node dist/src/main.js, the same flags);
 * waits until it is ready. `nodeOptions` come after, so they override.
 */
export function startApi(env: Record<string, string>, nodeOptions: string[] = []): Promise<ApiProcess> {
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'pipe' });
  return startServerProcess('dist/src/main.js', env, [...startScriptNodeFlags(), ...nodeOptions]);
}

/**
 * Starts a server script (compiled JavaScript, or TypeScript through tsx) on a free port (PORT)
 * and waits until its /readyz answers; its log lines at warn or above are echoed.
 */
export async function startServerProcess(script: string, env: Record<string, string>, nodeOptions: string[] = []): Promise<ApiProcess> {
  const port = await freePort();
  const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...nodeOptions, ...loader, script], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  createInterface({ input: child.stdout! }).on('line', (line) => {
    if (/"level":(4|5)\d/.test(line)) console.error(`server: ${line}`);
  });
  let exited = false;
  const exit = once(child, 'exit').then(() => (exited = true));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (exited) throw new Error('the API exited during start-up');
    if (await fetch(`${baseUrl}/readyz`).then((response) => response.ok).catch(() => false)) break;
    if (Date.now() > deadline) throw new Error('the API was not ready within 180 s');
    await new Promise((done) => setTimeout(done, 200));
  }
  return {
    baseUrl,
    process: child,
    async stop() {
      if (!exited) child.kill('SIGTERM');
      await exit;
    },
  };
}

/** POSTs one GraphQL request; throws on any error. */
export async function graphql<T>(baseUrl: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`GraphQL error: ${JSON.stringify(body.errors)}`);
  return body.data;
}

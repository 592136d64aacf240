import { execFile as execFileCallback, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../bench/api-process.js';

const execFile = promisify(execFileCallback);

// A Postgres server of a test's own, from the machine's Postgres binaries, so that a test can
// restart it without disturbing the shared server the other test files use.

export interface PrivatePostgres {
  url: string;
  /** Stops the server (fast shutdown: every connection is cut) and starts it again. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Where initdb and pg_ctl are, or undefined when this machine has no Postgres server binaries. */
export function postgresBinaries(): string | undefined {
  try {
    const folder = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
    return existsSync(join(folder, 'initdb')) && existsSync(join(folder, 'pg_ctl')) ? folder : undefined;
  } catch {
    return undefined;
  }
}

export async function startPrivatePostgres(binaries: string): Promise<PrivatePostgres> {
  const folder = await mkdtemp(join(tmpdir(), 'guichet-pg-'));
  // Postgres refuses to run as root: run it as the postgres user when the tests run as root.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    await chown(folder, uid, gid);
  }
  const run = (tool: string, args: string[]) =>
    asRoot ? execFile('runuser', ['-u', 'postgres', '--', join(binaries, tool), ...args]) : execFile(join(binaries, tool), args);
  const dataDir = join(folder, 'data');
  const port = await freePort();
  const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off`;
  await run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  await run('pg_ctl', ['-D', dataDir, '-o', options, '-l', join(folder, 'log'), '-w', 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async restart() {
      await run('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
      await run('pg_ctl', ['-D', dataDir, '-o', options, '-l', join(folder, 'log'), '-w', 'start']);
    },
    async stop() {
      await run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => {});
      await rm(folder, { recursive: true, force: true });
    },
  };
}

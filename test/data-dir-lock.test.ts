import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../bench/api-process.js';
import { DataDirLockedError, LOCK_DIRECTORY, lockDataDir } from '../src/db/data-dir-lock.js';

// The DATA_DIR lock on its own (no database): held by other processes started from
// test/helpers/hold-data-dir-lock.ts, killed, raced, and left behind with pids that lie.
// test/one-process-per-data-dir.test.ts checks the API and the CLI behind it.

const folders: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});
afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

async function newFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'guichet-lock-'));
  folders.push(folder);
  return folder;
}

/** Another process that tries to take the lock; resolves with its first line ("locked" or "refused: …"). */
async function lockInAnotherProcess(folder: string): Promise<{ child: ChildProcess; answer: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/hold-data-dir-lock.ts', folder], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  children.push(child);
  const [answer] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  return { child, answer };
}

/** Several processes that try to take the lock at the same moment, once all have started. */
async function lockInProcessesAtOnce(folder: string, count: number): Promise<{ child: ChildProcess; answer: string }[]> {
  const contenders = await Promise.all(
    Array.from({ length: count }, async () => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/hold-data-dir-lock.ts', folder, '--on-go'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
      children.push(child);
      const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
      expect((await lines.next()).value).toBe('ready');
      return { child, lines };
    }),
  );
  for (const { child } of contenders) child.stdin!.write('go\n');
  return Promise.all(contenders.map(async ({ child, lines }) => ({ child, answer: (await lines.next()).value as string })));
}

async function killHard(child: ChildProcess): Promise<void> {
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}

/** A lock file as a process that is not running any more may have left it. */
async function leaveLock(folder: string, holder: Record<string, unknown>): Promise<void> {
  await mkdir(join(folder, LOCK_DIRECTORY), { recursive: true });
  const recorded = { pid: 1, hostname: hostname(), command: 'node dist/src/main.js', startedAt: '2026-01-05T08:00:00.000Z', ...holder };
  await writeFile(join(folder, LOCK_DIRECTORY, 'holder-0123456789abcdef.json'), JSON.stringify(recorded));
}

describe('the DATA_DIR lock', () => {
  it('refuses while another process holds the folder, naming the folder and that process', async () => {
    const folder = await newFolder();
    const holder = await lockInAnotherProcess(folder);
    expect(holder.answer).toBe('locked');

    const refusal = await lockDataDir(folder).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DataDirLockedError);
    expect((refusal as Error).message).toContain(`DATA_DIR ${folder} is in use by process ${holder.child.pid} (`);
    expect((refusal as Error).message).toContain('hold-data-dir-lock.ts');
  });

  it('takes over the lock of a process killed with SIGKILL, and then holds it against others', async () => {
    const folder = await newFolder();
    const killed = await lockInAnotherProcess(folder);
    expect(killed.answer).toBe('locked');
    await killHard(killed.child);
    expect(await readdir(join(folder, LOCK_DIRECTORY))).toHaveLength(1);

    const lock = await lockDataDir(folder);
    const next = await lockInAnotherProcess(folder);
    expect(next.answer).toContain(`is in use by process ${process.pid}`);
    await lock.release();
    expect(existsSync(join(folder, LOCK_DIRECTORY))).toBe(false);
  });

  it('lets exactly one of several processes take a dead process’s lock at the same time', { timeout: 60_000 }, async () => {
    const folder = await newFolder();
    const killed = await lockInAnotherProcess(folder);
    await killHard(killed.child);

    // Each round's winner is killed in turn, leaving a dead lock to the next round.
    for (let round = 1; round <= 3; round += 1) {
      const contenders = await lockInProcessesAtOnce(folder, 4);
      const winners = contenders.filter((contender) => contender.answer === 'locked');
      expect(winners, `round ${round}`).toHaveLength(1);
      for (const loser of contenders.filter((contender) => contender !== winners[0])) {
        expect(loser.answer).toContain(`is in use by process ${winners[0]!.child.pid}`);
      }
      await killHard(winners[0]!.child);
    }
  });

  it('takes over a lock recorded under its own pid (a container restarted gives the API the same pid)', async () => {
    const folder = await newFolder();
    await leaveLock(folder, { pid: process.pid });
    const lock = await lockDataDir(folder);
    await lock.release();
  });

  it.runIf(existsSync('/proc/self/stat'))('takes over a lock whose pid now belongs to another process (Linux: its start time differs)', async () => {
    const folder = await newFolder();
    await leaveLock(folder, { pid: process.ppid, processStart: 'a-boot-before:12345' });
    const lock = await lockDataDir(folder);
    await lock.release();
  });

  it('refuses a lock taken on another host, which it cannot check, and says how to clear it', async () => {
    const folder = await newFolder();
    await leaveLock(folder, { pid: 4242, hostname: 'guichet-other-host' });
    await expect(lockDataDir(folder)).rejects.toThrow(`DATA_DIR ${folder} is locked by process 4242 on host guichet-other-host`);
    await expect(lockDataDir(folder)).rejects.toThrow(`delete ${join(folder, LOCK_DIRECTORY)}`);
  });

  it('refuses a lock file it cannot read', async () => {
    const folder = await newFolder();
    await mkdir(join(folder, LOCK_DIRECTORY));
    await writeFile(join(folder, LOCK_DIRECTORY, 'holder-0123456789abcdef.json'), '');
    await expect(lockDataDir(folder)).rejects.toThrow(`cannot be read. If no Guichet process uses the folder, delete ${join(folder, LOCK_DIRECTORY)}`);
  });

  it('lets exactly one of two opens started together in the same process take the folder', async () => {
    const folder = await newFolder();
    const [first, second] = await Promise.allSettled([lockDataDir(folder), lockDataDir(folder)]);
    const taken = [first, second].filter((outcome) => outcome.status === 'fulfilled');
    const refused = [first, second].filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    expect(taken).toHaveLength(1);
    expect(refused[0]?.reason).toBeInstanceOf(DataDirLockedError);
    await (taken[0] as PromiseFulfilledResult<{ release(): Promise<void> }>).value.release();
    // Released, the folder opens again, and nothing of the refused open is left behind.
    const again = await lockDataDir(folder);
    expect(await readdir(join(folder, LOCK_DIRECTORY))).toHaveLength(1);
    await again.release();
  });

  it('refuses a second open of the folder in the same process until the first is released', async () => {
    const folder = await newFolder();
    const lock = await lockDataDir(folder);
    await expect(lockDataDir(folder)).rejects.toThrow(`DATA_DIR ${folder} is already open in this process`);
    await lock.release();
    const again = await lockDataDir(folder);
    await again.release();
  });
});

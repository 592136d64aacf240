import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, rmdir, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';

// One process at a time on an embedded data folder: PGlite keeps no lock of its own, and two
// processes on one folder each write their own copy of the pages and WAL, which loses
// acknowledged writes. Node has no flock, so the lock is a record of the holding process
// (pid, host, Linux start time) that the next process checks for life.
//
// The lock is a directory holding one file named after the lock's random id:
// - it appears whole: the holder file is written into a temporary directory which is then
//   renamed to `guichet.lock`, and a rename onto a directory that has a file fails;
// - a lock left by a dead process is removed by unlinking that file by its name, so two
//   processes breaking the same dead lock at once cannot remove a lock that a third has
//   just taken (a plain lock file would need a conditional delete, which POSIX lacks).
// An empty `guichet.lock` directory is a free lock.

export const LOCK_DIRECTORY = 'guichet.lock';

interface LockHolder {
  pid: number;
  hostname: string;
  /** The holder's command line, for the message a refused process prints. */
  command: string;
  startedAt: string;
  /** Linux only: boot id and start time in clock ticks, which tell a reused pid apart. */
  processStart?: string;
}

/** Another process holds the embedded data folder, or may (it ran on another host). */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  release(): Promise<void>;
}

/** Folders this process holds: a second open in one process would corrupt the folder too. */
const heldHere = new Set<string>();

/**
 * Takes the exclusive lock on an embedded data folder (creating the folder), or throws a
 * `DataDirLockedError` naming the process that holds it. A lock whose process is gone is taken over.
 */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const folder = resolve(dataDir);
  if (heldHere.has(folder)) throw new DataDirLockedError(folder, process.pid, `DATA_DIR ${folder} is already open in this process (${process.pid}).`);
  // Claimed before the first await, so that two opens started together in this process cannot
  // both see the folder free (a holder file with our own pid counts as a dead one's).
  heldHere.add(folder);
  let taken = false;
  try {
    const lock = await takeLock(folder);
    taken = true;
    return lock;
  } finally {
    if (!taken) heldHere.delete(folder);
  }
}

async function takeLock(folder: string): Promise<DataDirLock> {
  await mkdir(folder, { recursive: true });
  const lockDirectory = join(folder, LOCK_DIRECTORY);
  const id = randomBytes(8).toString('hex');
  const holderFile = join(lockDirectory, holderFileName(id));
  const draft = join(folder, `${LOCK_DIRECTORY}-${id}.tmp`);
  await writeDraft(draft, holderFileName(id), describeThisProcess());
  try {
    // Each pass either takes the lock, refuses, or removes a dead holder's file; a few passes
    // cover other processes breaking and taking the lock at the same moment.
    for (let attempt = 0; attempt < 10; attempt += 1) {
      if (await publishDraft(draft, lockDirectory)) {
        return { release: () => releaseLock(folder, lockDirectory, holderFile) };
      }
      const found = await readHolder(lockDirectory);
      if (found === 'free') continue;
      if (found.holder === undefined) {
        throw new DataDirLockedError(folder, undefined, `DATA_DIR ${folder} is locked by ${join(lockDirectory, found.file)}, which cannot be read. If no Guichet process uses the folder, delete ${lockDirectory}.`);
      }
      const state = holderState(found.holder);
      if (state === 'running') {
        const { pid, command, startedAt } = found.holder;
        throw new DataDirLockedError(folder, pid, `DATA_DIR ${folder} is in use by process ${pid} (${command}, since ${startedAt}): two processes on one embedded database corrupt it. Stop that process first, or set DATABASE_URL to share a Postgres server.`);
      }
      if (state === 'unknown') {
        const { pid, command, startedAt } = found.holder;
        throw new DataDirLockedError(folder, pid, `DATA_DIR ${folder} is locked by process ${pid} on host ${found.holder.hostname} (${command}, since ${startedAt}), which this host cannot check. If that process no longer runs, delete ${lockDirectory}.`);
      }
      // Gone: remove its file by name; if another process was quicker, the next pass sees why.
      await unlink(join(lockDirectory, found.file)).catch(ignoreCode('ENOENT'));
    }
    throw new Error(`Could not take the lock on DATA_DIR ${folder}: other processes kept taking and releasing it.`);
  } finally {
    await rm(draft, { recursive: true, force: true });
  }
}

function holderFileName(id: string): string {
  return `holder-${id}.json`;
}

function describeThisProcess(): LockHolder {
  return {
    pid: process.pid,
    hostname: hostname(),
    command: process.argv.slice(1).join(' ').slice(0, 200),
    startedAt: new Date().toISOString(),
    processStart: readProcessStart(process.pid),
  };
}

async function writeDraft(draft: string, fileName: string, holder: LockHolder): Promise<void> {
  await mkdir(draft);
  const file = await open(join(draft, fileName), 'wx');
  try {
    await file.writeFile(JSON.stringify(holder));
    // On disk before the rename publishes it: a crash must not leave an empty holder file.
    await file.sync();
  } finally {
    await file.close();
  }
}

/** True when the draft became the lock; false when the lock directory already holds a file. */
async function publishDraft(draft: string, lockDirectory: string): Promise<boolean> {
  try {
    await rename(draft, lockDirectory);
    return true;
  } catch (error) {
    if (hasCode(error, 'ENOTEMPTY') || hasCode(error, 'EEXIST')) return false;
    throw error;
  }
}

async function readHolder(lockDirectory: string): Promise<'free' | { file: string; holder: LockHolder | undefined }> {
  const files = await readdir(lockDirectory).catch((error: unknown) => {
    if (hasCode(error, 'ENOENT')) return [];
    throw error;
  });
  const file = files[0];
  if (file === undefined) return 'free';
  const text = await readFile(join(lockDirectory, file), 'utf8').catch((error: unknown) => {
    if (hasCode(error, 'ENOENT')) return 'released';
    throw error;
  });
  if (text === 'released') return 'free';
  try {
    const holder = JSON.parse(text) as LockHolder;
    return { file, holder: Number.isSafeInteger(holder.pid) && holder.pid > 0 ? holder : undefined };
  } catch {
    return { file, holder: undefined };
  }
}

/**
 * Whether the holder still runs. A pid alone can be reused after a crash (containers often give
 * the API the same pid on every start, and a reboot reuses pids), so: our own pid is not a
 * holder, and on Linux the pid must also have the recorded boot and start time. Elsewhere a
 * reused pid refuses the start, which the message lets the operator resolve; a process on
 * another host (or container) cannot be checked at all and is also refused.
 */
function holderState(holder: LockHolder): 'running' | 'gone' | 'unknown' {
  if (holder.hostname !== hostname()) return 'unknown';
  if (holder.pid === process.pid) return 'gone';
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if (!hasCode(error, 'EPERM')) return 'gone';
  }
  const currentStart = readProcessStart(holder.pid);
  if (holder.processStart !== undefined && currentStart !== undefined && currentStart !== holder.processStart) return 'gone';
  return 'running';
}

/** `<boot id>:<start time in clock ticks since boot>` from /proc; undefined where there is none. */
function readProcessStart(pid: number): string | undefined {
  try {
    const bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces; the 22nd field is the start time.
    const startTicks = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    return startTicks ? `${bootId}:${startTicks}` : undefined;
  } catch {
    return undefined;
  }
}

async function releaseLock(folder: string, lockDirectory: string, holderFile: string): Promise<void> {
  if (!heldHere.delete(folder)) return;
  await unlink(holderFile).catch(ignoreCode('ENOENT'));
  // Tidy only: an empty lock directory is a free lock, and another process may have taken it already.
  await rmdir(lockDirectory).catch(() => {});
}

function hasCode(error: unknown, code: string): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === code;
}

function ignoreCode(code: string): (error: unknown) => void {
  return (error) => {
    if (!hasCode(error, code)) throw error;
  };
}

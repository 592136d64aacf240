// A process that takes the DATA_DIR lock (argv[2]) and holds it until killed or its stdin
// closes; prints "locked" or the refusal. Lets tests put the lock in another process's hands.

import { DataDirLockedError, lockDataDir } from '../../src/db/data-dir-lock.js';

try {
  const lock = await lockDataDir(process.argv[2]!);
  process.stdout.write('locked\n');
  process.stdin.resume();
  process.stdin.on('end', () => void lock.release().then(() => process.exit(0)));
} catch (error) {
  if (!(error instanceof DataDirLockedError)) throw error;
  process.stdout.write(`refused: ${error.message}\n`);
  process.exit(3);
}

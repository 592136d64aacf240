// A process that takes the DATA_DIR lock (argv[2]) and holds it until killed or its stdin
// closes; prints "locked" or the refusal. Lets tests put the lock in another process's hands.
// With --on-go it first prints "ready" and waits for a line on stdin, so that several
// processes can be made to try at the same moment.

import { createInterface } from 'node:readline';
import { DataDirLockedError, lockDataDir } from '../../src/db/data-dir-lock.js';

const input = createInterface({ input: process.stdin });
if (process.argv[3] === '--on-go') {
  const go = new Promise((resolve) => input.once('line', resolve));
  process.stdout.write('ready\n');
  await go;
}
try {
  const lock = await lockDataDir(process.argv[2]!);
  process.stdout.write('locked\n');
  input.on('close', () => void lock.release().then(() => process.exit(0)));
} catch (error) {
  if (!(error instanceof DataDirLockedError)) throw error;
  process.stdout.write(`refused: ${error.message}\n`);
  process.exit(3);
}

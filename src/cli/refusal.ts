import { DataDirLockedError } from '../db/data-dir-lock.js';
import { log } from '../log.js';

/** A folder another process holds is the operator's to resolve: its message alone, no stack. */
export function exitWhenRefused(error: unknown): never {
  if (!(error instanceof DataDirLockedError)) throw error;
  log('error', error.message);
  process.exit(1);
}

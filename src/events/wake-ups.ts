import type { DatabaseHandle } from '../db/client.js';

/** The channel the outbox is announced on: a trigger on case_events notifies it (migration 0011). */
export const CASE_EVENTS_CHANNEL = 'case_events';

/** How long a reader waits for a wake-up before looking again anyway. */
const FALLBACK_POLL_MS = 5_000;

export interface WakeUps {
  /** Resolves at the next notification (from any instance), after the fallback delay, or when `signal` aborts. */
  next(signal?: AbortSignal): Promise<void>;
  close(): Promise<void>;
}

/**
 * One LISTEN per process, shared by every subscriber. Notifications are only hints: readers
 * always read the outbox by cursor, so a lost or duplicated notification costs at most a delay.
 */
export async function listenForCaseEvents(handle: DatabaseHandle): Promise<WakeUps> {
  let waiting = new Set<() => void>();
  const wakeAll = () => {
    const current = waiting;
    waiting = new Set();
    for (const wake of current) wake();
  };
  const unlisten = await handle.listen(CASE_EVENTS_CHANNEL, wakeAll, wakeAll);
  return {
    next(signal) {
      return new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', done);
          waiting.delete(done);
          resolve();
        };
        const timer = setTimeout(done, FALLBACK_POLL_MS);
        timer.unref();
        signal?.addEventListener('abort', done, { once: true });
        waiting.add(done);
      });
    },
    async close() {
      wakeAll();
      await unlisten();
    },
  };
}

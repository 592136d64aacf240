// A subscriber that stops reading stalls only its own stream: graphql-ws sends one result at a
// time and pulls the next one when the previous frame was handed to the kernel, so at most one
// batch of events and one frame are held for it. What it cannot do alone is notice the stall.
// The guard below times the gap between handing out a result and the next pull: that gap is
// the send of the result, never the wait for new events, so idle subscribers are never hit.

/** Close code for a subscriber that does not keep up: private range, outside graphql-ws's 44xx, so its clients retry. */
export const SLOW_SUBSCRIBER_CLOSE_CODE = 4008;
/** At most 123 bytes, as WebSocket close reasons must be. */
export const SLOW_SUBSCRIBER_CLOSE_REASON = 'Subscriber too slow: resubscribe with after = the last feedCursor received';

export interface StallGuardOptions {
  /** How long a handed-out result may wait for the next pull. */
  timeoutMs: number;
  /** Called at most once, when the bound is passed; the stream then ends at the next pull. */
  onStall(): void;
}

/** An async iterator with return() and throw(), which graphql-ws calls when the client leaves. */
export interface GuardedIterator<T> extends AsyncIterableIterator<T> {
  next(): Promise<IteratorResult<T, undefined>>;
  return(): Promise<IteratorResult<T, undefined>>;
  throw(error: unknown): Promise<IteratorResult<T, undefined>>;
  [Symbol.asyncIterator](): GuardedIterator<T>;
}

/**
 * `source` with a timer between each result handed out and the next pull. It is an explicit
 * iterator, not an async generator function: return() on a suspended async generator waits
 * until it yields, so an unsubscribe while the source waits for events would hang.
 */
export function guardAgainstStall<T>(source: AsyncIterable<T>, { timeoutMs, onStall }: StallGuardOptions): GuardedIterator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let timer: NodeJS.Timeout | undefined;
  let stalled = false;
  let finished = false;

  const stopTimer = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
  };
  const finish = async (): Promise<IteratorResult<T, undefined>> => {
    stopTimer();
    if (!finished) {
      finished = true;
      await iterator.return?.(undefined);
    }
    return { done: true, value: undefined };
  };

  const guarded: GuardedIterator<T> = {
    async next() {
      stopTimer();
      // After a stall the socket is closing: end here rather than read events nobody will get.
      if (stalled || finished) return finish();
      const result = await iterator.next();
      if (result.done) {
        finished = true;
        return { done: true, value: undefined };
      }
      // return() may have come while the source was reading: then no timer.
      if (!finished) {
        timer = setTimeout(() => {
          timer = undefined;
          stalled = true;
          onStall();
        }, timeoutMs);
        timer.unref();
      }
      return result;
    },
    return: () => finish(),
    async throw(error: unknown) {
      stopTimer();
      if (finished || !iterator.throw) {
        await finish();
        throw error;
      }
      finished = true;
      const result = await iterator.throw(error);
      return result.done ? { done: true, value: undefined } : result;
    },
    [Symbol.asyncIterator]() {
      return guarded;
    },
  };
  return guarded;
}

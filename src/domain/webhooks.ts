// Rules of webhook delivery that need no I/O: where an endpoint may point and when a failed
// delivery is tried again.

/**
 * Retries back off exponentially: the n-th retry waits base × 4^(n-1), capped at 8 hours for
 * a 5-second base. With the defaults of config.ts (5 s, 11 tries) the last try comes about 31
 * hours after the first, so a receiver that is down for a whole day still gets every event.
 */
export interface RetrySchedule {
  /** Wait before the first retry. */
  baseDelayMs: number;
  /** Tries in all, the first included; after the last failure the delivery is DEAD. */
  maxAttempts: number;
}

/** The cap, in multiples of the base: 8 hours for the default 5 seconds. */
const MAX_DELAY_FACTOR = 5_760;

/** How long to wait after the `attemptsMade`-th failed try, or null when it was the last. */
export function retryDelayMs(attemptsMade: number, schedule: RetrySchedule): number | null {
  if (attemptsMade >= schedule.maxAttempts) return null;
  return schedule.baseDelayMs * Math.min(4 ** (attemptsMade - 1), MAX_DELAY_FACTOR);
}

/** Time from the first try to the last one when every try fails. */
export function retryWindowMs(schedule: RetrySchedule): number {
  let total = 0;
  for (let attempt = 1; attempt < schedule.maxAttempts; attempt += 1) total += retryDelayMs(attempt, schedule)!;
  return total;
}

/**
 * An endpoint is an absolute http(s) URL without credentials. Production requires https: the
 * body carries case data and the signature only proves origin, not confidentiality.
 * Returns the problem in words, or null when the URL is acceptable.
 */
export function webhookUrlProblem(value: string, options: { requireHttps: boolean }): string | null {
  if (value.length > 2_000) return 'At most 2,000 characters.';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Not an absolute URL.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Only http and https URLs are accepted.';
  if (options.requireHttps && url.protocol !== 'https:') return 'Must use https.';
  if (url.username || url.password) return 'Must not carry credentials: the signature authenticates Guichet.';
  return null;
}

import { type DestinationAllowList, destinationProblem } from './network-addresses.js';

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
 * Why a try failed, as the endpoint's owner reads it in the delivery log: classes, never the
 * network's own words. Refused connections, resets, DNS and TLS errors are one class, so that
 * the log cannot tell which ports or names exist; the detail goes to the server log.
 */
export const WEBHOOK_FAILURES = [
  /** The URL's host resolved to (or is) an address outside what endpoints may reach: nothing was sent. */
  'ADDRESS_NOT_ALLOWED',
  /** No connection, or it broke before an answer (name not resolved, refused, reset, TLS). */
  'CONNECTION_FAILED',
  /** No answer within the configured time. */
  'TIMEOUT',
  /** An answer 3xx: redirects are not followed. */
  'HTTP_3XX',
  'HTTP_4XX',
  'HTTP_5XX',
  /** Any other status that is not 2xx. */
  'HTTP_OTHER',
] as const;
export type WebhookFailure = (typeof WEBHOOK_FAILURES)[number];

/** The failure class of an answer, or null for a 2xx (delivered). */
export function failureOfStatus(status: number): WebhookFailure | null {
  if (status >= 200 && status < 300) return null;
  if (status >= 300 && status < 400) return 'HTTP_3XX';
  if (status >= 400 && status < 500) return 'HTTP_4XX';
  if (status >= 500 && status < 600) return 'HTTP_5XX';
  return 'HTTP_OTHER';
}

/** What an endpoint may be, from the configuration. */
export interface WebhookPolicy {
  requireHttps: boolean;
  /** Non-public hosts and networks the operator allows (WEBHOOK_ALLOWED_HOSTS). */
  allowList: DestinationAllowList;
}

/**
 * An endpoint is an absolute http(s) URL without credentials, outside the network Guichet runs
 * in unless the operator allows it (domain/network-addresses.ts). Production requires https:
 * the body carries case data and the signature only proves origin, not confidentiality.
 * Returns the problem in words, or null when the URL is acceptable.
 */
export function webhookUrlProblem(value: string, options: WebhookPolicy): string | null {
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
  return destinationProblem(url.hostname, options.allowList);
}

import { timingSafeEqual } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { cases, trackingAttempts } from '../db/tables/index.js';
import { NotFoundError, RateLimitedError } from '../domain/errors.js';
import { type CaseRow, caseColumns } from './case-reads.js';
import type { DataVault } from './data-vault.js';

/** Failed attempts allowed per client address and per reference within the window. */
export const MAX_TRACKING_FAILURES = 10;
const WINDOW_MS = 15 * 60_000;
/** Compared when the reference is unknown, so that both failures take the same time. */
const DUMMY_HASH = '0'.repeat(64);

/**
 * A case found by its reference and tracking code, without login. A wrong reference and a
 * wrong code fail alike; after too many failures from one address or on one reference, every
 * attempt is refused for a while, right code included.
 *
 * Each guess is counted before it is checked, by one statement that adds it to the counters of
 * the address and of the reference and returns them: guesses running at the same time (aliases
 * of one request, requests on other instances) each see those before them, and no lock is held
 * while the code is checked. A right code takes its guess back.
 */
export async function trackCase(db: Database, vault: DataVault, input: { reference: string; trackingCode: string; clientAddress: string }, now: Date): Promise<CaseRow> {
  const reference = input.reference.trim().toUpperCase();
  // Always in this order (every address key sorts before every reference key), so that two
  // guesses never lock each other's second row.
  const keys = [`address:${input.clientAddress}`, `reference:${reference}`];
  const windowOpen = sql`${trackingAttempts.windowStartedAt} > ${new Date(now.getTime() - WINDOW_MS).toISOString()}::timestamptz`;
  const counters = await db
    .insert(trackingAttempts)
    .values(keys.map((key) => ({ key, windowStartedAt: now, failures: 1 })))
    .onConflictDoUpdate({
      target: trackingAttempts.key,
      // A window that has run out starts again with this guess.
      set: {
        failures: sql`case when ${windowOpen} then ${trackingAttempts.failures} + 1 else 1 end`,
        windowStartedAt: sql`case when ${windowOpen} then ${trackingAttempts.windowStartedAt} else ${now.toISOString()}::timestamptz end`,
      },
    })
    .returning({ failures: trackingAttempts.failures });
  if (counters.some((counter) => counter.failures > MAX_TRACKING_FAILURES)) throw new RateLimitedError('Too many attempts. Try again in 15 minutes.');

  const [found] = await db.select(caseColumns).from(cases).where(eq(cases.reference, reference));
  const expected = Buffer.from(found?.trackingCodeHash ?? DUMMY_HASH, 'hex');
  const given = Buffer.from(vault.trackingCodeHash(input.trackingCode), 'hex');
  if (!found?.trackingCodeHash || expected.length !== given.length || !timingSafeEqual(expected, given)) throw new NotFoundError('Case');
  await db
    .update(trackingAttempts)
    .set({ failures: sql`greatest(${trackingAttempts.failures} - 1, 0)` })
    .where(inArray(trackingAttempts.key, keys));
  return found;
}

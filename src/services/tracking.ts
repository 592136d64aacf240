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
 * Each guess is counted, not each request: the counters of the address and of the reference
 * are locked from the check until the failure is written, so that guesses running at the same
 * time (aliases of one request, or requests on other instances) are checked one after the
 * other and none passes on a count that another is about to raise.
 */
export async function trackCase(db: Database, vault: DataVault, input: { reference: string; trackingCode: string; clientAddress: string }, now: Date): Promise<CaseRow> {
  const reference = input.reference.trim().toUpperCase();
  // Always locked in this order (every address key sorts before every reference key), so two
  // guesses never wait for each other's second lock.
  const keys = [`address:${input.clientAddress}`, `reference:${reference}`];
  const windowStart = sql`${new Date(now.getTime() - WINDOW_MS).toISOString()}::timestamptz`;
  const given = Buffer.from(vault.trackingCodeHash(input.trackingCode), 'hex');

  // The failure must be committed, so the transaction returns the outcome and the error is
  // thrown after it.
  const outcome = await db.transaction(async (tx): Promise<{ found: CaseRow } | { refused: true } | { wrong: true }> => {
    // An upsert locks both rows, also one that did not exist yet; a window that has run out
    // starts again at zero.
    const counters = await tx
      .insert(trackingAttempts)
      .values(keys.map((key) => ({ key, windowStartedAt: now, failures: 0 })))
      .onConflictDoUpdate({
        target: trackingAttempts.key,
        set: {
          failures: sql`case when ${trackingAttempts.windowStartedAt} > ${windowStart} then ${trackingAttempts.failures} else 0 end`,
          windowStartedAt: sql`case when ${trackingAttempts.windowStartedAt} > ${windowStart} then ${trackingAttempts.windowStartedAt} else ${now.toISOString()}::timestamptz end`,
        },
      })
      .returning({ failures: trackingAttempts.failures });
    if (counters.some((counter) => counter.failures >= MAX_TRACKING_FAILURES)) return { refused: true };

    const [found] = await tx.select(caseColumns).from(cases).where(eq(cases.reference, reference));
    const expected = Buffer.from(found?.trackingCodeHash ?? DUMMY_HASH, 'hex');
    if (found?.trackingCodeHash && expected.length === given.length && timingSafeEqual(expected, given)) return { found };

    await tx
      .update(trackingAttempts)
      .set({ failures: sql`${trackingAttempts.failures} + 1` })
      .where(inArray(trackingAttempts.key, keys));
    return { wrong: true };
  });
  if ('found' in outcome) return outcome.found;
  if ('refused' in outcome) throw new RateLimitedError('Too many attempts. Try again in 15 minutes.');
  throw new NotFoundError('Case');
}

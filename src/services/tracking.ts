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
 */
export async function trackCase(db: Database, vault: DataVault, input: { reference: string; trackingCode: string; clientAddress: string }, now: Date): Promise<CaseRow> {
  const reference = input.reference.trim().toUpperCase();
  const keys = [`address:${input.clientAddress}`, `reference:${reference}`];
  const windowStart = new Date(now.getTime() - WINDOW_MS);
  const attempts = await db.select().from(trackingAttempts).where(inArray(trackingAttempts.key, keys));
  if (attempts.some((attempt) => attempt.windowStartedAt > windowStart && attempt.failures >= MAX_TRACKING_FAILURES)) {
    throw new RateLimitedError('Too many attempts. Try again in 15 minutes.');
  }
  const [found] = await db.select(caseColumns).from(cases).where(eq(cases.reference, reference));
  const expected = Buffer.from(found?.trackingCodeHash ?? DUMMY_HASH, 'hex');
  const given = Buffer.from(vault.trackingCodeHash(input.trackingCode), 'hex');
  if (found?.trackingCodeHash && expected.length === given.length && timingSafeEqual(expected, given)) return found;

  for (const key of keys) {
    await db
      .insert(trackingAttempts)
      .values({ key, windowStartedAt: now, failures: 1 })
      .onConflictDoUpdate({
        target: trackingAttempts.key,
        set: {
          failures: sql`case when ${trackingAttempts.windowStartedAt} > ${windowStart.toISOString()}::timestamptz then ${trackingAttempts.failures} + 1 else 1 end`,
          windowStartedAt: sql`case when ${trackingAttempts.windowStartedAt} > ${windowStart.toISOString()}::timestamptz then ${trackingAttempts.windowStartedAt} else ${now.toISOString()}::timestamptz end`,
        },
      });
  }
  throw new NotFoundError('Case');
}

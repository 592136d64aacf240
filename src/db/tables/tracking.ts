import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Failed tracking-code attempts per client address and per reference, in a sliding window:
 * kept in the database so that every API instance sees the same counts.
 */
export const trackingAttempts = pgTable('tracking_attempts', {
  key: text().primaryKey(),
  windowStartedAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
  failures: integer().notNull().default(0),
});

import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core';
import type { Channel, Direction, Language, Line } from '../../domain/vocabulary.js';
import { xid8 } from './columns.js';

/**
 * Contacts per Brussels day and per channel, direction, and the theme, service, line and
 * language of their case: the rollup that answers "calls per year since the start" without
 * reading millions of interactions. Kept up to date from the case-event feed (INTERACTION_ADDED)
 * by services/statistics-rollup.ts; no foreign keys, so that figures outlive deleted rows.
 */
export const contactDailyCounts = pgTable(
  'contact_daily_counts',
  {
    day: date({ mode: 'string' }).notNull(),
    channel: text().$type<Channel>().notNull(),
    direction: text().$type<Direction>().notNull(),
    themeId: uuid().notNull(),
    serviceId: uuid().notNull(),
    line: text().$type<Line>().notNull(),
    language: text().$type<Language>().notNull(),
    interactions: integer().notNull(),
    answeredCalls: integer().notNull(),
    abandonedCalls: integer().notNull(),
    /** Sum and count of the known waits and talks, for averages over any grouping. */
    waitSeconds: bigint({ mode: 'number' }).notNull(),
    waitsKnown: integer().notNull(),
    talkSeconds: bigint({ mode: 'number' }).notNull(),
    talksKnown: integer().notNull(),
  },
  (table) => [
    primaryKey({ name: 'contact_daily_counts_pk', columns: [table.day, table.channel, table.direction, table.themeId, table.serviceId, table.line, table.language] }),
    index('contact_daily_counts_service_day_idx').on(table.serviceId, table.day),
  ],
);

/**
 * Per Brussels day and channel only: the whole-history questions grouped by period and channel
 * ("calls per year since the start") read these few thousand rows instead of the rollup above.
 * Cases count by the channel they were opened by: opened on their first day, resolved on the
 * day of each resolution (a case resolved again after reopening counts again).
 */
export const channelDailyCounts = pgTable(
  'channel_daily_counts',
  {
    day: date({ mode: 'string' }).notNull(),
    channel: text().$type<Channel>().notNull(),
    inbound: integer().notNull(),
    outbound: integer().notNull(),
    answeredCalls: integer().notNull(),
    abandonedCalls: integer().notNull(),
    waitSeconds: bigint({ mode: 'number' }).notNull(),
    waitsKnown: integer().notNull(),
    talkSeconds: bigint({ mode: 'number' }).notNull(),
    talksKnown: integer().notNull(),
    casesOpened: integer().notNull(),
    casesResolved: integer().notNull(),
  },
  (table) => [primaryKey({ name: 'channel_daily_counts_pk', columns: [table.day, table.channel] })],
);

/** Contacts each agent handled per Brussels day: active agents and contacts per agent-day. */
export const agentDailyCounts = pgTable(
  'agent_daily_counts',
  {
    day: date({ mode: 'string' }).notNull(),
    agentId: uuid().notNull(),
    contacts: integer().notNull(),
  },
  (table) => [primaryKey({ name: 'agent_daily_counts_pk', columns: [table.day, table.agentId] })],
);

/** Where the rollups stand in the case-event feed: one row. */
export const statisticsProgress = pgTable(
  'statistics_progress',
  {
    id: smallint().primaryKey().default(1),
    feedTransactionId: xid8().notNull(),
    feedPosition: bigint({ mode: 'number' }).notNull(),
  },
  (table) => [check('statistics_progress_single_row_check', sql`${table.id} = 1`)],
);

import { type AnyPgColumn, boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import {
  CHANNELS,
  type Channel,
  DIRECTIONS,
  type Direction,
  PHONE_LINES,
  type PhoneLine,
} from '../../domain/vocabulary.js';
import { cases } from './cases.js';
import { procedureSteps, procedures } from './catalogue.js';
import { createdAt, isOneOf } from './columns.js';
import { mandates } from './mandates.js';
import { agents, counters } from './organisation.js';

/** One touchpoint on one channel, always on a case. Channel details live in one table per channel. */
export const interactions = pgTable(
  'interactions',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    channel: text().$type<Channel>().notNull(),
    direction: text().$type<Direction>().notNull().default('INBOUND'),
    /** The id in the channel's own system (call id, Message-ID, …): ingestion is idempotent on it. */
    externalId: text(),
    agentId: uuid().references(() => agents.id, { onDelete: 'set null' }),
    summary: text(),
    /**
     * When someone contacted the administration for the case's citizen: the mandate they showed,
     * or, without one, who they said they were (name and relationship) — general information only.
     */
    contactedByMandateId: uuid().references((): AnyPgColumn => mandates.id, { onDelete: 'set null' }),
    contactedByName: text(),
    contactedByRelationship: text(),
    occurredAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    check('interactions_channel_check', isOneOf(table.channel, CHANNELS)),
    check('interactions_direction_check', isOneOf(table.direction, DIRECTIONS)),
    check(
      'interactions_contacted_by_check',
      sql`not (${table.contactedByMandateId} is not null and ${table.contactedByName} is not null) and (${table.contactedByName} is null) = (${table.contactedByRelationship} is null)`,
    ),
    uniqueIndex('interactions_channel_external_id_unique')
      .on(table.channel, table.externalId)
      .where(sql`${table.externalId} is not null`),
    index('interactions_case_occurred_idx').on(table.caseId, table.occurredAt),
    index('interactions_channel_occurred_idx').on(table.channel, table.occurredAt),
    index('interactions_agent_occurred_idx').on(table.agentId, table.occurredAt),
  ],
);

const interactionKey = () =>
  uuid()
    .primaryKey()
    .references(() => interactions.id, { onDelete: 'cascade' });

export const phoneCalls = pgTable(
  'phone_calls',
  {
    interactionId: interactionKey(),
    line: text().$type<PhoneLine>().notNull(),
    /** Keys pressed in the voice menu, in order. */
    ivrPath: text().array().notNull().default([]),
    waitSeconds: integer(),
    talkSeconds: integer(),
    /** Only the last digits are kept, e.g. +32 4** ** 12 34. */
    callerNumberMasked: text(),
    abandoned: boolean().notNull().default(false),
  },
  (table) => [
    check('phone_calls_line_check', isOneOf(table.line, PHONE_LINES)),
    check('phone_calls_seconds_check', sql`coalesce(${table.waitSeconds}, 0) >= 0 and coalesce(${table.talkSeconds}, 0) >= 0`),
  ],
);

export const emailMessages = pgTable('email_messages', {
  interactionId: interactionKey(),
  fromAddress: text().notNull(),
  toAddress: text().notNull(),
  subject: text().notNull(),
  messageId: text(),
});

export const chatSessions = pgTable(
  'chat_sessions',
  {
    interactionId: interactionKey(),
    messageCount: integer().notNull().default(0),
    transcript: text(),
  },
  (table) => [check('chat_sessions_message_count_check', sql`${table.messageCount} >= 0`)],
);

export const counterVisits = pgTable(
  'counter_visits',
  {
    interactionId: interactionKey(),
    counterId: uuid()
      .notNull()
      .references(() => counters.id, { onDelete: 'restrict' }),
    ticket: text(),
  },
  (table) => [index('counter_visits_counter_idx').on(table.counterId)],
);

export const onlineSubmissions = pgTable(
  'online_submissions',
  {
    interactionId: interactionKey(),
    procedureId: uuid()
      .notNull()
      .references(() => procedures.id, { onDelete: 'restrict' }),
    submissionId: text().notNull(),
    stepId: uuid().references(() => procedureSteps.id, { onDelete: 'restrict' }),
    /** The citizen's answers to the procedure's form, as submitted. */
    answers: jsonb().$type<Record<string, unknown>>(),
  },
  (table) => [index('online_submissions_procedure_idx').on(table.procedureId)],
);

export const letters = pgTable('letters', {
  interactionId: interactionKey(),
  senderAddress: text(),
  registeredMail: boolean().notNull().default(false),
  letterReference: text(),
});

import { type AnyPgColumn, bigint, check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import {
  ACTOR_KINDS,
  type ActorKind,
  CASE_EVENT_TYPES,
  type CaseEventType,
  EVENT_VISIBILITIES,
  type EventVisibility,
} from '../../domain/vocabulary.js';
import type { StoredCaseState } from '../../domain/case-state.js';
import { cases } from './cases.js';
import { citizens } from './citizens.js';
import { isOneOf, xid8 } from './columns.js';
import { mandates } from './mandates.js';
import { agents, services } from './organisation.js';

/**
 * The append-only timeline of every change to a case, written in the transaction of the change.
 * It is the outbox that feeds subscriptions: `position` orders events, `transactionId` lets a reader
 * stop below the oldest transaction still in flight so that a late commit is never skipped.
 */
export const caseEvents = pgTable(
  'case_events',
  {
    position: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    transactionId: xid8()
      .notNull()
      .default(sql`pg_current_xact_id()`),
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    type: text().$type<CaseEventType>().notNull(),
    visibility: text().$type<EventVisibility>().notNull(),
    actorKind: text().$type<ActorKind>().notNull(),
    actorAgentId: uuid().references(() => agents.id, { onDelete: 'set null' }),
    actorCitizenId: uuid().references(() => citizens.id, { onDelete: 'set null' }),
    actorServiceId: uuid().references(() => services.id, { onDelete: 'set null' }),
    /** When a representative acted for the case's citizen: the mandate they acted under (the actor is the representative). */
    mandateId: uuid().references((): AnyPgColumn => mandates.id, { onDelete: 'set null' }),
    payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    /**
     * The case as of this event (services/case-events.ts), taken in its transaction; null for
     * events written before states were kept (migration 0013) and for generated history.
     */
    caseState: jsonb().$type<StoredCaseState>(),
    /** The case as of its latest event of an earlier transaction: what this event's change started from; null when unknown. */
    caseStateBefore: jsonb().$type<StoredCaseState>(),
    occurredAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    check('case_events_type_check', isOneOf(table.type, CASE_EVENT_TYPES)),
    check('case_events_visibility_check', isOneOf(table.visibility, EVENT_VISIBILITIES)),
    check('case_events_actor_kind_check', isOneOf(table.actorKind, ACTOR_KINDS)),
    index('case_events_case_position_idx').on(table.caseId, table.position),
    index('case_events_type_position_idx').on(table.type, table.position),
    // The feed's order: by committing transaction, then position (see services/event-feed.ts).
    index('case_events_transaction_position_idx').on(table.transactionId, table.position),
    index('case_events_occurred_at_idx').on(table.occurredAt),
  ],
);

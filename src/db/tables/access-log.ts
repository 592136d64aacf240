import { type AnyPgColumn, bigint, check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ACTOR_KINDS, type ActorKind } from '../../domain/vocabulary.js';
import { cases } from './cases.js';
import { citizens } from './citizens.js';
import { mandates } from './mandates.js';
import { isOneOf } from './columns.js';

/** Who read which citizen's personal data, when and why. Written before the data leaves the server. */
export const accessLog = pgTable(
  'access_log',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    actorKind: text().$type<ActorKind>().notNull(),
    /** Agent login, service code or citizen id: the JWT subject. */
    actorSubject: text().notNull(),
    citizenId: uuid()
      .notNull()
      .references(() => citizens.id, { onDelete: 'cascade' }),
    caseId: uuid().references(() => cases.id, { onDelete: 'set null' }),
    /** When a representative read the data of the citizen they represent: the mandate they read under. */
    mandateId: uuid().references((): AnyPgColumn => mandates.id, { onDelete: 'set null' }),
    /** Names of the personal fields read, e.g. {nationalNumber, contactPoints}. */
    fields: text().array().notNull(),
    reason: text(),
    requestId: text(),
    occurredAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    check('access_log_actor_kind_check', isOneOf(table.actorKind, ACTOR_KINDS)),
    index('access_log_citizen_id_idx').on(table.citizenId, table.id),
    index('access_log_actor_occurred_idx').on(table.actorSubject, table.occurredAt),
  ],
);

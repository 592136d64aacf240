import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { HANDOFF_COMPLETIONS, HANDOFF_STATUSES, type HandoffCompletion, type HandoffStatus, LINES, type Line } from '../../domain/vocabulary.js';
import { cases } from './cases.js';
import { createdAt, isOneOf, updatedAt } from './columns.js';
import { agents, services } from './organisation.js';

/** A request from one line to a service of another line to work on a case. */
export const handoffs = pgTable(
  'handoffs',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    fromServiceId: uuid()
      .notNull()
      .references(() => services.id, { onDelete: 'restrict' }),
    fromLine: text().$type<Line>().notNull(),
    toServiceId: uuid()
      .notNull()
      .references(() => services.id, { onDelete: 'restrict' }),
    toLine: text().$type<Line>().notNull(),
    requestedByAgentId: uuid().references(() => agents.id, { onDelete: 'set null' }),
    reason: text().notNull(),
    status: text().$type<HandoffStatus>().notNull().default('REQUESTED'),
    rejectionReason: text(),
    response: text(),
    /** How a COMPLETED handoff ended; null while it is not completed. */
    completion: text().$type<HandoffCompletion>(),
    dueAt: timestamp({ withTimezone: true, precision: 3 }),
    requestedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    acceptedAt: timestamp({ withTimezone: true, precision: 3 }),
    rejectedAt: timestamp({ withTimezone: true, precision: 3 }),
    completedAt: timestamp({ withTimezone: true, precision: 3 }),
    cancelledAt: timestamp({ withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    check('handoffs_status_check', isOneOf(table.status, HANDOFF_STATUSES)),
    check('handoffs_from_line_check', isOneOf(table.fromLine, LINES)),
    check('handoffs_to_line_check', isOneOf(table.toLine, LINES)),
    check('handoffs_rejection_reason_check', sql`${table.status} <> 'REJECTED' or ${table.rejectionReason} is not null`),
    check('handoffs_completion_check', sql`${isOneOf(table.completion, HANDOFF_COMPLETIONS)} and (${table.status} = 'COMPLETED') = (${table.completion} is not null)`),
    // Only one open handoff per case.
    uniqueIndex('handoffs_one_open_per_case_unique')
      .on(table.caseId)
      .where(sql`${table.status} in ('REQUESTED', 'ACCEPTED')`),
    index('handoffs_case_requested_idx').on(table.caseId, table.requestedAt),
    // A service's queue, by due date (undated last) then id.
    index('handoffs_to_service_status_due_idx').on(table.toServiceId, table.status, sql`coalesce(${table.dueAt}, 'infinity'::timestamptz)`, table.id),
    index('handoffs_from_service_status_idx').on(table.fromServiceId, table.status),
    // Statistics: handoffs requested in a period.
    index('handoffs_requested_at_idx').on(table.requestedAt),
  ],
);

import { type AnyPgColumn, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { ORDER_STATUSES, type OrderStatus } from '../../domain/vocabulary.js';
import { cases } from './cases.js';
import { publications } from './catalogue.js';
import { citizens } from './citizens.js';
import { mandates } from './mandates.js';
import { createdAt, isOneOf } from './columns.js';
import { agents } from './organisation.js';

/** Internal note on a case: never shown to the citizen. */
export const notes = pgTable(
  'notes',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    authorAgentId: uuid().references(() => agents.id, { onDelete: 'set null' }),
    body: text().notNull(),
    createdAt: createdAt(),
  },
  (table) => [index('notes_case_created_idx').on(table.caseId, table.createdAt)],
);

/** A message exchanged with the citizen, visible on the portal. Exactly one author. */
export const messages = pgTable(
  'messages',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    authorAgentId: uuid().references(() => agents.id, { onDelete: 'set null' }),
    authorCitizenId: uuid().references(() => citizens.id, { onDelete: 'set null' }),
    /** When the author wrote as a representative of the case's citizen: the mandate they wrote under. */
    mandateId: uuid().references((): AnyPgColumn => mandates.id, { onDelete: 'set null' }),
    body: text().notNull(),
    readAt: timestamp({ withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
  },
  (table) => [
    check('messages_single_author_check', sql`not (${table.authorAgentId} is not null and ${table.authorCitizenId} is not null)`),
    index('messages_case_created_idx').on(table.caseId, table.createdAt),
  ],
);

/** Brochures ordered by a citizen, recorded by the first line on a case. */
export const publicationOrders = pgTable(
  'publication_orders',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid().references(() => cases.id, { onDelete: 'cascade' }),
    citizenId: uuid()
      .notNull()
      .references(() => citizens.id, { onDelete: 'restrict' }),
    publicationId: uuid()
      .notNull()
      .references(() => publications.id, { onDelete: 'restrict' }),
    quantity: integer().notNull().default(1),
    status: text().$type<OrderStatus>().notNull().default('REQUESTED'),
    deliveryAddress: text(),
    recordedByAgentId: uuid().references(() => agents.id, { onDelete: 'set null' }),
    orderedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    check('publication_orders_quantity_check', sql`${table.quantity} between 1 and 100`),
    check('publication_orders_status_check', isOneOf(table.status, ORDER_STATUSES)),
    index('publication_orders_citizen_idx').on(table.citizenId, table.orderedAt),
    index('publication_orders_case_idx').on(table.caseId),
    index('publication_orders_publication_idx').on(table.publicationId),
  ],
);

import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { type CaseEventType, WEBHOOK_DELIVERY_STATUSES, type WebhookDeliveryStatus } from '../../domain/vocabulary.js';
import { caseEvents } from './case-events.js';
import { createdAt, isOneOf, xid8 } from './columns.js';
import { serviceAccounts } from './organisation.js';

/** Which events an endpoint receives, as CaseEventFilter minus the case (ids are internal uuids). */
export interface WebhookFilter {
  serviceId?: string;
  themeCodes?: string[];
  types?: CaseEventType[];
}

/**
 * Endpoints of back-offices that cannot hold a socket. Each is a durable subscriber of the
 * case-event feed: `feedTransactionId`/`feedPosition` is the cursor of the last event turned
 * into deliveries. The signing secret is sealed with DATA_KEY (it must be read to sign).
 */
export const webhooks = pgTable(
  'webhooks',
  {
    id: uuid().primaryKey().defaultRandom(),
    serviceAccountId: uuid()
      .notNull()
      .references(() => serviceAccounts.id, { onDelete: 'cascade' }),
    url: text().notNull(),
    description: text(),
    sealedSecret: text().notNull(),
    filter: jsonb().$type<WebhookFilter>().notNull().default({}),
    feedTransactionId: xid8().notNull(),
    feedPosition: bigint({ mode: 'number' }).notNull(),
    createdAt: createdAt(),
  },
  (table) => [index('webhooks_service_account_created_idx').on(table.serviceAccountId, table.createdAt, table.id)],
);

/**
 * One event to one endpoint. The id is the `webhook-id` header, the same on every try so that
 * receivers can drop duplicates. `body` is fixed at creation: every try sends the same bytes,
 * unless the citizen's data is erased meanwhile (services/privacy.ts). Delivered and dead
 * deliveries are deleted WEBHOOK_BODY_RETENTION_DAYS after their creation: the body is a copy of
 * case data, kept only while the receiver may need it again.
 * An instance that sends a delivery first leases it (`leaseExpiresAt`), so that one instance at
 * a time sends it and a crashed instance's delivery is taken over when the lease runs out.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid().primaryKey().defaultRandom(),
    webhookId: uuid()
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    eventPosition: bigint({ mode: 'number' })
      .notNull()
      .references(() => caseEvents.position, { onDelete: 'cascade' }),
    eventTransactionId: xid8().notNull(),
    caseId: uuid().notNull(),
    eventType: text().$type<CaseEventType>().notNull(),
    body: text().notNull(),
    status: text().$type<WebhookDeliveryStatus>().notNull().default('PENDING'),
    /** Tries since the delivery was created or last redelivered: what the back-off counts. */
    attemptCount: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    leaseExpiresAt: timestamp({ withTimezone: true, precision: 3 }),
    deliveredAt: timestamp({ withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
  },
  (table) => [
    check('webhook_deliveries_status_check', isOneOf(table.status, WEBHOOK_DELIVERY_STATUSES)),
    uniqueIndex('webhook_deliveries_webhook_event_idx').on(table.webhookId, table.eventPosition),
    // The worker's queue: what is due.
    index('webhook_deliveries_due_idx').on(table.nextAttemptAt).where(sql`${table.status} = 'PENDING'`),
    // In order per case: an earlier pending delivery of the same case holds the later ones back.
    index('webhook_deliveries_case_order_idx')
      .on(table.webhookId, table.caseId, table.eventTransactionId, table.eventPosition)
      .where(sql`${table.status} = 'PENDING'`),
    // The delivery log, newest first, optionally by status.
    index('webhook_deliveries_log_idx').on(table.webhookId, table.createdAt, table.id),
    index('webhook_deliveries_status_log_idx').on(table.webhookId, table.status, table.createdAt, table.id),
    index('webhook_deliveries_event_idx').on(table.eventPosition),
    // The retention clean-up: settled deliveries by age.
    index('webhook_deliveries_retention_idx').on(table.createdAt).where(sql`${table.status} <> 'PENDING'`),
  ],
);

/** Every try of a delivery, for the delivery log. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: uuid().primaryKey().defaultRandom(),
    deliveryId: uuid()
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    attemptedAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    /** The receiver's HTTP status; null when no response came (refused, timed out). */
    statusCode: integer(),
    /** Why the try failed, in words; null on success. */
    error: text(),
    durationMs: integer().notNull(),
  },
  (table) => [index('webhook_attempts_delivery_idx').on(table.deliveryId, table.attemptedAt)],
);

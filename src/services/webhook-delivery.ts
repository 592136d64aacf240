import { and, eq, sql } from 'drizzle-orm';
import { type Executor, selectRows } from '../db/client.js';
import { anyOf } from '../db/lists.js';
import { cases, serviceAccounts, services, webhookAttempts, webhookDeliveries, webhooks } from '../db/tables/index.js';
import type { StoredCaseState } from '../domain/case-state.js';
import { globalId } from '../domain/ids.js';
import type { Viewer } from '../domain/viewer.js';
import type { DestinationAllowList } from '../domain/network-addresses.js';
import { type RetrySchedule, retryDelayMs, type WebhookFailure } from '../domain/webhooks.js';
import type { WakeUps } from '../events/wake-ups.js';
import type { CaseEventRow } from './case-events.js';
import type { DataVault } from './data-vault.js';
import { isDatabaseUnavailable } from './database-errors.js';
import { encodeFeedCursor, readCommittedEvents } from './event-feed.js';
import { signedHeaders } from './standard-webhooks.js';
import { postToEndpoint, type ResolveHost } from './webhook-http.js';
import { sleepUnlessAborted } from './sleep.js';

// The delivery worker, run by every API instance. Why a `SELECT … FOR UPDATE SKIP LOCKED`
// loop rather than pg-boss or graphile-worker: the queue is two small tables next to the
// outbox, so the worker reuses the feed's commit-ordered cursor and the per-case order is one
// SQL condition; it runs unchanged on embedded PGlite; and it adds no dependency with its own
// schema and migrations.
//
// Two steps, each safe with several instances:
// 1. Fan-out: each endpoint is a durable subscriber of the case-event feed. Its row is locked
//    (SKIP LOCKED: one instance at a time per endpoint) while the events after its cursor
//    become deliveries and the cursor moves, in one transaction.
// 2. Sending: due deliveries are leased (SKIP LOCKED again) before the HTTP request, so one
//    instance sends a delivery at a time; a lease that runs out (a crashed instance) lets
//    another take over, which is why delivery is at least once. A delivery waits while an
//    earlier one of the same endpoint and case is pending: in order per case.

export interface DeliverySettings {
  retry: RetrySchedule;
  requestTimeoutMs: number;
  /** Non-public hosts and networks endpoints may reach (WEBHOOK_ALLOWED_HOSTS); checked on every try. */
  allowList: DestinationAllowList;
  /** How host names are resolved; the system resolver unless a test says otherwise. */
  resolveHost?: ResolveHost;
  /** Days a delivered or dead delivery (and its body) is kept. */
  bodyRetentionDays: number;
}

export interface DeliveryLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

const FAN_OUT_BATCH = 200;
/** Batches per endpoint per pass: a long replay alternates with sending instead of coming first. */
const FAN_OUT_BATCHES_PER_PASS = 10;
const SEND_BATCH = 16;
/** The longest a worker sleeps without a wake-up before it looks at the queue again. */
const IDLE_WAIT_MS = 5_000;
const ERROR_WAIT_MS = 1_000;
/** After a wake-up, wait this long so that a burst of events makes one pass, not one per event. */
const COALESCE_MS = 250;
const MAX_DETAIL_LENGTH = 300;
/**
 * A lease lasts the try's timeout (which covers resolving, connecting and the answer) and this
 * much more, for recording the outcome: a worker that dies mid-try holds its deliveries that
 * long, and a live one never sees its lease run out under a try.
 */
const LEASE_MARGIN_MS = 5_000;
/** How often a worker deletes expired deliveries; also once when it starts. */
const CLEAN_UP_EVERY_MS = 3_600_000;
const CLEAN_UP_BATCH = 1_000;

/** Turns new feed events into deliveries, endpoint by endpoint. */
async function fanOutEvents(db: Executor): Promise<{ endpoints: number; events: number }> {
  const endpoints = await db.select({ id: webhooks.id }).from(webhooks);
  let events = 0;
  for (const { id } of endpoints) {
    for (let batch = 0; batch < FAN_OUT_BATCHES_PER_PASS; batch += 1) {
      const added = await fanOutToEndpoint(db, id);
      events += added;
      if (added < FAN_OUT_BATCH) break;
    }
  }
  return { endpoints: endpoints.length, events };
}

async function fanOutToEndpoint(db: Executor, webhookId: string): Promise<number> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ webhook: webhooks, account: serviceAccounts, line: services.line })
      .from(webhooks)
      .innerJoin(serviceAccounts, eq(serviceAccounts.id, webhooks.serviceAccountId))
      .innerJoin(services, eq(services.id, serviceAccounts.serviceId))
      .where(eq(webhooks.id, webhookId))
      .for('update', { of: webhooks, skipLocked: true });
    // Gone, being fanned out by another instance, or its account is inactive (kept for later).
    if (!row || !row.account.active) return 0;
    const { webhook, account } = row;
    const owner: Viewer = { kind: 'service', accountId: account.id, subject: account.subject, serviceId: account.serviceId, line: row.line };
    const cursor = { transactionId: webhook.feedTransactionId, position: webhook.feedPosition };
    const events = await readCommittedEvents(tx, owner, webhook.filter, cursor, new Date(), FAN_OUT_BATCH);
    if (events.length === 0) return 0;
    const caseIds = [...new Set(events.map((event) => event.caseId))];
    const references = new Map(
      (await tx.select({ id: cases.id, reference: cases.reference }).from(cases).where(anyOf(cases.id, caseIds))).map((item) => [item.id, item.reference]),
    );
    await tx
      .insert(webhookDeliveries)
      .values(
        events.map((event) => ({
          webhookId,
          eventPosition: event.position,
          eventTransactionId: event.transactionId,
          caseId: event.caseId,
          eventType: event.type,
          body: deliveryBody(event, references.get(event.caseId) ?? null),
        })),
      )
      .onConflictDoNothing();
    const last = events.at(-1)!;
    await tx.update(webhooks).set({ feedTransactionId: last.transactionId, feedPosition: last.position }).where(eq(webhooks.id, webhookId));
    return events.length;
  });
}

/** The JSON body of a delivery, in the Standard Webhooks shape: type, timestamp, data. */
function deliveryBody(event: CaseEventRow, caseReference: string | null): string {
  return JSON.stringify({
    type: `case.${event.type.toLowerCase()}`,
    timestamp: event.occurredAt.toISOString(),
    data: {
      feedCursor: encodeFeedCursor(event),
      eventType: event.type,
      visibility: event.visibility,
      caseId: globalId('Case', event.caseId),
      caseReference,
      actorKind: event.actorKind,
      payload: event.payload,
      occurredAt: event.occurredAt.toISOString(),
      // As in GraphQL (CaseEvent.state, previousState): the case as of the event, null when unknown.
      caseState: event.caseState && withGlobalIds(event.caseState),
      previousCaseState: event.caseStateBefore && withGlobalIds(event.caseStateBefore),
    },
  });
}

function withGlobalIds(state: StoredCaseState) {
  return { ...state, serviceId: globalId('Service', state.serviceId), assigneeId: state.assigneeId && globalId('Agent', state.assigneeId) };
}

export interface ClaimedDelivery {
  id: string;
  body: string;
  attemptCount: number;
  url: string;
  sealedSecret: string;
}

/** Pending deliveries `c` with no earlier pending delivery of the same endpoint and case. */
const notHeldBack = sql`c.status = 'PENDING' and not exists (
  select 1 from webhook_deliveries as earlier
  where earlier.webhook_id = c.webhook_id and earlier.case_id = c.case_id and earlier.status = 'PENDING'
    and (earlier.event_transaction_id, earlier.event_position) < (c.event_transaction_id, c.event_position))`;

/** Leases the due deliveries that no earlier pending delivery of their case holds back. */
async function claimDueDeliveries(db: Executor, leaseMs: number): Promise<ClaimedDelivery[]> {
  return selectRows<ClaimedDelivery>(
    db,
    sql`
      update webhook_deliveries as d
      set lease_expires_at = now() + ${leaseMs} * interval '1 millisecond', attempt_count = d.attempt_count + 1
      from webhooks as w
      where w.id = d.webhook_id and d.id in (
        select c.id from webhook_deliveries as c
        where ${notHeldBack} and c.next_attempt_at <= now() and (c.lease_expires_at is null or c.lease_expires_at <= now())
        order by c.next_attempt_at
        limit ${SEND_BATCH}
        for update of c skip locked
      )
      returning d.id, d.body, d.attempt_count as "attemptCount", w.url, w.sealed_secret as "sealedSecret"`,
  );
}

export interface AttemptOutcome {
  attemptedAt: Date;
  statusCode: number | null;
  /** The failure class (domain/webhooks.ts); null when the receiver answered 2xx. */
  error: WebhookFailure | null;
  durationMs: number;
}

async function send(delivery: ClaimedDelivery, secret: string, settings: DeliverySettings, log: DeliveryLog): Promise<AttemptOutcome> {
  const attemptedAt = new Date();
  const started = performance.now();
  const headers = { 'content-type': 'application/json', 'user-agent': 'Guichet-Webhooks/1', ...signedHeaders(secret, delivery.id, attemptedAt, delivery.body) };
  // A redirect is an answer, not a success: following it would send case data elsewhere.
  const outcome = await postToEndpoint(delivery.url, headers, delivery.body, { timeoutMs: settings.requestTimeoutMs, allowList: settings.allowList, resolve: settings.resolveHost });
  if (outcome.failure === 'ADDRESS_NOT_ALLOWED') log.warn({ deliveryId: delivery.id, detail: outcome.detail }, 'webhook endpoint refused: not a public address');
  else if (outcome.detail) log.info({ deliveryId: delivery.id, failure: outcome.failure, detail: outcome.detail.slice(0, MAX_DETAIL_LENGTH) }, 'webhook try failed');
  return { attemptedAt, statusCode: outcome.statusCode, error: outcome.failure, durationMs: Math.round(performance.now() - started) };
}

/**
 * Records a try and what follows from it. The try is kept in the log whatever happens; the
 * delivery changes only if this try's lease is still the latest (its attempt number): a worker
 * whose record comes after its lease ran out and another worker leased the delivery again must
 * not undo that worker's lease or outcome.
 */
export async function recordAttempt(db: Executor, delivery: ClaimedDelivery, outcome: AttemptOutcome, schedule: RetrySchedule): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(webhookAttempts).values({ deliveryId: delivery.id, ...outcome });
    const retryIn = outcome.error === null ? null : retryDelayMs(delivery.attemptCount, schedule);
    const change =
      outcome.error === null
        ? { status: 'DELIVERED' as const, deliveredAt: outcome.attemptedAt }
        : retryIn === null
          ? { status: 'DEAD' as const }
          : { nextAttemptAt: sql`now() + ${retryIn} * interval '1 millisecond'` };
    await tx
      .update(webhookDeliveries)
      .set({ ...change, leaseExpiresAt: null })
      .where(and(eq(webhookDeliveries.id, delivery.id), eq(webhookDeliveries.attemptCount, delivery.attemptCount)));
  });
}

/**
 * Deletes delivered and dead deliveries older than the retention period, with their tries. In
 * batches that skip rows another instance is deleting, so instances running it together neither
 * wait for each other nor hold long locks; pending deliveries are never touched.
 */
async function removeExpiredDeliveries(db: Executor, retentionDays: number): Promise<number> {
  let removed = 0;
  for (;;) {
    const batch = await selectRows<{ id: string }>(
      db,
      sql`delete from webhook_deliveries where id in (
            select id from webhook_deliveries
            where status <> 'PENDING' and created_at < now() - ${retentionDays} * interval '1 day'
            order by created_at
            limit ${CLEAN_UP_BATCH}
            for update skip locked)
          returning id`,
    );
    removed += batch.length;
    if (batch.length < CLEAN_UP_BATCH) return removed;
  }
}

/** Milliseconds until the next delivery that may be sent is due (or its lease runs out); null when none. */
async function untilNextDue(db: Executor): Promise<number | null> {
  const [row] = await selectRows<{ wait: number | string | null }>(
    db,
    sql`select extract(epoch from (min(greatest(c.next_attempt_at, coalesce(c.lease_expires_at, c.next_attempt_at))) - now())) * 1000 as wait
        from webhook_deliveries as c where ${notHeldBack}`,
  );
  return row?.wait == null ? null : Math.max(0, Number(row.wait));
}

/**
 * The first half of a worker's pass: new events become deliveries, then the due ones are leased
 * to this worker, which must send them before the lease runs out. A worker that dies here
 * leaves them leased; another takes them over when the lease has run out.
 */
export async function leaseDueDeliveries(
  db: Executor,
  settings: Pick<DeliverySettings, 'requestTimeoutMs'>,
): Promise<{ endpoints: number; events: number; leased: ClaimedDelivery[] }> {
  const fannedOut = await fanOutEvents(db);
  if (fannedOut.endpoints === 0) return { ...fannedOut, leased: [] };
  return { ...fannedOut, leased: await claimDueDeliveries(db, settings.requestTimeoutMs + LEASE_MARGIN_MS) };
}

/** One pass: fan out, then send one batch. Tells how much it did (events queued and tries made). */
async function deliverOnce(db: Executor, vault: DataVault, settings: DeliverySettings, log: DeliveryLog): Promise<{ endpoints: number; work: number }> {
  const { endpoints, events, leased: claimed } = await leaseDueDeliveries(db, settings);
  if (endpoints === 0) return { endpoints: 0, work: 0 };
  await Promise.all(
    claimed.map(async (delivery) => {
      const outcome = await send(delivery, vault.decrypt(delivery.sealedSecret), settings, log);
      await recordAttempt(db, delivery, outcome, settings.retry);
    }),
  );
  return { endpoints, work: events + claimed.length };
}

/**
 * Runs the worker until stopped: a pass after every case-event wake-up, when the next retry
 * is due, and at least every few seconds. Stopping waits for the tries in flight.
 */
export function startWebhookWorker(dependencies: { db: Executor; vault: DataVault; wakeUps: WakeUps; settings: DeliverySettings; log: DeliveryLog }) {
  const { db, vault, wakeUps, settings, log } = dependencies;
  const controller = new AbortController();
  const { signal } = controller;
  let nextCleanUpAt = 0;
  const running = (async () => {
    while (!signal.aborted) {
      // Listen from before the pass, so that an event committed during it is not missed; stop
      // listening when the pass ends some other way.
      const passOver = new AbortController();
      const passSignal = AbortSignal.any([signal, passOver.signal]);
      const woken = wakeUps.next(passSignal);
      try {
        if (Date.now() >= nextCleanUpAt) {
          const removed = await removeExpiredDeliveries(db, settings.bodyRetentionDays);
          if (removed > 0) log.info({ removed }, 'expired webhook deliveries deleted');
          nextCleanUpAt = Date.now() + CLEAN_UP_EVERY_MS;
        }
        const done = await deliverOnce(db, vault, settings, log);
        if (done.work > 0) continue;
        const wait = done.endpoints === 0 ? null : await untilNextDue(db);
        await Promise.race([woken, sleepUnlessAborted(Math.min(wait ?? IDLE_WAIT_MS, IDLE_WAIT_MS), passSignal)]);
        await sleepUnlessAborted(COALESCE_MS, signal);
      } catch (error) {
        if (!isDatabaseUnavailable(error)) log.warn({ err: error }, 'webhook worker pass failed');
        await sleepUnlessAborted(ERROR_WAIT_MS, passSignal);
      } finally {
        passOver.abort();
      }
    }
  })();
  return {
    async stop() {
      controller.abort();
      await running;
    },
  };
}

import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { anyOf } from '../db/lists.js';
import { serviceAccounts, services, themes, webhookAttempts, webhookDeliveries, webhooks, type WebhookFilter } from '../db/tables/index.js';
import { ForbiddenError, NotFoundError, type FieldProblem, ValidationError } from '../domain/errors.js';
import { isUuid, wellFormedUuids } from '../domain/ids.js';
import type { Viewer } from '../domain/viewer.js';
import type { WebhookDeliveryStatus } from '../domain/vocabulary.js';
import { type WebhookPolicy, webhookUrlProblem } from '../domain/webhooks.js';
import type { DataVault } from './data-vault.js';
import { currentFeedEnd, decodeFeedCursor } from './event-feed.js';
import { COUNT, countOf, type CountedPage, type PageRequest, readPageRequest, toPage } from './pagination.js';
import { newWebhookSecret } from './standard-webhooks.js';
import { wakeDeliveryWorkers } from './case-events.js';

// Webhooks belong to a service account: it registers endpoints, reads their delivery log and
// asks for redeliveries. Sending is services/webhook-delivery.ts.

export type WebhookRow = typeof webhooks.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
export type WebhookAttemptRow = typeof webhookAttempts.$inferSelect;

const MAX_WEBHOOKS_PER_ACCOUNT = 20;
const MAX_DESCRIPTION_LENGTH = 500;
const MAX_THEME_CODES = 50;
/** Attempts shown per delivery in the log: a delivery redelivered many times keeps its latest. */
const MAX_ATTEMPTS_SHOWN = 50;

type ServiceViewer = Extract<Viewer, { kind: 'service' }>;

function requireServiceAccount(viewer: Viewer): ServiceViewer {
  if (viewer.kind !== 'service') throw new ForbiddenError('Webhooks belong to service accounts.');
  return viewer;
}

export interface CreateWebhookInput {
  url: string;
  description?: string | null;
  filter: WebhookFilter;
  /** A feed cursor: start with the events after it. Without it, with the events from now. */
  after?: string | null;
}

/** Registers an endpoint; the secret is returned here and never again. */
export async function createWebhook(
  db: Executor,
  vault: DataVault,
  viewer: Viewer,
  input: CreateWebhookInput,
  policy: WebhookPolicy,
): Promise<{ webhook: WebhookRow; secret: string }> {
  const account = requireServiceAccount(viewer);
  const problems: FieldProblem[] = [];
  const urlProblem = webhookUrlProblem(input.url, policy);
  if (urlProblem) problems.push({ path: ['input', 'url'], message: urlProblem });
  if (input.description && input.description.length > MAX_DESCRIPTION_LENGTH) {
    problems.push({ path: ['input', 'description'], message: `At most ${MAX_DESCRIPTION_LENGTH} characters.` });
  }
  problems.push(...(await filterProblems(db, input.filter)));
  const cursor = input.after ? decodeFeedCursor(input.after) : undefined;
  if (problems.length > 0) throw new ValidationError(problems);

  const secret = newWebhookSecret();
  return db.transaction(async (tx) => {
    // The account row serialises creations, so that two at once cannot pass the limit together.
    await tx.select({ id: serviceAccounts.id }).from(serviceAccounts).where(eq(serviceAccounts.id, account.accountId)).for('update');
    const [existing] = await tx.select({ count: count() }).from(webhooks).where(eq(webhooks.serviceAccountId, account.accountId));
    if ((existing?.count ?? 0) >= MAX_WEBHOOKS_PER_ACCOUNT) {
      throw new ValidationError([{ path: ['input'], message: `At most ${MAX_WEBHOOKS_PER_ACCOUNT} webhooks per service account: delete one first.` }]);
    }
    const start = cursor ?? (await currentFeedEnd(tx));
    const [webhook] = await tx
      .insert(webhooks)
      .values({
        serviceAccountId: account.accountId,
        url: input.url,
        description: input.description || null,
        sealedSecret: vault.encrypt(secret),
        filter: input.filter,
        feedTransactionId: start.transactionId,
        feedPosition: start.position,
      })
      .returning();
    await wakeDeliveryWorkers(tx);
    return { webhook: webhook!, secret };
  });
}

async function filterProblems(db: Executor, filter: WebhookFilter): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (filter.serviceId !== undefined) {
    const [service] = isUuid(filter.serviceId) ? await db.select({ id: services.id }).from(services).where(eq(services.id, filter.serviceId)) : [];
    if (!service) problems.push({ path: ['input', 'filter', 'serviceId'], message: 'No such service.' });
  }
  const codes = filter.themeCodes ?? [];
  if (codes.length > MAX_THEME_CODES) {
    problems.push({ path: ['input', 'filter', 'themeCodes'], message: `At most ${MAX_THEME_CODES} codes.` });
  } else if (codes.length > 0) {
    const known = new Set((await db.select({ code: themes.code }).from(themes).where(inArray(themes.code, codes))).map((row) => row.code));
    const unknown = codes.filter((code) => !known.has(code));
    if (unknown.length > 0) problems.push({ path: ['input', 'filter', 'themeCodes'], message: `Unknown theme codes: ${unknown.join(', ')}.` });
  }
  return problems;
}

export async function listWebhooks(db: Executor, viewer: Viewer, request: PageRequest, maxPageSize: number): Promise<CountedPage<WebhookRow>> {
  const account = requireServiceAccount(viewer);
  const { limit, after } = readPageRequest(request, maxPageSize, ['timestamp', 'uuid']);
  const rows = await db
    .select()
    .from(webhooks)
    .where(
      and(
        eq(webhooks.serviceAccountId, account.accountId),
        after ? sql`(${webhooks.createdAt}, ${webhooks.id}) > (${after[0]}::timestamptz, ${String(after[1])}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(webhooks.createdAt), asc(webhooks.id))
    .limit(limit + 1);
  return toPage(
    rows,
    limit,
    (row) => [row.createdAt.toISOString(), row.id],
    () => countOf(db.select(COUNT).from(webhooks).where(eq(webhooks.serviceAccountId, account.accountId))),
  );
}

/** Removes an endpoint and its delivery log; what was not sent yet is not sent. */
export async function deleteWebhook(db: Executor, viewer: Viewer, id: string): Promise<string> {
  const account = requireServiceAccount(viewer);
  if (!isUuid(id)) throw new NotFoundError('Webhook');
  const deleted = await db
    .delete(webhooks)
    .where(and(eq(webhooks.id, id), eq(webhooks.serviceAccountId, account.accountId)))
    .returning({ id: webhooks.id });
  if (deleted.length === 0) throw new NotFoundError('Webhook');
  return id;
}

async function ownWebhook(db: Executor, account: ServiceViewer, id: string): Promise<WebhookRow> {
  const [webhook] = isUuid(id)
    ? await db
        .select()
        .from(webhooks)
        .where(and(eq(webhooks.id, id), eq(webhooks.serviceAccountId, account.accountId)))
    : [];
  if (!webhook) throw new NotFoundError('Webhook');
  return webhook;
}

/** The delivery log of one of the viewer's endpoints, newest first. */
export async function listWebhookDeliveries(
  db: Executor,
  viewer: Viewer,
  webhookId: string,
  status: WebhookDeliveryStatus | undefined,
  request: PageRequest,
  maxPageSize: number,
): Promise<CountedPage<WebhookDeliveryRow>> {
  const account = requireServiceAccount(viewer);
  const { limit, after } = readPageRequest(request, maxPageSize, ['timestamp', 'uuid']);
  const webhook = await ownWebhook(db, account, webhookId);
  const listed = and(eq(webhookDeliveries.webhookId, webhook.id), status ? eq(webhookDeliveries.status, status) : undefined);
  const rows = await db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        listed,
        after ? sql`(${webhookDeliveries.createdAt}, ${webhookDeliveries.id}) < (${after[0]}::timestamptz, ${String(after[1])}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(limit + 1);
  return toPage(
    rows,
    limit,
    (row) => [row.createdAt.toISOString(), row.id],
    () => countOf(db.select(COUNT).from(webhookDeliveries).where(listed)),
  );
}

/** Sends a delivery again from the first try of the schedule, whatever its state. */
export async function redeliverWebhook(db: Executor, viewer: Viewer, deliveryId: string): Promise<WebhookDeliveryRow> {
  const account = requireServiceAccount(viewer);
  if (!isUuid(deliveryId)) throw new NotFoundError('Webhook delivery');
  const [delivery] = await db
    .update(webhookDeliveries)
    .set({ status: 'PENDING', attemptCount: 0, nextAttemptAt: sql`now()`, deliveredAt: null })
    .where(
      and(
        eq(webhookDeliveries.id, deliveryId),
        inArray(webhookDeliveries.webhookId, db.select({ id: webhooks.id }).from(webhooks).where(eq(webhooks.serviceAccountId, account.accountId))),
      ),
    )
    .returning();
  if (!delivery) throw new NotFoundError('Webhook delivery');
  await wakeDeliveryWorkers(db);
  return delivery;
}

/** The latest attempts of each delivery, oldest first, in one statement for a page of deliveries. */
export async function attemptsByDeliveryIds(db: Executor, deliveryIds: readonly string[]): Promise<WebhookAttemptRow[][]> {
  const latest = db
    .select({
      id: webhookAttempts.id,
      rank: sql<number>`row_number() over (partition by ${webhookAttempts.deliveryId} order by ${webhookAttempts.attemptedAt} desc)`.as('rank'),
    })
    .from(webhookAttempts)
    .where(anyOf(webhookAttempts.deliveryId, wellFormedUuids(deliveryIds)))
    .as('latest');
  const rows = await db
    .select({ attempt: webhookAttempts })
    .from(webhookAttempts)
    .innerJoin(latest, eq(latest.id, webhookAttempts.id))
    .where(sql`${latest.rank} <= ${MAX_ATTEMPTS_SHOWN}`)
    .orderBy(asc(webhookAttempts.attemptedAt), asc(webhookAttempts.id));
  return deliveryIds.map((id) => rows.filter((row) => row.attempt.deliveryId === id).map((row) => row.attempt));
}

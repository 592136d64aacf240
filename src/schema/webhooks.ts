import { NotFoundError, ValidationError } from '../domain/errors.js';
import { encodeFeedCursor } from '../services/event-feed.js';
import {
  attemptsByDeliveryIds,
  createWebhook,
  deleteWebhook,
  listWebhookDeliveries,
  listWebhooks,
  redeliverWebhook,
  type WebhookAttemptRow,
  type WebhookDeliveryRow,
  type WebhookRow,
} from '../services/webhooks.js';
import { builder } from './builder.js';
import { CaseEventTypeEnum } from './case-event.js';
import { batchLoader } from './loaders.js';
import { toConnection } from './pagination.js';
import { Service } from './service.js';

// Back-offices that cannot hold a socket register endpoints; Guichet POSTs each event to them,
// signed as the Standard Webhooks convention says (services/webhook-delivery.ts).

const SERVICE_ACCOUNT = { serviceAccount: true } as const;

const WebhookDeliveryStatusEnum = builder.enumType('WebhookDeliveryStatus', {
  description: 'Where a delivery stands.',
  values: {
    PENDING: { description: 'Not delivered yet: waiting for its first try or for a retry.' },
    DELIVERED: { description: 'The endpoint answered 2xx.' },
    DEAD: { description: 'Every try failed (dead letter); redeliverWebhook sends it again.' },
  } as const,
});

const WebhookFilterView = builder.objectRef<WebhookRow['filter']>('WebhookFilter').implement({
  description: 'Which events an endpoint receives; all given criteria must match.',
  authScopes: SERVICE_ACCOUNT,
  fields: (t) => ({
    service: t.field({ type: Service, nullable: true, description: 'Only events of cases of this service or handed to it; null for every case you may read.', resolve: (filter) => filter.serviceId ?? null }),
    themeCodes: t.stringList({ description: 'Only cases on these themes or their sub-themes; empty for every theme.', resolve: (filter) => filter.themeCodes ?? [] }),
    types: t.field({ type: [CaseEventTypeEnum], description: 'Only these event types; empty for every type.', resolve: (filter) => filter.types ?? [] }),
  }),
});

const Webhook = builder.objectRef<WebhookRow>('Webhook').implement({
  description:
    'An endpoint that receives, by HTTP POST, every case event its service account may read and its filter matches: at least once, in order per case, signed (webhook-id, webhook-timestamp, webhook-signature as the Standard Webhooks convention says), retried with exponential back-off for more than 24 hours.',
  authScopes: SERVICE_ACCOUNT,
  fields: (t) => ({
    id: t.globalID({ description: 'Global id of the webhook.', resolve: (webhook) => ({ type: 'Webhook', id: webhook.id }) }),
    url: t.exposeString('url', { description: 'Where events are POSTed.' }),
    description: t.exposeString('description', { nullable: true, description: 'What it is for; null when none was given.' }),
    filter: t.field({ type: WebhookFilterView, description: 'Which events it receives.', resolve: (webhook) => webhook.filter }),
    feedCursor: t.string({
      description: 'The last feed event turned into deliveries: events after it are still to come.',
      resolve: (webhook) => encodeFeedCursor({ transactionId: webhook.feedTransactionId, position: webhook.feedPosition }),
    }),
    createdAt: t.field({ type: 'DateTime', description: 'When it was registered.', resolve: (webhook) => webhook.createdAt }),
  }),
});

const WebhookAttempt = builder.objectRef<WebhookAttemptRow>('WebhookAttempt').implement({
  description: 'One try of a delivery.',
  authScopes: SERVICE_ACCOUNT,
  fields: (t) => ({
    attemptedAt: t.field({ type: 'DateTime', description: 'When the request was sent.', resolve: (attempt) => attempt.attemptedAt }),
    statusCode: t.exposeInt('statusCode', { nullable: true, description: 'The HTTP status the endpoint answered; null when no answer came.' }),
    error: t.exposeString('error', {
      nullable: true,
      description:
        'Why the try failed, as a class: ADDRESS_NOT_ALLOWED (the host is or resolves to a loopback, private, link-local or other non-public address the operator has not allowed: nothing was sent), CONNECTION_FAILED (no connection or no answer: name not resolved, refused, reset, TLS), TIMEOUT, HTTP_3XX (redirects are not followed), HTTP_4XX, HTTP_5XX, HTTP_OTHER; statusCode has the exact status when an answer came. Null when the try succeeded (2xx).',
    }),
    durationMs: t.exposeInt('durationMs', { description: 'How long the request took, in milliseconds.' }),
  }),
});

const WebhookDelivery = builder.objectRef<WebhookDeliveryRow>('WebhookDelivery').implement({
  description: 'One event sent (or to send) to one endpoint, with its tries.',
  authScopes: SERVICE_ACCOUNT,
  fields: (t) => ({
    id: t.globalID({ description: 'Global id of the delivery, for redeliverWebhook.', resolve: (delivery) => ({ type: 'WebhookDelivery', id: delivery.id }) }),
    messageId: t.exposeString('id', { description: 'The webhook-id header: the same on every try, so that the endpoint can drop duplicates.' }),
    status: t.expose('status', { type: WebhookDeliveryStatusEnum, description: 'Where it stands.' }),
    eventType: t.expose('eventType', { type: CaseEventTypeEnum, description: 'The type of the event it carries.' }),
    eventCursor: t.string({
      description: 'The feedCursor of the event it carries.',
      resolve: (delivery) => encodeFeedCursor({ transactionId: delivery.eventTransactionId, position: delivery.eventPosition }),
    }),
    body: t.exposeString('body', { description: 'The JSON body, byte for byte as sent: { type, timestamp, data }. When the citizen’s data is erased, the payload is replaced by the redacted one.' }),
    attemptCount: t.exposeInt('attemptCount', { description: 'Tries since it was created or last redelivered.' }),
    attempts: t.field({
      type: [WebhookAttempt],
      description: 'Its tries, oldest first (the latest 50).',
      resolve: (delivery, _args, context) => batchLoader(context, 'webhookAttempts', (ids) => attemptsByDeliveryIds(context.db, ids)).load(delivery.id),
    }),
    nextAttemptAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it will be tried next; null unless PENDING.',
      resolve: (delivery) => (delivery.status === 'PENDING' ? delivery.nextAttemptAt : null),
    }),
    deliveredAt: t.field({ type: 'DateTime', nullable: true, description: 'When the endpoint accepted it; null unless DELIVERED.', resolve: (delivery) => delivery.deliveredAt }),
    createdAt: t.field({ type: 'DateTime', description: 'When the event was queued for this endpoint.', resolve: (delivery) => delivery.createdAt }),
  }),
});

builder.queryFields((t) => ({
  webhooks: t.connection(
    {
      type: Webhook,
      description: 'Your endpoints, oldest first. Service accounts only.',
      authScopes: SERVICE_ACCOUNT,
      resolve: async (_root, args, context) => toConnection(await listWebhooks(context.db, context.viewer, args, context.limits.maxPageSize)),
    },
    { name: 'WebhookConnection', description: 'A page of webhooks.', authScopes: SERVICE_ACCOUNT },
    { name: 'WebhookEdge', description: 'A webhook and its cursor.', authScopes: SERVICE_ACCOUNT },
  ),
  webhookDeliveries: t.connection(
    {
      type: WebhookDelivery,
      description:
        'The delivery log of one of your endpoints, newest first. Delivered and dead deliveries are deleted some time after their creation (30 days unless the operator sets otherwise). Service accounts only; another account’s webhook is NOT_FOUND.',
      authScopes: SERVICE_ACCOUNT,
      args: {
        webhookId: t.arg.globalID({ required: true, for: Webhook, description: 'The global id of the webhook.' }),
        status: t.arg({ type: WebhookDeliveryStatusEnum, required: false, description: 'Only deliveries in this state.' }),
      },
      resolve: async (_root, args, context) =>
        toConnection(await listWebhookDeliveries(context.db, context.viewer, args.webhookId.id, args.status ?? undefined, args, context.limits.maxPageSize)),
    },
    { name: 'WebhookDeliveryConnection', description: 'A page of deliveries.', authScopes: SERVICE_ACCOUNT },
    { name: 'WebhookDeliveryEdge', description: 'A delivery and its cursor.', authScopes: SERVICE_ACCOUNT },
  ),
}));

const WebhookFilterInput = builder.inputType('WebhookFilterInput', {
  description: 'Which events to send; all given criteria must match. Events are always limited to cases your service may read.',
  fields: (t) => ({
    serviceId: t.globalID({ required: false, for: Service, description: 'The global id of a service: only the events of its cases and of those handed to it.' }),
    themeCodes: t.stringList({ required: false, description: 'Only cases on these themes or their sub-themes (at most 50 codes).' }),
    types: t.field({ type: [CaseEventTypeEnum], required: false, description: 'Only these event types.' }),
  }),
});

const CreateWebhookInput = builder.inputType('CreateWebhookInput', {
  description: 'An endpoint to register.',
  fields: (t) => ({
    url: t.string({
      required: true,
      description:
        'Absolute http(s) URL without credentials, at most 2,000 characters; https in production. Its host must be public: loopback, private, link-local (cloud metadata), unique-local, shared, multicast and reserved addresses and names such as localhost or *.internal are refused unless the operator allows them; every try checks again the addresses the name resolves to.',
    }),
    description: t.string({ required: false, description: 'What it is for, at most 500 characters.' }),
    filter: t.field({ type: WebhookFilterInput, required: false, description: 'Which events; every event you may read when omitted.' }),
    after: t.string({ required: false, description: 'A feedCursor: also send every event after it. Without it, events from now on.' }),
  }),
});

const CreateWebhookSuccess = builder.objectRef<{ webhook: WebhookRow; secret: string }>('CreateWebhookSuccess').implement({
  description: 'The endpoint is registered; deliveries start with the next event.',
  authScopes: SERVICE_ACCOUNT,
  fields: (t) => ({
    webhook: t.field({ type: Webhook, description: 'The new webhook.', resolve: (result) => result.webhook }),
    secret: t.exposeString('secret', {
      description: 'The signing secret (whsec_ + base64 key), shown here only: store it to verify webhook-signature.',
    }),
  }),
});

builder.mutationField('createWebhook', (t) =>
  t.field({
    type: CreateWebhookSuccess,
    description: 'Registers an endpoint for your service account (at most 20). Service accounts only.',
    authScopes: SERVICE_ACCOUNT,
    errors: { types: [ValidationError], directResult: true },
    args: { input: t.arg({ type: CreateWebhookInput, required: true, description: 'The endpoint.' }) },
    resolve: (_root, { input }, context) =>
      createWebhook(
        context.db,
        context.vault,
        context.viewer,
        {
          url: input.url,
          description: input.description,
          after: input.after,
          filter: {
            ...(input.filter?.serviceId ? { serviceId: input.filter.serviceId.id } : {}),
            ...(input.filter?.themeCodes?.length ? { themeCodes: input.filter.themeCodes } : {}),
            ...(input.filter?.types?.length ? { types: input.filter.types } : {}),
          },
        },
        context.webhookPolicy,
      ),
  }),
);

const DeleteWebhookInput = builder.inputType('DeleteWebhookInput', {
  description: 'The endpoint to remove.',
  fields: (t) => ({ id: t.globalID({ required: true, for: Webhook, description: 'The global id of the webhook.' }) }),
});

const DeleteWebhookSuccess = builder.objectRef<{ deletedWebhookId: string }>('DeleteWebhookSuccess').implement({
  description: 'The endpoint and its delivery log are gone; nothing more is sent to it.',
  authScopes: SERVICE_ACCOUNT,
  fields: (t) => ({
    deletedWebhookId: t.globalID({ description: 'The id it had.', resolve: (result) => ({ type: 'Webhook', id: result.deletedWebhookId }) }),
  }),
});

builder.mutationField('deleteWebhook', (t) =>
  t.field({
    type: DeleteWebhookSuccess,
    description: 'Removes one of your endpoints. Service accounts only.',
    authScopes: SERVICE_ACCOUNT,
    errors: { types: [NotFoundError], directResult: true },
    args: { input: t.arg({ type: DeleteWebhookInput, required: true, description: 'The webhook.' }) },
    resolve: async (_root, { input }, context) => ({ deletedWebhookId: await deleteWebhook(context.db, context.viewer, input.id.id) }),
  }),
);

const RedeliverWebhookInput = builder.inputType('RedeliverWebhookInput', {
  description: 'The delivery to send again.',
  fields: (t) => ({ deliveryId: t.globalID({ required: true, for: WebhookDelivery, description: 'The global id of the delivery (DEAD, or any other to send again).' }) }),
});

const RedeliverWebhookSuccess = builder.objectRef<{ delivery: WebhookDeliveryRow }>('RedeliverWebhookSuccess').implement({
  description: 'The delivery is PENDING again and will be tried now, then on the retry schedule.',
  authScopes: SERVICE_ACCOUNT,
  fields: (t) => ({ delivery: t.field({ type: WebhookDelivery, description: 'The delivery.', resolve: (result) => result.delivery }) }),
});

builder.mutationField('redeliverWebhook', (t) =>
  t.field({
    type: RedeliverWebhookSuccess,
    description: 'Sends a delivery again from the first try of the retry schedule, with the same webhook-id and body. Service accounts only.',
    authScopes: SERVICE_ACCOUNT,
    errors: { types: [NotFoundError], directResult: true },
    args: { input: t.arg({ type: RedeliverWebhookInput, required: true, description: 'The delivery.' }) },
    resolve: async (_root, { input }, context) => ({ delivery: await redeliverWebhook(context.db, context.viewer, input.deliveryId.id) }),
  }),
);

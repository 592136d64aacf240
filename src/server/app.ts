import { randomUUID } from 'node:crypto';
import type { AddressInfo, Socket } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo from '@as-integrations/fastify';
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import { GraphQLError } from 'graphql';
import { createTokenVerifier } from '../auth/tokens.js';
import { type Config, ConfigError } from '../config.js';
import type { DatabaseHandle } from '../db/client.js';
import { type Context, schema } from '../schema/index.js';
import { listenForCaseEvents } from '../events/wake-ups.js';
import { parseAllowList } from '../domain/network-addresses.js';
import { createDataVault } from '../services/data-vault.js';
import { type CaseEventFeed, createCaseEventFeed } from '../services/event-feed.js';
import { startFeedLagMonitor } from '../services/feed-lag.js';
import { openReferenceCache } from '../services/reference-cache.js';
import { startWebhookWorker } from '../services/webhook-delivery.js';
import { startNoShowJob } from '../services/appointments/visits.js';
import { startUploadCleanupJob } from '../services/documents/cleanup.js';
import { postgresDocumentStore } from '../services/documents/storage.js';
import { type ContextDependencies, type ContextFor, createContext } from './context.js';
import { contextCreationError, httpErrorBody, presentToClient, SHUTTING_DOWN_BODY, withContractCode } from './errors.js';
import { type DemoIdentity, explorerPagePlugin, serveExplorer } from './explorer.js';
import { serveDocumentDownloads, serveDocumentUploads } from './documents.js';
import { serveMetrics } from './metrics.js';
import { costError, estimateCost, limitRules } from './limits.js';
import { attachWebSocketServer, type WebSocketStats } from './websocket.js';
import { MANDATES_ENDED_CHANNEL } from '../services/mandates/grants.js';
import { latestMandateExpiries } from '../services/mandates/reads.js';
import { rememberingViewers } from '../services/viewers.js';

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  /** Open WebSocket connections and subscribers closed as too slow, read-only. */
  webSocket: WebSocketStats;
  /** Shared readers of the case-event feed and subscribers dropped from them, read-only. */
  caseEvents: CaseEventFeed['stats'];
  /**
   * Stops taking requests, drains HTTP and WebSocket clients and waits for the requests still
   * running (also those whose client has gone), then stops the webhook worker and the LISTEN
   * connection. The database stays open. `onStep` is told which resource it is waiting for.
   */
  close(onStep?: (resource: ShutdownStep) => void): Promise<void>;
}

/** What close() waits for, in order. */
export type ShutdownStep = 'websocket' | 'running requests' | 'http connections' | 'webhook worker' | 'no-show job' | 'upload clean-up' | 'feed lag monitor' | 'listen connection';

const READY_TIMEOUT_MS = 2_000;

/** Logs masked errors with the request id the client sees, and adds that id to the response. */
function errorPresentationPlugin(log: FastifyBaseLogger): ApolloServerPlugin<Context> {
  const logMasked = (details: { requestId: string | undefined; error: string }) => log.error(details, 'masked error');
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue, errors }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          const requestId = contextValue?.requestId;
          response.body.singleResult.errors = response.body.singleResult.errors.map((formatted, index) =>
            presentToClient(formatted, errors?.[index], requestId, logMasked),
          );
        },
      };
    },
  };
}

/** Refuses, before execution, an operation whose estimated cost is over the limit. */
function costLimitPlugin(maxCost: number): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operationName, request }) {
          const cost = estimateCost(schema, document, operationName, request.variables);
          if (cost > maxCost) {
            const error = costError(cost, maxCost);
            throw new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 400 } } });
          }
        },
      };
    },
  };
}

export interface ServerOptions {
  /** Where log lines go instead of stdout: lets a test read what the server logged. */
  logStream?: { write(line: string): void };
  /** Who the explorer's "sign in as" menu offers outside production (the entry point knows the demo data; see explorer.ts). */
  demoIdentities?: readonly DemoIdentity[];
  /** The time requests run at; the wall clock when omitted. Lets a test move through an appointment's day. */
  clock?: () => Date;
}

export async function startServer(config: Config, database: DatabaseHandle, options: ServerOptions = {}): Promise<RunningServer> {
  const { allowList, invalid } = parseAllowList(config.webhooks.allowedHosts);
  if (invalid.length > 0) throw new ConfigError(`WEBHOOK_ALLOWED_HOSTS: not a host name, IP address or CIDR network: ${invalid.join(', ')}`);
  const wakeUps = await listenForCaseEvents(database);
  const referenceCache = await openReferenceCache(database);
  const clock = options.clock ?? (() => new Date());
  const dependencies: ContextDependencies = {
    db: database.db,
    vault: createDataVault(config.dataKey),
    documentStore: postgresDocumentStore(database.db),
    verifyToken: createTokenVerifier(config.jwt),
    limits: config.limits,
    caseEvents: createCaseEventFeed(database.db, wakeUps, { clock }),
    referenceCache,
    webhookPolicy: { requireHttps: config.webhooks.requireHttps, allowList },
    viewers: rememberingViewers(database.db),
    clock,
  };
  const validationRules = limitRules(config.limits);

  /**
   * A refused token is already a client-facing UNAUTHENTICATED error; anything else (the
   * database gone while resolving the viewer) is logged and masked, never echoed.
   */
  const contextFor: ContextFor = async (authorization, requestId, clientAddress, options) => {
    try {
      return await createContext(dependencies, authorization, requestId, clientAddress, options);
    } catch (error) {
      if (error instanceof GraphQLError) throw error;
      app.log.error({ requestId, err: error }, 'context creation failed');
      throw contextCreationError(error, requestId);
    }
  };

  const app = Fastify({
    logger: { level: config.logLevel, ...(options.logStream ? { stream: options.logStream } : {}) },
    bodyLimit: config.limits.maxBodyBytes,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    // Fastify's own 503 while closing is not GraphQL-shaped: the onRequest hook below answers instead.
    return503OnClosing: false,
  });
  // Requests whose handler has not finished. A client that goes away does not stop its request:
  // close() waits for these, so that the database is not closed under a running request (a
  // request stuck for good is cut by main's shutdown deadline). onSend runs for every reply,
  // also one whose client has gone.
  const running = new Set<object>();
  // Once close() has begun, a new request (on a connection that was busy, or pipelined behind a
  // running request) is refused with 503 and the connection closed, so that its client retries
  // elsewhere; requests already running finish. Requests not yet answered are counted per socket
  // so that a running request's answer closes its connection unless a refused one follows it on
  // the same socket (that one carries the close instead, or it would never be sent).
  let closing = false;
  const unanswered = new WeakMap<Socket, number>();
  app.addHook('onRequest', async (request, reply) => {
    const socket = request.raw.socket;
    unanswered.set(socket, (unanswered.get(socket) ?? 0) + 1);
    reply.raw.once('close', () => unanswered.set(socket, (unanswered.get(socket) ?? 1) - 1));
    if (closing) {
      return reply.code(503).header('connection', 'close').type('application/json; charset=utf-8').send(SHUTTING_DOWN_BODY);
    }
    running.add(request);
  });
  app.addHook('onSend', async (request, reply) => {
    running.delete(request);
    reply.header('x-request-id', request.id);
    if (closing && (unanswered.get(request.raw.socket) ?? 0) <= 1) reply.header('connection', 'close');
  });
  // A connection whose answer was under way when close() began carries no connection: close;
  // Node's server.close() closed only the connections idle then, so this one is closed once idle.
  app.addHook('onResponse', async () => {
    if (closing) setImmediate(() => app.server.closeIdleConnections());
  });
  // What Fastify refuses before GraphQL runs (a body too large, not JSON, of another media type)
  // answers in the GraphQL-over-HTTP error shape too, with a code from the closed set.
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { status, body } = httpErrorBody(error, request.id);
    if (status >= 500) request.log.error({ requestId: request.id, err: error }, 'request failed');
    else request.log.info({ requestId: request.id, code: error.code, status }, 'request refused');
    return reply.code(status).type('application/json; charset=utf-8').send(body);
  });

  const apollo = new ApolloServer<Context>({
    schema,
    validationRules,
    parseOptions: { maxTokens: config.limits.maxTokens },
    introspection: !config.production,
    hideSchemaDetailsFromClientErrors: config.production,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Error shapes are decided in errorPresentationPlugin, which also knows the request id.
    formatError: (formatted) => withContractCode(formatted),
    logger: app.log,
    // main.ts owns SIGTERM and closes everything in order (close() below). Apollo's own handler
    // would close Fastify at the same time and cut connections after its own 10 s.
    stopOnTerminationSignals: false,
    plugins: [
      // No cache hints are used: without this, Apollo wraps every field's resolution to compute them.
      ApolloServerPluginCacheControlDisabled(),
      costLimitPlugin(config.limits.maxCost),
      errorPresentationPlugin(app.log),
      explorerPagePlugin<Context>(config, options.demoIdentities ?? []),
    ],
  });
  await apollo.start();

  const feedLag = startFeedLagMonitor({ db: database.db, driver: database.driver, warningMs: config.feedLagWarningMs, log: app.log });
  if (config.metricsEnabled) serveMetrics(app, database, feedLag);
  serveExplorer(app, config, options.demoIdentities ?? []);
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    try {
      await Promise.race([
        database.ping(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), READY_TIMEOUT_MS).unref()),
      ]);
    } catch {
      return reply.code(503).send({ status: 'unavailable', reason: 'database unreachable' });
    }
    // Still ready (the API works), but events wait: the last measure, not a query of its own.
    if (!feedLag.heldBack) return { status: 'ready' };
    const { heldBackSeconds, holder } = feedLag.current;
    return { status: 'ready', feed: { heldBackSeconds, holder: holder ?? null } };
  });

  await app.register(fastifyApollo(apollo), {
    context: async (request) => contextFor(request.headers.authorization, request.id, request.ip),
  });

  const documentStore = dependencies.documentStore;
  serveDocumentUploads(app, { db: database.db, store: documentStore, contextFor, maxBytes: config.documentMaxBytes });
  serveDocumentDownloads(app, { db: database.db, store: documentStore, contextFor });

  const webSocket = attachWebSocketServer(app, {
    config,
    validationRules,
    contextFor,
    clock,
    latestMandateExpiries: (citizenIds, now) => latestMandateExpiries(database.db, citizenIds, now),
  });
  // A revoked mandate closes its representative's connections at once, on every instance: their
  // subscriptions were opened with what it reached (an expired one at the next rights check).
  const stopHearingEndedMandates = await database.listen(MANDATES_ENDED_CHANNEL, (citizenId) => webSocket.closeConnectionsOfCitizen(citizenId));

  const webhookWorker = config.webhooks.workerEnabled
    ? startWebhookWorker({
        db: database.db,
        vault: dependencies.vault,
        wakeUps,
        settings: {
          retry: { baseDelayMs: config.webhooks.retryBaseDelayMs, maxAttempts: config.webhooks.maxAttempts },
          requestTimeoutMs: config.webhooks.requestTimeoutMs,
          allowList,
          bodyRetentionDays: config.webhooks.bodyRetentionDays,
        },
        log: app.log,
      })
    : undefined;

  const noShowJob = config.noShowJob.enabled ? startNoShowJob({ db: database.db, intervalMs: config.noShowJob.intervalMs, clock: dependencies.clock, log: app.log }) : undefined;

  const uploadCleanup = config.documentCleanupJob.enabled
    ? startUploadCleanupJob({ db: database.db, store: documentStore, intervalMs: config.documentCleanupJob.intervalMs, clock: dependencies.clock, log: app.log })
    : undefined;

  // Loaded before the first request, so that no request pays for it (only the first after a
  // change of reference data does); should this fail, that first request tries again.
  await referenceCache.load().catch((error: unknown) => app.log.warn({ err: error }, 'reference data not cached at start'));

  await app.listen({ host: config.host, port: config.port });
  const port = (app.server.address() as AddressInfo).port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;

  return {
    url: `http://${host}:${port}/graphql`,
    app,
    webSocket: webSocket.stats,
    caseEvents: dependencies.caseEvents.stats,
    async close(onStep = () => {}) {
      closing = true;
      onStep('websocket');
      await webSocket.close();
      // Stops listening and closes the keep-alive connections that are idle (Node's server.close);
      // it resolves once every connection is closed, so it is awaited after the running requests.
      const httpClosed = app.close();
      onStep('running requests');
      while (running.size > 0) await new Promise((resolve) => setTimeout(resolve, 25));
      onStep('http connections');
      await httpClosed;
      await apollo.stop();
      onStep('webhook worker');
      await webhookWorker?.stop();
      onStep('no-show job');
      await noShowJob?.stop();
      onStep('upload clean-up');
      await uploadCleanup?.stop();
      onStep('feed lag monitor');
      await feedLag.stop();
      onStep('listen connection');
      await wakeUps.close().catch(() => {});
      await stopHearingEndedMandates().catch(() => {});
      await referenceCache.close().catch(() => {});
    },
  };
}

import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
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
import { startWebhookWorker } from '../services/webhook-delivery.js';
import { type ContextDependencies, createContext } from './context.js';
import { contextCreationError, httpErrorBody, presentToClient, withContractCode } from './errors.js';
import { landingPageHtml } from './landing-page.js';
import { serveMetrics } from './metrics.js';
import { costError, estimateCost, limitRules } from './limits.js';
import { attachWebSocketServer, type WebSocketStats } from './websocket.js';

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  /** Open WebSocket connections and subscribers closed as too slow, read-only. */
  webSocket: WebSocketStats;
  /** Shared readers of the case-event feed and subscribers dropped from them, read-only. */
  caseEvents: CaseEventFeed['stats'];
  /**
   * Stops taking requests, drains HTTP and WebSocket clients and waits for the requests still
   * running (also those whose client has gone). The database stays open.
   */
  close(): Promise<void>;
}

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

function landingPagePlugin(): ApolloServerPlugin<Context> {
  const html = landingPageHtml();
  return {
    async serverWillStart() {
      return { async renderLandingPage() { return { html }; } };
    },
  };
}

export interface ServerOptions {
  /** Where log lines go instead of stdout: lets a test read what the server logged. */
  logStream?: { write(line: string): void };
}

export async function startServer(config: Config, database: DatabaseHandle, options: ServerOptions = {}): Promise<RunningServer> {
  const { allowList, invalid } = parseAllowList(config.webhooks.allowedHosts);
  if (invalid.length > 0) throw new ConfigError(`WEBHOOK_ALLOWED_HOSTS: not a host name, IP address or CIDR network: ${invalid.join(', ')}`);
  const wakeUps = await listenForCaseEvents(database);
  const dependencies: ContextDependencies = {
    db: database.db,
    vault: createDataVault(config.dataKey),
    verifyToken: createTokenVerifier(config.jwt),
    limits: config.limits,
    caseEvents: createCaseEventFeed(database.db, wakeUps),
    webhookPolicy: { requireHttps: config.webhooks.requireHttps, allowList },
  };
  const validationRules = limitRules(config.limits);

  /**
   * A refused token is already a client-facing UNAUTHENTICATED error; anything else (the
   * database gone while resolving the viewer) is logged and masked, never echoed.
   */
  const contextFor = async (authorization: string | undefined, requestId: string, clientAddress?: string): Promise<Context> => {
    try {
      return await createContext(dependencies, authorization, requestId, clientAddress);
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
  });
  // Requests whose handler has not finished. A client that goes away does not stop its request:
  // close() waits for these, so that the database is not closed under a running request (a
  // request stuck for good is cut by main's shutdown deadline). onSend runs for every reply,
  // also one whose client has gone.
  const running = new Set<object>();
  app.addHook('onRequest', async (request) => {
    running.add(request);
  });
  app.addHook('onSend', async (request, reply) => {
    running.delete(request);
    reply.header('x-request-id', request.id);
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
    plugins: [
      fastifyApolloDrainPlugin(app),
      // No cache hints are used: without this, Apollo wraps every field's resolution to compute them.
      ApolloServerPluginCacheControlDisabled(),
      costLimitPlugin(config.limits.maxCost),
      errorPresentationPlugin(app.log),
      landingPagePlugin(),
    ],
  });
  await apollo.start();

  const feedLag = startFeedLagMonitor({ db: database.db, driver: database.driver, warningMs: config.feedLagWarningMs, log: app.log });
  if (config.metricsEnabled) serveMetrics(app, database, feedLag);
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

  const webSocket = attachWebSocketServer(app, { config, validationRules, contextFor });

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

  await app.listen({ host: config.host, port: config.port });
  const port = (app.server.address() as AddressInfo).port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;

  return {
    url: `http://${host}:${port}/graphql`,
    app,
    webSocket: webSocket.stats,
    caseEvents: dependencies.caseEvents.stats,
    async close() {
      await webSocket.close();
      await app.close();
      while (running.size > 0) await new Promise((resolve) => setTimeout(resolve, 25));
      await webhookWorker?.stop();
      await feedLag.stop();
      await wakeUps.close().catch(() => {});
    },
  };
}

import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import { type ExecutionArgs, GraphQLError, NoSchemaIntrospectionCustomRule, parse, validate, specifiedRules, getOperationAST } from 'graphql';
import type { Context as WsContext } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { createTokenVerifier } from '../auth/tokens.js';
import type { Config } from '../config.js';
import type { DatabaseHandle } from '../db/client.js';
import { type Context, schema } from '../schema/index.js';
import { createNationalNumberVault } from '../services/national-number-vault.js';
import { type ContextDependencies, createContext } from './context.js';
import { contextCreationError, presentError, withContractCode } from './errors.js';
import { landingPageHtml } from './landing-page.js';
import { limitRules } from './limits.js';

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  /** Stops taking requests, drains HTTP and WebSocket clients. The database stays open. */
  close(): Promise<void>;
}

const READY_TIMEOUT_MS = 2_000;
const WEBSOCKET_KEEP_ALIVE_MS = 12_000;
const CONNECTION_INIT_TIMEOUT_MS = 5_000;

/** Logs masked errors with the request id the client sees, and adds that id to the response. */
function errorPresentationPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue, errors, logger }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          const requestId = contextValue?.requestId;
          response.body.singleResult.errors = response.body.singleResult.errors.map((formatted, index) => {
            const presented = presentError(formatted, errors?.[index]);
            if (!presented.masked) return presented.formatted;
            logger.error(JSON.stringify({ requestId, error: String(errors?.[index]?.stack ?? errors?.[index]) }));
            return { ...presented.formatted, extensions: { ...presented.formatted.extensions, requestId } };
          });
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

export async function startServer(config: Config, database: DatabaseHandle): Promise<RunningServer> {
  const dependencies: ContextDependencies = {
    db: database.db,
    vault: createNationalNumberVault(config.dataKey),
    verifyToken: createTokenVerifier(config.jwt),
    limits: config.limits,
  };
  const validationRules = limitRules(config.limits);

  /**
   * A refused token is already a client-facing UNAUTHENTICATED error; anything else (the
   * database gone while resolving the viewer) is logged and masked, never echoed.
   */
  const contextFor = async (authorization: string | undefined, requestId: string): Promise<Context> => {
    try {
      return await createContext(dependencies, authorization, requestId);
    } catch (error) {
      if (error instanceof GraphQLError) throw error;
      app.log.error({ requestId, err: error }, 'context creation failed');
      throw contextCreationError(error, requestId);
    }
  };
  // graphql-ws validates on its own: it gets what Apollo adds in production (no introspection, no suggestions).
  const webSocketValidationRules = [...specifiedRules, ...validationRules, ...(config.production ? [NoSchemaIntrospectionCustomRule] : [])];

  const app = Fastify({
    logger: { level: config.logLevel },
    bodyLimit: config.limits.maxBodyBytes,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
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
    plugins: [fastifyApolloDrainPlugin(app), errorPresentationPlugin(), landingPagePlugin()],
  });
  await apollo.start();

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    try {
      await Promise.race([
        database.ping(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), READY_TIMEOUT_MS).unref()),
      ]);
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ status: 'unavailable', reason: 'database unreachable' });
    }
  });

  await app.register(fastifyApollo(apollo), {
    context: async (request) => contextFor(request.headers.authorization, request.id),
  });

  // Subscriptions (and any operation) over graphql-ws on the same path, same limits and auth.
  const wsServer = new WebSocketServer({ server: app.server, path: '/graphql', maxPayload: config.limits.maxBodyBytes });
  type ConnectionParams = { authorization?: unknown };
  const authorizationOf = (ctx: WsContext<ConnectionParams>) =>
    typeof ctx.connectionParams?.authorization === 'string' ? ctx.connectionParams.authorization : undefined;
  const wsDisposable = useServer<ConnectionParams>(
    {
      schema,
      connectionInitWaitTimeout: CONNECTION_INIT_TIMEOUT_MS,
      onConnect: async (ctx) => {
        try {
          await contextFor(authorizationOf(ctx), randomUUID());
          return true;
        } catch (error) {
          // A refused token closes with 4403 Forbidden, as the protocol says; an outage is
          // rethrown, which closes with 4500 and the masked message.
          if (error instanceof GraphQLError && error.extensions.code === 'UNAUTHENTICATED') return false;
          throw error;
        }
      },
      onSubscribe: async (ctx, _id, payload) => {
        let document;
        try {
          document = parse(payload.query, { maxTokens: config.limits.maxTokens });
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError('Syntax error.')].map(withCode('GRAPHQL_PARSE_FAILED'));
        }
        const errors = validate(schema, document, webSocketValidationRules);
        if (errors.length > 0) {
          return errors.map(config.production ? withoutSuggestion : (error) => error).map(withCode('GRAPHQL_VALIDATION_FAILED'));
        }
        if (!getOperationAST(document, payload.operationName)) {
          return [new GraphQLError('Unknown operation name.', { extensions: { code: 'BAD_USER_INPUT' } })];
        }
        let contextValue: Context;
        try {
          contextValue = await contextFor(authorizationOf(ctx), randomUUID());
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
        const args: ExecutionArgs = {
          schema,
          document,
          variableValues: payload.variables,
          operationName: payload.operationName,
          contextValue,
        };
        return args;
      },
      onNext: (_ctx, _id, payload, args, result) => {
        if (!result.errors) return;
        const requestId = (args.contextValue as Context).requestId;
        return {
          ...result,
          errors: result.errors.map((error) => {
            const presented = presentError(error.toJSON(), error);
            if (!presented.masked) return presented.formatted;
            app.log.error({ requestId, operation: payload.operationName, err: error.originalError ?? error }, 'masked error');
            return { ...presented.formatted, extensions: { ...presented.formatted.extensions, requestId } };
          }),
        };
      },
    },
    wsServer,
    WEBSOCKET_KEEP_ALIVE_MS,
  );

  await app.listen({ host: config.host, port: config.port });
  const port = (app.server.address() as AddressInfo).port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;

  return {
    url: `http://${host}:${port}/graphql`,
    app,
    async close() {
      for (const client of wsServer.clients) client.close(1001, 'Server shutting down');
      await wsDisposable.dispose();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
      await app.close();
    },
  };
}

/** The message without graphql-js's "Did you mean …?" hint, as Apollo's hideSchemaDetailsFromClientErrors does. */
function withoutSuggestion(error: GraphQLError): GraphQLError {
  return new GraphQLError(error.message.replace(/ ?Did you mean(.+?)\?$/, ''), { nodes: error.nodes, extensions: error.extensions });
}

function withCode(code: string) {
  return (error: GraphQLError) =>
    new GraphQLError(error.message, { nodes: error.nodes, extensions: { ...error.extensions, code } });
}

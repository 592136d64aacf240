import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import {
  createSourceEventStream,
  execute,
  type ExecutionArgs,
  type ExecutionResult,
  getOperationAST,
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
  type ValidationRule,
} from 'graphql';
import type { Context as WsContext } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Config } from '../config.js';
import { type Context, schema } from '../schema/index.js';
import { presentToClient } from './errors.js';
import { costError, estimateCost } from './limits.js';
import { guardAgainstStall, SLOW_SUBSCRIBER_CLOSE_CODE, SLOW_SUBSCRIBER_CLOSE_REASON } from './stall-guard.js';

const KEEP_ALIVE_MS = 12_000;
const CONNECTION_INIT_TIMEOUT_MS = 5_000;

type ConnectionParams = { authorization?: unknown };

interface WebSocketOptions {
  config: Config;
  validationRules: ValidationRule[];
  /** The same context factory as HTTP requests: one auth path for both transports. */
  contextFor(authorization: string | undefined, requestId: string, clientAddress?: string): Promise<Context>;
}

/** Read-only figures of the WebSocket side, for tests and diagnostics. */
export interface WebSocketStats {
  readonly openConnections: number;
  /** Connections closed with 4008 because a subscription result waited too long to be sent. */
  readonly slowSubscribersClosed: number;
}

/**
 * graphql-ws on the HTTP server's /graphql path. It parses and validates on its own, so it
 * applies here what Apollo applies to HTTP: token and depth limits, and in production no
 * introspection and no field suggestions. A subscriber that stops reading is closed with 4008
 * after `config.subscriberStallTimeoutMs` (stall-guard.ts) and resumes with its last cursor.
 */
export function attachWebSocketServer(app: FastifyInstance, { config, validationRules, contextFor }: WebSocketOptions) {
  const rules = [...specifiedRules, ...validationRules, ...(config.production ? [NoSchemaIntrospectionCustomRule] : [])];
  const authorizationOf = (ctx: WsContext<ConnectionParams>) =>
    typeof ctx.connectionParams?.authorization === 'string' ? ctx.connectionParams.authorization : undefined;

  const server = new WebSocketServer({ server: app.server, path: '/graphql', maxPayload: config.limits.maxBodyBytes });
  let slowSubscribersClosed = 0;
  const disposable = useServer<ConnectionParams>(
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
        const errors = validate(schema, document, rules);
        if (errors.length > 0) {
          return errors.map(config.production ? withoutSuggestion : (error) => error).map(withCode('GRAPHQL_VALIDATION_FAILED'));
        }
        if (!getOperationAST(document, payload.operationName)) {
          return [new GraphQLError('Unknown operation name.', { extensions: { code: 'BAD_USER_INPUT' } })];
        }
        const cost = estimateCost(schema, document, payload.operationName, payload.variables);
        if (cost > config.limits.maxCost) return [costError(cost, config.limits.maxCost)];
        let contextValue: Context;
        try {
          contextValue = await contextFor(authorizationOf(ctx), randomUUID(), ctx.extra.request.socket.remoteAddress);
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
        const args: ExecutionArgs = { schema, document, variableValues: payload.variables, operationName: payload.operationName, contextValue };
        return args;
      },
      subscribe: subscribeWithContextPerEvent,
      onOperation: (ctx, id, _payload, args, result) => {
        if (!isAsyncIterable(result)) return;
        const socket = ctx.extra.socket;
        return guardAgainstStall(result, {
          timeoutMs: config.subscriberStallTimeoutMs,
          onStall: () => {
            // Another subscription of the same socket may have stalled first.
            if (socket.readyState !== socket.OPEN) return;
            slowSubscribersClosed += 1;
            app.log.warn(
              { requestId: (args.contextValue as Context).requestId, subscriptionId: id, stallTimeoutMs: config.subscriberStallTimeoutMs },
              'subscriber too slow: WebSocket closed with 4008',
            );
            socket.close(SLOW_SUBSCRIBER_CLOSE_CODE, SLOW_SUBSCRIBER_CLOSE_REASON);
          },
        });
      },
      onNext: (_ctx, _id, _payload, args, result) => {
        if (!result.errors) return;
        const { requestId } = args.contextValue as Context;
        return {
          ...result,
          errors: result.errors.map((error) => presentToClient(error.toJSON(), error, requestId, (details) => app.log.error(details, 'masked error'))),
        };
      },
    },
    server,
    KEEP_ALIVE_MS,
  );

  const stats: WebSocketStats = {
    get openConnections() {
      return server.clients.size;
    },
    get slowSubscribersClosed() {
      return slowSubscribersClosed;
    },
  };

  return {
    stats,
    async close() {
      for (const client of server.clients) client.close(1001, 'Server shutting down');
      await disposable.dispose();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * graphql-js's own subscribe executes every event with the subscription's one context, so the
 * per-request DataLoaders would serve the first state of a case for the subscription's whole
 * life and keep every case it ever saw. Each event is executed with a context of its own.
 */
async function subscribeWithContextPerEvent(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const stream = await createSourceEventStream(args);
  if (!isAsyncIterable(stream)) return stream as ExecutionResult;
  const events = stream[Symbol.asyncIterator]();
  const context = args.contextValue as Context;
  const results: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      const event = await events.next();
      if (event.done) return { done: true, value: undefined };
      const result = await execute({ ...args, rootValue: event.value, contextValue: { ...context, now: new Date() } });
      return { done: false, value: result as ExecutionResult };
    },
    async return() {
      await events.return?.();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]() {
      return results;
    },
  };
  return results;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<ExecutionResult> {
  return typeof (value as AsyncIterable<unknown> | null | undefined)?.[Symbol.asyncIterator] === 'function';
}

/** The message without graphql-js's "Did you mean …?" hint, as Apollo's hideSchemaDetailsFromClientErrors does. */
function withoutSuggestion(error: GraphQLError): GraphQLError {
  return new GraphQLError(error.message.replace(/ ?Did you mean(.+?)\?$/, ''), { nodes: error.nodes, extensions: error.extensions });
}

function withCode(code: string) {
  return (error: GraphQLError) => new GraphQLError(error.message, { nodes: error.nodes, extensions: { ...error.extensions, code } });
}

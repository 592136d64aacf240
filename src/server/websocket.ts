import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import {
  type ExecutionArgs,
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

const KEEP_ALIVE_MS = 12_000;
const CONNECTION_INIT_TIMEOUT_MS = 5_000;

type ConnectionParams = { authorization?: unknown };

interface WebSocketOptions {
  config: Config;
  validationRules: ValidationRule[];
  /** The same context factory as HTTP requests: one auth path for both transports. */
  contextFor(authorization: string | undefined, requestId: string, clientAddress?: string): Promise<Context>;
}

/**
 * graphql-ws on the HTTP server's /graphql path. It parses and validates on its own, so it
 * applies here what Apollo applies to HTTP: token and depth limits, and in production no
 * introspection and no field suggestions.
 */
export function attachWebSocketServer(app: FastifyInstance, { config, validationRules, contextFor }: WebSocketOptions) {
  const rules = [...specifiedRules, ...validationRules, ...(config.production ? [NoSchemaIntrospectionCustomRule] : [])];
  const authorizationOf = (ctx: WsContext<ConnectionParams>) =>
    typeof ctx.connectionParams?.authorization === 'string' ? ctx.connectionParams.authorization : undefined;

  const server = new WebSocketServer({ server: app.server, path: '/graphql', maxPayload: config.limits.maxBodyBytes });
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
        const cost = estimateCost(document, payload.operationName, payload.variables);
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

  return {
    async close() {
      for (const client of server.clients) client.close(1001, 'Server shutting down');
      await disposable.dispose();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The message without graphql-js's "Did you mean …?" hint, as Apollo's hideSchemaDetailsFromClientErrors does. */
function withoutSuggestion(error: GraphQLError): GraphQLError {
  return new GraphQLError(error.message.replace(/ ?Did you mean(.+?)\?$/, ''), { nodes: error.nodes, extensions: error.extensions });
}

function withCode(code: string) {
  return (error: GraphQLError) => new GraphQLError(error.message, { nodes: error.nodes, extensions: { ...error.extensions, code } });
}

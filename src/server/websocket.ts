import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import {
  createSourceEventStream,
  execute,
  type ExecutionArgs,
  type ExecutionResult,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
  type ValidationRule,
} from 'graphql';
import type { Context as WsContext } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { decodeJwt } from 'jose';
import { type WebSocket, WebSocketServer } from 'ws';
import { bearerToken } from '../auth/tokens.js';
import type { Config } from '../config.js';
import { sameRights, type Viewer } from '../domain/viewer.js';
import { type Context, schema } from '../schema/index.js';
import type { ContextFor } from './context.js';
import { presentToClient } from './errors.js';
import { costError, estimateCost } from './limits.js';
import { guardAgainstStall, SLOW_SUBSCRIBER_CLOSE_CODE, SLOW_SUBSCRIBER_CLOSE_REASON } from './stall-guard.js';

const KEEP_ALIVE_MS = 12_000;
const CONNECTION_INIT_TIMEOUT_MS = 5_000;
/** How long a closing server waits for a client to answer its close frame. */
const CLOSE_GRACE_MS = 1_000;
/** graphql-ws's own code for a refused connection; ours carries the reason in words. */
export const FORBIDDEN_CLOSE_CODE = 4403;
export const TOKEN_EXPIRED_CLOSE_CODE = 4401;
export const TOKEN_EXPIRED_CLOSE_REASON = 'The token has expired: connect again with a new token.';
export const ACCESS_CHANGED_CLOSE_REASON = 'Your access has changed: connect again to continue with your current rights.';
/** The longest delay setTimeout keeps; a later expiry is caught by the periodic check. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** A WebSocket close reason is at most 123 bytes of UTF-8. */
function closeReason(text: string): string {
  const bytes = Buffer.from(text);
  return bytes.length <= 123 ? text : `${bytes.subarray(0, 120).toString('utf8').replace(/\uFFFD$/, '')}…`;
}

/** When the token of an authorization value expires, in ms since the epoch; only read once the token was verified. */
function tokenExpiry(authorization: string | undefined): number | undefined {
  const token = bearerToken(authorization);
  const expiry = token === undefined ? undefined : decodeJwt(token).exp;
  return expiry === undefined ? undefined : expiry * 1000;
}

type ConnectionParams = { authorization?: unknown };

interface WebSocketOptions {
  config: Config;
  validationRules: ValidationRule[];
  /** The same context factory as HTTP requests: one auth path for both transports. */
  contextFor: ContextFor;
  /** The time requests run at (the test clock in tests): each event is executed at its own. */
  clock: () => Date;
  /** For each of these citizens who held a mandate that expired by `now`, when the latest one did. */
  latestMandateExpiries: (citizenIds: readonly string[], now: Date) => Promise<Map<string, Date>>;
}

/** Read-only figures of the WebSocket side, for tests and diagnostics. */
export interface WebSocketStats {
  readonly openConnections: number;
  /** Connections closed with 4008 because a subscription result waited too long to be sent. */
  readonly slowSubscribersClosed: number;
}

/**
 * graphql-ws on the HTTP server's /graphql path. It parses and validates on its own, so it
 * applies here what Apollo applies to HTTP: token and depth limits, error masking, and in
 * production no introspection and no field suggestions. A subscriber that stops reading is
 * closed with 4008 after `config.subscriberStallTimeoutMs` (stall-guard.ts) and resumes with its
 * last cursor. A connection lives no longer than its token (4401 at `exp`), and no longer than
 * its rights: every `config.subscriberRightsRecheckMs` the token's subject is resolved again, and
 * a connection whose viewer is gone or has other rights is closed with 4403, as are the
 * connections of a representative whose mandate expired meanwhile, and at once those of one
 * whose mandate is revoked (closeConnectionsOfCitizen). The feed stops their events at once in
 * both cases; closing tells the client.
 */
export function attachWebSocketServer(app: FastifyInstance, { config, validationRules, contextFor, clock, latestMandateExpiries }: WebSocketOptions) {
  const rules = [...specifiedRules, ...validationRules, ...(config.production ? [NoSchemaIntrospectionCustomRule] : [])];
  const authorizationOf = (ctx: WsContext<ConnectionParams>) =>
    typeof ctx.connectionParams?.authorization === 'string' ? ctx.connectionParams.authorization : undefined;

  const server = new WebSocketServer({ server: app.server, path: '/graphql', maxPayload: config.limits.maxBodyBytes });
  let slowSubscribersClosed = 0;
  const logMasked = (details: { requestId: string | undefined; error: string }) => app.log.error(details, 'masked error');

  // The viewer each connection was accepted with (and when, on the clock requests run at), to check again while it stays open.
  const watched = new Map<WebSocket, { authorization: string | undefined; viewer: Viewer; acceptedAt: Date; expiresAt: number | undefined; expiry?: NodeJS.Timeout }>();
  const closeExpired = (socket: WebSocket) => socket.close(TOKEN_EXPIRED_CLOSE_CODE, TOKEN_EXPIRED_CLOSE_REASON);
  /** Watches an open connection's token and rights until it closes; false when it closed meanwhile. */
  const watch = (socket: WebSocket, authorization: string | undefined, viewer: Viewer): boolean => {
    // The client may have gone while its token was checked: its close event has passed.
    if (socket.readyState !== socket.OPEN) return false;
    const expiresAt = tokenExpiry(authorization);
    const delay = expiresAt === undefined ? undefined : expiresAt - Date.now();
    // A later expiry than a timer can hold is caught by the periodic check.
    const expiry = delay !== undefined && delay < MAX_TIMER_MS ? setTimeout(() => closeExpired(socket), Math.max(delay, 0)).unref() : undefined;
    watched.set(socket, { authorization, viewer, acceptedAt: clock(), expiresAt, expiry });
    socket.once('close', () => {
      clearTimeout(expiry);
      watched.delete(socket);
    });
    return true;
  };
  /** The viewer a token stands for now, or why it no longer stands for one; undefined when that cannot be told now. */
  const currentViewer = async (authorization: string): Promise<{ viewer: Viewer } | { refused: string } | undefined> => {
    try {
      return { viewer: (await contextFor(authorization, randomUUID(), undefined, { freshViewer: true })).viewer };
    } catch (error) {
      if (error instanceof GraphQLError && error.extensions.code === 'UNAUTHENTICATED') return { refused: error.message };
      return undefined;
    }
  };
  const closeConnectionsOfCitizen = (citizenId: string) => {
    for (const [socket, { viewer }] of watched) {
      if (viewer.kind === 'citizen' && viewer.citizenId === citizenId) socket.close(FORBIDDEN_CLOSE_CODE, ACCESS_CHANGED_CLOSE_REASON);
    }
  };
  // A mandate expires without a write to announce it: each round closes the connections a
  // citizen opened before the latest expiry of a mandate they held.
  const closeRepresentativesOfExpiredMandates = async () => {
    const citizenIds = new Set([...watched.values()].flatMap(({ viewer }) => (viewer.kind === 'citizen' ? [viewer.citizenId] : [])));
    if (citizenIds.size === 0) return;
    const expiries = await latestMandateExpiries([...citizenIds], clock());
    for (const [socket, { viewer, acceptedAt }] of watched) {
      const expiredAt = viewer.kind === 'citizen' ? expiries.get(viewer.citizenId) : undefined;
      if (expiredAt && acceptedAt < expiredAt) socket.close(FORBIDDEN_CLOSE_CODE, ACCESS_CHANGED_CLOSE_REASON);
    }
  };
  /**
   * Resolves each token of an open connection once more; closes the connections whose token
   * expired or whose rights are gone or changed, and those of a representative whose mandate expired.
   */
  const recheckRights = async () => {
    await closeRepresentativesOfExpiredMandates().catch((error: unknown) => app.log.warn({ err: error }, 'WebSocket check of expired mandates failed; the next round checks again'));
    const byToken = new Map<string, WebSocket[]>();
    for (const [socket, { authorization, expiresAt }] of watched) {
      if (expiresAt !== undefined && expiresAt <= Date.now()) closeExpired(socket);
      else if (authorization !== undefined) byToken.set(authorization, [...(byToken.get(authorization) ?? []), socket]);
    }
    for (const [authorization, sockets] of byToken) {
      const now = await currentViewer(authorization);
      // The database or the identity provider being away is no reason to drop anyone, nor to
      // ask again for every token: the next round checks again.
      if (!now) return;
      for (const socket of sockets) {
        const accepted = watched.get(socket)?.viewer;
        if ('refused' in now) socket.close(FORBIDDEN_CLOSE_CODE, closeReason(now.refused));
        else if (accepted && !sameRights(accepted, now.viewer)) socket.close(FORBIDDEN_CLOSE_CODE, ACCESS_CHANGED_CLOSE_REASON);
      }
    }
  };
  let rechecking = false;
  const recheckTimer = setInterval(() => {
    if (rechecking || watched.size === 0) return;
    rechecking = true;
    recheckRights()
      .catch((error: unknown) => app.log.warn({ err: error }, 'WebSocket rights check failed'))
      .finally(() => {
        rechecking = false;
      });
  }, config.subscriberRightsRecheckMs).unref();

  // The request id of each operation, so that an error sent later names the one its logs carry.
  const requestIds = new WeakMap<object, Map<string, string>>();
  const requestIdOf = (ctx: WsContext<ConnectionParams>, id: string) => {
    const ids = requestIds.get(ctx) ?? new Map<string, string>();
    requestIds.set(ctx, ids);
    const requestId = ids.get(id) ?? randomUUID();
    ids.set(id, requestId);
    return requestId;
  };

  const disposable = useServer<ConnectionParams>(
    {
      schema,
      connectionInitWaitTimeout: CONNECTION_INIT_TIMEOUT_MS,
      onConnect: async (ctx) => {
        const authorization = authorizationOf(ctx);
        try {
          const { viewer } = await contextFor(authorization, randomUUID());
          return watch(ctx.extra.socket, authorization, viewer);
        } catch (error) {
          // A refused token closes with 4403, as the protocol says, and the reason in words
          // (graphql-ws's own close that follows is ignored); an outage is rethrown, which
          // closes with 4500 and the masked message.
          if (error instanceof GraphQLError && error.extensions.code === 'UNAUTHENTICATED') {
            ctx.extra.socket.close(FORBIDDEN_CLOSE_CODE, closeReason(error.message));
            return false;
          }
          throw error;
        }
      },
      onSubscribe: async (ctx, id, payload) => {
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
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return [new GraphQLError('Unknown operation name.', { extensions: { code: 'BAD_USER_INPUT' } })];
        // Variables that do not fit their types are the client's mistake, as Apollo says on HTTP;
        // graphql-js would report them without a code, which reads as an internal error.
        const variables = getVariableValues(schema, operation.variableDefinitions ?? [], payload.variables ?? {}, { maxErrors: 20 });
        if (variables.errors) return variables.errors.map(withCode('BAD_USER_INPUT'));
        const cost = estimateCost(schema, document, payload.operationName, payload.variables);
        if (cost > config.limits.maxCost) return [costError(cost, config.limits.maxCost)];
        let contextValue: Context;
        try {
          contextValue = await contextFor(authorizationOf(ctx), requestIdOf(ctx, id), ctx.extra.request.socket.remoteAddress);
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
        const args: ExecutionArgs = { schema, document, variableValues: payload.variables, operationName: payload.operationName, contextValue };
        return args;
      },
      subscribe: (args) => subscribeWithContextPerEvent(args, clock),
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
          errors: result.errors.map((error) => presentToClient(error.toJSON(), error, requestId, logMasked)),
        };
      },
      // Errors that end an operation (refusals before it runs, a failure while it streams) are
      // masked like HTTP's: codes from the closed set, never a database message.
      onError: (ctx, id, _payload, errors) => {
        const requestId = requestIdOf(ctx, id);
        requestIds.get(ctx)?.delete(id);
        return errors.map((error) => presentToClient(error.toJSON(), error, requestId, logMasked));
      },
      onComplete: (ctx, id) => {
        requestIds.get(ctx)?.delete(id);
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
    /** Closes (4403, access changed) the connections of a citizen whose rights just shrank: a mandate they held was revoked. */
    closeConnectionsOfCitizen,
    async close() {
      clearInterval(recheckTimer);
      for (const client of server.clients) client.close(1001, 'Server shutting down');
      // A client that never answers the close frame (a phone asleep, a connection dropped on the
      // way) would hold the shutdown for ws's own 30 s: it is cut after a short grace.
      const cutStragglers = setTimeout(() => {
        for (const client of server.clients) client.terminate();
      }, CLOSE_GRACE_MS);
      await disposable.dispose();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      clearTimeout(cutStragglers);
    },
  };
}

/**
 * graphql-js's own subscribe executes every event with the subscription's one context, so the
 * per-request DataLoaders would serve the first state of a case for the subscription's whole
 * life and keep every case it ever saw. Each event is executed with a context of its own.
 */
async function subscribeWithContextPerEvent(args: ExecutionArgs, clock: () => Date): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const stream = await createSourceEventStream(args);
  if (!isAsyncIterable(stream)) return stream as ExecutionResult;
  const events = stream[Symbol.asyncIterator]();
  const context = args.contextValue as Context;
  const results: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      const event = await events.next();
      if (event.done) return { done: true, value: undefined };
      const result = await execute({ ...args, rootValue: event.value, contextValue: { ...context, now: clock() } });
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

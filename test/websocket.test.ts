import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { connect as connectSocket } from 'node:net';
import type { GraphQLFormattedError } from 'graphql';
import { type Client, createClient, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PRODUCTION_ENV, startTestServer, type TestServer, tokenFor } from './helpers/server.js';

// graphql-ws on the same path as HTTP: same authentication, same limits.

const clients: Client[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});

function connect(server: TestServer, options: { authorization?: string; onClosed?: (event: unknown) => void } = {}): Client {
  const client = createClient({
    url: server.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: options.authorization === undefined ? undefined : { authorization: options.authorization },
    retryAttempts: 0,
    lazy: true,
    on: options.onClosed ? { closed: options.onClosed } : undefined,
  });
  clients.push(client);
  return client;
}

type Outcome<T> =
  | { kind: 'complete'; results: FormattedExecutionResult<T, unknown>[] }
  | { kind: 'error'; error: unknown; results: FormattedExecutionResult<T, unknown>[] };

/** Runs one operation to its end and tells how it ended: completed (with its results) or errored. */
function run<T = Record<string, unknown>>(client: Client, query: string, variables?: Record<string, unknown>): Promise<Outcome<T>> {
  return new Promise((resolve) => {
    const results: FormattedExecutionResult<T, unknown>[] = [];
    client.subscribe<T>(
      { query, variables },
      {
        next: (result) => results.push(result),
        error: (error) => resolve({ kind: 'error', error, results }),
        complete: () => resolve({ kind: 'complete', results }),
      },
    );
  });
}

/** The GraphQL errors the server sent in an `error` message (graphql-ws hands the sink an array). */
function graphQLErrors(outcome: Outcome<unknown>): GraphQLFormattedError[] {
  expect(outcome.kind).toBe('error');
  const error = outcome.kind === 'error' ? outcome.error : undefined;
  expect(Array.isArray(error)).toBe(true);
  return error as GraphQLFormattedError[];
}

function nestedThemes(depth: number): string {
  return `{ theme(code: "ENERGY") { ${'children { '.repeat(depth - 2)}code${' }'.repeat(depth - 1)} }`;
}

describe('graphql-ws', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  it('does name the agent when the connection carries a valid agent token', async () => {
    const token = await tokenFor({ role: 'agent', sub: 'demo.first' });
    const client = connect(server, { authorization: `Bearer ${token}` });
    const outcome = await run<{ viewer: { subject: string; role: string } }>(client, '{ viewer { subject role } }');
    expect(outcome).toEqual({ kind: 'complete', results: [{ data: { viewer: { subject: 'demo.first', role: 'AGENT' } } }] });
  });

  it('does yield the result through iterate when the client iterates', async () => {
    const token = await tokenFor({ role: 'citizen', sub: '00000000-0000-4000-8000-000000000001' });
    const client = connect(server, { authorization: `Bearer ${token}` });
    const results: FormattedExecutionResult<{ viewer: { subject: string; citizen: { givenName: string } } }, unknown>[] = [];
    for await (const result of client.iterate<{ viewer: { subject: string; citizen: { givenName: string } } }>({
      query: '{ viewer { subject citizen { givenName } } }',
    })) {
      results.push(result);
    }
    expect(results).toEqual([{ data: { viewer: { subject: '00000000-0000-4000-8000-000000000001', citizen: { givenName: 'Marie' } } } }]);
  });

  it('does close the socket with 4403 when the connection token is invalid', async () => {
    let closeCode: number | undefined;
    const client = connect(server, {
      authorization: 'Bearer not.a.jwt',
      onClosed: (event) => {
        closeCode = (event as { code?: number }).code;
      },
    });
    const outcome = await run(client, '{ viewer { subject } }');
    expect(outcome.kind).toBe('error');
    expect((outcome as { error: { code?: number } }).error.code).toBe(4403);
    expect(closeCode).toBe(4403);
  });

  it.each([
    ['the token expired', () => tokenFor({ role: 'agent', sub: 'demo.first' }, { expiresIn: '-1m' })],
    ['the token is signed with another secret', () => tokenFor({ role: 'agent', sub: 'demo.first' }, { secret: 'another-secret-that-is-long-enough-0123456789' })],
    ['the agent does not exist', () => tokenFor({ role: 'agent', sub: 'demo.nobody' })],
  ])('does close the socket with 4403 when %s', async (_label, mint) => {
    const client = connect(server, { authorization: `Bearer ${await mint()}` });
    const outcome = await run(client, '{ viewer { subject } }');
    expect(outcome.kind).toBe('error');
    expect((outcome as { error: { code?: number } }).error.code).toBe(4403);
  });

  it('does close the socket with 4403 when the authorization value is not a bearer header', async () => {
    const client = connect(server, { authorization: 'Token abc' });
    const outcome = await run(client, '{ viewer { subject } }');
    expect((outcome as { error: { code?: number } }).error.code).toBe(4403);
  });

  it('does reject a query nested 30 levels deep with the depth message', async () => {
    const client = connect(server);
    const outcome = await run(client, nestedThemes(30));
    expect(outcome.results).toEqual([]);
    const errors = graphQLErrors(outcome);
    expect(errors[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errors[0]?.message).toMatch(/depth/i);
    expect(errors[0]?.message).toContain('12');
    expect(errors[0]?.extensions ?? {}).not.toHaveProperty('stacktrace');
  });

  it('does keep the socket usable when an operation was rejected', async () => {
    const client = connect(server);
    await run(client, nestedThemes(30));
    const outcome = await run<{ themes: unknown[] }>(client, '{ themes(topLevelOnly: true) { code } }');
    expect(outcome.kind).toBe('complete');
  });

  it('does run a query when its depth is exactly 12', async () => {
    const outcome = await run<{ theme: unknown }>(connect(server), nestedThemes(12));
    expect(outcome.kind).toBe('complete');
    expect(outcome.results[0]?.errors).toBeUndefined();
  });

  it('does reject more than 30 aliases over WebSocket too', async () => {
    const query = `{ ${Array.from({ length: 31 }, (_, index) => `t${index}: __typename`).join(' ')} }`;
    const errors = graphQLErrors(await run(connect(server), query));
    expect(errors[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errors[0]?.message).toMatch(/aliases/i);
  });

  it('does reject a query over the cost limit over WebSocket too, with the values of its variables', async () => {
    const token = await tokenFor({ role: 'agent', sub: 'demo.supervisor' });
    const query = 'query($first: Int) { cases(first: $first) { edges { node { interactions(first: $first) { edges { node { summary } } } } } } }';
    const errors = graphQLErrors(await run(connect(server, { authorization: `Bearer ${token}` }), query, { first: 100 }));
    expect(errors[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errors[0]?.message).toMatch(/maximum cost/);
  });

  it('does reject a document over 2000 tokens over WebSocket too', async () => {
    const errors = graphQLErrors(await run(connect(server), `{ ${'__typename '.repeat(2_100)}}`));
    expect(errors[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(errors[0]?.message).toMatch(/tokens/i);
  });

  it('does answer GRAPHQL_PARSE_FAILED when the query has a syntax error', async () => {
    const errors = graphQLErrors(await run(connect(server), '{ themes { code '));
    expect(errors[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('does answer GRAPHQL_VALIDATION_FAILED when a field is unknown', async () => {
    const errors = graphQLErrors(await run(connect(server), '{ themz { code } }'));
    expect(errors[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('does answer public queries when the connection is anonymous', async () => {
    const client = connect(server);
    const outcome = await run<{ themes: { code: string }[]; viewer: unknown }>(client, '{ themes { code } viewer { subject } }');
    expect(outcome.kind).toBe('complete');
    expect(outcome.results).toHaveLength(1);
    expect(outcome.results[0]?.errors).toBeUndefined();
    expect(outcome.results[0]?.data?.viewer).toBeNull();
    expect(outcome.results[0]?.data?.themes.map((theme) => theme.code)).toContain('ENERGY');
  });
});

describe('graphql-ws in production', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: PRODUCTION_ENV });
  });
  afterAll(() => server?.close());

  it('does refuse introspection when in production', async () => {
    const errors = graphQLErrors(await run(connect(server), '{ __schema { types { name } } }'));
    expect(errors[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('does give no field suggestion when an unknown field is asked in production', async () => {
    const errors = graphQLErrors(await run(connect(server), '{ themz { code } }'));
    expect(errors[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errors[0]?.message).not.toMatch(/did you mean/i);
  });

  it('does answer public queries when in production', async () => {
    const outcome = await run<{ themes: unknown[] }>(connect(server), '{ themes(topLevelOnly: true) { code } }');
    expect(outcome.kind).toBe('complete');
  });
});

describe('graphql-ws when the server closes', () => {
  it('does not wait for a client that never answers the close frame', async () => {
    const server = await startTestServer();
    try {
      // A raw socket that upgrades to WebSocket, then never reads or answers anything.
      const { port } = new URL(server.url);
      const socket = connectSocket({ host: '127.0.0.1', port: Number(port) });
      await once(socket, 'connect');
      socket.write(
        'GET /graphql HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n`,
      );
      const [answer] = (await once(socket, 'data')) as [Buffer];
      expect(answer.toString()).toMatch(/^HTTP\/1\.1 101/);
      socket.pause();
      const started = Date.now();
      await server.server.close();
      expect(Date.now() - started).toBeLessThan(5_000);
      socket.destroy();
    } finally {
      await server.database.drop();
    }
  });
});

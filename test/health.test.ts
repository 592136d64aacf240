import type { GraphQLFormattedError } from 'graphql';
import { sql } from 'drizzle-orm';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ERROR_CODES } from '../src/domain/errors.js';
import { parseMetrics } from '../src/server/metrics.js';
import { startTestServer, type TestServer, tokenFor } from './helpers/server.js';

// Health endpoints, request ids, and how the API behaves once its database is gone (the explorer page: explorer.test.ts).

interface GraphQLBody {
  data?: unknown;
  errors?: GraphQLFormattedError[];
}

async function postQuery(url: string, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLBody };
}

const origin = (server: TestServer) => new URL(server.url).origin;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

describe('health and request ids', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  it('does answer 200 ok when /healthz is asked', async () => {
    const response = await fetch(`${origin(server)}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('does answer 200 ready when /readyz is asked and the database answers', async () => {
    const response = await fetch(`${origin(server)}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready' });
  });

  it('does carry a distinct x-request-id header when any response is sent', async () => {
    const responses = [
      await fetch(`${origin(server)}/healthz`),
      await fetch(`${origin(server)}/readyz`),
      await fetch(`${origin(server)}/no-such-path`),
      await fetch(server.url, { headers: { accept: 'text/html' } }),
      await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) }),
      await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ nope }' }) }),
      await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer bad' }, body: '{"query":"{ __typename }"}' }),
      await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{ not json' }),
    ];
    const ids = responses.map((response) => response.headers.get('x-request-id'));
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(ids.length);
    await Promise.all(responses.map((response) => response.arrayBuffer()));
  });

  it('does not take the request id from the client when it sends an x-request-id header', async () => {
    const response = await fetch(`${origin(server)}/healthz`, { headers: { 'x-request-id': 'chosen-by-client' } });
    expect(response.headers.get('x-request-id')).toMatch(UUID);
  });
});

describe('when the database is gone', () => {
  let server: TestServer;
  let agentToken: string;
  beforeAll(async () => {
    server = await startTestServer();
    agentToken = await tokenFor({ role: 'agent', sub: 'demo.first' });
    // A first request proves the server worked before the database went away.
    const before = await postQuery(server.url, '{ themes { code } }');
    expect(before.body.errors).toBeUndefined();
    await server.database.handle.close();
  });
  afterAll(async () => {
    // The database handle is already closed: stop the HTTP side, then let drop() clean up what it can.
    await server?.server.close().catch(() => {});
    await server?.database.drop().catch(() => {});
  });

  it('does answer 503 on /readyz and still 200 on /healthz', async () => {
    const ready = await fetch(`${origin(server)}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'unavailable' });
    const health = await fetch(`${origin(server)}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
  });

  /** Unavailable or masked, never a stack trace, SQL or parameters; a masked error quotes the request id. */
  function expectUnavailableOrMasked(errors: GraphQLFormattedError[] | undefined, requestId: string | null) {
    expect(errors?.length).toBeGreaterThan(0);
    for (const error of errors ?? []) {
      expect(['SERVICE_UNAVAILABLE', 'INTERNAL_SERVER_ERROR']).toContain(error.extensions?.code);
      expect(error.extensions ?? {}).not.toHaveProperty('stacktrace');
      expect(error.message).not.toMatch(/select|params|demo\.first|pglite|postgres/i);
      if (error.extensions?.code === 'INTERNAL_SERVER_ERROR') {
        expect(error.extensions.requestId).toMatch(UUID);
        expect(error.extensions.requestId).toBe(requestId);
      }
    }
  }

  it('does fail a query with an error from the closed set and no stack trace', async () => {
    const { headers, body } = await postQuery(server.url, '{ themes { code } }');
    expect(body.data ?? null).toBeNull();
    expectUnavailableOrMasked(body.errors, headers.get('x-request-id'));
  });

  it('does fail an authenticated request without echoing the failed query when the viewer cannot be looked up', async () => {
    const { status, headers, body } = await postQuery(server.url, '{ viewer { subject } }', { authorization: `Bearer ${agentToken}` });
    expect([500, 503]).toContain(status);
    expect(body.data ?? null).toBeNull();
    expectUnavailableOrMasked(body.errors, headers.get('x-request-id'));
  });

  it('does close a WebSocket with 4500, not 4403 Forbidden, when a valid token cannot be looked up', async () => {
    const closeCode = await new Promise<number>((resolve) => {
      const client = createClient({
        url: server.url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${agentToken}` },
        retryAttempts: 0,
        lazy: true,
        on: { closed: (event) => resolve((event as { code: number }).code) },
      });
      const stop = client.subscribe({ query: '{ __typename }' }, { next: () => {}, error: () => {}, complete: () => {} });
      setTimeout(() => stop(), 5_000).unref();
    });
    expect(closeCode).toBe(4500);
  });

  it('does still answer a query when it needs no database', async () => {
    const { status, body } = await postQuery(server.url, '{ __typename }');
    expect(status).toBe(200);
    expect(body).toEqual({ data: { __typename: 'Query' } });
  });

  it('does keep every error code in the closed set when the database is gone', async () => {
    const { body } = await postQuery(server.url, '{ themes { code defaultService { code } } services { code } }');
    expect(body.errors?.length ?? 0).toBeGreaterThan(0);
    for (const error of body.errors ?? []) expect(ERROR_CODES as readonly string[]).toContain(error.extensions?.code);
  });
});

describe('metrics', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { METRICS: 'true', WEBHOOK_WORKER: 'false' } });
  });
  afterAll(() => server?.close());

  const read = async () => {
    const response = await fetch(`${origin(server)}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    return parseMetrics(await response.text());
  };

  it('counts the SQL statements and GraphQL requests of the process, with its CPU time and memory', async () => {
    const before = await read();
    const token = await tokenFor({ role: 'agent', sub: 'demo.first' });
    for (let index = 0; index < 3; index += 1) {
      expect((await postQuery(server.url, '{ cases(first: 5) { edges { node { reference } } } }', { authorization: `Bearer ${token}` })).status).toBe(200);
    }
    const after = await read();
    expect(after.get('guichet_graphql_http_requests_total')! - before.get('guichet_graphql_http_requests_total')!).toBe(3);
    // Each request its page of cases, and the viewer's lookup once (it is remembered a few seconds).
    expect(after.get('guichet_sql_statements_total')! - before.get('guichet_sql_statements_total')!).toBeGreaterThanOrEqual(4);
    expect(after.get('process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(after.get('process_resident_memory_bytes')).toBeGreaterThan(10_000_000);
  });

  it('is not served unless METRICS=true', async () => {
    const plain = await startTestServer();
    try {
      expect((await fetch(`${new URL(plain.url).origin}/metrics`)).status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});

describe('error logs', () => {
  let server: TestServer;
  const lines: Record<string, unknown>[] = [];
  beforeAll(async () => {
    server = await startTestServer({ env: { LOG_LEVEL: 'info' }, logStream: { write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) } });
  });
  afterAll(() => server?.close());

  it('does log a masked error once, at error level, as structured fields with the request id the client got', async () => {
    await server.database.handle.db.execute(sql`alter table publications rename to publications_away`);
    try {
      const { headers, body } = await postQuery(server.url, '{ publications { code } }');
      const requestId = headers.get('x-request-id');
      expect(body.errors?.[0]?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId });
      const logged = lines.filter((line) => line.level === 50 && line.requestId === requestId);
      expect(logged).toHaveLength(1);
      expect(logged[0]?.msg).toBe('masked error');
      expect(logged[0]?.error).toMatch(/publications/);
    } finally {
      await server.database.handle.db.execute(sql`alter table publications_away rename to publications`);
    }
    expect(lines.filter((line) => typeof line.msg === 'string' && line.msg.startsWith('{'))).toEqual([]);
  });
});

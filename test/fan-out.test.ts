import type { GraphQLFormattedError } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/config.js';
import { execute, PRODUCTION_ENV, startTestServer, type TestServer } from './helpers/server.js';

// A small anonymous document whose fragments spread each other ten times over: the limits must
// measure each fragment once, so that refusing it costs time linear in its size while the
// server keeps answering others.
//
// The bounds are not a performance measure (that is `npm run bench`): they tell a refusal that
// costs a few milliseconds from one that grows tenfold with each level (measuring every spread
// again took 0.17 s of CPU at 7 levels, 1.3 s at 8 and 13 s at 9: the levels from 8 up tell
// them apart). They leave room for a loaded 2-core CI, where a refusal took 57 ms of CPU time.
const CPU_BOUND_MS = 500;
const HEALTHZ_BOUND_MS = 500;

/** `levels` fragments on Query, each spreading the next one ten times; about 870 characters at 10 levels. */
function fanOut(levels: number): string {
  const fragments = Array.from({ length: levels }, (_, level) =>
    level === levels - 1 ? `fragment F${level} on Query { __typename }` : `fragment F${level} on Query { ${`...F${level + 1} `.repeat(10)}}`,
  );
  return `query FanOut { ...F0 }\n${fragments.join('\n')}`;
}

const LEVELS = [6, 7, 8, 9, 10, 11, 12];

/**
 * Runs `refuse` while /healthz is asked every 10 ms; gives the CPU time the process spent (the
 * server runs in this process: an upper bound of the server's time) and the slowest /healthz
 * answer. On a busy machine a measure can be late for reasons of its own: a measure is taken
 * up to three times, and the best one kept, since a server that stalls stalls every time.
 */
async function whileWatched<T>(server: TestServer, refuse: () => Promise<T>) {
  const healthz = server.url.replace(/\/graphql$/, '/healthz');
  // The first request of a connection pays for setting it up: not what is measured.
  await fetch(healthz);
  let best: { result: T; serverCpuMs: number; slowestHealthMs: number } | undefined;
  for (let attempt = 0; attempt < 3 && !(best && best.serverCpuMs < CPU_BOUND_MS && best.slowestHealthMs < HEALTHZ_BOUND_MS); attempt += 1) {
    let watching = true;
    let slowestHealthMs = 0;
    const watch = (async () => {
      while (watching) {
        const started = performance.now();
        const response = await fetch(healthz);
        expect(response.status).toBe(200);
        slowestHealthMs = Math.max(slowestHealthMs, performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    const cpu = process.cpuUsage();
    try {
      const result = await refuse();
      const used = process.cpuUsage(cpu);
      const measure = { result, serverCpuMs: (used.user + used.system) / 1_000, slowestHealthMs };
      watching = false;
      await watch;
      measure.slowestHealthMs = slowestHealthMs;
      if (!best || measure.serverCpuMs + measure.slowestHealthMs < best.serverCpuMs + best.slowestHealthMs) best = measure;
    } finally {
      watching = false;
      await watch;
    }
  }
  return best!;
}

function expectRefusedAsTooLarge(errors: readonly GraphQLFormattedError[] | undefined) {
  expect(errors).toHaveLength(1);
  expect(errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(errors?.[0]?.message).toMatch(new RegExp(`once its fragments are spread; at most ${DEFAULT_LIMITS.maxExpandedFields}`));
}

function subscribeOnce(server: TestServer, query: string): Promise<GraphQLFormattedError[]> {
  const client = createClient({ url: server.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
  return new Promise<GraphQLFormattedError[]>((resolve, reject) => {
    client.subscribe(
      { query },
      {
        next: () => reject(new Error('the document was executed')),
        error: (error) => resolve(error as GraphQLFormattedError[]),
        complete: () => reject(new Error('the document was executed')),
      },
    );
  }).finally(() => client.dispose());
}

describe.each([
  { mode: 'development', env: {} },
  { mode: 'production', env: PRODUCTION_ENV },
])('fragment fan-out in $mode', ({ env }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env });
    // A new server's first requests compile what they run: what is measured is the refusal.
    await execute(server.client(), fanOut(6));
    await subscribeOnce(server, fanOut(6));
  });
  afterAll(() => server?.close());

  it.each(LEVELS)('does refuse a %i-level fan-out over HTTP at once while /healthz keeps answering', async (levels) => {
    const { result, serverCpuMs, slowestHealthMs } = await whileWatched(server, () => execute(server.client(), fanOut(levels)));
    expect(result.status).toBe(400);
    expect(result.data ?? null).toBeNull();
    expectRefusedAsTooLarge(result.errors);
    expect(serverCpuMs).toBeLessThan(CPU_BOUND_MS);
    expect(slowestHealthMs).toBeLessThan(HEALTHZ_BOUND_MS);
  });

  it.each(LEVELS)('does refuse a %i-level fan-out over WebSocket at once while /healthz keeps answering', async (levels) => {
    const { result, serverCpuMs, slowestHealthMs } = await whileWatched(server, () => subscribeOnce(server, fanOut(levels)));
    expectRefusedAsTooLarge(result);
    expect(serverCpuMs).toBeLessThan(CPU_BOUND_MS);
    expect(slowestHealthMs).toBeLessThan(HEALTHZ_BOUND_MS);
  });
});

describe('fragments spread many times that stay small', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  it('does run a three-level fan-out, a hundred spreads of one field', async () => {
    const { status, data, errors } = await execute(server.client(), fanOut(3));
    expect(errors).toBeUndefined();
    expect(status).toBe(200);
    expect(data).toEqual({ __typename: 'Query' });
  });

  it('does refuse by cost a fan-out whose innermost fragment asks for a list', async () => {
    const query = fanOut(3).replace('fragment F2 on Query { __typename }', 'fragment F2 on Query { procedures { code } }');
    const { status, errors } = await execute(server.client(), query);
    expect(status).toBe(400);
    expect(errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errors?.[0]?.message).toMatch(/Query cost 60000 exceeds the maximum cost/);
  });
});

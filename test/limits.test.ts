import type { GraphQLFormattedError } from 'graphql';
import { GraphQLClient, gql } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_LIMITS, DEVELOPMENT_DATA_KEY, DEVELOPMENT_JWT_SECRET, loadConfig } from '../src/config.js';
import { ERROR_CODES } from '../src/domain/errors.js';
import { createTestDatabase } from './helpers/database.js';
import { execute, PRODUCTION_ENV, PRODUCTION_SECRET, startTestServer, type TestServer, tokenFor } from './helpers/server.js';

// Query-shape limits, HTTP hardening (CSRF, batching, body size) and production settings.

/** POSTs a raw JSON body (anything, arrays included) and returns the status and parsed answer. */
async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: parseJson(text) };
}

function parseJson(text: string): { data?: unknown; errors?: GraphQLFormattedError[] } | undefined {
  try {
    return JSON.parse(text) as { data?: unknown; errors?: GraphQLFormattedError[] };
  } catch {
    return undefined;
  }
}

/**
 * `theme(code:) { children { … { code } } }` whose depth (leaf field included) is exactly
 * `depth`. One theme at the root: the children of every theme at every level would be over the
 * cost limit.
 */
function nestedThemes(depth: number): string {
  return `{ theme(code: "ENERGY") { ${'children { '.repeat(depth - 2)}code${' }'.repeat(depth - 1)} }`;
}

/** The same shape as `nestedThemes`, each level hidden in its own named fragment. */
function nestedThemesInFragments(depth: number): string {
  const levels = depth - 2;
  const fragments = Array.from({ length: levels }, (_, index) =>
    index === levels - 1 ? `fragment F${index} on Theme { children { code } }` : `fragment F${index} on Theme { children { ...F${index + 1} } }`,
  );
  return `query Deep { themes { ...F0 } }\n${fragments.join('\n')}`;
}

function expectNoStacktrace(errors: readonly GraphQLFormattedError[] | undefined) {
  expect(errors?.length ?? 0).toBeGreaterThan(0);
  for (const error of errors ?? []) {
    expect(error.extensions ?? {}).not.toHaveProperty('stacktrace');
    expect(error.extensions ?? {}).not.toHaveProperty('exception');
  }
}

const CLOSED_SET: readonly string[] = ERROR_CODES;

describe('query limits over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  it('does reject a query nested 30 levels deep and keeps serving when the depth limit is exceeded', async () => {
    const client = server.client();
    const deep = await execute(client, nestedThemes(30));
    expect(deep.data ?? null).toBeNull();
    expect(deep.errors).toHaveLength(1);
    expect(deep.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(deep.errors?.[0]?.message).toMatch(/depth/i);
    expect(deep.errors?.[0]?.message).toContain(String(DEFAULT_LIMITS.maxDepth));
    expectNoStacktrace(deep.errors);

    const next = await execute<{ themes: { code: string }[] }>(client, gql`{ themes(topLevelOnly: true) { code } }`);
    expect(next.status).toBe(200);
    expect(next.errors).toBeUndefined();
    expect(next.data?.themes.length).toBeGreaterThanOrEqual(12);
  });

  it('does run a query when its depth is exactly 12', async () => {
    const { status, data, errors } = await execute<{ theme: { children: unknown[] } }>(server.client(), nestedThemes(12));
    expect(errors).toBeUndefined();
    expect(status).toBe(200);
    expect(data?.theme.children.length).toBeGreaterThan(0);
  });

  it('does reject a query when its depth is 13', async () => {
    const { errors } = await execute(server.client(), nestedThemes(13));
    expect(errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errors?.[0]?.message).toMatch(/depth 13\b.*\b12\b/i);
  });

  it('does reject a deep query when its levels are hidden in named fragments', async () => {
    const { data, errors } = await execute(server.client(), nestedThemesInFragments(30));
    expect(data ?? null).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errors?.[0]?.message).toMatch(/depth/i);
    expect(errors?.[0]?.message).toContain('12');
  });

  it('does reject a deep query when its levels are hidden in inline fragments', async () => {
    const query = `{ themes { ${'... on Theme { children { '.repeat(28)}code${' } }'.repeat(28)} } }`;
    const { errors } = await execute(server.client(), query);
    expect(errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errors?.[0]?.message).toMatch(/depth/i);
  });

  it('does accept 30 aliases and rejects 31 when the alias limit is 30', async () => {
    const aliased = (count: number) =>
      `{ ${Array.from({ length: count }, (_, index) => `t${index}: theme(code: "ENERGY") { code }`).join(' ')} }`;
    const allowed = await execute<Record<string, { code: string }>>(server.client(), aliased(30));
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data?.t29).toEqual({ code: 'ENERGY' });

    const refused = await execute(server.client(), aliased(31));
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(refused.errors?.[0]?.message).toMatch(/aliases/i);
    expect(refused.errors?.[0]?.message).toContain('30');
    expectNoStacktrace(refused.errors);
  });

  it('does reject a document when it has more than 2000 tokens', async () => {
    const query = `{ ${'__typename '.repeat(2_100)}}`;
    const { status, data, errors } = await execute(server.client(), query);
    expect(status).toBe(400);
    expect(data ?? null).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(errors?.[0]?.message).toMatch(/tokens/i);
    expectNoStacktrace(errors);
  });

  it('does answer 413 when the request body is over 100 KiB', async () => {
    const { status, body } = await postJson(server.url, { query: '{ __typename }', variables: { padding: 'x'.repeat(DEFAULT_LIMITS.maxBodyBytes + 1) } });
    expect(status).toBe(413);
    expect(body).toEqual({ errors: [{ message: 'The request body is too large.', extensions: { code: 'BAD_USER_INPUT' } }] });
    // The refusal does not disturb the next request.
    const after = await postJson(server.url, { query: '{ __typename }' });
    expect(after.status).toBe(200);
  });

  it.each([
    { refusal: 'another media type', status: 415, headers: { 'content-type': 'text/xml' }, body: '<query/>', message: /application\/json/ },
    { refusal: 'a body that is not JSON', status: 400, headers: { 'content-type': 'application/json' }, body: '{"query": ', message: /not valid JSON/ },
    { refusal: 'an empty JSON body', status: 400, headers: { 'content-type': 'application/json' }, body: '', message: /empty/ },
  ])('does answer $refusal in the GraphQL error shape with a code from the closed set', async ({ status, headers, body, message }) => {
    const response = await fetch(server.url, { method: 'POST', headers, body });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const answer = parseJson(await response.text());
    expect(answer?.errors).toHaveLength(1);
    expect(answer?.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT' });
    expect(answer?.errors?.[0]?.message).toMatch(message);
    expect(JSON.stringify(answer)).not.toMatch(/FST_|statusCode/);
  });

  it('does accept a request body when it is just under 100 KiB', async () => {
    const { status, body } = await postJson(server.url, { query: '{ __typename }', variables: { padding: 'x'.repeat(DEFAULT_LIMITS.maxBodyBytes - 1_000) } });
    expect(status).toBe(200);
    expect(body?.data).toEqual({ __typename: 'Query' });
  });

  it('does answer GRAPHQL_PARSE_FAILED when the query has a syntax error', async () => {
    const { status, errors } = await execute(server.client(), '{ themes { code ');
    expect(status).toBe(400);
    expect(errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expectNoStacktrace(errors);
  });

  it('does suggest field names when an unknown field is asked in development', async () => {
    const { status, errors } = await execute(server.client(), '{ themz { code } }');
    expect(status).toBe(400);
    expect(errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errors?.[0]?.message).toMatch(/Did you mean "theme"/);
    expectNoStacktrace(errors);
  });

  it('does allow introspection when not in production', async () => {
    const { errors, data } = await execute<{ __schema: { types: { name: string }[] } }>(server.client(), '{ __schema { types { name } } }');
    expect(errors).toBeUndefined();
    expect(data?.__schema.types.map((type) => type.name)).toContain('Theme');
  });

  it('does carry no stack trace when a token is refused', async () => {
    const client = new GraphQLClient(server.url, { errorPolicy: 'all', headers: { authorization: 'Bearer not.a.jwt' } });
    const { status, errors } = await execute(client, '{ __typename }');
    expect(status).toBe(401);
    expectNoStacktrace(errors);
  });

  it('does refuse a GET without content-type or preflight header when CSRF prevention applies', async () => {
    const response = await fetch(`${server.url}?query=${encodeURIComponent('{__typename}')}`);
    expect(response.status).toBe(400);
    const body = parseJson(await response.text());
    expect(body?.data ?? null).toBeNull();
    expectNoStacktrace(body?.errors);
    expect(CLOSED_SET).toContain(body?.errors?.[0]?.extensions?.code);
  });

  it('does answer a GET query when it carries the apollo-require-preflight header', async () => {
    const response = await fetch(`${server.url}?query=${encodeURIComponent('{__typename}')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(200);
    expect(parseJson(await response.text())?.data).toEqual({ __typename: 'Query' });
  });

  it('does answer a POST with a JSON body', async () => {
    const { status, body } = await postJson(server.url, { query: '{ __typename }' });
    expect(status).toBe(200);
    expect(body?.data).toEqual({ __typename: 'Query' });
  });

  it('does refuse a batched request when the body is a JSON array', async () => {
    const { status, body } = await postJson(server.url, [{ query: '{ __typename }' }, { query: '{ themes { code } }' }]);
    expect(status).toBe(400);
    expect(Array.isArray(body)).toBe(false);
    expect(body?.data ?? null).toBeNull();
    expectNoStacktrace(body?.errors);
    expect(CLOSED_SET).toContain(body?.errors?.[0]?.extensions?.code);
  });

  it('does answer every refusal with a code from the closed set when requests are refused', async () => {
    const refusals = [
      await execute(server.client(), nestedThemes(30)),
      await execute(server.client(), '{ themz }'),
      await execute(server.client(), '{ ...'),
      await execute(server.client(), `{ ${'__typename '.repeat(2_100)}}`),
    ];
    for (const { errors } of refusals) {
      expect(errors?.length).toBeGreaterThan(0);
      for (const error of errors ?? []) expect(CLOSED_SET).toContain(error.extensions?.code);
    }
  });
});

describe('production settings', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: PRODUCTION_ENV });
  });
  afterAll(() => server?.close());

  it('does refuse introspection when in production', async () => {
    const { data, errors } = await execute(server.client(), '{ __schema { types { name } } }');
    expect(data ?? null).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expectNoStacktrace(errors);
  });

  it('does give no field suggestion when an unknown field is asked in production', async () => {
    const { errors } = await execute(server.client(), '{ themz { code } }');
    expect(errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errors?.[0]?.message).not.toMatch(/did you mean/i);
    expect(errors?.[0]?.message).not.toContain('"themes"');
    expectNoStacktrace(errors);
  });

  it('does keep the depth limit when in production', async () => {
    const { errors } = await execute(server.client(), nestedThemes(30));
    expect(errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errors?.[0]?.message).toMatch(/depth/i);
  });

  it('does accept tokens signed with the configured secret and refuses the development secret when in production', async () => {
    const good = await execute<{ viewer: { subject: string } }>(server.client(await tokenFor({ role: 'agent', sub: 'demo.first' }, { secret: PRODUCTION_SECRET })), '{ viewer { subject } }');
    expect(good.errors).toBeUndefined();
    expect(good.data?.viewer.subject).toBe('demo.first');

    const development = await execute(server.client(await tokenFor({ role: 'agent', sub: 'demo.first' })), '{ viewer { subject } }');
    expect(development.status).toBe(401);
    expect(development.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('does answer public queries when in production', async () => {
    const { errors, data } = await execute<{ themes: unknown[] }>(server.client(), '{ themes(topLevelOnly: true) { code } }');
    expect(errors).toBeUndefined();
    expect(data?.themes.length).toBeGreaterThan(0);
  });
});

describe('loadConfig', () => {
  const strongSecret = 's'.repeat(32);

  it('does throw a ConfigError when production has neither JWT_SECRET nor JWKS_URL', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_KEY: 'x'.repeat(40) })).toThrow(ConfigError);
  });

  it('does throw a ConfigError when JWT_SECRET is shorter than 32 characters', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 's'.repeat(31), DATA_KEY: 'x'.repeat(40) })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'development', JWT_SECRET: 'short' })).toThrow(ConfigError);
  });

  it('does throw a ConfigError when production has no DATA_KEY', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: strongSecret })).toThrow(ConfigError);
  });

  it('does accept a JWKS_URL instead of a secret when in production', () => {
    const config = loadConfig({ NODE_ENV: 'production', JWKS_URL: 'https://idp.example/jwks.json', DATA_KEY: 'x'.repeat(40) });
    expect(config.production).toBe(true);
    expect(config.jwt).toMatchObject({ secret: undefined, jwksUrl: 'https://idp.example/jwks.json' });
  });

  it('does use the given secret and key and turns demo seeding off when in production', () => {
    const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: strongSecret, DATA_KEY: 'k'.repeat(40) });
    expect(config.production).toBe(true);
    expect(config.jwt.secret).toBe(strongSecret);
    expect(config.dataKey).toBe('k'.repeat(40));
    expect(config.seedDemoData).toBe(false);
  });

  it('does fall back to the development defaults when not in production', () => {
    for (const env of [{}, { NODE_ENV: 'development' }, { NODE_ENV: 'test' }]) {
      const config = loadConfig(env);
      expect(config.production).toBe(false);
      expect(config.jwt.secret).toBe(DEVELOPMENT_JWT_SECRET);
      expect(config.dataKey).toBe(DEVELOPMENT_DATA_KEY);
      expect(config.limits).toEqual({ maxDepth: 12, maxExpandedFields: 5_000, maxCost: 20_000, maxAliases: 30, maxTokens: 2_000, maxPageSize: 100, maxBodyBytes: 100 * 1024 });
    }
  });

  it('does limit tokens to 24 h unless JWT_MAX_LIFETIME says otherwise, in seconds or with a unit', () => {
    expect(loadConfig({}).jwt.maxLifetimeSeconds).toBe(86_400);
    expect(loadConfig({ JWT_MAX_LIFETIME: '' }).jwt.maxLifetimeSeconds).toBe(86_400);
    expect(loadConfig({ JWT_MAX_LIFETIME: '3600' }).jwt.maxLifetimeSeconds).toBe(3600);
    expect(loadConfig({ JWT_MAX_LIFETIME: '90m' }).jwt.maxLifetimeSeconds).toBe(5400);
    expect(loadConfig({ JWT_MAX_LIFETIME: '12h' }).jwt.maxLifetimeSeconds).toBe(43_200);
    expect(loadConfig({ JWT_MAX_LIFETIME: '2d' }).jwt.maxLifetimeSeconds).toBe(172_800);
  });

  it.each(['0', '0h', '-1h', '1.5h', '24 hours', 'forever', '1w'])('does throw a ConfigError naming JWT_MAX_LIFETIME when it is "%s"', (value) => {
    expect(() => loadConfig({ JWT_MAX_LIFETIME: value })).toThrow(ConfigError);
    expect(() => loadConfig({ JWT_MAX_LIFETIME: value })).toThrow(/JWT_MAX_LIFETIME must be a positive duration .* got "/);
  });

  it('does give a SIGTERM 10 s unless SHUTDOWN_TIMEOUT_MS says otherwise, and refuses what is no positive number of milliseconds', () => {
    expect(loadConfig({}).shutdownTimeoutMs).toBe(10_000);
    expect(loadConfig({ SHUTDOWN_TIMEOUT_MS: '' }).shutdownTimeoutMs).toBe(10_000);
    expect(loadConfig({ SHUTDOWN_TIMEOUT_MS: '25000' }).shutdownTimeoutMs).toBe(25_000);
    for (const value of ['0', '-1', '1.5', '10s', 'never']) {
      expect(() => loadConfig({ SHUTDOWN_TIMEOUT_MS: value })).toThrow(/SHUTDOWN_TIMEOUT_MS must be a positive integer, got "/);
    }
  });

  it('does not infer production when NODE_ENV is anything else', () => {
    expect(loadConfig({ NODE_ENV: 'prod' }).production).toBe(false);
  });

  it('does throw a ConfigError when PORT is not a port number', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(ConfigError);
  });
});

describe('query cost', () => {
  let server: TestServer;
  let token: string;
  /** Every SQL statement the server sends, in order. */
  const statements: string[] = [];
  beforeAll(async () => {
    // No webhook worker: nothing but the requests of the tests sends statements.
    server = await startTestServer({ env: { WEBHOOK_WORKER: 'false' }, database: await createTestDatabase({ onQuery: (query) => statements.push(query) }) });
    token = await tokenFor({ role: 'agent', sub: 'demo.supervisor' });
  });
  afterAll(() => server?.close());

  const NESTED = `query($first: Int, $inner: Int) { cases(first: $first) { edges { node { reference interactions(first: $inner) { edges { node { summary occurredAt } } } } } } }`;

  it('does refuse a query whose pages multiply past the cost limit, naming the limit, and executes nothing', async () => {
    // The same query within the limit reads cases and interactions: the refused one must not.
    const readsOf = (sent: string[]) => sent.filter((query) => /\b(cases|interactions)\b/.test(query));
    let from = statements.length;
    const allowed = await execute(server.client(token), NESTED, { first: 2, inner: 2 });
    expect(allowed.errors).toBeUndefined();
    expect(readsOf(statements.slice(from)).length).toBeGreaterThan(0);

    from = statements.length;
    const { status, data, errors } = await execute(server.client(token), NESTED, { first: 100, inner: 100 });
    const sent = statements.slice(from);
    expect(readsOf(sent)).toEqual([]);
    expect(sent.filter((query) => /^\s*(insert|update|delete)\b/i.test(query))).toEqual([]);
    expect(status).toBe(400);
    expect(data ?? null).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errors?.[0]?.message).toMatch(new RegExp(`maximum cost of ${DEFAULT_LIMITS.maxCost}`));
  });

  const DAILY_FOR_20_YEARS = (alias: string) =>
    `${alias}: contactStatistics(from: "2006-01-01", to: "2026-03-01", groupBy: [PERIOD_DAY]) { rows { period inboundInteractions } }`;

  it('does count a statistics list without paging by the days of its range, so that 30 aliases of 20 years by day are refused', async () => {
    const query = `{ ${Array.from({ length: 30 }, (_, index) => DAILY_FOR_20_YEARS(`s${index}`)).join(' ')} }`;
    const { status, data, errors } = await execute(server.client(token), query);
    expect(status).toBe(400);
    expect(data ?? null).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errors?.[0]?.extensions?.actual).toBeGreaterThan(30 * 7_000);
  });

  it('does run one 20-year statistics query by day', async () => {
    const { errors, data } = await execute<{ days: { rows: unknown[] } }>(server.client(token), `{ ${DAILY_FOR_20_YEARS('days')} }`);
    expect(errors).toBeUndefined();
    expect(data?.days.rows.length).toBeGreaterThan(0);
  });

  it('does count reference lists by their bound, a theme’s children included', async () => {
    const query = `{ ${Array.from({ length: 4 }, (_, index) => `t${index}: themes { code children { code } }`).join(' ')} }`;
    const { errors } = await execute(server.client(), query);
    expect(errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errors?.[0]?.message).toMatch(/maximum cost/);
  });

  it('does price page sizes and groupings given as defaults of the operation’s variables as if they were sent', async () => {
    const pages = await execute(server.client(token), NESTED.replace('$first: Int, $inner: Int', '$first: Int = 100, $inner: Int = 100'));
    expect(pages.status).toBe(400);
    expect(pages.errors?.[0]?.message).toMatch(/maximum cost/);
    const grouped = await execute(
      server.client(token),
      'query ($g: [StatisticsDimension!] = [PERIOD_DAY, THEME, SERVICE]) { contactStatistics(from: "2006-01-01", to: "2026-01-01", groupBy: $g) { csv } }',
    );
    expect(grouped.status).toBe(400);
    expect(grouped.errors?.[0]?.message).toMatch(/maximum cost/);
  });

  it('does count a theme’s children again after a step up to its parent', async () => {
    const zigzag = 'children { parent { '.repeat(4) + 'children { code }' + ' } }'.repeat(4);
    const query = `{ ${Array.from({ length: 30 }, (_, index) => `t${index}: theme(code: "HOUSING") { ${zigzag} }`).join(' ')} }`;
    const { status, errors } = await execute(server.client(), query);
    expect(status).toBe(400);
    expect(errors?.[0]?.message).toMatch(/maximum cost/);
  });

  it('does price statistics by the days they read, so that 30 aliases of the whole history without grouping are refused', async () => {
    const query = `{ ${Array.from({ length: 30 }, (_, index) => `s${index}: caseStatistics(from: "2006-01-01", to: "2026-01-01") { csv }`).join(' ')} }`;
    const { status, errors } = await execute(server.client(token), query);
    expect(status).toBe(400);
    expect(errors?.[0]?.message).toMatch(/maximum cost/);
  });

  it('does run the same query with small pages', async () => {
    const { errors, data } = await execute<{ cases: { edges: unknown[] } }>(server.client(token), NESTED, { first: 10, inner: 5 });
    expect(errors).toBeUndefined();
    expect(data?.cases.edges).toHaveLength(10);
  });
});

import { parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKENS_PATH, explorerPageHtml, mintsDemoTokens } from '../src/server/explorer.js';
import { demoIdentities } from '../src/startup.js';
import { schema } from '../src/schema/index.js';
import { execute, PRODUCTION_ENV, startTestServer, type TestServer, testConfig } from './helpers/server.js';

// The explorer's page, files and demo tokens over plain HTTP; test/explorer-browser.test.ts runs it in a browser.

const origin = (server: TestServer) => new URL(server.url).origin;

/** The files a page loads: every src and href of script and link elements. */
function loadedFiles(html: string): string[] {
  return [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)=["']?([^"' >]+)/gi)].map((match) => match[1]!);
}

interface DemoTokens {
  expiresInSeconds: number;
  identities: { role: string; sub: string; label: string; token: string }[];
}

describe('explorer outside production', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  it('does serve GraphiQL from its own files when a browser opens /graphql', async () => {
    const response = await fetch(server.url, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const html = await response.text();
    const files = loadedFiles(html);
    expect(files).toEqual(expect.arrayContaining(['/explorer/graphiql.min.js', '/explorer/graphiql.min.css', '/explorer/plugin-explorer.umd.js', '/explorer/graphql-ws.min.js']));
    for (const file of files) expect(file).toMatch(/^\/explorer\/[\w.-]+$/);
    expect(html).not.toMatch(/@import\s+(url\()?["']?(https?:)?\/\//i);
    expect(html).toContain(DEMO_TOKENS_PATH);
    for (const file of files) {
      const asset = await fetch(`${origin(server)}${file}`);
      expect(asset.status, file).toBe(200);
      expect(asset.headers.get('content-type'), file).toMatch(file.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
      expect((await asset.arrayBuffer()).byteLength, file).toBeGreaterThan(1_000);
    }
  });

  it('does answer 304 when a file is asked again with its etag, and gzip when the browser takes it', async () => {
    const first = await fetch(`${origin(server)}/explorer/graphiql.min.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(first.headers.get('content-encoding')).toBe('gzip');
    await first.arrayBuffer();
    const again = await fetch(`${origin(server)}/explorer/graphiql.min.js`, { headers: { 'if-none-match': first.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it('does not serve any other file of node_modules when its path is asked', async () => {
    for (const path of ['/explorer/package.json', '/explorer/../package.json', '/explorer/graphiql/package.json', '/explorer/%2e%2e/package.json']) {
      expect((await fetch(`${origin(server)}${path}`)).status, path).toBe(404);
    }
  });

  it('does redirect to /graphql when / is asked', async () => {
    const response = await fetch(`${origin(server)}/`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/graphql');
  });

  it('does mint working tokens for the demo identities when the demo tokens are asked', async () => {
    const response = await fetch(`${origin(server)}${DEMO_TOKENS_PATH}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const { identities } = (await response.json()) as DemoTokens;
    expect(identities.map((identity) => identity.sub)).toEqual(
      expect.arrayContaining(['demo.first', 'demo.energy', 'demo.admin', '00000000-0000-4000-8000-000000000001', 'TLPE-ENERGY']),
    );
    for (const sub of ['demo.first', '00000000-0000-4000-8000-000000000001', 'TLPE-ENERGY']) {
      const { token, role } = identities.find((identity) => identity.sub === sub)!;
      const { data, errors } = await execute<{ viewer: { role: string; subject: string } }>(server.client(token), '{ viewer { role subject } }');
      expect(errors).toBeUndefined();
      expect(data?.viewer.subject).toBe(sub);
      expect(data?.viewer.role.toLowerCase()).toContain(role === 'service' ? 'service' : role);
    }
  });

  it('does keep POST /graphql and CSRF prevention as they were when the explorer is served', async () => {
    const post = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(await post.json()).toEqual({ data: { __typename: 'Query' } });
    expect((await fetch(`${server.url}?query=${encodeURIComponent('{__typename}')}`)).status).toBe(400);
  });
});

describe('explorer in production', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: PRODUCTION_ENV });
  });
  afterAll(() => server?.close());

  it('does serve the page without the sign-in menu, saying why the docs are empty', async () => {
    const html = await (await fetch(server.url, { headers: { accept: 'text/html' } })).text();
    expect(html).toContain('/explorer/graphiql.min.js');
    expect(html).not.toContain(DEMO_TOKENS_PATH);
    expect(html).toMatch(/introspection is off/i);
  });

  it('does answer 404 when the demo tokens are asked', async () => {
    expect((await fetch(`${origin(server)}${DEMO_TOKENS_PATH}`)).status).toBe(404);
  });

  it('does not mint demo tokens when a server outside production has its own secret or verifies with JWKS', () => {
    const identities = demoIdentities();
    expect(mintsDemoTokens(testConfig(), identities)).toBe(true);
    expect(mintsDemoTokens(testConfig({ JWT_SECRET: 'an-operator-secret-0123456789-abcdefghijklmnop' }), identities)).toBe(false);
    expect(mintsDemoTokens(testConfig({ JWKS_URL: 'https://id.example/jwks' }), identities)).toBe(false);
    expect(mintsDemoTokens(testConfig(), [])).toBe(false);
    expect(mintsDemoTokens(server.config, identities)).toBe(false);
  });
});

describe('explorer examples', () => {
  it('does validate every example operation against the schema', () => {
    const html = explorerPageHtml({ production: false, demoTokens: true });
    const settings = JSON.parse(/<script id="explorer-settings" type="application\/json">(.*?)<\/script>/s.exec(html)![1]!) as {
      examples: { query: string }[];
    };
    expect(settings.examples.length).toBeGreaterThanOrEqual(6);
    for (const { query } of settings.examples) expect(validate(schema, parse(query)).map((error) => error.message), query).toEqual([]);
  });
});

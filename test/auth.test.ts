import { randomUUID } from 'node:crypto';
import { type GraphQLClient, GraphQLClient as Client, gql } from 'graphql-request';
import { SignJWT } from 'jose';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEVELOPMENT_JWT_SECRET } from '../src/config.js';
import { VIEWER_MEMORY_MS } from '../src/services/viewers.js';
import { execute, startTestServer, type TestServer, tokenFor } from './helpers/server.js';

// Authentication (bearer token → viewer) and the "forbidden looks like missing" rule of node(id:).

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const MARIE = '00000000-0000-4000-8000-000000000001';
const HANS = '00000000-0000-4000-8000-000000000002';

function clientWithAuthorization(authorization: string): GraphQLClient {
  return new Client(server.url, { errorPolicy: 'all', headers: { authorization } });
}

/** Signs any claims with HS256, `exp` only when given: for tokens `tokenFor` cannot make. */
async function signClaims(claims: Record<string, unknown>, options: { secret?: string; exp?: number | string } = {}): Promise<string> {
  let jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuedAt();
  if (options.exp !== undefined) jwt = jwt.setExpirationTime(options.exp);
  return jwt.sign(new TextEncoder().encode(options.secret ?? DEVELOPMENT_JWT_SECRET));
}

const globalId = (typename: string, id: string) => Buffer.from(`${typename}:${id}`).toString('base64');

const VIEWER = gql`
  {
    viewer {
      role
      subject
      agent { id login displayName role service { code } }
      citizen { givenName familyName nationalNumber }
      service { code }
    }
  }
`;

interface ViewerData {
  viewer: {
    role: string;
    subject: string;
    agent: { id: string; login: string; displayName: string; role: string; service: { code: string } } | null;
    citizen: { givenName: string; familyName: string; nationalNumber: string | null } | null;
    service: { code: string } | null;
  } | null;
}

const NODE = gql`
  query Node($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Agent { login }
      ... on Citizen { givenName }
    }
  }
`;

describe('authentication', () => {
  it('does answer with a null viewer and public fields when no Authorization header is sent', async () => {
    const { status, data, errors } = await execute<ViewerData & { themes: { code: string }[] }>(
      server.client(),
      gql`{ viewer { role } themes(topLevelOnly: true) { code } }`,
    );
    expect(status).toBe(200);
    expect(errors).toBeUndefined();
    expect(data?.viewer).toBeNull();
    expect(data?.themes.map((theme) => theme.code)).toContain('ENERGY');
  });

  it('does name the agent when the token is a valid agent token', async () => {
    const token = await tokenFor({ role: 'agent', sub: 'demo.first' });
    const { status, data, errors } = await execute<ViewerData>(server.client(token), VIEWER);
    expect(status).toBe(200);
    expect(errors).toBeUndefined();
    expect(data?.viewer).toMatchObject({
      role: 'AGENT',
      subject: 'demo.first',
      agent: { login: 'demo.first', displayName: 'Sophie Lambert', role: 'FIRST_LINE_AGENT', service: { code: 'SG-1718' } },
      citizen: null,
      service: { code: 'SG-1718' },
    });
  });

  it('does name the service when the token is a service-account token', async () => {
    const token = await tokenFor({ role: 'service', sub: 'TLPE-ENERGY' });
    const { data, errors } = await execute<ViewerData>(server.client(token), VIEWER);
    expect(errors).toBeUndefined();
    expect(data?.viewer).toMatchObject({ role: 'SERVICE', subject: 'TLPE-ENERGY', agent: null, citizen: null, service: { code: 'TLPE-ENERGY' } });
  });

  it('does show the citizen with a masked national number when the token is a citizen token', async () => {
    const token = await tokenFor({ role: 'citizen', sub: MARIE });
    const { data, errors } = await execute<ViewerData>(server.client(token), VIEWER);
    expect(errors).toBeUndefined();
    expect(data?.viewer).toMatchObject({ role: 'CITIZEN', subject: MARIE, agent: null, service: null });
    expect(data?.viewer?.citizen).toMatchObject({ givenName: 'Marie', familyName: 'Dupont' });
    expect(data?.viewer?.citizen?.nationalNumber).toMatch(/^\*\*\.\*\*\.\*\*-\*\*\*\.\d\d$/);
  });

  it('does accept the scheme name in any case when the header reads "bearer <token>"', async () => {
    const token = await tokenFor({ role: 'agent', sub: 'demo.first' });
    const { data, errors } = await execute<ViewerData>(clientWithAuthorization(`bearer ${token}`), gql`{ viewer { subject } }`);
    expect(errors).toBeUndefined();
    expect(data?.viewer?.subject).toBe('demo.first');
  });
});

describe('refused credentials', () => {
  const past = () => Math.floor(Date.now() / 1000) - 60;
  const cases: [string, () => Promise<string>][] = [
    ['the header uses another scheme ("Token abc")', async () => 'Token abc'],
    ['the header is "Bearer" alone', async () => 'Bearer'],
    ['the header carries two values after Bearer', async () => 'Bearer abc def'],
    ['the token is not a JWT', async () => 'Bearer not.a.jwt'],
    ['the token expired (relative duration in the past)', async () => `Bearer ${await tokenFor({ role: 'agent', sub: 'demo.first' }, { expiresIn: '-1m' })}`],
    // jose reads a number as an absolute epoch timestamp in seconds, not as a duration.
    ['the token expired (absolute timestamp in the past)', async () => `Bearer ${await tokenFor({ role: 'agent', sub: 'demo.first' }, { expiresIn: past() })}`],
    ['the token is signed with another secret', async () => `Bearer ${await tokenFor({ role: 'agent', sub: 'demo.first' }, { secret: 'another-secret-that-is-long-enough-0123456789' })}`],
    ['the agent login does not exist', async () => `Bearer ${await tokenFor({ role: 'agent', sub: 'demo.nobody' })}`],
    ['the service code does not exist', async () => `Bearer ${await tokenFor({ role: 'service', sub: 'NO-SUCH-SERVICE' })}`],
    ['the citizen id is an unknown UUID', async () => `Bearer ${await tokenFor({ role: 'citizen', sub: randomUUID() })}`],
    ['the citizen subject is not a UUID', async () => `Bearer ${await tokenFor({ role: 'citizen', sub: 'marie.dupont' })}`],
    ['the subject names an agent but the role says citizen', async () => `Bearer ${await tokenFor({ role: 'citizen', sub: 'demo.first' })}`],
    ['the role claim is not citizen, agent or service', async () => `Bearer ${await signClaims({ role: 'admin', sub: 'demo.admin' }, { exp: '1h' })}`],
    ['the role claim is missing', async () => `Bearer ${await signClaims({ sub: 'demo.first' }, { exp: '1h' })}`],
    ['the subject claim is missing', async () => `Bearer ${await signClaims({ role: 'agent' }, { exp: '1h' })}`],
    ['the token has no exp claim', async () => `Bearer ${await signClaims({ role: 'agent', sub: 'demo.first' })}`],
    [
      'the token is unsigned (alg none)',
      async () => {
        const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
        const exp = Math.floor(Date.now() / 1000) + 3600;
        return `Bearer ${encode({ alg: 'none', typ: 'JWT' })}.${encode({ role: 'agent', sub: 'demo.admin', exp })}.`;
      },
    ],
  ];

  it.each(cases)('does answer 401 UNAUTHENTICATED without data when %s', async (_label, authorization) => {
    const { status, data, errors } = await execute<ViewerData>(clientWithAuthorization(await authorization()), gql`{ viewer { subject } themes { code } }`);
    expect(status).toBe(401);
    expect(data ?? null).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(errors?.[0]?.extensions).not.toHaveProperty('stacktrace');
  });

  it('does not mistake a refused token for an anonymous caller when the query asks only public fields', async () => {
    const { status, data } = await execute<{ themes: unknown[] }>(clientWithAuthorization('Bearer not.a.jwt'), gql`{ themes { code } }`);
    expect(status).toBe(401);
    expect(data ?? null).toBeNull();
  });
});

describe('token lifetime', () => {
  // The defaults: JWT_MAX_LIFETIME 24 h, clock skew 60 s (src/auth/tokens.ts).
  const DAY = 24 * 3600;
  const nowSeconds = () => Math.floor(Date.now() / 1000);

  /** An agent token with exactly these `iat` and `exp` (no `iat` when null). */
  function agentToken(times: { iat: number | null; exp: number }): Promise<string> {
    let jwt = new SignJWT({ role: 'agent' }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setSubject('demo.first').setExpirationTime(times.exp);
    if (times.iat !== null) jwt = jwt.setIssuedAt(times.iat);
    return jwt.sign(new TextEncoder().encode(DEVELOPMENT_JWT_SECRET));
  }

  async function viewerWith(token: string) {
    return execute<{ viewer: { subject: string } | null }>(clientWithAuthorization(`Bearer ${token}`), gql`{ viewer { subject } }`);
  }

  async function expectRefused(token: string, reason: RegExp) {
    const { status, data, errors } = await viewerWith(token);
    expect(status).toBe(401);
    expect(data ?? null).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(errors?.[0]?.message).toMatch(reason);
  }

  async function expectAccepted(token: string) {
    const { status, data, errors } = await viewerWith(token);
    expect(errors).toBeUndefined();
    expect(status).toBe(200);
    expect(data?.viewer?.subject).toBe('demo.first');
  }

  it('does refuse a token issued in the future, beyond the clock skew', async () => {
    const now = nowSeconds();
    await expectRefused(await agentToken({ iat: now + 300, exp: now + 3600 }), /issued in the future/);
  });

  it('does accept a token issued a few seconds ahead of the server clock, within the skew', async () => {
    const now = nowSeconds();
    await expectAccepted(await agentToken({ iat: now + 30, exp: now + 3600 }));
  });

  it('does refuse a token whose exp − iat exceeds 24 h, even one that expires soon', async () => {
    const now = nowSeconds();
    await expectRefused(await agentToken({ iat: now - DAY, exp: now + 60 }), /longer than the 86400 s allowed/);
  });

  it('does refuse a token without iat whose exp is more than 24 h away', async () => {
    const now = nowSeconds();
    await expectRefused(await agentToken({ iat: null, exp: now + DAY + 600 }), /longer than the 86400 s allowed/);
  });

  it('does accept a token that lasts exactly 24 h, with or without iat, and refuse one a second longer', async () => {
    const now = nowSeconds();
    await expectAccepted(await agentToken({ iat: now, exp: now + DAY }));
    await expectAccepted(await agentToken({ iat: null, exp: nowSeconds() + DAY }));
    await expectRefused(await agentToken({ iat: now, exp: now + DAY + 1 }), /longer than the 86400 s allowed \(exp − iat = 86401 s\)/);
  });
});

describe('node(id:) access', () => {
  let agentId: string;
  beforeAll(async () => {
    const token = await tokenFor({ role: 'agent', sub: 'demo.first' });
    const { data } = await execute<ViewerData>(server.client(token), gql`{ viewer { agent { id } } }`);
    agentId = data!.viewer!.agent!.id;
  });

  it('does resolve an agent by global id when the caller is an agent', async () => {
    const token = await tokenFor({ role: 'agent', sub: 'demo.energy' });
    const { data, errors } = await execute<{ node: unknown }>(server.client(token), NODE, { id: agentId });
    expect(errors).toBeUndefined();
    expect(data?.node).toEqual({ __typename: 'Agent', id: agentId, login: 'demo.first' });
  });

  it('does answer null exactly like an unknown id when a citizen asks for an agent', async () => {
    const client = server.client(await tokenFor({ role: 'citizen', sub: MARIE }));
    const forbidden = await execute<{ node: unknown }>(client, NODE, { id: agentId });
    const unknown = await execute<{ node: unknown }>(client, NODE, { id: globalId('Agent', randomUUID()) });
    expect(forbidden.data).toEqual({ node: null });
    expect(forbidden).toEqual(unknown);
  });

  it('does answer null exactly like an unknown id when an anonymous caller asks for an agent', async () => {
    const client = server.client();
    const forbidden = await execute<{ node: unknown }>(client, NODE, { id: agentId });
    const unknown = await execute<{ node: unknown }>(client, NODE, { id: globalId('Agent', randomUUID()) });
    expect(forbidden.data).toEqual({ node: null });
    expect(forbidden).toEqual(unknown);
  });

  it('does resolve the citizen’s own record when a citizen asks for their own id', async () => {
    const client = server.client(await tokenFor({ role: 'citizen', sub: MARIE }));
    const { data, errors } = await execute<{ node: unknown }>(client, NODE, { id: globalId('Citizen', MARIE) });
    expect(errors).toBeUndefined();
    expect(data?.node).toEqual({ __typename: 'Citizen', id: globalId('Citizen', MARIE), givenName: 'Marie' });
  });

  it('does answer null exactly like a random UUID when a citizen asks for another citizen', async () => {
    const client = server.client(await tokenFor({ role: 'citizen', sub: MARIE }));
    const forbidden = await execute<{ node: unknown }>(client, NODE, { id: globalId('Citizen', HANS) });
    const unknown = await execute<{ node: unknown }>(client, NODE, { id: globalId('Citizen', randomUUID()) });
    expect(forbidden.data).toEqual({ node: null });
    expect(forbidden).toEqual(unknown);
  });

  it('does answer null exactly like a random UUID when an anonymous caller asks for a citizen', async () => {
    const client = server.client();
    const forbidden = await execute<{ node: unknown }>(client, NODE, { id: globalId('Citizen', MARIE) });
    const unknown = await execute<{ node: unknown }>(client, NODE, { id: globalId('Citizen', randomUUID()) });
    expect(forbidden.data).toEqual({ node: null });
    expect(forbidden).toEqual(unknown);
  });
});

describe('viewers remembered for a few seconds', () => {
  it('does refuse the requests of an agent deactivated meanwhile within VIEWER_MEMORY_MS, and of one reactivated never', async () => {
    const login = `agent.${randomUUID().slice(0, 8)}`;
    const db = server.database.handle.db;
    await db.execute(
      sql`insert into agents (login, given_name, family_name, role, service_id) select ${login}, 'Léa', 'Dumont', 'FIRST_LINE_AGENT', service_id from agents where login = 'demo.first'`,
    );
    const client = server.client(await tokenFor({ role: 'agent', sub: login }));
    const viewer = gql`{ viewer { subject } }`;
    expect((await execute(client, viewer)).status).toBe(200);

    await db.execute(sql`update agents set active = false where login = ${login}`);
    const deactivatedAt = Date.now();
    await vi.waitFor(async () => expect((await execute(client, viewer)).status).toBe(401), { timeout: VIEWER_MEMORY_MS + 5_000, interval: 100 });
    expect(Date.now() - deactivatedAt).toBeLessThanOrEqual(VIEWER_MEMORY_MS + 1_000);
    // A refused subject is not remembered: it is looked up again at the next request.
    await db.execute(sql`update agents set active = true where login = ${login}`);
    expect((await execute(client, viewer)).status).toBe(200);
  }, 30_000);
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { gql } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execute, startTestServer, type TestServer, tokenFor } from './helpers/server.js';

// Production set-up: tokens from an identity provider, verified against its JWKS.

let keys: Awaited<ReturnType<typeof generateKeyPair>>;
let jwksServer: Server;
let server: TestServer;

beforeAll(async () => {
  keys = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'test-key', alg: 'ES256', use: 'sig' };
  jwksServer = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
  const { port } = jwksServer.address() as AddressInfo;
  server = await startTestServer({
    // An operator's shorter maximum, in the duration form.
    env: { NODE_ENV: 'production', JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json`, DATA_KEY: 'k'.repeat(40), JWT_MAX_LIFETIME: '60m' },
  });
});

afterAll(async () => {
  await server?.close();
  await new Promise((resolve) => jwksServer?.close(resolve));
});

const VIEWER = gql`{ viewer { role subject } }`;

function providerToken(claims: Record<string, unknown>, subject: string) {
  return new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'test-key' }).setSubject(subject).setIssuedAt().setExpirationTime('5m').sign(keys.privateKey);
}

describe('tokens verified against a JWKS URL', () => {
  it('accepts an ES256 token signed by the provider’s key', async () => {
    const token = await providerToken({ role: 'agent' }, 'demo.supervisor');
    const { data, errors } = await server.client(token).rawRequest<{ viewer: { role: string; subject: string } }>(VIEWER);
    expect(errors).toBeUndefined();
    expect(data.viewer).toEqual({ role: 'AGENT', subject: 'demo.supervisor' });
  });

  it('refuses an HS256 token, even one signed with the development secret', async () => {
    const token = await tokenFor({ role: 'agent', sub: 'demo.supervisor' });
    const { errors, status } = await execute(server.client(token), VIEWER);
    expect(status).toBe(401);
    expect(errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a provider token that lasts longer than JWT_MAX_LIFETIME, and accepts one at exactly that', async () => {
    const iat = Math.floor(Date.now() / 1000);
    const lasting = (seconds: number) =>
      new SignJWT({ role: 'agent' }).setProtectedHeader({ alg: 'ES256', kid: 'test-key' }).setSubject('demo.supervisor').setIssuedAt(iat).setExpirationTime(iat + seconds).sign(keys.privateKey);
    const tooLong = await execute(server.client(await lasting(3601)), VIEWER);
    expect(tooLong.status).toBe(401);
    expect(tooLong.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(tooLong.errors?.[0]?.message).toMatch(/longer than the 3600 s allowed/);
    const atLimit = await execute(server.client(await lasting(3600)), VIEWER);
    expect(atLimit.errors).toBeUndefined();
  });

  it('refuses a provider token issued in the future', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ role: 'agent' }).setProtectedHeader({ alg: 'ES256', kid: 'test-key' }).setSubject('demo.supervisor').setIssuedAt(now + 600).setExpirationTime(now + 1200).sign(keys.privateKey);
    const { status, errors } = await execute(server.client(token), VIEWER);
    expect(status).toBe(401);
    expect(errors?.[0]?.message).toMatch(/issued in the future/);
  });

  it('refuses a token signed by another key', async () => {
    const other = await generateKeyPair('ES256');
    const token = await new SignJWT({ role: 'agent' })
      .setProtectedHeader({ alg: 'ES256', kid: 'test-key' })
      .setSubject('demo.supervisor')
      .setExpirationTime('5m')
      .sign(other.privateKey);
    const { errors } = await execute(server.client(token), VIEWER);
    expect(errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('an identity provider that does not answer', () => {
  it('does answer 503 SERVICE_UNAVAILABLE, not a refused token, when the key set cannot be fetched', async () => {
    const gone = createServer();
    await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve));
    const { port } = gone.address() as AddressInfo;
    await new Promise((resolve) => gone.close(resolve));
    const away = await startTestServer({
      env: { NODE_ENV: 'production', JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json`, DATA_KEY: 'k'.repeat(40) },
    });
    try {
      const { status, errors } = await execute(away.client(await providerToken({ role: 'agent' }, 'demo.supervisor')), VIEWER);
      expect(status).toBe(503);
      expect(errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      await away.close();
    }
  });
});

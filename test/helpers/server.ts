import type { GraphQLFormattedError } from 'graphql';
import { ClientError, GraphQLClient } from 'graphql-request';
import { signToken, type TokenClaims } from '../../src/auth/tokens.js';
import { type Config, DEVELOPMENT_JWT_SECRET, loadConfig } from '../../src/config.js';
import { type RunningServer, type ServerOptions, startServer } from '../../src/server/app.js';
import { demoIdentities } from '../../src/startup.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export interface TestServer {
  url: string;
  server: RunningServer;
  database: TestDatabase;
  config: Config;
  /** graphql-request client; with `token`, sends it as a bearer token. */
  client(token?: string): GraphQLClient;
  close(): Promise<void>;
}

/** Production settings with an explicit secret and data key, as an operator would set them. */
export const PRODUCTION_SECRET = 'production-test-secret-0123456789-abcdefghijklmnop';
export const PRODUCTION_ENV = { NODE_ENV: 'production', JWT_SECRET: PRODUCTION_SECRET, DATA_KEY: 'x'.repeat(40) };

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', APPOINTMENT_NO_SHOW_JOB: 'false', DOCUMENT_CLEANUP_JOB: 'false', ...overrides });
}

/** The real server on a random port over a fresh copy of the seeded database. */
export async function startTestServer(
  options: { env?: Record<string, string>; database?: TestDatabase; logStream?: ServerOptions['logStream']; clock?: ServerOptions['clock'] } = {},
): Promise<TestServer> {
  const database = options.database ?? (await createTestDatabase());
  const config = testConfig(options.env);
  // The demo identities as src/main.ts passes them: the explorer's sign-in menu.
  const server = await startServer(config, database.handle, { logStream: options.logStream, demoIdentities: demoIdentities(), clock: options.clock });
  return {
    url: server.url,
    server,
    database,
    config,
    client: (token) =>
      new GraphQLClient(server.url, {
        errorPolicy: 'all',
        headers: token ? { authorization: `Bearer ${token}` } : {},
      }),
    async close() {
      await server.close();
      await database.drop();
    },
  };
}

export function tokenFor(claims: TokenClaims, options: { secret?: string; expiresIn?: string | number } = {}): Promise<string> {
  return signToken(claims, options.secret ?? DEVELOPMENT_JWT_SECRET, options.expiresIn ?? '1h');
}

export interface Outcome<T> {
  status: number;
  data: T | null | undefined;
  errors: GraphQLFormattedError[] | undefined;
}

/** The HTTP status, data and errors of a request, whether or not the status is 2xx. */
export async function execute<T>(client: GraphQLClient, query: string, variables?: Record<string, unknown>): Promise<Outcome<T>> {
  try {
    const response = await client.rawRequest<T>(query, variables);
    return { status: response.status, data: response.data, errors: response.errors as GraphQLFormattedError[] | undefined };
  } catch (error) {
    if (!(error instanceof ClientError)) throw error;
    return {
      status: error.response.status,
      data: error.response.data as T | null | undefined,
      errors: error.response.errors as GraphQLFormattedError[] | undefined,
    };
  }
}

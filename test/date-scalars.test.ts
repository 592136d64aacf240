import { gql } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execute, startTestServer, type TestServer, tokenFor } from './helpers/server.js';

// The DateTime and Date scalars take only instants and days that exist, in the years 1900 to
// 2200: Date.parse rolled 2026-02-30 over to 2 March and read 0001-01-01 as 2001, and stored
// that silently.

let server: TestServer;
let agent: string;
let supervisor: string;

beforeAll(async () => {
  server = await startTestServer();
  agent = await tokenFor({ role: 'agent', sub: 'demo.first' });
  supervisor = await tokenFor({ role: 'agent', sub: 'demo.supervisor' });
});
afterAll(() => server?.close());

const OPEN = gql`
  mutation ($input: OpenCaseInput!) {
    openCase(input: $input) { __typename ... on OpenCaseSuccess { case { dueAt } } }
  }
`;

function openDueAt(dueAt: string) {
  return execute<{ openCase: { __typename: string; case?: { dueAt: string } } }>(server.client(agent), OPEN, {
    input: { themeCode: 'ENERGY', subject: 'Échéance', originChannel: 'PHONE', dueAt },
  });
}

describe('DateTime', () => {
  it('stores an instant given with an offset as that instant', async () => {
    const { data, errors } = await openDueAt('2026-03-02T10:15:00+01:00');
    expect(errors).toBeUndefined();
    expect(data?.openCase.case?.dueAt).toBe('2026-03-02T09:15:00.000Z');
  });

  it.each(['2026-02-30T10:00:00Z', '0001-01-01T00:00:00Z', '0000-01-01T00:00:00Z', '2201-01-01T00:00:00Z', '2026-01-01T24:00:00Z'])(
    'refuses %s with BAD_USER_INPUT instead of storing another instant',
    async (dueAt) => {
      const { data, errors } = await openDueAt(dueAt);
      expect(data?.openCase ?? null).toBeNull();
      expect(errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    },
  );
});

describe('Date', () => {
  const CONTACTS = gql`query ($from: Date!, $to: Date!) { contactStatistics(from: $from, to: $to) { csv } }`;

  it.each([
    ['0001-01-01', '0001-01-31'],
    ['2026-02-01', '2026-02-30'],
    ['2201-01-01', '2201-01-31'],
  ])('refuses %s to %s with BAD_USER_INPUT', async (from, to) => {
    const { data, errors } = await execute(server.client(supervisor), CONTACTS, { from, to });
    expect(data ?? null).toBeNull();
    expect(new Set(errors?.map((error) => error.extensions?.code))).toEqual(new Set(['BAD_USER_INPUT']));
  });
});

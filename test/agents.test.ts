import { gql } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, tokenFor } from './helpers/server.js';

let server: TestServer;
let agentToken: string;
beforeAll(async () => {
  server = await startTestServer();
  agentToken = await tokenFor({ role: 'agent', sub: 'demo.first' });
});
afterAll(() => server?.close());

const AGENTS = gql`
  query Agents($serviceCode: String, $first: Int, $after: String) {
    agents(serviceCode: $serviceCode, first: $first, after: $after) {
      edges { cursor node { login service { code } } }
      pageInfo { hasNextPage hasPreviousPage endCursor }
    }
  }
`;

interface AgentsPage {
  agents: {
    edges: { cursor: string; node: { login: string; service: { code: string } } }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  };
}

describe('agents connection', () => {
  it('pages through the agents of a service in login order without gaps or repeats', async () => {
    const client = server.client(agentToken);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const { data, errors }: { data: AgentsPage; errors?: unknown } = await client.rawRequest<AgentsPage>(AGENTS, { serviceCode: 'SG-1718', first: 4, after });
      expect(errors).toBeUndefined();
      expect(data.agents.edges.length).toBeLessThanOrEqual(4);
      expect(data.agents.edges.every((edge) => edge.node.service.code === 'SG-1718')).toBe(true);
      seen.push(...data.agents.edges.map((edge) => edge.node.login));
      if (!data.agents.pageInfo.hasNextPage) break;
      after = data.agents.pageInfo.endCursor;
    }
    expect(seen).toContain('demo.first');
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(seen.length);
    const all = await client.rawRequest<AgentsPage>(AGENTS, { serviceCode: 'SG-1718', first: 100 });
    expect(all.data.agents.edges.map((edge) => edge.node.login)).toEqual(seen);
  });

  it('refuses a page larger than 100, backward pagination and a foreign cursor with BAD_USER_INPUT', async () => {
    const client = server.client(agentToken);
    for (const variables of [{ first: 101 }, { first: -1 }, { after: 'not-a-cursor' }]) {
      const { errors } = await client.rawRequest(AGENTS, variables);
      expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const { errors } = await client.rawRequest(gql`{ agents(last: 2) { edges { cursor } } }`);
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('is refused to citizens and anonymous callers', async () => {
    const citizenToken = await tokenFor({ role: 'citizen', sub: '00000000-0000-4000-8000-000000000001' });
    const asCitizen = await server.client(citizenToken).rawRequest(AGENTS, {});
    expect(asCitizen.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await server.client().rawRequest(AGENTS, {});
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('is readable by a service account', async () => {
    const serviceToken = await tokenFor({ role: 'service', sub: 'TLPE-ENERGY' });
    const { data } = await server.client(serviceToken).rawRequest<AgentsPage>(AGENTS, { serviceCode: 'TLPE-ENERGY' });
    expect(data.agents.edges.map((edge) => edge.node.login)).toEqual(['demo.energy']);
  });
});

import { type GraphQLClient, gql } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execute, startTestServer, type TestServer, tokenFor } from './helpers/server.js';

// One shape for every growing list (ARCHITECTURE.md, "Lists and connections"): first/after,
// pageInfo and a totalCount that counts exactly what paging to the end gives the viewer.

const MARIE = '00000000-0000-4000-8000-000000000001';
const HANS = '00000000-0000-4000-8000-000000000002';

let server: TestServer;
let clients: Record<'first' | 'energy' | 'supervisor' | 'marie' | 'hans' | 'anonymous', GraphQLClient>;

beforeAll(async () => {
  server = await startTestServer();
  const agent = async (sub: string) => server.client(await tokenFor({ role: 'agent', sub }));
  clients = {
    first: await agent('demo.first'),
    energy: await agent('demo.energy'),
    supervisor: await agent('demo.supervisor'),
    marie: server.client(await tokenFor({ role: 'citizen', sub: MARIE })),
    hans: server.client(await tokenFor({ role: 'citizen', sub: HANS })),
    anonymous: server.client(),
  };
});
afterAll(() => server?.close());

interface Connection<Node = unknown> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: Node }[];
}

const PAGE = 'totalCount pageInfo { hasNextPage endCursor } edges { node { __typename } }';

/** Pages a connection to its end; `read` finds the connection in the answer. */
async function pageAll(client: GraphQLClient, query: string, read: (data: never) => Connection, variables: Record<string, unknown> = {}, first = 100) {
  let after: string | null = null;
  let items = 0;
  const totals = new Set<number>();
  for (let pages = 0; pages < 50; pages++) {
    const { data, errors } = await execute<never>(client, query, { ...variables, first, after });
    expect(errors).toBeUndefined();
    const connection = read(data!);
    items += connection.edges.length;
    totals.add(connection.totalCount);
    if (!connection.pageInfo.hasNextPage) return { items, totals: [...totals] };
    after = connection.pageInfo.endCursor;
  }
  throw new Error('more than 50 pages');
}

async function run<T>(client: GraphQLClient, query: string, variables?: Record<string, unknown>): Promise<T> {
  const { data, errors } = await execute<T>(client, query, variables);
  expect(errors).toBeUndefined();
  return data!;
}

async function startCase(client: GraphQLClient): Promise<string> {
  const data = await run<{ startProcedure: { __typename: string; case: { id: string } } }>(
    client,
    gql`mutation ($input: StartProcedureInput!) { startProcedure(input: $input) { __typename ... on StartProcedureSuccess { case { id } } } }`,
    { input: { code: 'PRIME-HABITATION-ISOLATION', answers: { surface: 120, isolant: 'laine de roche' } } },
  );
  expect(data.startProcedure.__typename).toBe('StartProcedureSuccess');
  return data.startProcedure.case.id;
}

describe('connections', () => {
  it('does count what paging gives each viewer, for the lists under an access rule', async () => {
    const cases = gql`query ($first: Int, $after: String) { cases(first: $first, after: $after) { ${PAGE} } }`;
    const services = await run<{ services: { id: string; code: string }[] }>(clients.supervisor, gql`{ services { id code } }`);
    const energy = services.services.find((service) => service.code === 'TLPE-ENERGY')!;
    const queue = gql`query ($id: ID!, $first: Int, $after: String) { node(id: $id) { ... on Service { incomingHandoffs(status: COMPLETED, first: $first, after: $after) { ${PAGE} } } } }`;
    const checks: [string, GraphQLClient, string, (data: never) => Connection, Record<string, unknown>?][] = [
      ['cases as demo.energy', clients.energy, cases, (data: { cases: Connection }) => data.cases],
      ['cases as the supervisor', clients.supervisor, cases, (data: { cases: Connection }) => data.cases],
      ['incomingHandoffs as demo.first', clients.first, queue, (data: { node: { incomingHandoffs: Connection } }) => data.node.incomingHandoffs, { id: energy.id }],
      ['myCases as Marie', clients.marie, gql`query ($first: Int, $after: String) { myCases(first: $first, after: $after) { ${PAGE} } }`, (data: { myCases: Connection }) => data.myCases],
      ['knowledgeArticles anonymously', clients.anonymous, gql`query ($first: Int, $after: String) { knowledgeArticles(first: $first, after: $after) { ${PAGE} } }`, (data: { knowledgeArticles: Connection }) => data.knowledgeArticles],
      ['knowledgeArticles as an agent', clients.first, gql`query ($first: Int, $after: String) { knowledgeArticles(first: $first, after: $after) { ${PAGE} } }`, (data: { knowledgeArticles: Connection }) => data.knowledgeArticles],
      ['agents', clients.first, gql`query ($first: Int, $after: String) { agents(first: $first, after: $after) { ${PAGE} } }`, (data: { agents: Connection }) => data.agents],
      [
        'citizens by name',
        clients.first,
        gql`query ($first: Int, $after: String) { citizens(search: { name: "Du" }, first: $first, after: $after) { ${PAGE} } }`,
        (data: { citizens: Connection }) => data.citizens,
      ],
      [
        'searchKnowledge',
        clients.first,
        gql`query ($first: Int, $after: String) { searchKnowledge(query: "prime", language: FR, first: $first, after: $after) { ${PAGE} } }`,
        (data: { searchKnowledge: Connection }) => data.searchKnowledge,
      ],
    ];
    const counted: Record<string, number> = {};
    for (const [name, client, query, read, variables] of checks) {
      const { items, totals } = await pageAll(client, query, read, variables, 30);
      expect(totals, name).toEqual([items]);
      counted[name] = items;
    }
    // The access rule is counted: a back-office agent and an anonymous reader count fewer.
    expect(counted['cases as demo.energy']).toBeGreaterThan(0);
    expect(counted['cases as demo.energy']).toBeLessThan(counted['cases as the supervisor']!);
    expect(counted['knowledgeArticles anonymously']).toBeLessThan(counted['knowledgeArticles as an agent']!);
    expect(counted['myCases as Marie']).toBeGreaterThan(0);
  });

  it('does page a case’s notes with first/after and count them, for staff only', async () => {
    const caseId = await startCase(clients.marie);
    for (const body of ['un', 'deux', 'trois']) {
      const added = await run<{ addNote: { __typename: string } }>(
        clients.supervisor,
        gql`mutation ($input: AddNoteInput!) { addNote(input: $input) { __typename } }`,
        { input: { caseId, body } },
      );
      expect(added.addNote.__typename).toBe('AddNoteSuccess');
    }
    const NOTES = gql`query ($id: ID!, $first: Int, $after: String) { case(id: $id) { notes(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { body } } } } }`;
    const first = await run<{ case: { notes: Connection<{ body: string }> } }>(clients.supervisor, NOTES, { id: caseId, first: 2 });
    expect(first.case.notes.edges.map((edge) => edge.node.body)).toEqual(['un', 'deux']);
    expect(first.case.notes).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    const second = await run<{ case: { notes: Connection<{ body: string }> } }>(clients.supervisor, NOTES, { id: caseId, first: 2, after: first.case.notes.pageInfo.endCursor });
    expect(second.case.notes.edges.map((edge) => edge.node.body)).toEqual(['trois']);
    expect(second.case.notes).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: false } });

    const refused = await execute(clients.marie, NOTES, { id: caseId, first: 2 });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const badCursor = await execute(clients.supervisor, NOTES, { id: caseId, first: 2, after: 'nope' });
    expect(badCursor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('does page a case’s messages for its citizen and its staff, and nobody else', async () => {
    const caseId = await startCase(clients.marie);
    for (const body of ['Bonjour', 'Voici ma facture', 'Merci']) {
      const sent = await run<{ sendMessage: { __typename: string } }>(clients.marie, gql`mutation ($input: SendMessageInput!) { sendMessage(input: $input) { __typename } }`, {
        input: { caseId, body },
      });
      expect(sent.sendMessage.__typename).toBe('SendMessageSuccess');
    }
    const MESSAGES = gql`query ($id: ID!, $first: Int, $after: String) { case(id: $id) { messages(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { body } } } } }`;
    for (const client of [clients.marie, clients.supervisor]) {
      const page = await run<{ case: { messages: Connection<{ body: string }> } }>(client, MESSAGES, { id: caseId, first: 2 });
      expect(page.case.messages.edges.map((edge) => edge.node.body)).toEqual(['Bonjour', 'Voici ma facture']);
      expect(page.case.messages).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
      const rest = await run<{ case: { messages: Connection<{ body: string }> } }>(client, MESSAGES, { id: caseId, first: 2, after: page.case.messages.pageInfo.endCursor });
      expect(rest.case.messages.edges.map((edge) => edge.node.body)).toEqual(['Merci']);
    }
    const hans = await execute(clients.hans, MESSAGES, { id: caseId, first: 2 });
    expect(hans.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('does count a case’s timeline as its reader sees it, and every case of a page in one go', async () => {
    const caseId = await startCase(clients.marie);
    // An internal event (NOTE_ADDED) that the citizen does not see nor count.
    await run(clients.supervisor, gql`mutation ($input: AddNoteInput!) { addNote(input: $input) { __typename } }`, { input: { caseId, body: 'interne' } });
    const TIMELINE = gql`query ($id: ID!) { case(id: $id) { timeline(first: 100) { totalCount edges { node { visibility } } } } }`;
    const asCitizen = await run<{ case: { timeline: Connection<{ visibility: string }> } }>(clients.marie, TIMELINE, { id: caseId });
    const asStaff = await run<{ case: { timeline: Connection<{ visibility: string }> } }>(clients.supervisor, TIMELINE, { id: caseId });
    expect(asCitizen.case.timeline.totalCount).toBe(asCitizen.case.timeline.edges.length);
    expect(asStaff.case.timeline.totalCount).toBe(asStaff.case.timeline.edges.length);
    expect(asCitizen.case.timeline.edges.every((edge) => edge.node.visibility === 'CITIZEN')).toBe(true);
    expect(asCitizen.case.timeline.totalCount).toBeLessThan(asStaff.case.timeline.totalCount);

    const page = await run<{
      cases: { edges: { node: { interactions: Connection; all: Connection; timeline: Connection; notes: Connection; messages: Connection } }[] };
    }>(
      clients.supervisor,
      gql`{ cases(first: 10) { edges { node {
        interactions(first: 1) { totalCount edges { node { __typename } } }
        all: interactions(first: 100) { edges { node { __typename } } }
        timeline(first: 1) { totalCount }
        notes(first: 1) { totalCount }
        messages(first: 1) { totalCount }
      } } } }`,
    );
    for (const { node } of page.cases.edges) {
      expect(node.interactions.totalCount).toBe(node.all.edges.length);
      expect(node.interactions.edges.length).toBe(Math.min(1, node.all.edges.length));
    }
    expect(page.cases.edges.some((edge) => edge.node.timeline.totalCount > 1)).toBe(true);
  });

  it('does take a count, not first, for the suggested cards, a bounded list', async () => {
    const page = await run<{ cases: { edges: { node: { suggestedArticles: unknown[] } }[] } }>(
      clients.first,
      gql`{ cases(first: 5) { edges { node { suggestedArticles(count: 2) { id } } } } }`,
    );
    for (const { node } of page.cases.edges) expect(node.suggestedArticles.length).toBeLessThanOrEqual(2);
    const paged = await execute(clients.first, gql`{ cases(first: 5) { edges { node { suggestedArticles(first: 2) { id } } } } }`);
    expect(paged.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const tooMany = await execute(clients.first, gql`{ cases(first: 1) { edges { node { suggestedArticles(count: 11) { id } } } } }`);
    expect(JSON.stringify(tooMany)).toContain('between 1 and 10');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execute, startTestServer, type TestServer, tokenFor } from './helpers/server.js';

// The inbox reads the relations its cases show in its own statement, planned from the selection
// (DESIGN §4). Whatever it reads that way must be exactly what the per-field loaders read: the
// same cases read again through nodes(ids:), which plans nothing, must give the same answer,
// for every kind of viewer and however the selection is written.

let server: TestServer;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  tokens.supervisor = await tokenFor({ role: 'agent', sub: 'demo.supervisor' });
  tokens.first = await tokenFor({ role: 'agent', sub: 'demo.first' });
  tokens.housing = await tokenFor({ role: 'agent', sub: 'demo.housing' });
  tokens.housingAccount = await tokenFor({ role: 'service', sub: 'TLPE-HOUSING' });
});
afterAll(() => server?.close());

const CASE_FIELDS = `
  id reference subject description status statusLabel(language: NL) resolution priority originChannel originChannelLabel
  language currentLine confidentiality dueAt firstResponseDueAt slaState waitingSince resolvedAt closedAt createdAt updatedAt version
  service { code } theme { code label } procedure { code } procedureStep { code }
  citizen { id givenName familyName preferredLanguage }
  referent { id login displayName } assignee { id login }
  latestInteractions(count: 2) { __typename id channel direction summary occurredAt agent { login } ... on PhoneCall { line } }
  handoffs { id status reason requestedAt dueAt toService { code } fromService { code } requestedBy { login } }
`;

/** The inbox page, then the same cases through nodes(ids:) with the same selection. */
async function planned(token: string, selection: string, fragments = '', variables: Record<string, unknown> = {}) {
  const client = server.client(token);
  const inbox = await execute<{ cases: { edges: { node: { id: string } & Record<string, unknown> }[] } }>(
    client,
    `query ($first: Int) { cases(first: $first, orderBy: { field: DUE_AT, direction: ASC }) { edges { node { ${selection} } } } } ${fragments}`,
    { first: 40, ...variables },
  );
  expect(inbox.errors).toBeUndefined();
  const listed = inbox.data!.cases.edges.map((edge) => edge.node);
  const loaded = await execute<{ nodes: Record<string, unknown>[] }>(
    client,
    `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Case { ${selection} } } } ${fragments}`,
    { ids: listed.map((node) => node.id), ...variables },
  );
  expect(loaded.errors).toBeUndefined();
  return { listed, loaded: loaded.data!.nodes };
}

describe('inbox reads planned from the selection', () => {
  it.each(['supervisor', 'first', 'housing', 'housingAccount'])('gives %s exactly what the per-field loaders give, for every field of a case', async (viewer) => {
    const { listed, loaded } = await planned(tokens[viewer]!, CASE_FIELDS);
    expect(listed.length).toBeGreaterThan(0);
    expect(listed).toEqual(loaded);
    // The relations were really there to compare.
    expect(listed.some((node) => node.citizen !== null)).toBe(true);
    expect(listed.some((node) => (node.latestInteractions as unknown[]).length > 0)).toBe(true);
  });

  it('does give each alias its own arguments when one field is asked twice with different ones', async () => {
    const selection = `id one: latestInteractions(count: 1) { id } three: latestInteractions(count: 3) { id } open: handoffs(openOnly: true) { id status } all: handoffs { id status }`;
    const { listed, loaded } = await planned(tokens.supervisor!, selection);
    expect(listed).toEqual(loaded);
    expect(listed.some((node) => (node.three as unknown[]).length > 1)).toBe(true);
    expect(listed.every((node) => (node.one as unknown[]).length <= 1)).toBe(true);
    expect(listed.some((node) => (node.all as unknown[]).length > (node.open as unknown[]).length)).toBe(true);
  });

  it('does read the relations named in fragments, inline fragments and variables as those written inline', async () => {
    const selection = `id ...Shown ... on Node { ... on Case { referent { login } } } latestInteractions(count: $count) { id summary }`;
    const fragments = `fragment Shown on Case { reference citizen { familyName } handoffs(openOnly: $open) { status } }`;
    const withVariables = (query: string) => query.replace('query ($first: Int)', 'query ($first: Int, $count: Int, $open: Boolean)').replace('query ($ids: [ID!]!)', 'query ($ids: [ID!]!, $count: Int, $open: Boolean)');
    const client = server.client(tokens.supervisor!);
    const inbox = await execute<{ cases: { edges: { node: Record<string, unknown> }[] } }>(
      client,
      withVariables(`query ($first: Int) { cases(first: $first) { edges { node { ${selection} } } } } ${fragments}`),
      { first: 30, count: 2, open: true },
    );
    expect(inbox.errors).toBeUndefined();
    const inline = await execute<{ cases: { edges: { node: Record<string, unknown> }[] } }>(
      client,
      `{ cases(first: 30) { edges { node { id reference citizen { familyName } handoffs(openOnly: true) { status } referent { login } latestInteractions(count: 2) { id summary } } } } }`,
    );
    expect(inline.errors).toBeUndefined();
    expect(inbox.data!.cases.edges).toEqual(inline.data!.cases.edges);
  });

  it('does refuse a count of latest interactions out of range the same way, planned or not', async () => {
    const outcome = await execute(server.client(tokens.supervisor!), `{ cases(first: 2) { edges { node { latestInteractions(count: 11) { id } } } } }`);
    expect(outcome.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('one case read planned from the selection', () => {
  const TIMELINE = `timeline(first: $first, after: $after) { edges { cursor node { type visibility occurredAt payload } } pageInfo { hasNextPage endCursor } }`;
  const CITIZEN_FIELDS = `id reference subject status dueAt slaState theme { code label } citizen { familyName } ${TIMELINE}`;

  /** case(id:) and caseByReference, then node(id:) that plans nothing, with the same selection. */
  async function readThreeWays(token: string, id: string, reference: string, selection: string, variables: Record<string, unknown>) {
    const client = server.client(token);
    const declared = '$first: Int, $after: String';
    const byId = await execute<{ case: Record<string, unknown> }>(client, `query ($id: ID!, ${declared}) { case(id: $id) { ${selection} } }`, { id, ...variables });
    const byReference = await execute<{ caseByReference: Record<string, unknown> }>(
      client,
      `query ($reference: String!, ${declared}) { caseByReference(reference: $reference) { ${selection} } }`,
      { reference, ...variables },
    );
    const loaded = await execute<{ node: Record<string, unknown> }>(client, `query ($id: ID!, ${declared}) { node(id: $id) { ... on Case { ${selection} } } }`, { id, ...variables });
    for (const outcome of [byId, byReference, loaded]) expect(outcome.errors).toBeUndefined();
    expect(byId.data!.case).toEqual(loaded.data!.node);
    expect(byReference.data!.caseByReference).toEqual(loaded.data!.node);
    return byId.data!.case;
  }

  it('gives an agent and the citizen exactly what the loaders give, page after page of the timeline', async () => {
    const marie = await tokenFor({ role: 'citizen', sub: '00000000-0000-4000-8000-000000000001' });
    const mine = await execute<{ myCases: { edges: { node: { id: string; reference: string } }[] } }>(server.client(marie), `{ myCases(first: 5) { edges { node { id reference } } } }`);
    expect(mine.errors).toBeUndefined();
    const { id, reference } = mine.data!.myCases.edges[0]!.node;
    for (const [token, selection] of [
      [tokens.supervisor!, `${CASE_FIELDS} notes { edges { node { body } } } ${TIMELINE}`],
      [marie, CITIZEN_FIELDS],
    ] as const) {
      let after: string | null = null;
      let pages = 0;
      do {
        const read = (await readThreeWays(token, id, reference, selection, { first: 2, after })) as { timeline: { edges: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
        expect(read.timeline.edges.length).toBeGreaterThan(0);
        after = read.timeline.pageInfo.hasNextPage ? read.timeline.pageInfo.endCursor : null;
        pages += 1;
      } while (after && pages < 10);
      expect(pages).toBeGreaterThan(1);
    }
  });

  it('does answer a bad timeline page size with the timeline’s own error, the case still read', async () => {
    const list = await execute<{ cases: { edges: { node: { id: string } }[] } }>(server.client(tokens.supervisor!), `{ cases(first: 1) { edges { node { id } } } }`);
    const outcome = await execute<{ case: { reference: string; timeline: unknown } | null }>(
      server.client(tokens.supervisor!),
      `query ($id: ID!) { case(id: $id) { reference timeline(first: -1) { edges { cursor } } } }`,
      { id: list.data!.cases.edges[0]!.node.id },
    );
    expect(outcome.errors?.[0]?.path).toEqual(['case', 'timeline']);
    expect(outcome.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('the citizen’s own list planned from the selection', () => {
  it('gives myCases, with each case’s timeline page, exactly what the loaders give', async () => {
    const marie = server.client(await tokenFor({ role: 'citizen', sub: '00000000-0000-4000-8000-000000000001' }));
    const selection = `id reference status statusLabel dueAt slaState updatedAt theme { code label } service { code } citizen { familyName } timeline(first: 3) { edges { cursor node { type occurredAt } } pageInfo { hasNextPage } }`;
    const mine = await execute<{ myCases: { edges: { node: { id: string } & Record<string, unknown> }[] } }>(marie, `{ myCases(first: 20) { edges { node { ${selection} } } } }`);
    expect(mine.errors).toBeUndefined();
    const listed = mine.data!.myCases.edges.map((edge) => edge.node);
    expect(listed.length).toBeGreaterThan(0);
    const loaded = await execute<{ nodes: unknown[] }>(marie, `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Case { ${selection} } } }`, { ids: listed.map((node) => node.id) });
    expect(loaded.errors).toBeUndefined();
    expect(listed).toEqual(loaded.data!.nodes);
  });

  it('gives a citizen’s cases seen by an agent exactly what the loaders give', async () => {
    const client = server.client(tokens.supervisor!);
    const selection = `id reference subject referent { login } latestInteractions(count: 1) { summary } timeline(first: 2) { edges { node { type visibility } } }`;
    const read = await execute<{ node: { cases: { edges: { node: { id: string } }[] } } }>(
      client,
      `query ($id: ID!) { node(id: $id) { ... on Citizen { cases(first: 10) { edges { node { ${selection} } } } } } }`,
      { id: Buffer.from('Citizen:00000000-0000-4000-8000-000000000001').toString('base64') },
    );
    expect(read.errors).toBeUndefined();
    const listed = read.data!.node.cases.edges.map((edge) => edge.node);
    expect(listed.length).toBeGreaterThan(0);
    const loaded = await execute<{ nodes: unknown[] }>(client, `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Case { ${selection} } } }`, { ids: listed.map((node) => node.id) });
    expect(loaded.errors).toBeUndefined();
    expect(listed).toEqual(loaded.data!.nodes);
  });
});

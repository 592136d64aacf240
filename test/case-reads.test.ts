import { randomUUID } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import { type GraphQLClient, gql } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '../src/db/client.js';
import { execute, startTestServer, type TestServer, tokenFor } from './helpers/server.js';

// Reading cases and citizens through the public API (DESIGN §3): the inbox's filters, full-text
// search, orders and keyset pages (no case repeated or skipped while new cases arrive), and
// the citizen search.

const MARIE = '00000000-0000-4000-8000-000000000001';
const OPEN_STATUSES = ['NEW', 'IN_PROGRESS', 'WAITING_FOR_CITIZEN', 'HANDED_OFF'];
const PRIORITY_RANK: Record<string, number> = { LOW: 1, NORMAL: 2, HIGH: 3, URGENT: 4 };
const globalId = (typename: string, id: string) => Buffer.from(`${typename}:${id}`).toString('base64');
const uuidOf = (id: string) => Buffer.from(id, 'base64').toString('utf8').split(':')[1]!;
const cursorOf = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');

let server: TestServer;
let supervisor: GraphQLClient;
let firstLine: GraphQLClient;
let testStart: Date;

beforeAll(async () => {
  server = await startTestServer();
  supervisor = server.client(await tokenFor({ role: 'agent', sub: 'demo.supervisor' }));
  firstLine = server.client(await tokenFor({ role: 'agent', sub: 'demo.first' }));
  testStart = new Date(Date.now() - 1_000);
});
afterAll(() => server?.close());

function rows<Row>(query: SQL): Promise<Row[]> {
  return selectRows<Row>(server.database.handle.db, query);
}
async function count(where: SQL): Promise<number> {
  const [row] = await rows<{ count: number }>(sql`select count(*)::int as count from cases c where ${where}`);
  return row!.count;
}

interface CaseNode {
  id: string;
  reference: string;
  subject: string;
  status: string;
  priority: string;
  originChannel: string;
  currentLine: string;
  createdAt: string;
  updatedAt: string;
  dueAt: string | null;
  theme: { code: string };
  citizen: { id: string } | null;
  assignee: { id: string } | null;
  referent: { id: string } | null;
}
interface CasesPage {
  cases: {
    totalCount: number;
    edges: { cursor: string; node: CaseNode }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  };
}

const CASES = gql`
  query Cases($filter: CaseFilter, $orderBy: CaseOrder, $first: Int, $after: String) {
    cases(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id reference subject status priority originChannel currentLine createdAt updatedAt dueAt
          theme { code } citizen { id } assignee { id } referent { id }
        }
      }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`;

interface Walk {
  nodes: CaseNode[];
  totalCount: number;
  pages: number;
}

/** Fetches one page, failing the test on any error. */
async function page(client: GraphQLClient, variables: Record<string, unknown>): Promise<CasesPage['cases']> {
  const { data, errors } = await execute<CasesPage>(client, CASES, variables);
  expect(errors, JSON.stringify(errors)).toBeUndefined();
  const connection = data!.cases;
  expect(connection.edges.length).toBeLessThanOrEqual((variables.first as number | undefined) ?? 20);
  expect(connection.pageInfo.hasPreviousPage).toBe(false);
  if (connection.edges.length > 0) {
    expect(connection.pageInfo.startCursor).toBe(connection.edges[0]!.cursor);
    expect(connection.pageInfo.endCursor).toBe(connection.edges.at(-1)!.cursor);
  }
  return connection;
}

/** Walks every page of the inbox; checks that no case comes twice and that totalCount agrees. */
async function walk(client: GraphQLClient, options: { filter?: Record<string, unknown>; orderBy?: Record<string, unknown>; first?: number } = {}): Promise<Walk> {
  const nodes: CaseNode[] = [];
  let after: string | null = null;
  let totalCount = -1;
  let pages = 0;
  for (;;) {
    const connection = await page(client, { filter: options.filter, orderBy: options.orderBy, first: options.first ?? 100, after });
    pages++;
    totalCount = connection.totalCount;
    nodes.push(...connection.edges.map((edge) => edge.node));
    if (!connection.pageInfo.hasNextPage) break;
    after = connection.pageInfo.endCursor;
    expect(pages).toBeLessThan(200);
  }
  expect(new Set(nodes.map((node) => node.id)).size).toBe(nodes.length);
  expect(totalCount).toBe(nodes.length);
  return { nodes, totalCount, pages };
}

const REGISTER_CONTACT = gql`
  mutation Register($input: RegisterContactInput!) {
    registerContact(input: $input) {
      __typename
      ... on RegisterContactSuccess { createdCase case { id reference } }
      ... on Error { code message }
    }
  }
`;

async function registerContact(client: GraphQLClient, input: Record<string, unknown>): Promise<{ id: string; reference: string }> {
  const { data, errors } = await execute<{ registerContact: { __typename: string; message?: string; case?: { id: string; reference: string } } }>(
    client,
    REGISTER_CONTACT,
    { input: { channel: 'PHONE', phone: { line: '1718' }, ...input } },
  );
  expect(errors, JSON.stringify(errors)).toBeUndefined();
  expect(data?.registerContact.__typename, data?.registerContact.message).toBe('RegisterContactSuccess');
  return data!.registerContact.case!;
}

describe('inbox filters', () => {
  it('returns exactly the cases in any of several statuses when statuses is given', async () => {
    const statuses = ['NEW', 'WAITING_FOR_CITIZEN', 'CANCELLED'];
    const { nodes } = await walk(supervisor, { filter: { statuses } });
    expect(nodes.every((node) => statuses.includes(node.status))).toBe(true);
    expect(new Set(nodes.map((node) => node.status))).toEqual(new Set(statuses));
    expect(nodes.length).toBe(await count(sql`c.status in ('NEW', 'WAITING_FOR_CITIZEN', 'CANCELLED')`));
  });

  it('returns exactly the cases opened on any of the channels when channels is given', async () => {
    const { nodes } = await walk(supervisor, { filter: { channels: ['EMAIL', 'CHAT'] } });
    expect(nodes.every((node) => ['EMAIL', 'CHAT'].includes(node.originChannel))).toBe(true);
    expect(nodes.length).toBe(await count(sql`c.origin_channel in ('EMAIL', 'CHAT')`));
    expect(nodes.length).toBeGreaterThan(0);
  });

  it('returns exactly the cases at any of the lines when lines is given', async () => {
    const { nodes } = await walk(supervisor, { filter: { lines: ['SECOND', 'THIRD'] } });
    expect(nodes.every((node) => node.currentLine !== 'FIRST')).toBe(true);
    expect(nodes.length).toBe(await count(sql`c.current_line in ('SECOND', 'THIRD')`));
    expect(nodes.length).toBeGreaterThan(0);
  });

  it('includes the cases of sub-themes when themeCode names a parent theme, and only that branch', async () => {
    const { nodes } = await walk(supervisor, { filter: { themeCode: 'ENERGY' } });
    expect(nodes.every((node) => node.theme.code === 'ENERGY' || node.theme.code.startsWith('ENERGY.'))).toBe(true);
    expect(nodes.some((node) => node.theme.code !== 'ENERGY')).toBe(true);
    expect(nodes.length).toBe(await count(sql`c.theme_id in (select id from themes where code = 'ENERGY' or code like 'ENERGY.%')`));
    const leaf = await walk(supervisor, { filter: { themeCode: 'ENERGY.PREMIUMS' } });
    expect(leaf.nodes.every((node) => node.theme.code === 'ENERGY.PREMIUMS')).toBe(true);
    expect(leaf.nodes.length).toBe(await count(sql`c.theme_id = (select id from themes where code = 'ENERGY.PREMIUMS')`));
    expect(leaf.nodes.length).toBeLessThan(nodes.length);
    const unknown = await walk(supervisor, { filter: { themeCode: 'ENERG' } });
    expect(unknown.nodes).toEqual([]);
  });

  it('returns exactly the cases assigned to an agent, and those whose referent it is, when assigneeId or referentId is a global Agent id', async () => {
    const { data } = await execute<{ agents: { edges: { node: { id: string; login: string } }[] } }>(
      supervisor,
      gql`{ agents(first: 100) { edges { node { id login } } } }`,
    );
    const agentIds = new Map(data!.agents.edges.map((edge) => [edge.node.login, edge.node.id]));
    const [busiest] = await rows<{ login: string; id: string }>(sql`
      select a.login, a.id from cases c join agents a on a.id = c.assignee_agent_id
      group by a.login, a.id order by count(*) desc, a.login limit 1`);
    const assigneeId = agentIds.get(busiest!.login)!;
    const assigned = await walk(supervisor, { filter: { assigneeId } });
    expect(assigned.nodes.length).toBeGreaterThan(0);
    expect(assigned.nodes.every((node) => node.assignee?.id === assigneeId)).toBe(true);
    expect(assigned.nodes.length).toBe(await count(sql`c.assignee_agent_id = ${busiest!.id}::uuid`));

    const [referent] = await rows<{ login: string; id: string }>(sql`
      select a.login, a.id from cases c join agents a on a.id = c.referent_agent_id
      group by a.login, a.id order by count(*) desc, a.login limit 1 offset 1`);
    const referentId = agentIds.get(referent!.login)!;
    const referred = await walk(supervisor, { filter: { referentId } });
    expect(referred.nodes.length).toBeGreaterThan(0);
    expect(referred.nodes.every((node) => node.referent?.id === referentId)).toBe(true);
    expect(referred.nodes.length).toBe(await count(sql`c.referent_agent_id = ${referent!.id}::uuid`));
  });

  it('returns exactly Marie’s cases when citizenId is Marie’s global id', async () => {
    const marie = globalId('Citizen', MARIE);
    const { nodes } = await walk(supervisor, { filter: { citizenId: marie } });
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((node) => node.citizen?.id === marie)).toBe(true);
    expect(nodes.length).toBe(await count(sql`c.citizen_id = ${MARIE}::uuid`));
  });

  it('returns the cases opened at or after createdFrom and strictly before createdTo', async () => {
    const from = '2025-03-01T00:00:00.000Z';
    const to = '2025-05-01T00:00:00.000Z';
    const { nodes } = await walk(supervisor, { filter: { createdFrom: from, createdTo: to } });
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((node) => node.createdAt >= from && node.createdAt < to)).toBe(true);
    expect(nodes.length).toBe(await count(sql`c.created_at >= ${from}::timestamptz and c.created_at < ${to}::timestamptz`));
    // Bounds: createdFrom includes the instant itself, createdTo excludes it.
    const boundary = nodes[0]!;
    const atFrom = await walk(supervisor, { filter: { createdFrom: boundary.createdAt, createdTo: new Date(Date.parse(boundary.createdAt) + 1).toISOString() } });
    expect(atFrom.nodes.map((node) => node.id)).toContain(boundary.id);
    const atTo = await walk(supervisor, { filter: { createdFrom: from, createdTo: boundary.createdAt } });
    expect(atTo.nodes.map((node) => node.id)).not.toContain(boundary.id);
  });

  it('returns only open cases past their due date when overdue is true, and every other case when it is false', async () => {
    const overdue = await walk(supervisor, { filter: { overdue: true } });
    const now = Date.now();
    expect(overdue.nodes.length).toBeGreaterThan(0);
    for (const node of overdue.nodes) {
      expect(node.dueAt).not.toBeNull();
      expect(Date.parse(node.dueAt!)).toBeLessThan(now);
      expect(OPEN_STATUSES).toContain(node.status);
    }
    expect(overdue.nodes.length).toBe(await count(sql`c.due_at < now() and c.status in ('NEW', 'IN_PROGRESS', 'WAITING_FOR_CITIZEN', 'HANDED_OFF')`));
    const others = await walk(supervisor, { filter: { overdue: false } });
    expect(others.nodes.some((node) => node.dueAt !== null && Date.parse(node.dueAt) < now)).toBe(true);
    expect(others.nodes.every((node) => !(node.dueAt !== null && Date.parse(node.dueAt) < now && OPEN_STATUSES.includes(node.status)))).toBe(true);
    expect(overdue.nodes.length + others.nodes.length).toBe(await count(sql`true`));
  });

  it('returns only cases matching every criterion when several are given', async () => {
    const { nodes } = await walk(supervisor, { filter: { themeCode: 'HOUSING', statuses: ['RESOLVED', 'CLOSED'], channels: ['PHONE'] } });
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((node) => node.theme.code.startsWith('HOUSING') && ['RESOLVED', 'CLOSED'].includes(node.status) && node.originChannel === 'PHONE')).toBe(true);
    expect(nodes.length).toBe(
      await count(sql`c.status in ('RESOLVED', 'CLOSED') and c.origin_channel = 'PHONE'
        and c.theme_id in (select id from themes where code = 'HOUSING' or code like 'HOUSING.%')`),
    );
  });
});

describe('inbox search', () => {
  let energy: { id: string; reference: string };
  let housing: { id: string; reference: string };
  let summaryOnly: { id: string; reference: string };
  let followedUp: { id: string; reference: string };
  beforeAll(async () => {
    energy = await registerContact(firstLine, { themeCode: 'ENERGY.PREMIUMS', subject: 'Prime énergie pour la toiture', summary: 'Le citoyen demande le formulaire' });
    housing = await registerContact(firstLine, {
      themeCode: 'HOUSING.PREMIUMS',
      subject: 'Wohnungsprämien für das Haus',
      summary: 'Der Bürger fragt nach dem Antrag',
      phone: { line: '1719' },
    });
    summaryOnly = await registerContact(firstLine, { themeCode: 'INFORMATION.ORIENTATION', subject: 'Question générale', summary: 'Il évoque des panneaux photovoltaïques sur sa grange' });
    followedUp = await registerContact(firstLine, { themeCode: 'INFORMATION.ORIENTATION', subject: 'Demande de rappel', summary: 'Premier appel' });
    await registerContact(firstLine, { caseId: followedUp.id, summary: 'Rappel : il parle maintenant de géothermie' });
  });

  /** The references found by a search among the cases opened by this file. */
  async function found(search: string): Promise<string[]> {
    const { nodes } = await walk(supervisor, { filter: { search, createdFrom: testStart.toISOString() } });
    return nodes.map((node) => node.reference).sort();
  }

  it('finds a case whatever the accents when the search is "energie", "énergie" or "ÉNERGIE"', async () => {
    for (const search of ['energie', 'énergie', 'ÉNERGIE']) {
      expect(await found(search), search).toEqual([energy.reference]);
    }
  });

  it('finds a case by another French word form when the search is "toitures"', async () => {
    expect(await found('toitures')).toEqual([energy.reference]);
  });

  it('finds a case by another German word form without umlaut when the search is "wohnungspramie"', async () => {
    expect(await found('wohnungspramie')).toEqual([housing.reference]);
  });

  it('requires every word when the search has several', async () => {
    expect(await found('prime toiture')).toEqual([energy.reference]);
    expect(await found('prime wohnungspramie')).toEqual([]);
  });

  it('finds exactly one case among all when the search is its reference', async () => {
    const { nodes } = await walk(supervisor, { filter: { search: housing.reference } });
    expect(nodes.map((node) => node.id)).toEqual([housing.id]);
  });

  it('finds a case by a word that is only in an interaction summary, also one added after the case was opened', async () => {
    expect(await found('photovoltaique')).toEqual([summaryOnly.reference]);
    expect(await found('geothermie')).toEqual([followedUp.reference]);
  });

  it('refuses a search longer than 200 characters with BAD_USER_INPUT', async () => {
    const { errors } = await execute(supervisor, CASES, { filter: { search: 'mot '.repeat(60) } });
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // The longest allowed, every word a typo that matches no case, finds nothing.
    const words = Array.from({ length: 28 }, (_, index) => `qz${String.fromCharCode(97 + (index % 26))}${'wxyv'[index % 4]}lk`);
    expect(await found(words.join(' ').slice(0, 200))).toEqual([]);
  });

  it('forgives one typo per word (a letter left out, two swapped, an accent missing), also in a word first written after the case was opened', async () => {
    expect(await found('toitrue')).toEqual([energy.reference]);
    expect(await found('prmie toitrue')).toEqual([energy.reference]);
    expect(await found('Wohnungspramein Hasu')).toEqual([housing.reference]);
    expect(await found('photovoltaiqes grnage')).toEqual([summaryOnly.reference]);
    expect(await found('geothremie')).toEqual([followedUp.reference]);
    // A word no case held before this file: the vocabulary learnt it with the case.
    expect(await found('Zorglubienne'.toLowerCase())).toEqual([]);
    const learnt = await registerContact(firstLine, { themeCode: 'INFORMATION.ORIENTATION', subject: 'Question', summary: 'Il parle de la Zorglubienne' });
    expect(await found('Zorglubeinne')).toEqual([learnt.reference]);
  });

  it('still requires every word and finds nothing for words that look like no word of the cases', async () => {
    expect(await found('toitrue geothremie')).toEqual([]);
    for (const search of ['zzqx blorf', 'toiture grzlbnk', 'qwxyz']) expect(await found(search), search).toEqual([]);
  });

  it('leaves a search whose words the cases contain exactly as it was', async () => {
    for (const search of ['prime toiture', 'énergie', 'wohnungspramie', 'Rappel géothermie', housing.reference]) {
      const [row] = await rows<{ corrected: string | null }>(sql`select case_search_query_correcting(${search})::text as corrected`);
      expect(row!.corrected, search).toBeNull();
    }
  });
});

describe('inbox order', () => {
  type Field = 'CREATED_AT' | 'UPDATED_AT' | 'DUE_AT' | 'PRIORITY';
  const keyOf = (field: Field, node: CaseNode): number => {
    switch (field) {
      case 'CREATED_AT':
        return Date.parse(node.createdAt);
      case 'UPDATED_AT':
        return Date.parse(node.updatedAt);
      case 'DUE_AT':
        return Date.parse(node.dueAt!);
      case 'PRIORITY':
        return PRIORITY_RANK[node.priority]!;
    }
  };
  /** Negative when a comes before b in the order (ties broken by id, in the same direction). */
  const compare = (field: Field, direction: 'ASC' | 'DESC', a: CaseNode, b: CaseNode): number => {
    const sign = direction === 'ASC' ? 1 : -1;
    const [ka, kb] = [keyOf(field, a), keyOf(field, b)];
    if (ka !== kb) return ka < kb ? -sign : sign;
    const [ia, ib] = [uuidOf(a.id), uuidOf(b.id)];
    return ia === ib ? 0 : ia < ib ? -sign : sign;
  };

  const filter = { themeCode: 'HOUSING' };
  let expectedCount: number;
  beforeAll(async () => {
    // Cases without a due date (deadline cleared: set up in SQL), with priorities, among the seeded ones.
    for (const priority of ['URGENT', 'LOW', 'NORMAL']) {
      const created = await registerContact(firstLine, { themeCode: 'HOUSING.LOANS', subject: `Prêt ${priority.toLowerCase()}`, priority });
      await server.database.handle.db.execute(sql`update cases set due_at = null, at_risk_at = null where id = ${uuidOf(created.id)}::uuid`);
    }
    expectedCount = await count(sql`c.theme_id in (select id from themes where code = 'HOUSING' or code like 'HOUSING.%')`);
  });

  for (const field of ['CREATED_AT', 'UPDATED_AT', 'DUE_AT', 'PRIORITY'] as const) {
    for (const direction of ['ASC', 'DESC'] as const) {
      it(`returns pages in ${field} ${direction} order, ties broken by id, when orderBy is ${field} ${direction}`, async () => {
        const { nodes, pages } = await walk(supervisor, { filter, orderBy: { field, direction }, first: 23 });
        expect(pages).toBeGreaterThan(3);
        expect(nodes.length).toBe(expectedCount);
        // Where undated cases go in DUE_AT order is checked on its own below.
        const ordered = field === 'DUE_AT' ? nodes.filter((node) => node.dueAt !== null) : nodes;
        const sorted = [...ordered].sort((a, b) => compare(field, direction, a, b));
        expect(ordered.map((node) => node.reference)).toEqual(sorted.map((node) => node.reference));
      });
    }
  }

  it('puts cases without a due date last when orderBy is DUE_AT, in both directions', async () => {
    for (const direction of ['ASC', 'DESC'] as const) {
      const { nodes } = await walk(supervisor, { filter, orderBy: { field: 'DUE_AT', direction }, first: 50 });
      const undated = nodes.filter((node) => node.dueAt === null).length;
      expect(undated).toBeGreaterThanOrEqual(3);
      // The contract (CaseOrderField.DUE_AT): cases without a due date come last in either direction.
      expect(nodes.slice(nodes.length - undated).every((node) => node.dueAt === null), direction).toBe(true);
    }
  });

  it('sorts by CREATED_AT DESC when orderBy is omitted, and by DESC when only the field is given', async () => {
    const implicit = await page(supervisor, { filter, first: 40 });
    const explicit = await page(supervisor, { filter, first: 40, orderBy: { field: 'CREATED_AT', direction: 'DESC' } });
    const fieldOnly = await page(supervisor, { filter, first: 40, orderBy: { field: 'CREATED_AT' } });
    expect(implicit.edges.map((edge) => edge.node.id)).toEqual(explicit.edges.map((edge) => edge.node.id));
    expect(fieldOnly.edges.map((edge) => edge.node.id)).toEqual(explicit.edges.map((edge) => edge.node.id));
  });
});

describe('inbox pages', () => {
  it('refuses first: 101 and a negative first with BAD_USER_INPUT, and accepts first: 100', async () => {
    for (const first of [101, -1]) {
      const { data, errors } = await execute<CasesPage>(supervisor, CASES, { first });
      expect(errors?.[0]?.extensions?.code, String(first)).toBe('BAD_USER_INPUT');
      expect(data?.cases ?? null).toBeNull();
    }
    const ok = await page(supervisor, { first: 100 });
    expect(ok.edges).toHaveLength(100);
  });

  it('refuses a malformed after cursor with BAD_USER_INPUT', async () => {
    const malformed = [
      'not-a-cursor',
      cursorOf([1, 2, 3]),
      cursorOf({ createdAt: '2026-01-01' }),
      // Well-formed JSON of the right length, but not a timestamp and an id.
      cursorOf(['yesterday', 'not-a-uuid']),
      cursorOf([42, randomUUID()]),
    ];
    const outcomes: { after: string; status: number; code: unknown; cases: unknown }[] = [];
    for (const after of malformed) {
      const { status, data, errors } = await execute<CasesPage>(supervisor, CASES, { first: 5, after });
      outcomes.push({ after: Buffer.from(after, 'base64url').toString('utf8'), status, code: errors?.[0]?.extensions?.code, cases: data?.cases ?? null });
    }
    // Each part of a cursor is checked against the order's key before it reaches SQL.
    expect(outcomes).toEqual(malformed.map((after) => ({ after: Buffer.from(after, 'base64url').toString('utf8'), status: 200, code: 'BAD_USER_INPUT', cases: null })));
  });

  it('refuses with BAD_USER_INPUT a cursor of one order used with another order', async () => {
    const created = await page(supervisor, { first: 3, orderBy: { field: 'CREATED_AT', direction: 'DESC' } });
    const { errors } = await execute(supervisor, CASES, { first: 3, after: created.pageInfo.endCursor, orderBy: { field: 'PRIORITY', direction: 'DESC' } });
    // A CREATED_AT cursor ["<ISO instant>", "<uuid>"] does not fit the PRIORITY key.
    expect(errors?.[0]?.extensions?.code, JSON.stringify(errors)).toBe('BAD_USER_INPUT');
  });

  it('refuses backward pagination with BAD_USER_INPUT when last is given', async () => {
    const { errors } = await execute(supervisor, gql`{ cases(last: 5) { edges { cursor } } }`);
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('reports a totalCount equal to the number of edges walked when walking 7 or 100 at a time', async () => {
    const filter = { themeCode: 'ENVIRONMENT', statuses: ['CLOSED', 'RESOLVED', 'NEW'] };
    const small = await walk(supervisor, { filter, first: 7 });
    const large = await walk(supervisor, { filter, first: 100 });
    expect(small.totalCount).toBe(small.nodes.length);
    expect(large.nodes.map((node) => node.id)).toEqual(small.nodes.map((node) => node.id));
    expect(small.nodes.length).toBeGreaterThan(20);
    // hasNextPage is exact: no empty page at the end, even when the last page is full.
    expect(small.pages).toBe(Math.ceil(small.nodes.length / 7));
  });
});

describe('the acceptance walk: no case repeated or skipped while new cases arrive', () => {
  const WORD = 'zorglub';
  const BASE = '2025-06-01T08:00:00.000Z';
  let preExisting: Set<string>;
  const inserted = new Set<string>();
  let nextNumber = 1;

  beforeAll(async () => {
    // 500 cases with a word nobody else uses, five per instant (ties across page boundaries).
    await server.database.handle.db.transaction(async (tx) => {
      await tx.execute(sql`
        insert into cases (reference, theme_id, subject, origin_channel, service_id, due_at, created_at, updated_at)
        select '1718-2031-' || lpad(g::text, 6, '0'),
               (select id from themes where code = 'ENERGY.PREMIUMS'),
               'Dossier ${sql.raw(WORD)} numéro ' || g,
               'PHONE',
               (select id from services where code = 'SG-1718'),
               ${BASE}::timestamptz + ((g - 1) / 5) * interval '1 hour' + interval '14 days',
               ${BASE}::timestamptz + ((g - 1) / 5) * interval '1 hour',
               ${BASE}::timestamptz + ((g - 1) / 5) * interval '1 hour'
        from generate_series(1, 500) as g`);
      await tx.execute(sql`update cases set search_vector = case_search_vector(id) where reference like '1718-2031-%'`);
    });
    const ids = await rows<{ id: string }>(sql`select id from cases where reference like '1718-2031-%'`);
    preExisting = new Set(ids.map((row) => globalId('Case', row.id)));
    expect(preExisting.size).toBe(500);
  });

  /** A new matching case inserted directly, at the given creation instant. */
  async function insertMatching(createdAt: string): Promise<void> {
    const reference = `1718-2032-${String(nextNumber++).padStart(6, '0')}`;
    const [row] = await server.database.handle.db.transaction(async (tx) => {
      const created = await selectRows<{ id: string }>(
        tx,
        sql`insert into cases (reference, theme_id, subject, origin_channel, service_id, created_at, updated_at)
            values (${reference}, (select id from themes where code = 'ENERGY.PREMIUMS'), ${`Nouveau dossier ${WORD}`}, 'EMAIL',
                    (select id from services where code = 'SG-1718'), ${createdAt}::timestamptz, ${createdAt}::timestamptz)
            returning id`,
      );
      await tx.execute(sql`update cases set search_vector = case_search_vector(id) where id = ${created[0]!.id}::uuid`);
      return created;
    });
    inserted.add(globalId('Case', row!.id));
  }

  async function registerMatching(): Promise<void> {
    const created = await registerContact(firstLine, { themeCode: 'ENERGY.PREMIUMS', subject: `Appel ${WORD} en direct` });
    inserted.add(created.id);
  }

  it('returns every pre-existing case exactly once when paging CREATED_AT DESC 37 at a time while 50 matching cases are inserted', async () => {
    const filter = { search: WORD };
    const orderBy = { field: 'CREATED_AT', direction: 'DESC' };
    const seen: CaseNode[] = [];
    let after: string | null = null;
    let firstTotal = -1;
    for (let pageIndex = 0; ; pageIndex++) {
      let connection: CasesPage['cases'];
      const last = seen.at(-1);
      if (pageIndex >= 1 && pageIndex <= 10 && last) {
        // Between page fetches: one at the very instant of the cursor (tie, broken by id), one
        // older than everything (still ahead of the walk).
        await insertMatching(last.createdAt);
        await insertMatching('2025-05-01T00:00:00.000Z');
        // Concurrently with the fetch: through the API (newest), at the cursor's instant, and
        // at an instant already walked past.
        const [fetched] = await Promise.all([
          page(supervisor, { filter, orderBy, first: 37, after }),
          registerMatching(),
          insertMatching(last.createdAt),
          insertMatching(seen[0]!.createdAt),
        ]);
        connection = fetched;
      } else {
        connection = await page(supervisor, { filter, orderBy, first: 37, after });
      }
      if (pageIndex === 0) firstTotal = connection.totalCount;
      seen.push(...connection.edges.map((edge) => edge.node));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
      expect(pageIndex).toBeLessThan(100);
    }
    expect(firstTotal).toBe(500);
    expect(inserted.size).toBe(50);

    const ids = seen.map((node) => node.id);
    expect(new Set(ids).size).toBe(ids.length);
    const missing = [...preExisting].filter((id) => !ids.includes(id));
    expect(missing).toEqual([]);
    expect(ids.filter((id) => preExisting.has(id))).toHaveLength(500);
    expect(ids.filter((id) => !preExisting.has(id) && !inserted.has(id))).toEqual([]);
    // The walk itself is in order.
    for (let index = 1; index < seen.length; index++) {
      const [a, b] = [seen[index - 1]!, seen[index]!];
      const ordered = a.createdAt > b.createdAt || (a.createdAt === b.createdAt && uuidOf(a.id) > uuidOf(b.id));
      expect(ordered, `${a.reference} before ${b.reference}`).toBe(true);
    }
    // Afterwards the inbox counts them all.
    const after500 = await page(supervisor, { filter, orderBy, first: 1 });
    expect(after500.totalCount).toBe(550);
  });

  it('returns every case exactly once when creation instants carry microseconds, in both directions', async () => {
    // timestamptz keeps microseconds: 20 cases within one millisecond, 20 sharing one instant.
    await server.database.handle.db.transaction(async (tx) => {
      await tx.execute(sql`
        insert into cases (reference, theme_id, subject, origin_channel, service_id, created_at, updated_at)
        select '1718-2033-' || lpad(g::text, 6, '0'), (select id from themes where code = 'ENERGY.AUDIT'), 'Dossier micrologue ' || g, 'LETTER',
               (select id from services where code = 'SG-1718'),
               case when g <= 20 then '2025-02-03T10:00:00.123Z'::timestamptz + g * interval '1 microsecond'
                    else '2025-02-03T11:00:00.456789Z'::timestamptz end,
               '2025-02-03T12:00:00Z'::timestamptz
        from generate_series(1, 40) as g`);
      await tx.execute(sql`update cases set search_vector = case_search_vector(id) where reference like '1718-2033-%'`);
    });
    const outcome: Record<string, { returned: number; distinct: number }> = {};
    for (const direction of ['DESC', 'ASC'] as const) {
      const nodes: CaseNode[] = [];
      let after: string | null = null;
      for (let pageIndex = 0; pageIndex < 12; pageIndex++) {
        const connection = await page(supervisor, { filter: { search: 'micrologue' }, orderBy: { field: 'CREATED_AT', direction }, first: 7, after });
        nodes.push(...connection.edges.map((edge) => edge.node));
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      outcome[direction] = { returned: nodes.length, distinct: new Set(nodes.map((node) => node.reference)).size };
    }
    // Timestamps are stored at millisecond precision, the precision of the cursors.
    expect(outcome).toEqual({ DESC: { returned: 40, distinct: 40 }, ASC: { returned: 40, distinct: 40 } });
  });
});

describe('Citizen.cases and Case relations', () => {
  it('lists a citizen’s cases newest first, as the citizenId filter does, when read through Citizen.cases', async () => {
    const { data, errors } = await execute<{ node: { cases: { edges: { node: { id: string; createdAt: string } }[] } } }>(
      supervisor,
      gql`query($id: ID!) { node(id: $id) { ... on Citizen { cases(first: 100) { edges { node { id createdAt } } } } } }`,
      { id: globalId('Citizen', MARIE) },
    );
    expect(errors).toBeUndefined();
    const viaCitizen = data!.node.cases.edges.map((edge) => edge.node.id);
    const viaFilter = await walk(supervisor, { filter: { citizenId: globalId('Citizen', MARIE) } });
    expect(viaCitizen).toEqual(viaFilter.nodes.map((node) => node.id));
  });

  it('returns at most count interactions, newest first, when latestInteractions(count: 2) is asked, and BAD_USER_INPUT for count 11', async () => {
    const query = gql`query($filter: CaseFilter, $count: Int) { cases(first: 30, filter: $filter) { edges { node { id latestInteractions(count: $count) { id occurredAt } } } } }`;
    const { data, errors } = await execute<{ cases: { edges: { node: { id: string; latestInteractions: { occurredAt: string }[] } }[] } }>(supervisor, query, {
      filter: { statuses: ['CLOSED'] },
      count: 2,
    });
    expect(errors).toBeUndefined();
    for (const { node } of data!.cases.edges) {
      const [expected] = await rows<{ count: number }>(sql`select least(count(*), 2)::int as count from interactions where case_id = ${uuidOf(node.id)}::uuid`);
      expect(node.latestInteractions).toHaveLength(expected!.count);
      const times = node.latestInteractions.map((interaction) => interaction.occurredAt);
      expect(times).toEqual([...times].sort().reverse());
    }
    const refused = await execute(supervisor, query, { count: 11 });
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    // A case with four contacts, registered out of order: exactly the two latest come back.
    const now = Math.floor(Date.now() / 1000) * 1000;
    const at = (hoursAgo: number) => new Date(now - hoursAgo * 3_600_000).toISOString();
    const opened = await registerContact(firstLine, { themeCode: 'ENERGY.PREMIUMS', subject: 'Quatre appels', occurredAt: at(4) });
    for (const hoursAgo of [1, 3, 2]) await registerContact(firstLine, { caseId: opened.id, occurredAt: at(hoursAgo) });
    const one = await execute<{ case: { latestInteractions: { id: string; occurredAt: string }[] } }>(
      supervisor,
      gql`query($id: ID!) { case(id: $id) { latestInteractions(count: 2) { id occurredAt } } }`,
      { id: opened.id },
    );
    expect(one.errors).toBeUndefined();
    const latest = await rows<{ id: string }>(sql`select id from interactions where case_id = ${uuidOf(opened.id)}::uuid order by occurred_at desc limit 2`);
    expect(one.data!.case.latestInteractions.map((interaction) => uuidOf(interaction.id))).toEqual(latest.map((row) => row.id));
    expect(one.data!.case.latestInteractions.map((interaction) => Date.parse(interaction.occurredAt))).toEqual([Date.parse(at(1)), Date.parse(at(2))]);
  });
});

describe('citizen search', () => {
  const CITIZENS = gql`
    query Citizens($search: CitizenSearch!, $first: Int) {
      citizens(search: $search, first: $first) { edges { node { id givenName familyName } } pageInfo { hasNextPage } }
    }
  `;
  interface CitizensPage {
    citizens: { edges: { node: { id: string; givenName: string; familyName: string } }[]; pageInfo: { hasNextPage: boolean } };
  }
  const marieId = globalId('Citizen', MARIE);
  let marie: { nationalNumber: string; contactPoints: { kind: string; value: string }[] };

  beforeAll(async () => {
    const { data } = await execute<{ node: typeof marie }>(
      supervisor,
      gql`query($id: ID!) { node(id: $id) { ... on Citizen { nationalNumber(reveal: true) contactPoints { kind value } } } }`,
      { id: marieId },
    );
    marie = data!.node;
    expect(marie.nationalNumber).toMatch(/^\d{11}$/);
  });

  async function search(criteria: Record<string, unknown>): Promise<CitizensPage['citizens']> {
    const { data, errors } = await execute<CitizensPage>(firstLine, CITIZENS, { search: criteria, first: 100 });
    expect(errors, JSON.stringify(errors)).toBeUndefined();
    return data!.citizens;
  }

  it('finds Marie Dupont among citizens whose names begin with "dup", and only such citizens', async () => {
    const { edges } = await search({ name: 'dup' });
    expect(edges.map((edge) => edge.node.id)).toContain(marieId);
    expect(edges.every(({ node }) => node.familyName.toLowerCase().startsWith('dup') || node.givenName.toLowerCase().startsWith('dup'))).toBe(true);
    const both = await search({ name: 'DUP mar' });
    expect(both.edges.map((edge) => edge.node.id)).toContain(marieId);
    expect(both.edges.every(({ node }) => [node.familyName, node.givenName].some((name) => name.toLowerCase().startsWith('mar')))).toBe(true);
  });

  it('finds exactly Marie by her national number, written with or without separators', async () => {
    const digits = marie.nationalNumber;
    const written = `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}-${digits.slice(6, 9)}.${digits.slice(9)}`;
    for (const nationalNumber of [digits, written]) {
      const { edges } = await search({ nationalNumber });
      expect(edges.map((edge) => edge.node.id)).toEqual([marieId]);
    }
  });

  it('finds Marie by the e-mail address or the phone number of a contact point, written another way', async () => {
    const email = marie.contactPoints.find((point) => point.kind === 'EMAIL')!.value;
    const phone = marie.contactPoints.find((point) => point.kind === 'PHONE')!.value;
    expect((await search({ email: `  ${email.toUpperCase()} ` })).edges.map((edge) => edge.node.id)).toEqual([marieId]);
    const international = `+32 ${phone.replace(/\D/g, '').slice(1)}`;
    expect((await search({ phone: international })).edges.map((edge) => edge.node.id)).toEqual([marieId]);
    expect((await search({ phone })).edges.map((edge) => edge.node.id)).toEqual([marieId]);
  });

  it('finds only citizens matching every criterion when several are given', async () => {
    const email = marie.contactPoints.find((point) => point.kind === 'EMAIL')!.value;
    expect((await search({ name: 'dup', email })).edges.map((edge) => edge.node.id)).toEqual([marieId]);
    expect((await search({ name: 'schmitz', email })).edges).toEqual([]);
  });

  it('refuses a search without criteria, or with an invalid national number, with BAD_USER_INPUT', async () => {
    for (const criteria of [{}, { name: '   ' }, { nationalNumber: '12345678901' }]) {
      const { data, errors } = await execute<CitizensPage>(firstLine, CITIZENS, { search: criteria });
      expect(errors?.[0]?.extensions?.code, JSON.stringify(criteria)).toBe('BAD_USER_INPUT');
      expect(data?.citizens ?? null).toBeNull();
    }
  });
});

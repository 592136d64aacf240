import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type GraphQLClient, gql } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '../src/db/client.js';
import { checkNationalNumber } from '../src/domain/national-number.js';
import { execute, startTestServer, type TestServer, tokenFor } from './helpers/server.js';

// Who may read which case, through the public API only (DESIGN §3, §5.1, §5.2, §5.6):
// forbidden reads look exactly like missing objects, and personal data reads are logged.

const MARIE = '00000000-0000-4000-8000-000000000001';
const globalId = (typename: string, id: string) => Buffer.from(`${typename}:${id}`).toString('base64');
const uuidOf = (id: string) => Buffer.from(id, 'base64').toString('utf8').split(':')[1]!;
const HANDED_STATUSES = ['REQUESTED', 'ACCEPTED', 'COMPLETED'];

let server: TestServer;
let clients: Record<'first' | 'energy' | 'housing' | 'supervisor' | 'energyAccount' | 'marie' | 'anonymous', GraphQLClient>;
let testStart: Date;

beforeAll(async () => {
  server = await startTestServer();
  const agent = async (sub: string) => server.client(await tokenFor({ role: 'agent', sub }));
  clients = {
    first: await agent('demo.first'),
    energy: await agent('demo.energy'),
    housing: await agent('demo.housing'),
    supervisor: await agent('demo.supervisor'),
    energyAccount: server.client(await tokenFor({ role: 'service', sub: 'TLPE-ENERGY' })),
    marie: server.client(await tokenFor({ role: 'citizen', sub: MARIE })),
    anonymous: server.client(),
  };
  testStart = new Date(Date.now() - 1_000);
});
afterAll(() => server?.close());

async function rows<Row>(query: ReturnType<typeof sql>): Promise<Row[]> {
  return selectRows<Row>(server.database.handle.db, query);
}

interface OpenedCase {
  id: string;
  reference: string;
  version: number;
}

const OPEN_CASE = gql`
  mutation Open($input: OpenCaseInput!) {
    openCase(input: $input) {
      __typename
      ... on OpenCaseSuccess { case { id reference version } }
      ... on Error { code message }
    }
  }
`;

/** Opens a case through the API as the given agent (at that agent's service and line). */
async function openCase(client: GraphQLClient, input: Record<string, unknown>): Promise<OpenedCase> {
  const { data, errors } = await execute<{ openCase: { __typename: string; case?: OpenedCase; message?: string } }>(client, OPEN_CASE, {
    input: { originChannel: 'PHONE', ...input },
  });
  expect(errors).toBeUndefined();
  expect(data?.openCase.__typename, data?.openCase.message).toBe('OpenCaseSuccess');
  return data!.openCase.case!;
}

async function serviceId(code: string): Promise<string> {
  const [row] = await rows<{ id: string }>(sql`select id from services where code = ${code}`);
  return row!.id;
}

async function handTo(caseId: string, fromCode: string, toCode: string, status = 'REQUESTED') {
  await server.database.handle.db.execute(sql`
    insert into handoffs (case_id, from_service_id, from_line, to_service_id, to_line, reason, status)
    values (${caseId}::uuid, ${await serviceId(fromCode)}::uuid, 'SECOND', ${await serviceId(toCode)}::uuid, 'SECOND', 'Acceptance test fixture', ${status})`);
}

const CASE = gql`
  query Case($id: ID!) { case(id: $id) { id reference subject service { code } } }
`;
const CASE_BY_REFERENCE = gql`
  query CaseByReference($reference: String!) { caseByReference(reference: $reference) { id reference subject service { code } } }
`;
const NODE = gql`
  query Node($id: ID!) { node(id: $id) { __typename id ... on Case { reference subject } } }
`;
const NODES = gql`
  query Nodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Case { reference } } }
`;
const CASES = gql`
  query Cases($filter: CaseFilter, $first: Int, $after: String) {
    cases(filter: $filter, first: $first, after: $after) {
      totalCount
      edges { cursor node { id reference confidentiality theme { code firstLineExcluded } service { code } handoffs { status toService { code } } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

interface ListedCase {
  id: string;
  reference: string;
  confidentiality: string;
  theme: { code: string; firstLineExcluded: boolean };
  service: { code: string };
  handoffs: { status: string; toService: { code: string } }[];
}
interface CasesPage {
  cases: { totalCount: number; edges: { cursor: string; node: ListedCase }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

/** Every case of the viewer's inbox matching the filter, walking all pages. */
async function listAll(client: GraphQLClient, filter: Record<string, unknown> = {}): Promise<{ nodes: ListedCase[]; totalCount: number }> {
  const nodes: ListedCase[] = [];
  let after: string | null = null;
  let totalCount = -1;
  for (let page = 0; page < 100; page++) {
    const { data, errors }: { data: CasesPage | null | undefined; errors?: unknown } = await execute<CasesPage>(client, CASES, { filter, first: 100, after });
    expect(errors).toBeUndefined();
    totalCount = data!.cases.totalCount;
    nodes.push(...data!.cases.edges.map((edge) => edge.node));
    if (!data!.cases.pageInfo.hasNextPage) break;
    after = data!.cases.pageInfo.endCursor;
  }
  expect(new Set(nodes.map((node) => node.id)).size).toBe(nodes.length);
  return { nodes, totalCount };
}

/** The whole response, serialised: two responses that must be indistinguishable compare equal. */
const asJson = (outcome: { status: number; data: unknown; errors: unknown }) =>
  JSON.stringify({ status: outcome.status, data: outcome.data ?? null, errors: outcome.errors ?? null });

describe('case access: a case you may not read looks exactly like a missing one', () => {
  let energyCase: OpenedCase;
  beforeAll(async () => {
    // Opened by the energy back office: at TLPE-ENERGY, never handed to TLPE-HOUSING.
    energyCase = await openCase(clients.energy, { themeCode: 'ENERGY.PREMIUMS', subject: 'Prime isolation, dossier interne énergie' });
  });

  it('gives demo.energy the case of its own service when it asks case(id:), caseByReference and node(id:)', async () => {
    const byId = await execute<{ case: { reference: string; service: { code: string } } }>(clients.energy, CASE, { id: energyCase.id });
    expect(byId.errors).toBeUndefined();
    expect(byId.data?.case).toMatchObject({ reference: energyCase.reference, service: { code: 'TLPE-ENERGY' } });
    const byReference = await execute<{ caseByReference: { id: string } }>(clients.energy, CASE_BY_REFERENCE, { reference: energyCase.reference });
    expect(byReference.data?.caseByReference.id).toBe(energyCase.id);
    const node = await execute<{ node: { id: string; reference: string } | null }>(clients.energy, NODE, { id: energyCase.id });
    expect(node.data?.node).toMatchObject({ id: energyCase.id, reference: energyCase.reference });
  });

  it('answers case(id:) with the same status, errors and data when demo.housing asks for an energy case as when it asks for a missing id', async () => {
    const forbidden = await execute(clients.housing, CASE, { id: energyCase.id });
    const missing = await execute(clients.housing, CASE, { id: globalId('Case', randomUUID()) });
    expect(missing.errors).toHaveLength(1);
    expect(missing.errors?.[0]).toMatchObject({ message: 'Case not found.', extensions: { code: 'NOT_FOUND' }, path: ['case'] });
    expect(missing.data).toEqual({ case: null });
    expect(asJson(forbidden)).toBe(asJson(missing));
  });

  it('answers caseByReference with the same status, errors and data when demo.housing asks for an energy case as for an unknown reference', async () => {
    const forbidden = await execute(clients.housing, CASE_BY_REFERENCE, { reference: energyCase.reference });
    const missing = await execute(clients.housing, CASE_BY_REFERENCE, { reference: '1718-2026-999999' });
    expect(missing.errors?.[0]).toMatchObject({ message: 'Case not found.', extensions: { code: 'NOT_FOUND' }, path: ['caseByReference'] });
    expect(missing.data).toEqual({ caseByReference: null });
    expect(asJson(forbidden)).toBe(asJson(missing));
  });

  it('answers node(id:) and nodes(ids:) with null and no error when demo.housing asks for an energy case, as for a missing id', async () => {
    const forbidden = await execute(clients.housing, NODE, { id: energyCase.id });
    const missing = await execute(clients.housing, NODE, { id: globalId('Case', randomUUID()) });
    expect(forbidden.data).toEqual({ node: null });
    expect(forbidden.errors).toBeUndefined();
    expect(asJson(forbidden)).toBe(asJson(missing));
    const both = await execute(clients.housing, NODES, { ids: [energyCase.id, globalId('Case', randomUUID())] });
    expect(both.errors).toBeUndefined();
    expect(both.data).toEqual({ nodes: [null, null] });
  });

  it('leaves an energy case out of demo.housing’s inbox while it was never handed to TLPE-HOUSING', async () => {
    const { nodes } = await listAll(clients.housing, { createdFrom: testStart.toISOString() });
    expect(nodes.map((node) => node.id)).not.toContain(energyCase.id);
  });
});

describe('case access: handoffs open a case to the receiving service', () => {
  it('lets demo.housing read an energy case once a REQUESTED handoff to TLPE-HOUSING exists', async () => {
    const handed = await openCase(clients.energy, { themeCode: 'ENERGY.AUDIT', subject: 'Audit logement à transmettre au logement' });
    const before = await execute(clients.housing, CASE, { id: handed.id });
    expect(before.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    await handTo(uuidOf(handed.id), 'TLPE-ENERGY', 'TLPE-HOUSING', 'REQUESTED');

    const byId = await execute<{ case: { id: string; service: { code: string } } }>(clients.housing, CASE, { id: handed.id });
    expect(byId.errors).toBeUndefined();
    expect(byId.data?.case).toMatchObject({ id: handed.id, service: { code: 'TLPE-ENERGY' } });
    const byReference = await execute<{ caseByReference: { id: string } }>(clients.housing, CASE_BY_REFERENCE, { reference: handed.reference });
    expect(byReference.data?.caseByReference.id).toBe(handed.id);
    const node = await execute<{ node: { id: string } | null }>(clients.housing, NODE, { id: handed.id });
    expect(node.data?.node?.id).toBe(handed.id);
    const { nodes } = await listAll(clients.housing, { createdFrom: testStart.toISOString() });
    expect(nodes.map((n) => n.id)).toContain(handed.id);
    // The energy service keeps reading its own case.
    const own = await execute(clients.energy, CASE, { id: handed.id });
    expect(own.errors).toBeUndefined();
  });
});

describe('case access: citizens and anonymous callers', () => {
  let mariesCase: string;
  beforeAll(async () => {
    const [row] = await rows<{ id: string }>(sql`select id from cases where citizen_id = ${MARIE}::uuid order by created_at desc limit 1`);
    mariesCase = globalId('Case', row!.id);
  });

  it('refuses cases to a citizen token with FORBIDDEN and no data', async () => {
    const { data, errors } = await execute<CasesPage>(clients.marie, CASES, { first: 5 });
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(data?.cases ?? null).toBeNull();
  });

  it('gives a citizen their own case through case(id:), and someone else’s exactly like a missing one', async () => {
    const own = await execute<{ case: { id: string } }>(clients.marie, CASE, { id: mariesCase });
    expect(own.errors).toBeUndefined();
    expect(own.data?.case.id).toBe(mariesCase);
    const [other] = await rows<{ id: string; reference: string }>(sql`select id, reference from cases where citizen_id <> ${MARIE}::uuid limit 1`);
    const foreign = await execute(clients.marie, CASE, { id: globalId('Case', other!.id) });
    const missing = await execute(clients.marie, CASE, { id: globalId('Case', '00000000-0000-4000-8000-00000000dead') });
    expect(foreign).toEqual(missing);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const byReference = await execute(clients.marie, CASE_BY_REFERENCE, { reference: other!.reference });
    expect(byReference.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses the internal fields of their own case to a citizen with FORBIDDEN', async () => {
    const { errors } = await execute(clients.marie, gql`query ($id: ID!) { case(id: $id) { notes { edges { node { body } } } } }`, { id: mariesCase });
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses cases and case(id:) to a caller without a token with UNAUTHENTICATED', async () => {
    const list = await execute<CasesPage>(clients.anonymous, CASES, { first: 5 });
    expect(list.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(list.data?.cases ?? null).toBeNull();
    const one = await execute<{ case: unknown }>(clients.anonymous, CASE, { id: mariesCase });
    expect(one.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(one.data?.case ?? null).toBeNull();
  });
});

describe('case access: the first line', () => {
  let confidential: OpenedCase;
  let personalTax: OpenedCase;
  let ordinary: OpenedCase;
  beforeAll(async () => {
    confidential = await openCase(clients.supervisor, { themeCode: 'HOUSING.PREMIUMS', subject: 'Situation familiale sensible', confidentiality: 'CONFIDENTIAL' });
    // The first line cannot open a personal tax file case: the theme is set afterwards, as a
    // back office would have it.
    personalTax = await openCase(clients.supervisor, { themeCode: 'TAXATION.PROPERTY', subject: 'Dossier fiscal personnel' });
    await server.database.handle.db.execute(
      sql`update cases set theme_id = (select id from themes where code = 'TAXATION.PERSONAL_FILE') where id = ${uuidOf(personalTax.id)}::uuid`,
    );
    ordinary = await openCase(clients.supervisor, { themeCode: 'HOUSING.PREMIUMS', subject: 'Question ordinaire sur une prime' });
  });

  it('gives demo.first NOT_FOUND, exactly as for a missing id, when it asks for a CONFIDENTIAL case or a TAXATION.PERSONAL_FILE case', async () => {
    const missingById = await execute(clients.first, CASE, { id: globalId('Case', randomUUID()) });
    const missingByReference = await execute(clients.first, CASE_BY_REFERENCE, { reference: '1718-2026-999998' });
    const missingNode = await execute(clients.first, NODE, { id: globalId('Case', randomUUID()) });
    expect(missingById.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    for (const hidden of [confidential, personalTax]) {
      expect(asJson(await execute(clients.first, CASE, { id: hidden.id }))).toBe(asJson(missingById));
      expect(asJson(await execute(clients.first, CASE_BY_REFERENCE, { reference: hidden.reference }))).toBe(asJson(missingByReference));
      expect(asJson(await execute(clients.first, NODE, { id: hidden.id }))).toBe(asJson(missingNode));
    }
    // The control case of the same batch is readable.
    const control = await execute(clients.first, CASE, { id: ordinary.id });
    expect(control.errors).toBeUndefined();
  });

  it('leaves CONFIDENTIAL and TAXATION.PERSONAL_FILE cases out of demo.first’s inbox but not out of demo.supervisor’s', async () => {
    const filter = { createdFrom: testStart.toISOString() };
    const first = await listAll(clients.first, filter);
    const firstIds = first.nodes.map((node) => node.id);
    expect(firstIds).toContain(ordinary.id);
    expect(firstIds).not.toContain(confidential.id);
    expect(firstIds).not.toContain(personalTax.id);
    expect(first.totalCount).toBe(first.nodes.length);
    const supervisorIds = (await listAll(clients.supervisor, filter)).nodes.map((node) => node.id);
    expect(supervisorIds).toEqual(expect.arrayContaining([ordinary.id, confidential.id, personalTax.id]));
  });

  it('leaves out every CONFIDENTIAL case and every first-line-excluded theme when demo.first walks its whole inbox', async () => {
    const { nodes, totalCount } = await listAll(clients.first);
    expect(totalCount).toBe(nodes.length);
    expect(nodes.filter((node) => node.confidentiality !== 'NORMAL' || node.theme.firstLineExcluded)).toEqual([]);
    const [expected] = await rows<{ count: number }>(sql`
      select count(*)::int as count from cases c join themes t on t.id = c.theme_id
      where c.confidentiality = 'NORMAL' and not t.first_line_excluded`);
    expect(nodes.length).toBe(expected!.count);
    const [hidden] = await rows<{ count: number }>(sql`select count(*)::int as count from cases where confidentiality = 'CONFIDENTIAL'`);
    expect(hidden!.count).toBeGreaterThan(1);
  });

  it('lets demo.supervisor read a CONFIDENTIAL case and a TAXATION.PERSONAL_FILE case by id and by reference', async () => {
    for (const hidden of [confidential, personalTax]) {
      const byId = await execute<{ case: { id: string } }>(clients.supervisor, CASE, { id: hidden.id });
      expect(byId.errors).toBeUndefined();
      expect(byId.data?.case.id).toBe(hidden.id);
      const byReference = await execute<{ caseByReference: { id: string } }>(clients.supervisor, CASE_BY_REFERENCE, { reference: hidden.reference });
      expect(byReference.data?.caseByReference.id).toBe(hidden.id);
    }
  });
});

describe('case access: service accounts', () => {
  it('shows the TLPE-ENERGY service account only cases of TLPE-ENERGY or handed to it, on every edge of every page', async () => {
    const handedAway = await openCase(clients.supervisor, { themeCode: 'ENERGY.PREMIUMS', subject: 'Transmis au service énergie' });
    await handTo(uuidOf(handedAway.id), 'SG-1718', 'TLPE-ENERGY', 'ACCEPTED');
    const { nodes, totalCount } = await listAll(clients.energyAccount);
    expect(totalCount).toBe(nodes.length);
    const outsiders = nodes.filter(
      (node) => node.service.code !== 'TLPE-ENERGY' && !node.handoffs.some((h) => h.toService.code === 'TLPE-ENERGY' && HANDED_STATUSES.includes(h.status)),
    );
    expect(outsiders).toEqual([]);
    // Both branches are present: cases at the service and cases handed to it from elsewhere.
    expect(nodes.some((node) => node.service.code === 'TLPE-ENERGY')).toBe(true);
    expect(nodes.some((node) => node.service.code !== 'TLPE-ENERGY')).toBe(true);
    expect(nodes.map((node) => node.id)).toContain(handedAway.id);
    const [expected] = await rows<{ count: number }>(sql`
      select count(*)::int as count from cases c
      where c.service_id = (select id from services where code = 'TLPE-ENERGY')
         or exists (select 1 from handoffs h where h.case_id = c.id
                    and h.to_service_id = (select id from services where code = 'TLPE-ENERGY')
                    and h.status in ('REQUESTED', 'ACCEPTED', 'COMPLETED'))`);
    expect(nodes.length).toBe(expected!.count);
  });

  it('gives the TLPE-ENERGY service account NOT_FOUND for a housing case, as for a missing id', async () => {
    const housing = await openCase(clients.housing, { themeCode: 'HOUSING.LOANS', subject: 'Prêt logement, dossier du service logement' });
    const forbidden = await execute(clients.energyAccount, CASE, { id: housing.id });
    const missing = await execute(clients.energyAccount, CASE, { id: globalId('Case', randomUUID()) });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(asJson(forbidden)).toBe(asJson(missing));
  });
});

describe('personal data: masking, reveal and the access log', () => {
  const CITIZEN_OF_CASE = gql`
    query CitizenOfCase($id: ID!, $reveal: Boolean) {
      case(id: $id) { id citizen { id nationalNumber(reveal: $reveal) contactPoints { kind value } } }
    }
  `;
  interface CitizenOfCase {
    case: { id: string; citizen: { id: string; nationalNumber: string | null; contactPoints: { kind: string; value: string }[] } | null } | null;
  }
  let mariesCase: string;
  beforeAll(async () => {
    const [row] = await rows<{ id: string }>(sql`
      select c.id from cases c join themes t on t.id = c.theme_id
      where c.citizen_id = ${MARIE}::uuid and c.confidentiality = 'NORMAL' and not t.first_line_excluded
      order by c.created_at desc limit 1`);
    mariesCase = globalId('Case', row!.id);
  });

  async function accessLogRows(actor: string) {
    return rows<{ actor_kind: string; actor_subject: string; citizen_id: string; fields: string[] | string; request_id: string | null }>(
      sql`select actor_kind, actor_subject, citizen_id, fields, request_id from access_log where actor_subject = ${actor} order by id`,
    );
  }
  /** text[] comes back as an array from postgres.js and PGlite alike; parse the literal form just in case. */
  const fieldsOf = (value: string[] | string) => (Array.isArray(value) ? value : value.replace(/^\{|\}$/g, '').split(',').filter(Boolean));

  it('writes access_log rows with actor demo.first, the citizen and the fields when demo.first reads a case citizen’s nationalNumber and contactPoints', async () => {
    const before = (await accessLogRows('demo.first')).length;
    const { data, errors } = await execute<CitizenOfCase>(clients.first, CITIZEN_OF_CASE, { id: mariesCase });
    expect(errors).toBeUndefined();
    expect(data?.case?.citizen?.contactPoints.length).toBeGreaterThan(0);
    const logged = (await accessLogRows('demo.first')).slice(before);
    expect(logged.length).toBeGreaterThan(0);
    for (const row of logged) {
      expect(row).toMatchObject({ actor_kind: 'AGENT', actor_subject: 'demo.first', citizen_id: MARIE });
      expect(row.request_id).toBeTruthy();
    }
    expect(new Set(logged.flatMap((row) => fieldsOf(row.fields)))).toEqual(new Set(['nationalNumber', 'contactPoints']));
  });

  it('masks the national number by default, for demo.first and demo.supervisor alike', async () => {
    for (const client of [clients.first, clients.supervisor]) {
      const { data, errors } = await execute<CitizenOfCase>(client, CITIZEN_OF_CASE, { id: mariesCase });
      expect(errors).toBeUndefined();
      expect(data?.case?.citizen?.nationalNumber).toMatch(/^\*\*\.\*\*\.\*\*-\*\*\*\.\d\d$/);
    }
  });

  it('refuses nationalNumber(reveal: true) to demo.first with FORBIDDEN and leaks no digits beyond the check digits', async () => {
    const revealed = await execute<CitizenOfCase>(clients.supervisor, CITIZEN_OF_CASE, { id: mariesCase, reveal: true });
    const full = revealed.data?.case?.citizen?.nationalNumber ?? '';
    const { data, errors } = await execute<CitizenOfCase>(clients.first, CITIZEN_OF_CASE, { id: mariesCase, reveal: true });
    expect(errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(data?.case?.citizen?.nationalNumber ?? null).toBeNull();
    expect(JSON.stringify({ data, errors })).not.toContain(full.slice(0, 9));
  });

  it('reveals the full 11-digit national number to demo.supervisor and logs it as a reveal', async () => {
    const before = (await accessLogRows('demo.supervisor')).length;
    const { data, errors } = await execute<CitizenOfCase>(clients.supervisor, CITIZEN_OF_CASE, { id: mariesCase, reveal: true });
    expect(errors).toBeUndefined();
    const full = data?.case?.citizen?.nationalNumber ?? '';
    expect(full).toMatch(/^\d{11}$/);
    expect(checkNationalNumber(full).valid).toBe(true);
    const masked = await execute<CitizenOfCase>(clients.supervisor, CITIZEN_OF_CASE, { id: mariesCase });
    expect(masked.data?.case?.citizen?.nationalNumber).toBe(`**.**.**-***.${full.slice(9)}`);
    const logged = (await accessLogRows('demo.supervisor')).slice(before);
    expect(logged.some((row) => row.citizen_id === MARIE && fieldsOf(row.fields).includes('nationalNumber:revealed'))).toBe(true);
  });
});

import { randomUUID } from 'node:crypto';
import { gql } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execute, startTestServer, type TestServer, tokenFor } from './helpers/server.js';

let server: TestServer;
const tokens: Record<string, string> = {};
const serviceIds: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  for (const login of ['demo.first', 'demo.energy', 'demo.housing', 'demo.expert', 'demo.supervisor']) {
    tokens[login] = await tokenFor({ role: 'agent', sub: login });
  }
  const { data } = await execute<{ services: { id: string; code: string }[] }>(server.client(), gql`{ services { id code } }`);
  for (const service of data!.services) serviceIds[service.code] = service.id;
});
afterAll(() => server?.close());

const CASE_STATE = gql`
  query ($id: ID!) {
    case(id: $id) {
      status currentLine version
      service { code }
      referent { login }
      handoffs { status fromService { code } toService { code } reason rejectionReason response }
      timeline(first: 100) { edges { node { type visibility payload } } }
    }
  }
`;

interface CaseState {
  status: string;
  currentLine: string;
  version: number;
  service: { code: string };
  referent: { login: string } | null;
  handoffs: { status: string; fromService: { code: string }; toService: { code: string }; reason: string; rejectionReason: string | null; response: string | null }[];
  timeline: { edges: { node: { type: string; visibility: string; payload: string } }[] };
}

async function caseState(id: string, login = 'demo.supervisor'): Promise<CaseState> {
  const { data, errors } = await execute<{ case: CaseState }>(server.client(tokens[login]), CASE_STATE, { id });
  expect(errors).toBeUndefined();
  return data!.case;
}

const HANDOFF_RESULT = `
  __typename
  ... on Error { message code }
  ... on InvalidTransitionError { allowed }
`;

async function call(login: string, mutation: string, input: Record<string, unknown>) {
  const field = mutation;
  const result = await execute<Record<string, { __typename: string; handoff?: { id: string; status: string }; message?: string; code?: string; allowed?: string[] }>>(
    server.client(tokens[login]),
    `mutation ($input: ${field.charAt(0).toUpperCase()}${field.slice(1)}Input!) { ${field}(input: $input) { ${HANDOFF_RESULT} ... on ${field.charAt(0).toUpperCase()}${field.slice(1)}Success { handoff { id status } } } }`,
    { input },
  );
  return { ...result, outcome: result.data?.[field] };
}

const MARIE = '00000000-0000-4000-8000-000000000001';
const HANS = '00000000-0000-4000-8000-000000000002';

async function openCall(citizenId?: string): Promise<string> {
  const { data } = await execute<{ registerContact: { case: { id: string } } }>(
    server.client(tokens['demo.first']),
    gql`mutation ($input: RegisterContactInput!) { registerContact(input: $input) { ... on RegisterContactSuccess { case { id } } } }`,
    {
      input: {
        channel: 'PHONE',
        externalId: `call-${randomUUID()}`,
        themeCode: 'ENERGY.PREMIUMS',
        subject: 'Prime rénovation refusée ?',
        phone: { line: '1718' },
        ...(citizenId ? { citizenId: Buffer.from(`Citizen:${citizenId}`).toString('base64') } : {}),
      },
    },
  );
  return data!.registerContact.case.id;
}

describe('handoffs', () => {
  it('makes the full trip: line 1 → rejected → requested again → accepted on line 2 → escalated to line 3 → completed → resolved by the referent', async () => {
    const caseId = await openCall(MARIE);

    const first = await call('demo.first', 'requestHandoff', { caseId, toServiceId: serviceIds['TLPE-ENERGY'], reason: 'Dossier de prime à instruire' });
    expect(first.outcome?.__typename).toBe('RequestHandoffSuccess');
    expect(await caseState(caseId)).toMatchObject({ status: 'HANDED_OFF', currentLine: 'FIRST', service: { code: 'SG-1718' } });

    const rejected = await call('demo.energy', 'rejectHandoff', { id: first.outcome!.handoff!.id, reason: 'Il manque le rapport d’audit' });
    expect(rejected.outcome).toMatchObject({ __typename: 'RejectHandoffSuccess', handoff: { status: 'REJECTED' } });
    const afterReject = await caseState(caseId);
    expect(afterReject).toMatchObject({ status: 'IN_PROGRESS', currentLine: 'FIRST', service: { code: 'SG-1718' } });
    expect(afterReject.timeline.edges.some((edge) => edge.node.type === 'HANDOFF_REJECTED' && edge.node.payload.includes('rapport d’audit'))).toBe(true);

    const second = await call('demo.first', 'requestHandoff', { caseId, toServiceId: serviceIds['TLPE-ENERGY'], reason: 'Rapport d’audit reçu' });
    const accepted = await call('demo.energy', 'acceptHandoff', { id: second.outcome!.handoff!.id });
    expect(accepted.outcome).toMatchObject({ __typename: 'AcceptHandoffSuccess', handoff: { status: 'ACCEPTED' } });
    expect(await caseState(caseId)).toMatchObject({ status: 'HANDED_OFF', currentLine: 'SECOND', service: { code: 'TLPE-ENERGY' }, referent: { login: 'demo.first' } });

    const escalated = await call('demo.energy', 'requestHandoff', { caseId, toServiceId: serviceIds['TLPE-ENERGY-EXPERT'], reason: 'Avis technique sur la pompe à chaleur' });
    expect(escalated.outcome?.__typename).toBe('RequestHandoffSuccess');
    const expertAccepted = await call('demo.expert', 'acceptHandoff', { id: escalated.outcome!.handoff!.id });
    expect(expertAccepted.outcome?.__typename).toBe('AcceptHandoffSuccess');
    expect(await caseState(caseId)).toMatchObject({ currentLine: 'THIRD', service: { code: 'TLPE-ENERGY-EXPERT' }, referent: { login: 'demo.first' } });

    const completed = await call('demo.expert', 'completeHandoff', { id: escalated.outcome!.handoff!.id, response: 'Installation conforme, prime due' });
    expect(completed.outcome).toMatchObject({ __typename: 'CompleteHandoffSuccess', handoff: { status: 'COMPLETED' } });
    const back = await caseState(caseId);
    expect(back).toMatchObject({ status: 'IN_PROGRESS', currentLine: 'FIRST', service: { code: 'SG-1718' }, referent: { login: 'demo.first' } });
    expect(back.handoffs.map((handoff) => handoff.status)).toEqual(['REJECTED', 'COMPLETED', 'COMPLETED']);
    expect(back.handoffs[2]).toMatchObject({ fromService: { code: 'TLPE-ENERGY' }, toService: { code: 'TLPE-ENERGY-EXPERT' }, response: 'Installation conforme, prime due' });

    const resolved = await execute<{ transitionCase: { __typename: string; case?: { status: string } } }>(
      server.client(tokens['demo.first']),
      gql`mutation ($input: TransitionCaseInput!) { transitionCase(input: $input) { __typename ... on TransitionCaseSuccess { case { status } } } }`,
      { input: { id: caseId, version: back.version, to: 'RESOLVED', resolution: 'HANDLED_BY_BACK_OFFICE' } },
    );
    expect(resolved.data?.transitionCase).toEqual({ __typename: 'TransitionCaseSuccess', case: { status: 'RESOLVED' } });

    const types = (await caseState(caseId)).timeline.edges.map((edge) => edge.node.type);
    expect(types).toEqual([
      'CASE_CREATED',
      'INTERACTION_ADDED',
      'HANDOFF_REQUESTED',
      'STATUS_CHANGED',
      'HANDOFF_REJECTED',
      'STATUS_CHANGED',
      'HANDOFF_REQUESTED',
      'STATUS_CHANGED',
      'HANDOFF_ACCEPTED',
      'HANDOFF_COMPLETED',
      'HANDOFF_REQUESTED',
      'HANDOFF_ACCEPTED',
      'HANDOFF_COMPLETED',
      'STATUS_CHANGED',
      'STATUS_CHANGED',
    ]);
    const internal = (await caseState(caseId)).timeline.edges.filter((edge) => edge.node.visibility === 'INTERNAL').map((edge) => edge.node.type);
    expect(internal.every((type) => type.startsWith('HANDOFF_'))).toBe(true);

    // The citizen follows the same case, and sees only the citizen-visible steps: no reason, no internal work.
    const CITIZEN_TIMELINE = gql`query ($id: ID!) { case(id: $id) { status timeline(first: 100) { edges { node { type visibility payload } } } } }`;
    const marie = await execute<{ case: { status: string; timeline: { edges: { node: { type: string; visibility: string; payload: string } }[] } } }>(
      server.client(await tokenFor({ role: 'citizen', sub: MARIE })),
      CITIZEN_TIMELINE,
      { id: caseId },
    );
    expect(marie.errors).toBeUndefined();
    expect(marie.data!.case.status).toBe('RESOLVED');
    const seen = marie.data!.case.timeline.edges.map((edge) => edge.node);
    expect(seen.map((event) => event.type)).toEqual(['CASE_CREATED', 'INTERACTION_ADDED', 'STATUS_CHANGED', 'STATUS_CHANGED', 'STATUS_CHANGED', 'STATUS_CHANGED', 'STATUS_CHANGED']);
    expect(seen.every((event) => event.visibility === 'CITIZEN' && !event.payload.includes('rapport d’audit'))).toBe(true);
    const hans = await execute(server.client(await tokenFor({ role: 'citizen', sub: HANS })), CITIZEN_TIMELINE, { id: caseId });
    expect(hans.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses a second open handoff on the same case with a typed ConflictError', async () => {
    const caseId = await openCall();
    await call('demo.first', 'requestHandoff', { caseId, toServiceId: serviceIds['TLPE-ENERGY'], reason: 'Première demande' });
    const again = await call('demo.supervisor', 'requestHandoff', { caseId, toServiceId: serviceIds['TLPE-HOUSING'], reason: 'Seconde demande' });
    expect(again.outcome).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
    expect((await caseState(caseId)).handoffs).toHaveLength(1);
  });

  it('lets no agent of an unrelated service accept, and hides the handoff from services that may not read the case', async () => {
    const caseId = await openCall();
    const requested = await call('demo.first', 'requestHandoff', { caseId, toServiceId: serviceIds['TLPE-ENERGY'], reason: 'À instruire' });
    const handoffId = requested.outcome!.handoff!.id;
    const byHousing = await call('demo.housing', 'acceptHandoff', { id: handoffId });
    expect(byHousing.outcome).toMatchObject({ __typename: 'NotFoundError' });
    const byFirstLine = await call('demo.first', 'acceptHandoff', { id: handoffId });
    expect(byFirstLine.outcome ?? null).toBeNull();
    expect(byFirstLine.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await caseState(caseId)).handoffs[0]!.status).toBe('REQUESTED');
  });

  it('refuses handoffs that skip a line, go to an external authority, or answer twice', async () => {
    const caseId = await openCall();
    const toThird = await call('demo.first', 'requestHandoff', { caseId, toServiceId: serviceIds['TLPE-ENERGY-EXPERT'], reason: 'Trop loin' });
    expect(toThird.outcome).toMatchObject({ __typename: 'ValidationError' });
    const toExternal = await call('demo.first', 'requestHandoff', { caseId, toServiceId: serviceIds['EXT-SPF-FINANCES'], reason: 'Fédéral' });
    expect(toExternal.outcome).toMatchObject({ __typename: 'ValidationError' });
    const requested = await call('demo.first', 'requestHandoff', { caseId, toServiceId: serviceIds['TLPE-ENERGY'], reason: 'À instruire' });
    const id = requested.outcome!.handoff!.id;
    await call('demo.energy', 'acceptHandoff', { id });
    const twice = await call('demo.energy', 'acceptHandoff', { id });
    expect(twice.outcome).toMatchObject({ __typename: 'InvalidTransitionError', allowed: ['COMPLETE', 'CANCEL'] });
  });

  it('lets the requesting line cancel, putting the case back on its line', async () => {
    const caseId = await openCall();
    const requested = await call('demo.first', 'requestHandoff', { caseId, toServiceId: serviceIds['TLPE-HOUSING'], reason: 'Logement' });
    const byReceiver = await call('demo.housing', 'cancelHandoff', { id: requested.outcome!.handoff!.id });
    expect(byReceiver.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const cancelled = await call('demo.first', 'cancelHandoff', { id: requested.outcome!.handoff!.id });
    expect(cancelled.outcome).toMatchObject({ __typename: 'CancelHandoffSuccess', handoff: { status: 'CANCELLED' } });
    expect(await caseState(caseId)).toMatchObject({ status: 'IN_PROGRESS', currentLine: 'FIRST', service: { code: 'SG-1718' } });
  });

  it('lists a service’s queue through cases(filter:) and Service.incomingHandoffs', async () => {
    const caseId = await openCall();
    await call('demo.first', 'requestHandoff', { caseId, toServiceId: serviceIds['TLPE-HOUSING'], reason: 'Queue' });
    const { data } = await execute<{
      cases: { edges: { node: { id: string } }[] };
      service: { incomingHandoffs: { edges: { node: { status: string; case: { id: string } } }[] } };
    }>(
      server.client(tokens['demo.housing']),
      gql`query ($housing: ID!) {
        cases(first: 100, filter: { handedOffTo: $housing, handoffStatus: REQUESTED }) { edges { node { id } } }
        service(code: "TLPE-HOUSING") { incomingHandoffs(first: 100) { edges { node { status case { id } } } } }
      }`,
      { housing: serviceIds['TLPE-HOUSING'] },
    );
    expect(data!.cases.edges.map((edge) => edge.node.id)).toContain(caseId);
    expect(data!.service.incomingHandoffs.edges.map((edge) => edge.node.case.id)).toContain(caseId);
    expect(data!.service.incomingHandoffs.edges.every((edge) => edge.node.status === 'REQUESTED')).toBe(true);
  });
});

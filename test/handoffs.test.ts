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
      handoffs { status completion fromService { code } toService { code } reason rejectionReason response }
      waitingSince
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
  handoffs: {
    status: string;
    completion: string | null;
    fromService: { code: string };
    toService: { code: string };
    reason: string;
    rejectionReason: string | null;
    response: string | null;
  }[];
  waitingSince: string | null;
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
    expect(await caseState(caseId)).toMatchObject({ status: 'IN_PROGRESS', currentLine: 'SECOND', service: { code: 'TLPE-ENERGY' }, referent: { login: 'demo.first' } });

    const escalated = await call('demo.energy', 'requestHandoff', { caseId, toServiceId: serviceIds['TLPE-ENERGY-EXPERT'], reason: 'Avis technique sur la pompe à chaleur' });
    expect(escalated.outcome?.__typename).toBe('RequestHandoffSuccess');
    const expertAccepted = await call('demo.expert', 'acceptHandoff', { id: escalated.outcome!.handoff!.id });
    expect(expertAccepted.outcome?.__typename).toBe('AcceptHandoffSuccess');
    expect(await caseState(caseId)).toMatchObject({ currentLine: 'THIRD', service: { code: 'TLPE-ENERGY-EXPERT' }, referent: { login: 'demo.first' } });

    const completed = await call('demo.expert', 'completeHandoff', { id: escalated.outcome!.handoff!.id, response: 'Installation conforme, prime due' });
    expect(completed.outcome).toMatchObject({ __typename: 'CompleteHandoffSuccess', handoff: { status: 'COMPLETED' } });
    const back = await caseState(caseId);
    expect(back).toMatchObject({ status: 'IN_PROGRESS', currentLine: 'FIRST', service: { code: 'SG-1718' }, referent: { login: 'demo.first' } });
    expect(back.handoffs.map((handoff) => [handoff.status, handoff.completion])).toEqual([
      ['REJECTED', null],
      ['COMPLETED', 'ESCALATED'],
      ['COMPLETED', 'RETURNED'],
    ]);
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
      'STATUS_CHANGED',
      'HANDOFF_COMPLETED',
      'HANDOFF_REQUESTED',
      'STATUS_CHANGED',
      'HANDOFF_ACCEPTED',
      'STATUS_CHANGED',
      'HANDOFF_COMPLETED',
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
    expect(seen.map((event) => event.type)).toEqual(['CASE_CREATED', 'INTERACTION_ADDED', ...Array<string>(7).fill('STATUS_CHANGED')]);
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
    expect(twice.outcome).toMatchObject({
      __typename: 'InvalidTransitionError',
      allowed: ['COMPLETE', 'CANCEL'],
      message: 'This handoff was already accepted: it can only be completed or cancelled now.',
    });
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

async function move(login: string, caseId: string, to: string, resolution?: string) {
  const { version } = await caseState(caseId);
  const result = await execute<{ transitionCase: { __typename: string; message?: string; case?: { status: string } } }>(
    server.client(tokens[login]),
    gql`mutation ($input: TransitionCaseInput!) {
      transitionCase(input: $input) { __typename ... on Error { message } ... on TransitionCaseSuccess { case { status } } }
    }`,
    { input: { id: caseId, version, to, ...(resolution ? { resolution } : {}) } },
  );
  return { ...result, outcome: result.data?.transitionCase };
}

async function acceptedAtEnergy(): Promise<{ caseId: string; handoffId: string }> {
  const caseId = await openCall(MARIE);
  const requested = await call('demo.first', 'requestHandoff', { caseId, toServiceId: serviceIds['TLPE-ENERGY'], reason: 'Dossier de prime à instruire' });
  const handoffId = requested.outcome!.handoff!.id;
  expect((await call('demo.energy', 'acceptHandoff', { id: handoffId })).outcome?.__typename).toBe('AcceptHandoffSuccess');
  return { caseId, handoffId };
}

describe('the receiving line works the case', () => {
  it('moves it in progress, waiting for the citizen (clock stopped) and resolved, which completes the handoff and tells the referent', async () => {
    const { caseId } = await acceptedAtEnergy();
    expect(await caseState(caseId)).toMatchObject({ status: 'IN_PROGRESS', currentLine: 'SECOND', service: { code: 'TLPE-ENERGY' } });

    expect((await move('demo.energy', caseId, 'WAITING_FOR_CITIZEN')).outcome).toEqual({ __typename: 'TransitionCaseSuccess', case: { status: 'WAITING_FOR_CITIZEN' } });
    expect((await caseState(caseId)).waitingSince).not.toBeNull();
    expect((await move('demo.energy', caseId, 'IN_PROGRESS')).outcome?.__typename).toBe('TransitionCaseSuccess');
    expect((await caseState(caseId)).waitingSince).toBeNull();

    const resolved = await move('demo.energy', caseId, 'RESOLVED', 'HANDLED_BY_BACK_OFFICE');
    expect(resolved.outcome).toEqual({ __typename: 'TransitionCaseSuccess', case: { status: 'RESOLVED' } });
    const after = await caseState(caseId);
    // Resolved where it was worked; the referent keeps the case and learns it from the timeline.
    expect(after).toMatchObject({ status: 'RESOLVED', currentLine: 'SECOND', service: { code: 'TLPE-ENERGY' }, referent: { login: 'demo.first' } });
    expect(after.handoffs).toEqual([expect.objectContaining({ status: 'COMPLETED', completion: 'RESOLVED', response: null })]);
    const completed = after.timeline.edges.map((edge) => edge.node).filter((event) => event.type === 'HANDOFF_COMPLETED');
    expect(completed).toHaveLength(1);
    expect(JSON.parse(completed[0]!.payload)).toMatchObject({ completion: 'RESOLVED' });
    const referentView = await caseState(caseId, 'demo.first');
    expect(referentView.timeline.edges.some((edge) => edge.node.type === 'HANDOFF_COMPLETED')).toBe(true);
  });

  it('lets only the line that holds the case move it: the first line reads it but gets FORBIDDEN, a supervisor may', async () => {
    const { caseId } = await acceptedAtEnergy();
    const byFirstLine = await move('demo.first', caseId, 'WAITING_FOR_CITIZEN');
    expect(byFirstLine.outcome ?? null).toBeNull();
    expect(byFirstLine.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(byFirstLine.errors?.[0]?.message).toMatch(/service that holds the case/);
    // Recording the citizen's call on it with a resolution is a move too.
    const contact = await execute<{ registerContact: { __typename: string } | null }>(
      server.client(tokens['demo.first']),
      gql`mutation ($input: RegisterContactInput!) { registerContact(input: $input) { __typename } }`,
      { input: { channel: 'PHONE', caseId, phone: { line: '1718' }, resolution: 'ANSWERED' } },
    );
    expect(contact.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await caseState(caseId, 'demo.first')).status).toBe('IN_PROGRESS');
    const byHousing = await move('demo.housing', caseId, 'WAITING_FOR_CITIZEN');
    expect(byHousing.outcome).toMatchObject({ __typename: 'NotFoundError' });
    expect((await move('demo.supervisor', caseId, 'WAITING_FOR_CITIZEN')).outcome?.__typename).toBe('TransitionCaseSuccess');
  });

  it('gives the case back to the referent’s line with completeHandoff, restarting a clock the receiving line had stopped', async () => {
    const { caseId, handoffId } = await acceptedAtEnergy();
    await move('demo.energy', caseId, 'WAITING_FOR_CITIZEN');
    const completed = await call('demo.energy', 'completeHandoff', { id: handoffId, response: 'Avis favorable, à communiquer au citoyen' });
    expect(completed.outcome).toMatchObject({ __typename: 'CompleteHandoffSuccess', handoff: { status: 'COMPLETED' } });
    const back = await caseState(caseId);
    expect(back).toMatchObject({ status: 'IN_PROGRESS', currentLine: 'FIRST', service: { code: 'SG-1718' }, waitingSince: null });
    expect(back.handoffs[0]).toMatchObject({ completion: 'RETURNED', response: 'Avis favorable, à communiquer au citoyen' });
    // The receiving line no longer holds it.
    expect((await move('demo.energy', caseId, 'RESOLVED', 'ANSWERED')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await move('demo.first', caseId, 'RESOLVED', 'HANDLED_BY_BACK_OFFICE')).outcome?.__typename).toBe('TransitionCaseSuccess');
  });

  it('ends the open handoff when the case is cancelled, and says refused moves in words', async () => {
    const caseId = await openCall();
    await call('demo.first', 'requestHandoff', { caseId, toServiceId: serviceIds['TLPE-HOUSING'], reason: 'Logement' });
    const waiting = await move('demo.first', caseId, 'IN_PROGRESS');
    expect(waiting.outcome).toMatchObject({
      __typename: 'InvalidTransitionError',
      message: 'A case that is handed off cannot become in progress. It waits for the receiving service to answer the handoff; until then it can only be cancelled.',
    });
    expect((await move('demo.first', caseId, 'CANCELLED')).outcome?.__typename).toBe('TransitionCaseSuccess');
    const cancelled = await caseState(caseId);
    expect(cancelled.handoffs.map((handoff) => handoff.status)).toEqual(['CANCELLED']);
    expect(cancelled.timeline.edges.map((edge) => edge.node.type).slice(-2)).toEqual(['STATUS_CHANGED', 'HANDOFF_CANCELLED']);
    const again = await move('demo.first', caseId, 'RESOLVED', 'ANSWERED');
    expect(again.outcome).toMatchObject({ __typename: 'InvalidTransitionError', message: 'A case that is cancelled cannot become resolved. It can no longer change.' });
  });
});

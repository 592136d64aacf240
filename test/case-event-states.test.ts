import { randomUUID } from 'node:crypto';
import { gql } from 'graphql-request';
import { type Client, createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { execute, startTestServer, type TestServer, tokenFor } from './helpers/server.js';

// An event says what the case was at that point of the stream: received live, replayed later
// from the same cursor, or read in a timeline, its state is the same, whatever happened since.

let server: TestServer;
const tokens: Record<string, string> = {};
const clients: Client[] = [];
const serviceIds: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  for (const login of ['demo.first', 'demo.energy', 'demo.supervisor']) tokens[login] = await tokenFor({ role: 'agent', sub: login });
  tokens.marie = await tokenFor({ role: 'citizen', sub: '00000000-0000-4000-8000-000000000001' });
  const { data } = await execute<{ services: { id: string; code: string }[] }>(server.client(tokens['demo.supervisor']), gql`{ services { id code } }`);
  for (const service of data!.services) serviceIds[service.code] = service.id;
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await server?.close();
});

const STATE = `status resolution priority line service { code } assignee { login } dueAt version`;
const EVENT = `feedCursor type state { ${STATE} } previousState { status line version } changedFields case { status }`;

interface StateAtEvent {
  status: string;
  line: string;
  service: { code: string };
  assignee: { login: string } | null;
  version: number;
}
interface EventSeen {
  feedCursor: string;
  type: string;
  state: StateAtEvent | null;
  previousState: { status: string; line: string; version: number } | null;
  changedFields: string[] | null;
  case: { status: string };
}

function subscribe(after: string, caseId: string, count: number): Promise<EventSeen[]> {
  const client = createClient({ url: server.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${tokens['demo.supervisor']}` }, retryAttempts: 0 });
  clients.push(client);
  const events: EventSeen[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${events.length} of ${count} events within 30 s`)), 30_000);
    const stop = client.subscribe<{ caseEvents: EventSeen }>(
      { query: `subscription ($after: String, $filter: CaseEventFilter) { caseEvents(after: $after, filter: $filter) { ${EVENT} } }`, variables: { after, filter: { caseId } } },
      {
        next: (result) => {
          if (result.errors) reject(new Error(JSON.stringify(result.errors)));
          events.push(result.data!.caseEvents);
          if (events.length === count) {
            clearTimeout(timer);
            stop();
            resolve(events);
          }
        },
        error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
        complete: () => {},
      },
    );
  });
}

async function mutate(login: string, document: string, input: Record<string, unknown>): Promise<Record<string, { __typename: string; [key: string]: unknown }>> {
  const { data, errors } = await execute<Record<string, { __typename: string }>>(server.client(tokens[login]), document, { input });
  expect(errors).toBeUndefined();
  expect(Object.values(data!)[0]!.__typename).toMatch(/Success$/);
  return data!;
}

async function versionOf(caseId: string): Promise<number> {
  const { data } = await execute<{ case: { version: number } }>(server.client(tokens['demo.supervisor']), gql`query ($id: ID!) { case(id: $id) { version } }`, { id: caseId });
  return data!.case.version;
}

describe('case events carry the case as of the event', () => {
  it('gives the same state live, replayed from the same cursor and in the timeline, and the current case beside it', async () => {
    const opened = await mutate(
      'demo.first',
      gql`mutation ($input: RegisterContactInput!) { registerContact(input: $input) { __typename ... on RegisterContactSuccess { case { id timeline(first: 1) { edges { node { feedCursor } } } } } } }`,
      { channel: 'PHONE', externalId: `call-${randomUUID()}`, themeCode: 'ENERGY.PREMIUMS', subject: 'Prime', phone: { line: '1718' }, citizenId: Buffer.from('Citizen:00000000-0000-4000-8000-000000000001').toString('base64') },
    );
    const created = opened.registerContact as unknown as { case: { id: string; timeline: { edges: { node: { feedCursor: string } }[] } } };
    const caseId = created.case.id;
    const after = created.case.timeline.edges[0]!.node.feedCursor;

    // 7 events after CASE_CREATED: INTERACTION_ADDED, then the handoff, the note and the resolution.
    const live = subscribe(after, caseId, 8);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const requested = await mutate('demo.first', gql`mutation ($input: RequestHandoffInput!) { requestHandoff(input: $input) { __typename ... on RequestHandoffSuccess { handoff { id } } } }`, {
      caseId,
      toServiceId: serviceIds['TLPE-ENERGY'],
      reason: 'À instruire',
    });
    const handoffId = (requested.requestHandoff as unknown as { handoff: { id: string } }).handoff.id;
    await mutate('demo.energy', gql`mutation ($input: AcceptHandoffInput!) { acceptHandoff(input: $input) { __typename } }`, { id: handoffId });
    await mutate('demo.energy', gql`mutation ($input: AddNoteInput!) { addNote(input: $input) { __typename } }`, { caseId, body: 'Facture demandée' });
    await mutate('demo.energy', gql`mutation ($input: TransitionCaseInput!) { transitionCase(input: $input) { __typename } }`, {
      id: caseId,
      version: await versionOf(caseId),
      to: 'RESOLVED',
      resolution: 'HANDLED_BY_BACK_OFFICE',
    });
    const received = await live;
    const replayed = await subscribe(after, caseId, 8);

    const withoutCurrent = (events: EventSeen[]) => events.map(({ case: _current, ...rest }) => rest);
    expect(withoutCurrent(replayed)).toEqual(withoutCurrent(received));
    expect(received.map((event) => event.type)).toEqual([
      'INTERACTION_ADDED',
      'HANDOFF_REQUESTED',
      'STATUS_CHANGED',
      'HANDOFF_ACCEPTED',
      'STATUS_CHANGED',
      'NOTE_ADDED',
      'STATUS_CHANGED',
      'HANDOFF_COMPLETED',
    ]);

    const note = replayed.find((event) => event.type === 'NOTE_ADDED')!;
    // Replayed once the case is resolved at the second line, the note still says where it was then.
    expect(note.case.status).toBe('RESOLVED');
    expect(note.state).toMatchObject({ status: 'IN_PROGRESS', line: 'SECOND', service: { code: 'TLPE-ENERGY' }, assignee: { login: 'demo.energy' } });
    expect(note.changedFields).toEqual([]);
    const handedOff = received[2]!;
    expect(handedOff.state).toMatchObject({ status: 'HANDED_OFF', line: 'FIRST', service: { code: 'SG-1718' } });
    expect(handedOff.previousState).toMatchObject({ status: 'NEW', line: 'FIRST' });
    expect(handedOff.changedFields).toEqual(['STATUS', 'VERSION']);
    const accepted = received[3]!;
    expect(accepted.previousState).toEqual(handedOff.state && { status: 'HANDED_OFF', line: 'FIRST', version: handedOff.state.version });
    expect(accepted.changedFields).toEqual(['STATUS', 'LINE', 'SERVICE', 'ASSIGNEE', 'VERSION']);
    // Both events of one change share the state it started from.
    expect(received[4]!.previousState).toEqual(accepted.previousState);

    const timeline = await execute<{ case: { timeline: { edges: { node: EventSeen }[] } } }>(
      server.client(tokens['demo.supervisor']),
      `query ($id: ID!) { case(id: $id) { timeline(first: 20) { edges { node { ${EVENT} } } } } }`,
      { id: caseId },
    );
    expect(withoutCurrent(timeline.data!.case.timeline.edges.slice(1).map((edge) => edge.node))).toEqual(withoutCurrent(received));
  }, 60_000);

  it('shows the citizen the state of their own case’s events, without the assignee', async () => {
    const { data, errors } = await execute<{ myCases: { edges: { node: { timeline: { edges: { node: { state: { status: string } | null } }[] } } }[] } }>(
      server.client(tokens.marie),
      gql`{ myCases(first: 1) { edges { node { timeline(first: 5) { edges { node { state { status line service { code } } } } } } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data!.myCases.edges.length).toBeGreaterThan(0);
    const withAssignee = await execute(server.client(tokens.marie), gql`{ myCases(first: 1) { edges { node { timeline(first: 5) { edges { node { state { assignee { login } } } } } } } } }`);
    expect(withAssignee.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gql } from 'graphql-request';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globalId } from '../src/domain/ids.js';
import { settledFeedEnd } from './helpers/feed.js';
import { execute, startTestServer, type TestServer, tokenFor } from './helpers/server.js';
import { until } from './helpers/until.js';

// Acceptance of issue 19, "event stream carries every appointment change": three appointments
// of Marie's at the energy permanence of Namur go through every change, through the public API
// on a clock the test moves, and each change must reach the energy service's back office over
// graphql-ws and its webhook, and Marie's timeline and her own subscription.
//   A: booked by the first line for a caller (phone), moved by Marie to the reception desks of
//      the same Espace Wallonie, checked in and completed there;
//   B: booked by Marie on the portal and cancelled by her;
//   C: booked by Marie, nobody comes: the server's no-show job marks it an hour after its end.

const MARIE = '00000000-0000-4000-8000-000000000001';
const APPOINTMENT_TYPES = ['APPOINTMENT_BOOKED', 'APPOINTMENT_RESCHEDULED', 'APPOINTMENT_CANCELLED', 'APPOINTMENT_CHECKED_IN', 'APPOINTMENT_DONE', 'APPOINTMENT_NO_SHOW'];

// Monday 11 January 2027, 08:00 in Brussels; the permanence receives on Tuesdays.
let now = new Date('2027-01-11T07:00:00Z');
let server: TestServer;
const tokens: Record<string, string> = {};
const resourceIds: Record<string, string> = {};
let energyServiceId = '';

interface FeedEvent {
  feedCursor: string;
  type: string;
  visibility: string;
  actorKind: string;
  payload: string;
  case: { id: string };
  state: { status: string; version: number; service: { id: string } } | null;
}

const FEED = `subscription ($after: String, $filter: CaseEventFilter) {
  caseEvents(after: $after, filter: $filter) { feedCursor type visibility actorKind payload case { id } state { status version service { id } } }
}`;

interface WebhookBody {
  type: string;
  data: {
    feedCursor: string;
    eventType: string;
    visibility: string;
    caseId: string;
    caseReference: string;
    actorKind: string;
    payload: Record<string, unknown>;
    caseState: { status: string; version: number; serviceId: string } | null;
  };
}

/** A local endpoint that accepts every delivery and keeps its body. */
class Receiver {
  readonly bodies: WebhookBody[] = [];
  private server: Server | undefined;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.bodies.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as WebhookBody);
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

const receiver = new Receiver();
const clients: Client[] = [];

/** Every event of a caseEvents subscription until `enough` holds; fails after `timeoutMs` with what came. */
function follow(token: string, variables: Record<string, unknown>, enough: (events: FeedEvent[]) => boolean, timeoutMs = 90_000) {
  const client = createClient({ url: server.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
  clients.push(client);
  const events: FeedEvent[] = [];
  const done = new Promise<FeedEvent[]>((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`Timed out with ${events.length} events: ${events.map((event) => event.type).join(', ')}`));
    }, timeoutMs);
    const stop = client.subscribe<{ caseEvents: FeedEvent }>(
      { query: FEED, variables },
      {
        next: (result) => {
          if (result.errors) {
            clearTimeout(timer);
            reject(new Error(JSON.stringify(result.errors)));
            return;
          }
          events.push(result.data!.caseEvents);
          if (enough(events)) {
            clearTimeout(timer);
            stop();
            resolve(events);
          }
        },
        error: (error) => {
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(JSON.stringify(error)));
        },
        complete: () => {
          clearTimeout(timer);
          resolve(events);
        },
      },
    );
  });
  // Awaited later: a failure before then is not an unhandled rejection.
  done.catch(() => {});
  return done;
}

async function graphql<T>(who: string | undefined, query: string, variables?: Record<string, unknown>): Promise<T> {
  const { data, errors } = await execute<T>(server.client(who ? tokens[who] : undefined), query, variables);
  expect(errors).toBeUndefined();
  return data!;
}

interface Slot {
  start: string;
  end: string;
}

/** Free slots of a resource for energy premiums, from the test's now or a later `from`. */
async function slotsOf(resourceCode: string, from = now): Promise<Slot[]> {
  const data = await graphql<{ availableSlots: Slot[] }>(
    undefined,
    gql`query ($resourceId: ID!, $from: DateTime, $to: DateTime) { availableSlots(resourceId: $resourceId, themeCode: "ENERGY.PREMIUMS", count: 10, from: $from, to: $to) { start end } }`,
    { resourceId: resourceIds[resourceCode], from: from.toISOString(), to: new Date(from.getTime() + 28 * 86_400_000).toISOString() },
  );
  return data.availableSlots;
}

interface Outcome {
  __typename: string;
  appointment?: { id: string; status: string };
  case?: { id: string };
}

/** Runs an appointment command and expects its success. */
async function command(who: string, field: string, input: Record<string, unknown>): Promise<Required<Outcome>> {
  const name = `${field.charAt(0).toUpperCase()}${field.slice(1)}`;
  const data = await graphql<Record<string, Outcome>>(
    who,
    `mutation ($input: ${name}Input!) { ${field}(input: $input) { __typename ... on Error { message } ... on ${name}Success { appointment { id status } case { id } } } }`,
    { input },
  );
  expect(data[field], JSON.stringify(data[field])).toMatchObject({ __typename: `${name}Success` });
  return data[field] as Required<Outcome>;
}

/** What the scenario did, for the assertions. */
const scenario = {
  a: { caseId: '', appointmentId: '', booked: undefined as unknown as Slot, moved: undefined as unknown as Slot },
  b: { caseId: '', appointmentId: '', booked: undefined as unknown as Slot },
  c: { caseId: '', appointmentId: '', booked: undefined as unknown as Slot },
  serviceAccountEvents: [] as FeedEvent[],
  marieEvents: [] as FeedEvent[],
};

const REASON = 'Je serai en voyage';

beforeAll(async () => {
  await receiver.start();
  // The no-show job runs in this server, as in production, on the test's clock.
  server = await startTestServer({ clock: () => now, env: { APPOINTMENT_NO_SHOW_JOB: 'true', APPOINTMENT_NO_SHOW_INTERVAL_MS: '100', WEBHOOK_RETRY_BASE_MS: '100' } });
  tokens.first = await tokenFor({ role: 'agent', sub: 'demo.first' });
  tokens.account = await tokenFor({ role: 'service', sub: 'TLPE-ENERGY' });
  tokens.marie = await tokenFor({ role: 'citizen', sub: MARIE });
  const reference = await graphql<{ bookableResources: { id: string; code: string }[]; service: { id: string } }>(
    undefined,
    gql`{ bookableResources { id code } service(code: "TLPE-ENERGY") { id } }`,
  );
  for (const resource of reference.bookableResources) resourceIds[resource.code] = resource.id;
  energyServiceId = reference.service.id;

  // The energy back office follows its cases by a webhook for appointment events only (as a
  // reminder sender would), and over graphql-ws for every event; Marie over graphql-ws too.
  const created = await graphql<{ createWebhook: { __typename: string } }>(
    'account',
    gql`mutation ($input: CreateWebhookInput!) { createWebhook(input: $input) { __typename } }`,
    { input: { url: `${receiver.url}/appointments`, filter: { types: APPOINTMENT_TYPES } } },
  );
  expect(created.createWebhook.__typename).toBe('CreateWebhookSuccess');
  const start = await settledFeedEnd(server.database.handle.db);
  const after = `${start.transactionId}.${start.position}`;
  // The last change of the scenario is C's no-show: feed order is commit order, so every earlier event came before it.
  const reachedTheEnd = (events: FeedEvent[]) => events.some((event) => event.type === 'APPOINTMENT_NO_SHOW' && event.case.id === scenario.c.caseId);
  const serviceAccount = follow(tokens.account!, { after, filter: { serviceId: energyServiceId } }, reachedTheEnd);
  const marie = follow(tokens.marie!, { after }, reachedTheEnd);

  // A: the first line books for Marie on the phone; she moves it to the reception desks; she comes.
  const [firstSlot] = await slotsOf('EW-NAMUR.ENERGY');
  const bookedA = await command('first', 'bookAppointment', {
    resourceId: resourceIds['EW-NAMUR.ENERGY'],
    start: firstSlot!.start,
    themeCode: 'ENERGY.PREMIUMS',
    citizenId: globalId('Citizen', MARIE),
    channel: 'PHONE',
  });
  const target = (await slotsOf('EW-NAMUR.RECEPTION', new Date('2027-01-19T00:00:00Z')))[0]!;
  await command('marie', 'rescheduleAppointment', { appointmentId: bookedA.appointment.id, resourceId: resourceIds['EW-NAMUR.RECEPTION'], start: target.start });
  now = new Date(new Date(target.start).getTime() - 10 * 60_000);
  await command('first', 'checkInAppointment', { appointmentId: bookedA.appointment.id, ticket: 'A17' });
  await command('first', 'completeAppointment', { appointmentId: bookedA.appointment.id });
  scenario.a = { caseId: bookedA.case.id, appointmentId: bookedA.appointment.id, booked: firstSlot!, moved: target };

  // B: Marie books on the portal, then cancels.
  const [slotB] = await slotsOf('EW-NAMUR.ENERGY');
  const bookedB = await command('marie', 'bookAppointment', { resourceId: resourceIds['EW-NAMUR.ENERGY'], start: slotB!.start, themeCode: 'ENERGY.PREMIUMS', channel: 'ONLINE_PROCEDURE' });
  await command('marie', 'cancelAppointment', { appointmentId: bookedB.appointment.id, reason: REASON });
  scenario.b = { caseId: bookedB.case.id, appointmentId: bookedB.appointment.id, booked: slotB! };

  // C: Marie books and nobody comes; an hour after its end the job marks it.
  const [slotC] = await slotsOf('EW-NAMUR.ENERGY');
  const bookedC = await command('marie', 'bookAppointment', { resourceId: resourceIds['EW-NAMUR.ENERGY'], start: slotC!.start, themeCode: 'ENERGY.PREMIUMS', channel: 'ONLINE_PROCEDURE' });
  scenario.c = { caseId: bookedC.case.id, appointmentId: bookedC.appointment.id, booked: slotC! };
  now = new Date(new Date(slotC!.end).getTime() + 61 * 60_000);

  [scenario.serviceAccountEvents, scenario.marieEvents] = await Promise.all([serviceAccount, marie]);
  // Deliveries of different cases do not wait for each other: wait for the last event of each.
  const lastOfEach = [
    [scenario.a.caseId, 'APPOINTMENT_DONE'],
    [scenario.b.caseId, 'APPOINTMENT_CANCELLED'],
    [scenario.c.caseId, 'APPOINTMENT_NO_SHOW'],
  ] as const;
  await until(
    'the last appointment event of each case delivered by the webhook',
    () => (lastOfEach.every(([caseId, type]) => receiver.bodies.some((body) => body.data.eventType === type && body.data.caseId === caseId)) ? true : undefined),
    60_000,
  );
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await server?.close();
  await receiver.stop();
});

const feedOrder = (a: string, b: string) => {
  const [ax, ap] = a.split('.').map(BigInt) as [bigint, bigint];
  const [bx, bp] = b.split('.').map(BigInt) as [bigint, bigint];
  return ax === bx ? Number(ap - bp) : ax < bx ? -1 : 1;
};

const ofCase = (events: FeedEvent[], caseId: string) => events.filter((event) => event.case.id === caseId);
const payloadOf = (event: FeedEvent) => JSON.parse(event.payload) as Record<string, unknown>;

/** Every event of each case, as the scenario must have written them. */
function expectedEvents() {
  const { a, b, c } = scenario;
  return [
    {
      caseId: a.caseId,
      events: [
        { type: 'CASE_CREATED', actorKind: 'AGENT' },
        {
          type: 'APPOINTMENT_BOOKED',
          actorKind: 'AGENT',
          payload: { appointmentId: a.appointmentId, resource: 'EW-NAMUR.ENERGY', theme: 'ENERGY.PREMIUMS', start: a.booked.start, end: a.booked.end },
        },
        {
          type: 'APPOINTMENT_RESCHEDULED',
          actorKind: 'CITIZEN',
          payload: { appointmentId: a.appointmentId, resource: 'EW-NAMUR.RECEPTION', start: a.moved.start, end: a.moved.end, previousResource: 'EW-NAMUR.ENERGY', previousStart: a.booked.start },
        },
        { type: 'INTERACTION_ADDED', actorKind: 'AGENT', payload: { interactionId: expect.any(String), channel: 'COUNTER', direction: 'INBOUND' } },
        { type: 'APPOINTMENT_CHECKED_IN', actorKind: 'AGENT', payload: { appointmentId: a.appointmentId, resource: 'EW-NAMUR.RECEPTION', start: a.moved.start, end: a.moved.end, interactionId: expect.any(String) } },
        { type: 'APPOINTMENT_DONE', actorKind: 'AGENT', payload: { appointmentId: a.appointmentId, resource: 'EW-NAMUR.RECEPTION', start: a.moved.start, end: a.moved.end } },
      ],
    },
    {
      caseId: b.caseId,
      events: [
        { type: 'CASE_CREATED', actorKind: 'CITIZEN' },
        {
          type: 'APPOINTMENT_BOOKED',
          actorKind: 'CITIZEN',
          payload: { appointmentId: b.appointmentId, resource: 'EW-NAMUR.ENERGY', theme: 'ENERGY.PREMIUMS', start: b.booked.start, end: b.booked.end },
        },
        { type: 'APPOINTMENT_CANCELLED', actorKind: 'CITIZEN', payload: { appointmentId: b.appointmentId, resource: 'EW-NAMUR.ENERGY', start: b.booked.start, end: b.booked.end, reason: REASON, by: 'CITIZEN' } },
      ],
    },
    {
      caseId: c.caseId,
      events: [
        { type: 'CASE_CREATED', actorKind: 'CITIZEN' },
        {
          type: 'APPOINTMENT_BOOKED',
          actorKind: 'CITIZEN',
          payload: { appointmentId: c.appointmentId, resource: 'EW-NAMUR.ENERGY', theme: 'ENERGY.PREMIUMS', start: c.booked.start, end: c.booked.end },
        },
        { type: 'APPOINTMENT_NO_SHOW', actorKind: 'SYSTEM', payload: { appointmentId: c.appointmentId, resource: 'EW-NAMUR.ENERGY', start: c.booked.start, end: c.booked.end, by: 'SYSTEM' } },
      ],
    },
  ];
}

function expectEveryChange(events: FeedEvent[]) {
  for (const { caseId, events: expected } of expectedEvents()) {
    const received = ofCase(events, caseId);
    expect(received.map((event) => event.type)).toEqual(expected.map((event) => event.type));
    for (const [index, event] of received.entries()) {
      expect(event.visibility).toBe('CITIZEN');
      expect(event.actorKind).toBe(expected[index]!.actorKind);
      if (expected[index]!.payload) expect(payloadOf(event)).toEqual(expected[index]!.payload);
    }
  }
}

describe('the event stream of appointments', () => {
  it('does stream every appointment change to the service account of the case’s service, in feed order, with the appointment in the payload', () => {
    const events = scenario.serviceAccountEvents;
    expectEveryChange(events);
    expect(events.map((event) => event.feedCursor)).toEqual([...events.map((event) => event.feedCursor)].sort(feedOrder));
    // The appointment id is its global id: node(id:) takes it as it is.
    for (const id of [scenario.a.appointmentId, scenario.b.appointmentId, scenario.c.appointmentId]) expect(Buffer.from(id, 'base64').toString()).toMatch(/^Appointment:[0-9a-f-]{36}$/);
    // The check-in's counter visit is the INTERACTION_ADDED of the same change.
    const [added, checkedIn] = ofCase(events, scenario.a.caseId).filter((event) => ['INTERACTION_ADDED', 'APPOINTMENT_CHECKED_IN'].includes(event.type));
    expect(payloadOf(checkedIn!).interactionId).toBe(payloadOf(added!).interactionId);
    // The case stays at the permanence's service, even once moved to the reception desks.
    for (const event of events.filter((event) => APPOINTMENT_TYPES.includes(event.type))) expect(event.state?.service.id).toBe(energyServiceId);
  });

  it('does tell the appointment’s new status through node(id:) once the changes are streamed', async () => {
    const data = await graphql<{ nodes: { id: string; status: string; endedByKind: string | null }[] }>(
      'account',
      gql`query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Appointment { id status endedByKind } } }`,
      { ids: [scenario.a.appointmentId, scenario.b.appointmentId, scenario.c.appointmentId] },
    );
    expect(data.nodes).toEqual([
      { id: scenario.a.appointmentId, status: 'DONE', endedByKind: null },
      { id: scenario.b.appointmentId, status: 'CANCELLED', endedByKind: 'CITIZEN' },
      { id: scenario.c.appointmentId, status: 'NO_SHOW', endedByKind: 'SYSTEM' },
    ]);
  });

  it('does deliver every appointment change to a webhook filtered on them, in order per case, with the case as of each event', async () => {
    const { data: timelines } = await execute<Record<string, { timeline: { edges: { node: { feedCursor: string; state: { status: string; version: number; service: { id: string } } } }[] } }>>(
      server.client(tokens.account),
      gql`query ($a: ID!, $b: ID!, $c: ID!) {
        a: case(id: $a) { ...states } b: case(id: $b) { ...states } c: case(id: $c) { ...states }
      }
      fragment states on Case { timeline(first: 100) { edges { node { feedCursor state { status version service { id } } } } } }`,
      { a: scenario.a.caseId, b: scenario.b.caseId, c: scenario.c.caseId },
    );
    const stateAt = new Map(Object.values(timelines!).flatMap((item) => item.timeline.edges.map((edge) => [edge.node.feedCursor, edge.node.state] as const)));
    for (const { caseId, events: expected } of expectedEvents()) {
      const appointmentEvents = expected.filter((event) => APPOINTMENT_TYPES.includes(event.type));
      const bodies = receiver.bodies.filter((body) => body.data.caseId === caseId);
      expect(bodies.map((body) => body.data.eventType)).toEqual(appointmentEvents.map((event) => event.type));
      // The same events as the subscription's, in the same order (the feed's), and nothing else of the case.
      const streamed = ofCase(scenario.serviceAccountEvents, caseId).filter((event) => APPOINTMENT_TYPES.includes(event.type));
      expect(bodies.map((body) => body.data.feedCursor)).toEqual(streamed.map((event) => event.feedCursor));
      for (const [index, body] of bodies.entries()) {
        expect(body.type).toBe(`case.${body.data.eventType.toLowerCase()}`);
        expect(body.data.visibility).toBe('CITIZEN');
        expect(body.data.caseReference).toMatch(/\S/);
        expect(body.data.actorKind).toBe(appointmentEvents[index]!.actorKind);
        expect(body.data.payload).toEqual(appointmentEvents[index]!.payload);
        // caseState: the case as of the event, as CaseEvent.state gives it, its service as a global id.
        const state = stateAt.get(body.data.feedCursor)!;
        expect(state).toBeDefined();
        expect(body.data.caseState).toMatchObject({ status: state.status, version: state.version, serviceId: energyServiceId });
        expect(state.service.id).toBe(energyServiceId);
      }
    }
    // Only the filtered types were sent.
    expect(receiver.bodies.every((body) => APPOINTMENT_TYPES.includes(body.data.eventType))).toBe(true);
  });

  it('does show the citizen every appointment change in her case timeline, with the same payloads', async () => {
    for (const { caseId, events: expected } of expectedEvents()) {
      const data = await graphql<{ case: { timeline: { edges: { node: { type: string; label: string; visibility: string; payload: string; feedCursor: string } }[] } } }>(
        'marie',
        gql`query ($id: ID!) { case(id: $id) { timeline(first: 100) { edges { node { type label visibility payload feedCursor } } } } }`,
        { id: caseId },
      );
      const timeline = data.case.timeline.edges.map((edge) => edge.node);
      expect(timeline.map((event) => event.type)).toEqual(expected.map((event) => event.type));
      // In her language (French), as the portal shows them.
      expect(timeline.find((event) => event.type === 'APPOINTMENT_BOOKED')?.label).toBe('Rendez-vous fixé');
      expect(timeline.every((event) => event.visibility === 'CITIZEN')).toBe(true);
      const streamed = ofCase(scenario.serviceAccountEvents, caseId);
      expect(timeline.map((event) => [event.feedCursor, JSON.parse(event.payload)])).toEqual(streamed.map((event) => [event.feedCursor, payloadOf(event)]));
    }
  });

  it('does stream every appointment change of her cases to the citizen’s own subscription', () => {
    const events = scenario.marieEvents;
    expectEveryChange(events);
    expect(events.map((event) => event.feedCursor)).toEqual([...events.map((event) => event.feedCursor)].sort(feedOrder));
    for (const { caseId } of expectedEvents()) {
      expect(ofCase(events, caseId).map((event) => [event.feedCursor, event.payload])).toEqual(ofCase(scenario.serviceAccountEvents, caseId).map((event) => [event.feedCursor, event.payload]));
    }
    // Her stream holds her cases only (nothing else happened on hers meanwhile), and nothing internal.
    expect(new Set(events.map((event) => event.case.id))).toEqual(new Set([scenario.a.caseId, scenario.b.caseId, scenario.c.caseId]));
    expect(events.every((event) => event.visibility === 'CITIZEN')).toBe(true);
  });
});

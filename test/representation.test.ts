import { gql } from 'graphql-request';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globalId, parseGlobalId } from '../src/domain/ids.js';
import { execute, startTestServer, type TestServer, tokenFor } from './helpers/server.js';
import { until } from './helpers/until.js';

// Acting for someone else (issue 21): Rémi represents his mother Anne. What a mandate reaches
// (its scope, in force now), what it allows (READ or ACT), and that both persons are on record.
// Bea is a third citizen whose data nothing of Anne's reaches.

let now = new Date('2027-03-01T09:00:00Z');
let server: TestServer;
const tokens: Record<string, string> = {};
const people: Record<'anne' | 'remi' | 'bea', { id: string; token: string }> = {} as never;
/** Anne's cases: one on general information, one energy premium procedure. */
const anne = { infoCase: '', energyCase: '' };
let beaCase = '';
let remiCase = '';
let origin = '';

const PDF = Buffer.from('%PDF-1.4\n% devis\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

beforeAll(async () => {
  // Rights are checked again every 200 ms, so that a mandate's expiry reaches an open subscription soon.
  server = await startTestServer({ clock: () => now, env: { SUBSCRIBER_RIGHTS_RECHECK_MS: '200' } });
  origin = new URL(server.url).origin;
  tokens.first = await tokenFor({ role: 'agent', sub: 'demo.first' });
  tokens.supervisor = await tokenFor({ role: 'agent', sub: 'demo.supervisor' });
  for (const [name, givenName, familyName, nationalNumber] of [
    ['anne', 'Anne', 'Lambert', '60.01.01-123.47'],
    ['remi', 'Rémi', 'Lambert', '85.07.30-033.28'],
    ['bea', 'Bea', 'Martin', '90.02.15-456.28'],
  ] as const) {
    const { data, errors } = await execute<{ registerContact: { case: { id: string; citizen: { id: string } } } }>(
      server.client(tokens.first),
      gql`mutation ($given: String!, $family: String!, $number: String!) {
        registerContact(input: { channel: PHONE, phone: { line: "1718" }, themeCode: "INFORMATION.ORIENTATION", subject: "Question générale", citizen: { givenName: $given, familyName: $family, nationalNumber: $number } }) {
          ... on RegisterContactSuccess { case { id citizen { id } } }
        }
      }`,
      { given: givenName, family: familyName, number: nationalNumber },
    );
    expect(errors).toBeUndefined();
    const id = data!.registerContact.case.citizen.id;
    people[name] = { id, token: await tokenFor({ role: 'citizen', sub: parseGlobalId(id)!.id }) };
    if (name === 'anne') anne.infoCase = data!.registerContact.case.id;
    if (name === 'bea') beaCase = data!.registerContact.case.id;
    if (name === 'remi') remiCase = data!.registerContact.case.id;
  }
  anne.energyCase = (await startProcedure(people.anne.token)).case!.id;
});
afterAll(() => server?.close());

async function startProcedure(token: string, onBehalfOf?: string) {
  const { data, errors } = await execute<{ startProcedure: { __typename: string; case?: { id: string; citizen: { givenName: string } } } }>(
    server.client(token),
    gql`mutation ($input: StartProcedureInput!) { startProcedure(input: $input) { __typename ... on StartProcedureSuccess { case { id citizen { givenName } } } } }`,
    { input: { code: 'PRIME-HABITATION-MENUISERIES', answers: {}, onBehalfOf } },
  );
  return { ...data?.startProcedure, errors };
}

async function grant(input: Record<string, unknown>): Promise<string> {
  const { data, errors } = await execute<{ grantMandate: { __typename: string; mandate: { id: string } } }>(
    server.client(people.anne.token),
    gql`mutation ($input: GrantMandateInput!) { grantMandate(input: $input) { __typename ... on GrantMandateSuccess { mandate { id } } } }`,
    { input: { representativeCitizenId: people.remi.id, representativeFamilyName: 'Lambert', ...input } },
  );
  expect(errors).toBeUndefined();
  expect(data!.grantMandate.__typename).toBe('GrantMandateSuccess');
  return data!.grantMandate.mandate.id;
}

async function revoke(mandateId: string) {
  const { data, errors } = await execute<{ revokeMandate: { __typename: string } }>(
    server.client(people.anne.token),
    gql`mutation ($id: ID!) { revokeMandate(input: { mandateId: $id }) { __typename } }`,
    { id: mandateId },
  );
  expect(errors).toBeUndefined();
  expect(data!.revokeMandate.__typename).toBe('RevokeMandateSuccess');
}

async function casesOnBehalfOf(token: string, citizenId: string) {
  return execute<{ myCases: { edges: { node: { id: string } }[] } }>(
    server.client(token),
    gql`query ($who: ID!) { myCases(onBehalfOf: $who, first: 50) { edges { node { id } } } }`,
    { who: citizenId },
  );
}

async function readCase(token: string, id: string) {
  return execute<{ case: { id: string; reference: string; citizen: { givenName: string; nationalNumber: string } } | null }>(
    server.client(token),
    gql`query ($id: ID!) { case(id: $id) { id reference citizen { givenName nationalNumber } } }`,
    { id },
  );
}

/**
 * Rémi follows a case over WebSocket: `live` resolves once a message the administration sends on
 * it reaches him, `closedWith` gives the close code once the server closed the connection.
 */
function followAsRemi(caseId: string) {
  const client: Client = createClient({ url: server.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${people.remi.token}` }, retryAttempts: 0 });
  let received = 0;
  let closedCode: number | undefined;
  client.on('closed', (event) => {
    closedCode = (event as { code: number }).code;
  });
  client.subscribe({ query: 'subscription ($id: ID!) { caseUpdated(id: $id) { type } }', variables: { id: caseId } }, { next: () => (received += 1), error: () => {}, complete: () => {} });
  return {
    client,
    closedWith: () => closedCode,
    live: async () => {
      const before = received;
      await until('an event reaches Rémi', async () => {
        await send(tokens.supervisor!, caseId, 'Votre dossier avance.');
        return received > before || undefined;
      });
    },
  };
}

const SEND = gql`mutation ($caseId: ID!, $body: String!) { sendMessage(input: { caseId: $caseId, body: $body }) { __typename ... on SendMessageSuccess { message { id } } } }`;

async function send(token: string, caseId: string, body: string) {
  const { data, errors } = await execute<{ sendMessage: { __typename: string } }>(server.client(token), SEND, { caseId, body });
  return { result: data?.sendMessage, errors };
}

async function accessLogOf(token: string) {
  const { data, errors } = await execute<{ myAccessLog: { edges: { node: { representativeName: string | null; fields: string[]; caseReference: string | null; service: unknown } }[] } }>(
    server.client(token),
    gql`{ myAccessLog(first: 100) { edges { node { representativeName fields caseReference service { code } } } } }`,
  );
  expect(errors).toBeUndefined();
  return data!.myAccessLog.edges.map((edge) => edge.node);
}

describe('reading for someone else', () => {
  let energyMandate = '';

  it('finds nothing of Anne’s before she grants a mandate: NOT_FOUND, as for someone unknown', async () => {
    const before = await casesOnBehalfOf(people.remi.token, people.anne.id);
    expect(before.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await readCase(people.remi.token, anne.energyCase)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('shows the cases of the mandate’s themes only; one outside answers like a missing case', async () => {
    energyMandate = await grant({ scope: 'THEMES', themeCodes: ['ENERGY'], rights: 'READ' });
    const listed = await casesOnBehalfOf(people.remi.token, people.anne.id);
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.myCases.edges.map((edge) => edge.node.id)).toEqual([anne.energyCase]);

    // His own list stays his own.
    const own = await execute<{ myCases: { edges: { node: { id: string } }[] } }>(server.client(people.remi.token), gql`{ myCases(first: 50) { edges { node { id } } } }`);
    expect(own.data!.myCases.edges.map((edge) => edge.node.id)).not.toContain(anne.energyCase);

    const outside = await readCase(people.remi.token, anne.infoCase);
    const missing = await readCase(people.remi.token, globalId('Case', '00000000-0000-4000-8000-00000000beef'));
    expect(outside).toEqual(missing);
    const nodes = await execute<{ nodes: unknown[] }>(server.client(people.remi.token), gql`query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [anne.infoCase, beaCase] });
    expect(nodes.data!.nodes).toEqual([null, null]);
  });

  it('shows what a citizen sees of the case, with Anne’s national number masked and never revealed', async () => {
    const read = await readCase(people.remi.token, anne.energyCase);
    expect(read.errors).toBeUndefined();
    expect(read.data!.case!.citizen.givenName).toBe('Anne');
    expect(read.data!.case!.citizen.nationalNumber).not.toMatch(/\d{6}/);
    const revealed = await execute<{ case: { citizen: { nationalNumber: string | null } } }>(
      server.client(people.remi.token),
      gql`query ($id: ID!) { case(id: $id) { citizen { nationalNumber(reveal: true) contactPoints { value } } } }`,
      { id: anne.energyCase },
    );
    expect(revealed.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    expect(JSON.stringify(revealed.data)).not.toMatch(/\d{6}/);
    const internal = await execute(server.client(people.remi.token), gql`query ($id: ID!) { case(id: $id) { notes(first: 5) { edges { node { body } } } } }`, { id: anne.energyCase });
    expect(internal.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('writes each read into Anne’s access log with Rémi’s name and the case', async () => {
    const energyReference = (await readCase(tokens.supervisor!, anne.energyCase)).data!.case!.reference;
    const log = await accessLogOf(people.anne.token);
    const byRemi = log.filter((entry) => entry.representativeName === 'Rémi Lambert');
    expect(byRemi.length).toBeGreaterThanOrEqual(3);
    expect(byRemi.every((entry) => entry.service === null && entry.fields.join() === 'case' && entry.caseReference === energyReference)).toBe(true);
    // Reading Anne herself by id is a read too, of no case.
    const anneById = await execute<{ node: { givenName: string } }>(server.client(people.remi.token), gql`query ($id: ID!) { node(id: $id) { ... on Citizen { givenName } } }`, { id: people.anne.id });
    expect(anneById.data!.node.givenName).toBe('Anne');
    expect((await accessLogOf(people.anne.token)).filter((entry) => entry.representativeName === 'Rémi Lambert' && entry.fields.join() === 'citizen' && entry.caseReference === null)).toHaveLength(1);
    // Nothing is logged of Rémi reading his own data.
    await execute(server.client(people.remi.token), gql`query ($id: ID!) { node(id: $id) { ... on Citizen { givenName } } }`, { id: people.remi.id });
    expect((await accessLogOf(people.remi.token)).filter((entry) => entry.representativeName !== null)).toEqual([]);
  });

  it('lets a READ mandate act on nothing: a message is FORBIDDEN and nothing is written', async () => {
    const { result, errors } = await send(people.remi.token, anne.energyCase, 'Bonjour, je suis son fils.');
    expect(result ?? null).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const messages = await execute<{ case: { messages: { edges: unknown[] } } }>(server.client(tokens.supervisor), gql`query ($id: ID!) { case(id: $id) { messages(first: 10) { edges { cursor } } } }`, { id: anne.energyCase });
    expect(messages.data!.case.messages.edges).toEqual([]);
    expect((await startProcedure(people.remi.token, people.anne.id)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  afterAll(async () => {
    if (energyMandate) await revoke(energyMandate);
  });
});

describe('acting for someone else', () => {
  let caseMandate = '';
  let allMandate = '';

  it('sends a message on the one case of an ACT mandate, recorded as “Rémi Lambert for Anne Lambert” for both of them and for staff', async () => {
    caseMandate = await grant({ scope: 'ONE_CASE', caseId: anne.infoCase, rights: 'ACT' });
    const { result, errors } = await send(people.remi.token, anne.infoCase, 'Maman demande où en est son dossier.');
    expect(errors).toBeUndefined();
    expect(result!.__typename).toBe('SendMessageSuccess');
    const timeline = gql`query ($id: ID!) {
      case(id: $id) {
        messages(first: 10) { edges { node { author representation { summary representativeName representedName } } } }
        timeline(first: 50) { edges { node { type actorKind representation { summary mandate { id } } } } }
      }
    }`;
    for (const token of [people.anne.token, tokens.supervisor!]) {
      const { data, errors: readErrors } = await execute<{
        case: {
          messages: { edges: { node: { author: string; representation: { summary: string; representativeName: string; representedName: string } } }[] };
          timeline: { edges: { node: { type: string; actorKind: string; representation: { summary: string; mandate: { id: string } | null } | null } }[] };
        };
      }>(server.client(token), timeline, { id: anne.infoCase });
      expect(readErrors).toBeUndefined();
      expect(data!.case.messages.edges.map((edge) => edge.node)).toEqual([
        { author: 'CITIZEN', representation: { summary: 'Rémi Lambert for Anne Lambert', representativeName: 'Rémi Lambert', representedName: 'Anne Lambert' } },
      ]);
      const sent = data!.case.timeline.edges.map((edge) => edge.node).find((event) => event.type === 'MESSAGE_SENT')!;
      expect(sent).toEqual({ type: 'MESSAGE_SENT', actorKind: 'CITIZEN', representation: { summary: 'Rémi Lambert for Anne Lambert', mandate: { id: caseMandate } } });
      // Anne's own changes carry no representation.
      expect(data!.case.timeline.edges.find((edge) => edge.node.type === 'CASE_CREATED')!.node.representation).toBeNull();
    }
    // What Rémi did is in Anne's access log too, under his name.
    expect((await accessLogOf(people.anne.token)).filter((entry) => entry.representativeName === 'Rémi Lambert' && entry.fields.join() === 'MESSAGE_SENT')).toHaveLength(1);
  });

  it('starts a procedure, books an appointment and attaches a document for Anne under an ALL_CASES mandate: hers, with both persons on record', async () => {
    // A ONE_CASE mandate reaches no new case.
    expect((await startProcedure(people.remi.token, people.anne.id)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    allMandate = await grant({ scope: 'ALL_CASES', rights: 'ACT' });
    const started = await startProcedure(people.remi.token, people.anne.id);
    expect(started.errors).toBeUndefined();
    expect(started.case!.citizen.givenName).toBe('Anne');
    const mine = await execute<{ myCases: { edges: { node: { id: string } }[] } }>(server.client(people.anne.token), gql`{ myCases(first: 50) { edges { node { id } } } }`);
    expect(mine.data!.myCases.edges.map((edge) => edge.node.id)).toContain(started.case!.id);

    const resources = await execute<{ bookableResources: { id: string; code: string }[] }>(server.client(), gql`{ bookableResources { id code } }`);
    const reception = resources.data!.bookableResources.find((resource) => resource.code === 'EW-NAMUR.RECEPTION')!.id;
    const slots = await execute<{ availableSlots: { start: string }[] }>(
      server.client(),
      gql`query ($id: ID!) { availableSlots(resourceId: $id, themeCode: "INFORMATION.ORIENTATION", count: 1) { start } }`,
      { id: reception },
    );
    const booked = await execute<{ bookAppointment: { __typename: string; appointment: { id: string } } }>(
      server.client(people.remi.token),
      gql`mutation ($input: BookAppointmentInput!) { bookAppointment(input: $input) { __typename ... on BookAppointmentSuccess { appointment { id } } } }`,
      { input: { resourceId: reception, start: slots.data!.availableSlots[0]!.start, themeCode: 'INFORMATION.ORIENTATION', channel: 'ONLINE_PROCEDURE', citizenId: people.anne.id } },
    );
    expect(booked.errors).toBeUndefined();
    expect(booked.data!.bookAppointment.__typename).toBe('BookAppointmentSuccess');
    const appointmentsOf = async (token: string) =>
      (await execute<{ myAppointments: { edges: { node: { id: string } }[] } }>(server.client(token), gql`{ myAppointments(first: 20) { edges { node { id } } } }`)).data!.myAppointments.edges.map(
        (edge) => edge.node.id,
      );
    expect(await appointmentsOf(people.anne.token)).toContain(booked.data!.bookAppointment.appointment.id);
    expect(await appointmentsOf(people.remi.token)).not.toContain(booked.data!.bookAppointment.appointment.id);

    const uploaded = await fetch(`${origin}/documents?fileName=devis.pdf`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${people.remi.token}` },
      body: new Uint8Array(PDF),
    });
    expect(uploaded.status).toBe(201);
    const { uploadId } = (await uploaded.json()) as { uploadId: string };
    const attached = await execute<{ attachDocument: { __typename: string; document: { id: string } } }>(
      server.client(people.remi.token),
      gql`mutation ($input: AttachDocumentInput!) { attachDocument(input: $input) { __typename ... on AttachDocumentSuccess { document { id } } } }`,
      { input: { uploadId, caseId: anne.energyCase, kind: 'INVOICE' } },
    );
    expect(attached.errors).toBeUndefined();
    expect(attached.data!.attachDocument.__typename).toBe('AttachDocumentSuccess');

    const events = await execute<{ case: { timeline: { edges: { node: { type: string; representation: { summary: string } | null } }[] } } }>(
      server.client(people.anne.token),
      gql`query ($id: ID!) { case(id: $id) { timeline(first: 50) { edges { node { type representation { summary } } } } } }`,
      { id: anne.energyCase },
    );
    expect(events.data!.case.timeline.edges.map((edge) => edge.node).find((event) => event.type === 'DOCUMENT_ATTACHED')).toEqual({
      type: 'DOCUMENT_ATTACHED',
      representation: { summary: 'Rémi Lambert for Anne Lambert' },
    });

    // Reading the document or the appointment by id, without the case, is a read of Anne's case too.
    const readsOfRemi = async () => (await accessLogOf(people.anne.token)).filter((entry) => entry.representativeName === 'Rémi Lambert' && entry.fields.join() === 'case').length;
    const before = await readsOfRemi();
    const byId = await execute<{ nodes: ({ id: string } | null)[] }>(server.client(people.remi.token), gql`query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
      ids: [attached.data!.attachDocument.document.id, booked.data!.bookAppointment.appointment.id],
    });
    expect(byId.data!.nodes.map((node) => node?.id)).toEqual([attached.data!.attachDocument.document.id, booked.data!.bookAppointment.appointment.id]);
    expect(await readsOfRemi()).toBe(before + 2);
  });

  it('reaches nothing of Bea’s with Anne’s mandates', async () => {
    expect((await readCase(people.remi.token, beaCase)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await send(people.remi.token, beaCase, 'x')).result).toMatchObject({ __typename: 'NotFoundError' });
    expect((await casesOnBehalfOf(people.remi.token, people.bea.id)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await startProcedure(people.remi.token, people.bea.id)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('cuts reads, actions and a live subscription within a second of the revocation, naming when it ended', async () => {
    const client: Client = createClient({ url: server.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${people.remi.token}` }, retryAttempts: 0 });
    const received: string[] = [];
    const infoReference = (await readCase(tokens.supervisor!, anne.infoCase)).data!.case!.reference;
    let closedAt = 0;
    const ended = new Promise<void>((resolve) => {
      client.on('closed', () => {
        closedAt = Date.now();
        resolve();
      });
      client.subscribe(
        { query: 'subscription ($id: ID!) { caseUpdated(id: $id) { type } }', variables: { id: anne.infoCase } },
        { next: (result) => received.push(String((result.data as { caseUpdated?: { type: string } } | undefined)?.caseUpdated?.type)), error: () => resolve(), complete: () => resolve() },
      );
    });
    try {
      // The subscription is live: a message from the administration reaches Rémi.
      await until('the subscription is live', async () => {
        await send(tokens.supervisor!, anne.infoCase, 'Votre dossier avance.');
        return received.includes('MESSAGE_SENT') || undefined;
      });
      // Each event Rémi receives is a read of Anne's case, in her access log.
      expect((await accessLogOf(people.anne.token)).filter((entry) => entry.representativeName === 'Rémi Lambert' && entry.fields.join() === 'case' && entry.caseReference === infoReference)).not.toEqual([]);
      const revokedAt = Date.now();
      await revoke(caseMandate);
      await revoke(allMandate);
      await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 1_000))]);
      expect(closedAt).toBeGreaterThan(0);
      expect(closedAt - revokedAt).toBeLessThan(1_000);
      const before = received.length;
      await send(tokens.supervisor!, anne.infoCase, 'Une autre nouvelle.');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(received.length).toBe(before);
    } finally {
      await client.dispose();
    }

    expect((await readCase(people.remi.token, anne.infoCase)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const refused = await send(people.remi.token, anne.infoCase, 'Encore moi.');
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'MANDATE_REVOKED', mandateEndedAt: now.toISOString() });
    expect(refused.errors?.[0]?.message).toContain(now.toISOString());
  });
});

describe('dates', () => {
  it('refuses a mandate that has not started yet with its start', async () => {
    const validFrom = new Date(now.getTime() + 86_400_000);
    const mandateId = await grant({ scope: 'ALL_CASES', rights: 'READ', validFrom: validFrom.toISOString() });
    const early = await casesOnBehalfOf(people.remi.token, people.anne.id);
    expect(early.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(early.errors?.[0]?.message).toBe(`The mandate starts on ${validFrom.toISOString()}.`);
    expect((await readCase(people.remi.token, anne.energyCase)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await revoke(mandateId);
  });

  it('keeps a connection open past the validUntil of a mandate revoked before it, under another mandate in force', async () => {
    const saved = now;
    const revokedEarlier = await grant({ scope: 'ALL_CASES', rights: 'READ', validUntil: new Date(now.getTime() + 2 * 3_600_000).toISOString() });
    await revoke(revokedEarlier);
    const inForce = await grant({ scope: 'ALL_CASES', rights: 'READ' });
    const following = followAsRemi(anne.energyCase);
    try {
      await following.live();
      now = new Date(saved.getTime() + 2 * 3_600_000 + 1);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(following.closedWith()).toBeUndefined();
      await following.live();
    } finally {
      now = saved;
      await following.client.dispose();
      await revoke(inForce);
    }
  });

  it('ends a mandate at validUntil: the cases vanish, a live subscription is closed and a read on behalf is refused naming the end date', async () => {
    const validUntil = new Date(now.getTime() + 3_600_000);
    await grant({ scope: 'ALL_CASES', rights: 'READ', validUntil: validUntil.toISOString() });
    expect((await casesOnBehalfOf(people.remi.token, people.anne.id)).data!.myCases.edges.length).toBeGreaterThan(0);
    const following = followAsRemi(anne.energyCase);
    const saved = now;
    let later: ReturnType<typeof followAsRemi> | undefined;
    try {
      await following.live();
      now = validUntil;
      // The next rights check (every 200 ms here) closes it, as a revocation does.
      await until('the connection is closed', () => following.closedWith(), 2_000);
      expect(following.closedWith()).toBe(4403);
      const after = await casesOnBehalfOf(people.remi.token, people.anne.id);
      expect(after.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'MANDATE_EXPIRED', mandateEndedAt: validUntil.toISOString() });
      expect(after.errors?.[0]?.message).toBe(`The mandate expired on ${validUntil.toISOString()}.`);
      expect((await readCase(people.remi.token, anne.energyCase)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      // A connection opened after the expiry was opened without what the mandate reached: it stays open.
      later = followAsRemi(remiCase);
      await later.live();
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(later.closedWith()).toBeUndefined();
    } finally {
      now = saved;
      await following.client.dispose();
      await later?.client.dispose();
    }
  });
});

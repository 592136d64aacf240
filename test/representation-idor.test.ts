import { sql } from 'drizzle-orm';
import { type GraphQLField, getNamedType, isAbstractType, isNonNullType, parse, validate } from 'graphql';
import { gql } from 'graphql-request';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/config.js';
import { selectRows } from '../src/db/client.js';
import { parseGlobalId } from '../src/domain/ids.js';
import { nationalNumberCheckDigits } from '../src/domain/national-number.js';
import { schema } from '../src/schema/index.js';
import { estimateCost, shapeRule } from '../src/server/limits.js';
import { buildArguments, type Holder, idTypesOf, leavesOf, operationFor, type Root, rootFields, seedIdsOf, selectionOf } from './helpers/schema-arguments.js';
import { execute, startTestServer, type TestServer, tokenFor } from './helpers/server.js';
import { inPool } from './helpers/pool.js';
import { until } from './helpers/until.js';

// Issue 21, last acceptance item: Rémi (R) represents Anne (A) with the widest mandate there is
// (ALL_CASES, ACT). Bea (B) is a stranger to both, with data of every kind a citizen has. R
// sends every root query, mutation and subscription of the schema (read from the schema itself:
// a new field is swept without touching this file) with B's ids in its arguments, one at a time
// (the others being what R may use: A's, his own) and all at once. No answer may hold anything
// of B's, every refusal is a typed one, and nothing of B's changes in the database. The same
// probes with A's ids do succeed, so the sweep would notice a field that simply fails.

let server: TestServer;
let origin = '';
const tokens = { first: '', supervisor: '' };

const PDF = (label: string) => Buffer.from(`%PDF-1.4\n% ${label}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
const THEME = 'INFORMATION.ORIENTATION';
const PROCEDURE = 'PRIME-HABITATION-MENUISERIES';
const PUBLICATION = 'VIVRE-LA-WALLONIE';

function nationalNumber(body: string) {
  const digits = `${body}${nationalNumberCheckDigits(body, false)}`;
  return { digits, formatted: `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}-${digits.slice(6, 9)}.${digits.slice(9)}` };
}

/** What only B's data holds: her names, her representative's, her identifiers, what she and the administration wrote to her. */
const BEA = {
  givenName: 'Berthilde',
  familyName: 'Zwanepoel',
  nationalNumber: nationalNumber('770412311'),
  email: 'berthilde.zwanepoel@example.org',
  phone: '+32470771234',
  messageBody: 'Message-de-Berthilde-Q7X2',
  agentMessageBody: 'Reponse-a-Berthilde-K9W4',
  noteBody: 'Note-interne-Berthilde-P3M8',
  handoffReason: 'Transfert-Berthilde-H5T1',
  appointmentNote: 'Rendez-vous-Berthilde-R2D9',
  attachedFile: 'bail-berthilde-7q2.pdf',
  pendingFile: 'releve-berthilde-4z8.pdf',
  deliveryAddress: 'Rue Berthilde 77, 5000 Namur',
};
/** The fourth citizen, to whom B gave a mandate. */
const DIEUDONNE = { givenName: 'Dieudonné', familyName: 'Quackelbeen', nationalNumber: nationalNumber('820923155') };

/** The types of B's objects: an ID argument declared for one of them is given B's ids. */
const OWNED = ['Case', 'Citizen', 'Document', 'Appointment', 'Mandate', 'Message', 'Interaction', 'Handoff'] as const;
/** The other types ID arguments take: reference data, staff's and service accounts' objects, none a citizen's. A new type must be put in one list or the other. */
const NOT_A_CITIZENS = ['Agent', 'BookableResource', 'DocumentRequirement', 'KnowledgeArticle', 'KnowledgeSuggestion', 'Service', 'Webhook', 'WebhookDelivery'];
type Owned = (typeof OWNED)[number];
const isOwned = (typename: string): typename is Owned => (OWNED as readonly string[]).includes(typename);

interface Person {
  id: string;
  token: string;
}
const people = {} as Record<'anne' | 'remi' | 'bea' | 'dieudonne', Person>;
/** B's global ids by type, her case references, tracking codes and the feed cursor of her first event. */
const b = { ids: {} as Record<Owned, string[]>, references: [] as string[], trackingCodes: [] as string[], tracked: [] as { reference: string; trackingCode: string }[], feedCursor: '' };
/** What R may use: A's objects (through the mandate) and his own. */
const a = {
  ids: {} as Record<Owned, string>,
  infoCase: '',
  energyCase: '',
  energyReference: '',
  energyTrackingCode: '',
  remiCase: '',
  documentToRemove: '',
  appointmentToCancel: '',
  spareMandate: '',
};
let seedIds = new Map<string, string>();
/** B's rows before the sweep. */
let before: Map<string, string[]>;
let reception = '';
let slots: string[] = [];

beforeAll(async () => {
  server = await startTestServer();
  origin = new URL(server.url).origin;
  tokens.first = await tokenFor({ role: 'agent', sub: 'demo.first' });
  tokens.supervisor = await tokenFor({ role: 'agent', sub: 'demo.supervisor' });
  seedIds = await seedIdsOf(server.database.handle.db, schema);

  const registered: Record<string, { caseId: string; interactionId: string }> = {};
  for (const [name, identity] of [
    ['anne', { givenName: 'Anne', familyName: 'Lambert', nationalNumber: '60.01.01-123.47' }],
    ['remi', { givenName: 'Rémi', familyName: 'Lambert', nationalNumber: '85.07.30-033.28' }],
    ['bea', { givenName: BEA.givenName, familyName: BEA.familyName, nationalNumber: BEA.nationalNumber.formatted, email: BEA.email, phone: BEA.phone }],
    ['dieudonne', { givenName: DIEUDONNE.givenName, familyName: DIEUDONNE.familyName, nationalNumber: DIEUDONNE.nationalNumber.formatted }],
  ] as const) {
    const data = await ok<{ registerContact: { case: { id: string; citizen: { id: string } }; interaction: { id: string } } }>(
      tokens.first,
      gql`mutation ($citizen: CitizenIdentityInput!) {
        registerContact(input: { channel: PHONE, phone: { line: "1718" }, themeCode: "${THEME}", subject: "Question générale", citizen: $citizen }) {
          ... on RegisterContactSuccess { case { id citizen { id } } interaction { id } }
        }
      }`,
      { citizen: identity },
    );
    const id = data.registerContact.case.citizen.id;
    people[name] = { id, token: await tokenFor({ role: 'citizen', sub: parseGlobalId(id)!.id }) };
    registered[name] = { caseId: data.registerContact.case.id, interactionId: data.registerContact.interaction.id };
  }
  const resources = await ok<{ bookableResources: { id: string; code: string }[] }>(undefined, gql`{ bookableResources { id code } }`);
  reception = resources.bookableResources.find((resource) => resource.code === 'EW-NAMUR.RECEPTION')!.id;
  slots = (await ok<{ availableSlots: { start: string }[] }>(undefined, gql`query ($id: ID!) { availableSlots(resourceId: $id, themeCode: "${THEME}", count: 8) { start } }`, { id: reception })).availableSlots.map(
    (slot) => slot.start,
  );
  expect(slots.length).toBeGreaterThanOrEqual(6);
  const services = await ok<{ services: { id: string; code: string }[] }>(tokens.supervisor, gql`{ services { id code } }`);
  const energyService = services.services.find((service) => service.code === 'TLPE-ENERGY')!.id;

  // B: a case registered by an agent, a procedure she started, an order of brochures; messages
  // both ways, an attached document and one still pending, an appointment, a mandate she gave
  // Dieudonné, an internal note and a handoff on her first case.
  const bea = people.bea;
  const beaProcedure = await ok<{ startProcedure: { case: { id: string; reference: string }; trackingCode: string } }>(
    bea.token,
    gql`mutation { startProcedure(input: { code: "${PROCEDURE}", answers: {} }) { ... on StartProcedureSuccess { case { id reference } trackingCode } } }`,
  );
  const beaOrder = await ok<{ orderPublications: { case: { id: string; reference: string }; trackingCode: string } }>(
    bea.token,
    gql`mutation ($address: String!) { orderPublications(input: { items: [{ publicationCode: "${PUBLICATION}" }], deliveryAddress: $address }) { ... on OrderPublicationsSuccess { case { id reference } trackingCode } } }`,
    { address: BEA.deliveryAddress },
  );
  const beaCases = [registered.bea!.caseId, beaProcedure.startProcedure.case.id, beaOrder.orderPublications.case.id];
  b.trackingCodes = [beaProcedure.startProcedure.trackingCode, beaOrder.orderPublications.trackingCode];
  b.tracked = [
    { reference: beaProcedure.startProcedure.case.reference, trackingCode: beaProcedure.startProcedure.trackingCode },
    { reference: beaOrder.orderPublications.case.reference, trackingCode: beaOrder.orderPublications.trackingCode },
  ];
  await sendMessage(bea.token, beaCases[1]!, BEA.messageBody);
  await sendMessage(tokens.supervisor, beaCases[0]!, BEA.agentMessageBody);
  await attach(bea.token, await upload(bea.token, BEA.attachedFile), beaCases[1]!);
  const pendingUpload = await upload(bea.token, BEA.pendingFile);
  await book(bea.token, { caseId: beaCases[0], start: slots[0], note: BEA.appointmentNote });
  const beaMandate = await grant(bea.token, { representativeCitizenId: people.dieudonne.id, representativeFamilyName: DIEUDONNE.familyName, scope: 'ALL_CASES', rights: 'READ' });
  await ok(tokens.supervisor, gql`mutation ($caseId: ID!, $body: String!) { addNote(input: { caseId: $caseId, body: $body }) { __typename } }`, { caseId: beaCases[0], body: BEA.noteBody });
  const handoff = await ok<{ requestHandoff: { __typename: string } }>(
    tokens.first,
    gql`mutation ($caseId: ID!, $to: ID!, $reason: String!) { requestHandoff(input: { caseId: $caseId, toServiceId: $to, reason: $reason }) { __typename } }`,
    { caseId: beaCases[0], to: energyService, reason: BEA.handoffReason },
  );
  expect(handoff.requestHandoff.__typename).toBe('RequestHandoffSuccess');

  // Every id of B's, read back by a supervisor.
  const seen = await casesAsStaff(beaCases);
  b.ids = {
    Case: beaCases,
    Citizen: [bea.id],
    Document: [...seen.flatMap((row) => row.documents.edges.map((edge) => edge.node.id)), pendingUpload],
    Appointment: seen.flatMap((row) => row.appointments.edges.map((edge) => edge.node.id)),
    Mandate: [beaMandate],
    Message: seen.flatMap((row) => row.messages.edges.map((edge) => edge.node.id)),
    Interaction: seen.flatMap((row) => row.interactions.edges.map((edge) => edge.node.id)),
    Handoff: seen.flatMap((row) => row.handoffs.map((item) => item.id)),
  };
  b.references = seen.map((row) => row.reference);
  b.feedCursor = seen[0]!.timeline.edges[0]!.node.feedCursor;
  for (const typename of OWNED) expect(b.ids[typename].length, `B has a ${typename}`).toBeGreaterThan(0);

  // A gives R the widest mandate; R acts for her so that A has an object of each type R may reach.
  const anne = people.anne;
  const remi = people.remi;
  a.infoCase = registered.anne!.caseId;
  a.remiCase = registered.remi!.caseId;
  const anneProcedure = await ok<{ startProcedure: { case: { id: string; reference: string }; trackingCode: string } }>(
    anne.token,
    gql`mutation { startProcedure(input: { code: "${PROCEDURE}", answers: {} }) { ... on StartProcedureSuccess { case { id reference } trackingCode } } }`,
  );
  a.energyCase = anneProcedure.startProcedure.case.id;
  a.energyReference = anneProcedure.startProcedure.case.reference;
  a.energyTrackingCode = anneProcedure.startProcedure.trackingCode;
  const anneMandate = await grant(anne.token, { representativeCitizenId: remi.id, representativeFamilyName: 'Lambert', scope: 'ALL_CASES', rights: 'ACT' });
  a.spareMandate = await grant(anne.token, { representativeCitizenId: remi.id, representativeFamilyName: 'Lambert', scope: 'ONE_CASE', caseId: a.infoCase, rights: 'READ' });
  await sendMessage(remi.token, a.energyCase, 'Pour maman.');
  await attach(remi.token, await upload(remi.token, 'devis-anne.pdf'), a.energyCase);
  a.documentToRemove = await attach(remi.token, await upload(remi.token, 'devis-anne-2.pdf'), a.energyCase);
  await book(remi.token, { citizenId: anne.id, caseId: a.infoCase, start: slots[1] });
  a.appointmentToCancel = await book(remi.token, { citizenId: anne.id, caseId: a.infoCase, start: slots[2] });
  await ok(tokens.first, gql`mutation ($caseId: ID!, $to: ID!) { requestHandoff(input: { caseId: $caseId, toServiceId: $to, reason: "Prime" }) { __typename } }`, {
    caseId: a.infoCase,
    to: energyService,
  });
  const [anneInfo, anneEnergy] = await casesAsStaff([a.infoCase, a.energyCase]);
  a.ids = {
    Case: a.energyCase,
    Citizen: anne.id,
    Document: anneEnergy!.documents.edges[0]!.node.id,
    Appointment: anneInfo!.appointments.edges[0]!.node.id,
    Mandate: anneMandate,
    Message: anneEnergy!.messages.edges[0]!.node.id,
    Interaction: anneInfo!.interactions.edges[0]!.node.id,
    Handoff: anneInfo!.handoffs[0]!.id,
  };
  before = await snapshotOfB();
}, 60_000);
afterAll(() => server?.close());

// ---------------------------------------------------------------------------------------------
// Setup helpers

async function ok<T>(token: string | undefined, query: string, variables?: Record<string, unknown>): Promise<T> {
  const { data, errors } = await execute<T>(server.client(token), query, variables);
  expect(errors, query).toBeUndefined();
  return data!;
}

/** Sends a message; returns its id as case events carry it (the raw uuid). */
async function sendMessage(token: string, caseId: string, body: string): Promise<string> {
  const data = await ok<{ sendMessage: { __typename: string; message: { id: string } } }>(
    token,
    gql`mutation ($caseId: ID!, $body: String!) { sendMessage(input: { caseId: $caseId, body: $body }) { __typename ... on SendMessageSuccess { message { id } } } }`,
    { caseId, body },
  );
  expect(data.sendMessage.__typename).toBe('SendMessageSuccess');
  return parseGlobalId(data.sendMessage.message.id)!.id;
}

async function upload(token: string, fileName: string): Promise<string> {
  const response = await fetch(`${origin}/documents?fileName=${encodeURIComponent(fileName)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${token}` },
    body: new Uint8Array(PDF(fileName)),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { uploadId: string }).uploadId;
}

async function attach(token: string, uploadId: string, caseId: string): Promise<string> {
  const data = await ok<{ attachDocument: { __typename: string; document: { id: string } } }>(
    token,
    gql`mutation ($input: AttachDocumentInput!) { attachDocument(input: $input) { __typename ... on AttachDocumentSuccess { document { id } } } }`,
    { input: { uploadId, caseId, kind: 'INVOICE' } },
  );
  expect(data.attachDocument.__typename).toBe('AttachDocumentSuccess');
  return data.attachDocument.document.id;
}

async function book(token: string, input: Record<string, unknown>): Promise<string> {
  const data = await ok<{ bookAppointment: { __typename: string; appointment: { id: string } } }>(
    token,
    gql`mutation ($input: BookAppointmentInput!) { bookAppointment(input: $input) { __typename ... on BookAppointmentSuccess { appointment { id } } } }`,
    { input: { resourceId: reception, themeCode: THEME, channel: 'ONLINE_PROCEDURE', ...input } },
  );
  expect(data.bookAppointment.__typename).toBe('BookAppointmentSuccess');
  return data.bookAppointment.appointment.id;
}

async function grant(token: string, input: Record<string, unknown>): Promise<string> {
  const data = await ok<{ grantMandate: { __typename: string; mandate: { id: string } } }>(
    token,
    gql`mutation ($input: GrantMandateInput!) { grantMandate(input: $input) { __typename ... on GrantMandateSuccess { mandate { id } } } }`,
    { input },
  );
  expect(data.grantMandate.__typename).toBe('GrantMandateSuccess');
  return data.grantMandate.mandate.id;
}

interface StaffView {
  id: string;
  reference: string;
  status: string;
  version: number;
  documents: { edges: { node: { id: string } }[] };
  appointments: { edges: { node: { id: string } }[] };
  messages: { edges: { node: { id: string } }[] };
  interactions: { edges: { node: { id: string } }[] };
  handoffs: { id: string }[];
  timeline: { edges: { node: { feedCursor: string } }[] };
}

async function casesAsStaff(ids: string[]): Promise<StaffView[]> {
  const data = await ok<{ nodes: StaffView[] }>(
    tokens.supervisor,
    gql`query ($ids: [ID!]!) {
      nodes(ids: $ids) {
        ... on Case {
          id reference status version
          documents(first: 10) { edges { node { id } } }
          appointments(first: 10) { edges { node { id } } }
          messages(first: 10) { edges { node { id } } }
          interactions(first: 10) { edges { node { id } } }
          handoffs { id }
          timeline(first: 1) { edges { node { feedCursor } } }
        }
      }
    }`,
    { ids },
  );
  return data.nodes;
}

// ---------------------------------------------------------------------------------------------
// B's data in the database: every row of every table with a uuid column holding one of B's ids.

function bUuids(): string[] {
  return OWNED.flatMap((typename) => b.ids[typename]).map((id) => parseGlobalId(id)!.id);
}

async function snapshotOfB(): Promise<Map<string, string[]>> {
  const db = server.database.handle.db;
  const columns = await selectRows<{ table: string; column: string }>(
    db,
    sql`select table_name as "table", column_name as "column" from information_schema.columns where table_schema = current_schema() and data_type = 'uuid' order by 1, 2`,
  );
  const keys = sql.join(
    bUuids().map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const byTable = new Map<string, string[]>();
  for (const { table, column } of columns) byTable.set(table, [...(byTable.get(table) ?? []), column]);
  const snapshot = new Map<string, string[]>();
  for (const [table, uuidColumns] of byTable) {
    const where = sql.join(
      uuidColumns.map((column) => sql`${sql.identifier(column)} in (${keys})`),
      sql` or `,
    );
    const rows = await selectRows<{ row: string }>(db, sql`select row_to_json(t)::text as "row" from ${sql.identifier(table)} t where ${where}`);
    if (rows.length > 0) snapshot.set(table, rows.map((row) => row.row).sort());
  }
  return snapshot;
}

/** The rows added (+) and removed (-) between two snapshots. */
function changesOf(earlier: Map<string, string[]>, later: Map<string, string[]>): { table: string; sign: '+' | '-'; row: string }[] {
  const changes: { table: string; sign: '+' | '-'; row: string }[] = [];
  for (const table of new Set([...earlier.keys(), ...later.keys()])) {
    const was = new Set(earlier.get(table) ?? []);
    const is = new Set(later.get(table) ?? []);
    for (const row of was) if (!is.has(row)) changes.push({ table, sign: '-', row });
    for (const row of is) if (!was.has(row)) changes.push({ table, sign: '+', row });
  }
  return changes;
}

/** A list of faults short enough to read (and for the diff of a failed assertion to stay quick). */
function listed(faults: string[]): string[] {
  return faults.length <= 30 ? faults : [`${faults.length} in all, the first 30:`, ...faults.slice(0, 30)];
}

// ---------------------------------------------------------------------------------------------
// The sweep

/** Strings that only B's data holds: finding one in an answer to R is a leak. */
function bTokens(): string[] {
  return [
    ...OWNED.flatMap((typename) => b.ids[typename]),
    ...bUuids(),
    ...b.references,
    ...b.trackingCodes,
    ...[BEA.givenName, BEA.familyName, BEA.email, BEA.phone, BEA.messageBody, BEA.agentMessageBody, BEA.noteBody, BEA.handoffReason, BEA.appointmentNote],
    ...[BEA.attachedFile, BEA.pendingFile, BEA.deliveryAddress],
    ...[BEA.nationalNumber.digits, BEA.nationalNumber.digits.slice(0, 9), BEA.nationalNumber.formatted],
    ...[DIEUDONNE.givenName, DIEUDONNE.familyName, DIEUDONNE.nationalNumber.digits, DIEUDONNE.nationalNumber.formatted],
  ];
}

/** B's values a leaf may be given, by its type and name; none when nothing of B's fits it. */
function bValuesFor(root: Root, path: string[], leaf: Holder): unknown[] {
  const named = getNamedType(leaf.type).name;
  const name = path.at(-1)!;
  if (named === 'ID') {
    const declared = idTypesOf(leaf);
    // node(id:) and nodes(ids:) take any type: every id of B's.
    if (declared.length === 0) return OWNED.flatMap((typename) => b.ids[typename]);
    return declared.filter(isOwned).flatMap((typename) => b.ids[typename]);
  }
  if (named !== 'String') return [];
  if (/reference$/i.test(name)) return b.references;
  if (/trackingCode$/i.test(name)) return b.trackingCodes;
  if (/nationalNumber$/i.test(name)) return [BEA.nationalNumber.formatted];
  if (/email$/i.test(name)) return [BEA.email];
  if (/phone$/i.test(name)) return [BEA.phone];
  if (/^(name|familyName)$/.test(name)) return [BEA.familyName];
  // A feed cursor of an event of B's: replaying the feed from there.
  if (root === 'subscription' && name === 'after') return [b.feedCursor];
  return [];
}

const FRESH_UPLOAD = '<a fresh upload of R>';
const key = (path: string[]) => path.join('.');

/**
 * What R sends when he uses a field for A (or for himself), as it succeeds (checked by the
 * sanity control below). The sweep puts B's values into these arguments one leaf at a time and
 * all at once. Fields not named here get plausible values, A's ids where they take an object
 * of a type B has.
 */
const BASES: Record<string, { root: Root; args: () => Record<string, unknown>; succeeded: (data: Record<string, unknown>) => boolean }> = {
  case: { root: 'query', args: () => ({ id: a.energyCase }), succeeded: (data) => (data.case as { id?: string } | null)?.id === a.energyCase },
  caseByReference: { root: 'query', args: () => ({ reference: a.energyReference }), succeeded: (data) => (data.caseByReference as { id?: string } | null)?.id === a.energyCase },
  node: { root: 'query', args: () => ({ id: a.energyCase }), succeeded: (data) => (data.node as { id?: string } | null)?.id === a.energyCase },
  nodes: { root: 'query', args: () => ({ ids: [a.energyCase] }), succeeded: (data) => (data.nodes as ({ id?: string } | null)[])[0]?.id === a.energyCase },
  myCases: {
    root: 'query',
    args: () => ({ onBehalfOf: people.anne.id, first: 5 }),
    succeeded: (data) => JSON.stringify(data).includes(a.energyCase),
  },
  trackCase: {
    root: 'query',
    args: () => ({ reference: a.energyReference, trackingCode: a.energyTrackingCode }),
    succeeded: (data) => (data.trackCase as { reference?: string } | null)?.reference === a.energyReference,
  },
  sendMessage: { root: 'mutation', args: () => ({ input: { caseId: a.energyCase, body: 'Pour maman, encore.' } }), succeeded: typename('SendMessageSuccess') },
  startProcedure: { root: 'mutation', args: () => ({ input: { code: PROCEDURE, answers: {}, onBehalfOf: people.anne.id } }), succeeded: typename('StartProcedureSuccess') },
  bookAppointment: {
    root: 'mutation',
    args: () => ({ input: { resourceId: reception, start: slots[3], themeCode: THEME, channel: 'ONLINE_PROCEDURE', citizenId: people.anne.id, caseId: a.infoCase } }),
    succeeded: typename('BookAppointmentSuccess'),
  },
  rescheduleAppointment: { root: 'mutation', args: () => ({ input: { appointmentId: a.ids.Appointment, start: slots[4] } }), succeeded: typename('RescheduleAppointmentSuccess') },
  cancelAppointment: { root: 'mutation', args: () => ({ input: { appointmentId: a.appointmentToCancel, reason: 'Empêchée' } }), succeeded: typename('CancelAppointmentSuccess') },
  attachDocument: { root: 'mutation', args: () => ({ input: { uploadId: FRESH_UPLOAD, caseId: a.energyCase, kind: 'INVOICE' } }), succeeded: typename('AttachDocumentSuccess') },
  removeDocument: { root: 'mutation', args: () => ({ input: { documentId: a.documentToRemove } }), succeeded: typename('RemoveDocumentSuccess') },
  grantMandate: {
    root: 'mutation',
    args: () => ({ input: { representativeCitizenId: people.anne.id, representativeFamilyName: 'Lambert', scope: 'ONE_CASE', caseId: a.remiCase, rights: 'READ' } }),
    succeeded: typename('GrantMandateSuccess'),
  },
  revokeMandate: { root: 'mutation', args: () => ({ input: { mandateId: a.spareMandate } }), succeeded: typename('RevokeMandateSuccess') },
  orderPublications: {
    root: 'mutation',
    args: () => ({ input: { items: [{ publicationCode: PUBLICATION, quantity: 1 }], deliveryAddress: 'Rue de Fer 12, 5000 Namur' } }),
    succeeded: typename('OrderPublicationsSuccess'),
  },
  caseUpdated: { root: 'subscription', args: () => ({ id: a.infoCase }), succeeded: () => true },
  caseEvents: { root: 'subscription', args: () => ({ filter: { caseId: a.infoCase } }), succeeded: () => true },
};

function typename(expected: string) {
  return (data: Record<string, unknown>) => Object.values(data).some((value) => (value as { __typename?: string } | null)?.__typename === expected);
}

/** The value at a path of arguments (a list's first item for a list of input objects). */
function valueAt(args: Record<string, unknown>, path: string[]): unknown {
  let value: unknown = args;
  for (const name of path) {
    if (Array.isArray(value)) value = value[0];
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[name];
  }
  return value;
}

/** A neighbour of the leaves under test, in a field with no base: A's object, R's fresh upload, or (from the helper) a plausible value. */
function neighbour(path: string[], leaf: Holder): unknown {
  if (!isNonNullType(leaf.type)) return path.at(-1) === 'first' ? 3 : undefined;
  if (path.at(-1) === 'uploadId') return FRESH_UPLOAD;
  const [declared] = idTypesOf(leaf);
  return declared && isOwned(declared) ? a.ids[declared] : undefined;
}

const idFor = (holder: Holder) => seedIds.get(idTypesOf(holder)[0] ?? 'Case');

interface Probe {
  root: Root;
  field: GraphQLField<unknown, unknown>;
  label: string;
  args: Record<string, unknown>;
}

/** B's values one leaf at a time (the others as R would send them), then all of B's at once. */
function probesOf(root: Root, field: GraphQLField<unknown, unknown>): Probe[] {
  const base = BASES[field.name]?.root === root ? BASES[field.name]!.args() : {};
  const leaves = [...leavesOf(root, field)].map((target) => ({ ...target, values: bValuesFor(root, target.path, target.leaf) }));
  const ordinary = (path: string[], leaf: Holder) => valueAt(base, path) ?? (field.name in BASES ? undefined : neighbour(path, leaf));
  const probes: Probe[] = [];
  const seen = new Set<string>();
  const add = (label: string, choose: (path: string[], leaf: Holder) => unknown) => {
    const args = buildArguments(field, choose, idFor);
    const text = JSON.stringify(args);
    if (seen.has(text)) return;
    seen.add(text);
    probes.push({ root, field, label, args });
  };
  for (const { path, values } of leaves) {
    for (const value of values) {
      const label = `${key(path)} = B's ${describeValue(value)}`;
      add(label, (at, leaf) => (key(at) === key(path) ? value : ordinary(at, leaf)));
      // The same without the optional neighbours, which may be refused first (a case of A's beside B's citizen id).
      add(`${label}, no optional neighbour`, (at, leaf) => (key(at) === key(path) ? value : isNonNullType(leaf.type) ? ordinary(at, leaf) : undefined));
    }
  }
  // node(id:) and nodes(ids:) once more with every id of B's at once.
  for (const { path, leaf, values } of leaves) if (idTypesOf(leaf).length === 0 && getNamedType(leaf.type).name === 'ID' && /ids$/.test(path.at(-1)!)) add(`${key(path)} = every id of B's`, (at, inner) => (key(at) === key(path) ? values : ordinary(at, inner)));
  add("every leaf B's", (at, leaf) => leaves.find((target) => key(target.path) === key(at))?.values[0] ?? ordinary(at, leaf));
  return probes.filter((probe) => !byDesign(probe));
}

/** Who holds a case's reference and its tracking code is meant to follow it (trackCase): that pair of B's is not a probe. */
function byDesign(probe: Probe): boolean {
  return probe.field.name === 'trackCase' && b.tracked.some((pair) => pair.reference === probe.args.reference && pair.trackingCode === probe.args.trackingCode);
}

function describeValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const id = typeof value === 'string' ? parseGlobalId(value) : null;
  return id ? `${id.typename} ${text}` : text;
}

/** Everything a root field returns, as deep as the limits allow for these arguments. */
function selectionFor(probe: Probe): string {
  const leavesOnly = new Set(['Theme', 'Service', 'Procedure', 'ProcedureStep', 'BookableResource', 'Department', 'Counter', 'Agent', 'KnowledgeArticle', 'Publication']);
  // node(id:) and nodes(ids:) are asked for the types of the ids they are given.
  const named = getNamedType(probe.field.type);
  const given = new Set((JSON.stringify(probe.args).match(/[A-Za-z0-9+/=]{16,}/g) ?? []).map((text) => parseGlobalId(text)?.typename).filter((typename) => typename !== undefined));
  const members = isAbstractType(named) ? new Set(schema.getPossibleTypes(named).map((type) => type.name).filter((name) => given.has(name))) : undefined;
  for (let depth = 6; depth > 1; depth--) {
    const selection = selectionOf(schema, named, depth, { leavesOnly, members: members?.size ? members : undefined });
    const operation = operationFor(probe.root, probe.field, probe.args, selection);
    try {
      const document = parse(operation, { maxTokens: DEFAULT_LIMITS.maxTokens });
      if (validate(schema, document, [shapeRule(DEFAULT_LIMITS)]).length > 0) continue;
      if (estimateCost(schema, document, undefined, probe.args) > DEFAULT_LIMITS.maxCost) continue;
      return selection;
    } catch {
      continue;
    }
  }
  return selectionOf(schema, getNamedType(probe.field.type), 1);
}

async function withFreshUploads(args: Record<string, unknown>): Promise<Record<string, unknown>> {
  let text = JSON.stringify(args);
  while (text.includes(FRESH_UPLOAD)) text = text.replace(FRESH_UPLOAD, await upload(people.remi.token, `remi-${Math.random().toString(36).slice(2)}.pdf`));
  return JSON.parse(text) as Record<string, unknown>;
}

interface Answer {
  status: number;
  data: Record<string, unknown> | null | undefined;
  errors: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
  variables: Record<string, unknown>;
}

async function sendAs(token: string, probe: Probe): Promise<Answer> {
  const variables = await withFreshUploads(probe.args);
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: operationFor(probe.root, probe.field, variables, selectionFor(probe)), variables }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown> | null; errors?: Answer['errors'] };
  return { status: response.status, data: body.data, errors: body.errors ?? [], variables };
}

/** Refusals a probe may get: the error codes of a typed refusal, and result types ending in Error. */
const REFUSALS = new Set(['NOT_FOUND', 'FORBIDDEN', 'BAD_USER_INPUT']);

/** What is wrong with an answer to R: B's data in it (anywhere in data; in errors unless R sent it), or an error that is no typed refusal. */
function faultsOf(label: string, answer: Pick<Answer, 'data' | 'errors' | 'variables'>): string[] {
  const faults: string[] = [];
  const data = JSON.stringify(answer.data ?? null);
  const errors = JSON.stringify(answer.errors);
  const sent = JSON.stringify(answer.variables);
  for (const token of bTokens()) {
    if (data.includes(token)) faults.push(`${label}: B's ${describeValue(token)} in data ${excerpt(data, token)}`);
    else if (errors.includes(token) && !sent.includes(token)) faults.push(`${label}: B's ${describeValue(token)} in errors ${excerpt(errors, token)}`);
  }
  for (const error of answer.errors) {
    const code = String(error.extensions?.code);
    if (!REFUSALS.has(code)) faults.push(`${label}: ${code} ${error.message} at ${JSON.stringify(error.path ?? [])}`);
  }
  // Typed errors of a result union too: another (a conflict, a transition refused) would tell the state of an object of B's.
  for (const error of resultErrorsIn(answer.data)) {
    if (!REFUSALS.has(String(error.code))) faults.push(`${label}: ${error.__typename} ${String(error.code)} ${String(error.message)}`);
  }
  return faults;
}

/** The objects of a result union's error types (`__typename` ending in Error) anywhere in data. */
function resultErrorsIn(value: unknown): { __typename: string; code?: unknown; message?: unknown }[] {
  if (Array.isArray(value)) return value.flatMap(resultErrorsIn);
  if (value === null || typeof value !== 'object') return [];
  const object = value as Record<string, unknown>;
  const own = typeof object.__typename === 'string' && object.__typename.endsWith('Error') ? [object as { __typename: string; code?: unknown; message?: unknown }] : [];
  return [...own, ...Object.values(object).flatMap(resultErrorsIn)];
}

function excerpt(text: string, token: string): string {
  const at = text.indexOf(token);
  return `…${text.slice(Math.max(0, at - 120), at + token.length + 40)}…`;
}

function httpProbes(): Probe[] {
  return rootFields(schema)
    .filter(({ root }) => root !== 'subscription')
    .flatMap(({ root, type }) => Object.values(type.getFields()).flatMap((field) => probesOf(root, field)));
}

// ---------------------------------------------------------------------------------------------

describe('R, representative of A, with B’s ids', () => {
  let answers: { probe: Probe; answer: Answer }[] = [];
  let faults: string[] = [];

  beforeAll(async () => {
    const probes = httpProbes();
    const started = Date.now();
    // Reads first, then writes: a write that went through cannot show in a read of the sweep.
    for (const root of ['query', 'mutation'] as const) {
      answers.push(...(await inPool(probes.filter((probe) => probe.root === root), async (probe) => ({ probe, answer: await sendAs(people.remi.token, probe) }), 4)));
    }
    console.info(`IDOR sweep: ${probes.length} requests in ${Date.now() - started} ms`);
    faults = answers.flatMap(({ probe, answer }) => [
      ...(answer.status >= 500 ? [`${probe.root} ${probe.field.name} ${probe.label}: HTTP ${answer.status}`] : []),
      ...faultsOf(`${probe.root} ${probe.field.name} ${probe.label}`, answer),
    ]);
  }, 60_000);

  it('sends every root query and mutation, with each of B’s ids in each argument that takes one', () => {
    const declared = new Set(rootFields(schema).flatMap(({ root, type }) => Object.values(type.getFields()).flatMap((field) => [...leavesOf(root, field)].flatMap((target) => idTypesOf(target.leaf)))));
    expect([...declared].filter((typename) => !isOwned(typename) && !NOT_A_CITIZENS.includes(typename))).toEqual([]);
    const swept = new Set(answers.map(({ probe }) => `${probe.root} ${probe.field.name}`));
    const every = rootFields(schema)
      .filter(({ root }) => root !== 'subscription')
      .flatMap(({ root, type }) => Object.keys(type.getFields()).map((name) => `${root} ${name}`));
    expect([...swept].sort()).toEqual(every.sort());
    // Every owned type and every id of B's went out in some probe.
    const sent = answers.map(({ answer }) => JSON.stringify(answer.variables)).join('\n');
    expect(OWNED.flatMap((typename) => b.ids[typename]).filter((id) => !sent.includes(id))).toEqual([]);
    expect(b.references.filter((reference) => !sent.includes(reference))).toEqual([]);
    console.info(
      `IDOR sweep: ${new Set(answers.filter(({ probe }) => probe.root === 'query').map(({ probe }) => probe.field.name)).size} queries, ${new Set(answers.filter(({ probe }) => probe.root === 'mutation').map(({ probe }) => probe.field.name)).size} mutations`,
    );
  });

  it('finds none of B’s data in any answer, and gets only typed refusals, never an internal error', () => {
    expect(listed(faults)).toEqual([]);
  });

  it('changes nothing of B’s: every row that holds one of her ids is as it was', async () => {
    const after = await snapshotOfB();
    expect([...before.keys()]).toEqual(expect.arrayContaining(['cases', 'citizens', 'messages', 'documents', 'appointments', 'mandates', 'handoffs', 'interactions', 'notes', 'case_events']));
    expect(listed(changesOf(before, after).map(({ table, sign, row }) => `${table} ${sign} ${row.slice(0, 400)}`))).toEqual([]);
  });
});

describe('subscriptions', () => {
  it('delivers R nothing of B’s case while an agent changes it, and A’s change on the same streams', { timeout: 60_000 }, async () => {
    const client: Client = createClient({ url: server.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${people.remi.token}` }, retryAttempts: 0 });
    const streams: { label: string; onB: boolean; results: { data?: unknown; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }[]; ended: boolean }[] = [];
    const subscribe = (label: string, probe: Probe, selection: string) => {
      // A stream on one of B's objects must deliver nothing; one that only starts from B's feed cursor delivers R's own events, none of B's.
      const onB = OWNED.some((typename) => b.ids[typename].some((id) => JSON.stringify(probe.args).includes(id)));
      const stream = { label, onB, results: [] as (typeof streams)[number]['results'], ended: false };
      streams.push(stream);
      client.subscribe(
        { query: operationFor('subscription', probe.field, probe.args, selection), variables: probe.args },
        {
          next: (result) => stream.results.push(result as (typeof stream.results)[number]),
          error: (error) => {
            stream.results.push({ errors: Array.isArray(error) ? error : [{ message: String(error), extensions: { code: 'CLOSED' } }] });
            stream.ended = true;
          },
          complete: () => {
            stream.ended = true;
          },
        },
      );
      return stream;
    };
    const fields = schema.getSubscriptionType()!.getFields();
    const probes = Object.values(fields).flatMap((field) => probesOf('subscription', field));
    const labels = probes.map((probe) => `${probe.field.name} ${probe.label}`);
    // At least caseUpdated(id: B's case) and caseEvents(filter: { caseId: B's case }) for each case of hers.
    for (const caseId of b.ids.Case) {
      expect(labels).toContain(`caseUpdated id = B's ${describeValue(caseId)}`);
      expect(labels).toContain(`caseEvents filter.caseId = B's ${describeValue(caseId)}`);
    }
    const selection = (field: GraphQLField<unknown, unknown>) => selectionOf(schema, getNamedType(field.type), 3, { leavesOnly: new Set(['Theme', 'Service', 'Procedure', 'Agent']) });
    try {
      for (const probe of probes) subscribe(`${probe.field.name} ${probe.label}`, probe, selection(probe.field));
      // Sanity: the same streams for A's case, and every event R may see.
      const forAnne = [
        subscribe('caseUpdated A', { root: 'subscription', field: fields.caseUpdated!, label: 'A', args: { id: a.infoCase } }, selection(fields.caseUpdated!)),
        subscribe('caseEvents A', { root: 'subscription', field: fields.caseEvents!, label: 'A', args: { filter: { caseId: a.infoCase } } }, selection(fields.caseEvents!)),
      ];
      const everything = subscribe('caseEvents', { root: 'subscription', field: fields.caseEvents!, label: 'all', args: {} }, selection(fields.caseEvents!));
      // B's cases change first, then A's: once A's change reached R, B's would have too (the
      // unfiltered stream reads them in feed order; the others were woken by the same commits).
      let pinged = 0;
      await until('the streams are live', async () => {
        if (Date.now() - pinged > 1_000) {
          pinged = Date.now();
          await sendMessage(tokens.supervisor, a.infoCase, 'Ping de mise en route.');
        }
        return forAnne.every((stream) => stream.results.some((result) => result.data)) || undefined;
      });
      for (const caseId of b.ids.Case) await sendMessage(tokens.supervisor, caseId, `${BEA.agentMessageBody} encore`);
      await ok(tokens.supervisor, gql`mutation ($id: ID!, $version: Int!) { updateCase(input: { id: $id, version: $version, subject: "Objet changé" }) { __typename } }`, {
        id: b.ids.Case[0],
        version: (await casesAsStaff([b.ids.Case[0]!]))[0]!.version,
      });
      const last = await sendMessage(tokens.supervisor, a.infoCase, 'Votre dossier avance.');
      await until('A’s change reached R', () => [...forAnne, everything].every((stream) => JSON.stringify(stream.results).includes(last)) || undefined);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const faults = streams.flatMap((stream) => [
        ...stream.results.flatMap((result) => faultsOf(`subscription ${stream.label}`, { data: result.data as Answer['data'], errors: [...(result.errors ?? [])] as Answer['errors'], variables: {} })),
        ...(stream.onB && stream.results.some((result) => result.data) ? [`subscription ${stream.label}: delivered ${JSON.stringify(stream.results).slice(0, 200)}`] : []),
      ]);
      expect(listed(faults)).toEqual([]);
      console.info(`IDOR subscriptions: ${probes.length} streams on ${Object.keys(fields).length} fields`);
    } finally {
      await client.dispose();
    }
  });
});

describe('sanity control: the same probes with A’s ids', () => {
  it('lets R do with A’s ids what the sweep refused with B’s', async () => {
    const failed: string[] = [];
    for (const [name, base] of Object.entries(BASES)) {
      if (base.root === 'subscription') continue;
      const field = (base.root === 'query' ? schema.getQueryType() : schema.getMutationType())!.getFields()[name]!;
      const answer = await sendAs(people.remi.token, { root: base.root, field, label: 'A', args: base.args() });
      const refused = answer.errors.filter((error) => (error.path ?? []).length <= 1);
      if (refused.length > 0 || !answer.data || !base.succeeded(answer.data)) failed.push(`${name}: ${JSON.stringify(answer.errors.slice(0, 2))} ${String(JSON.stringify(answer.data)).slice(0, 300)}`);
    }
    expect(listed(failed)).toEqual([]);
  });
});

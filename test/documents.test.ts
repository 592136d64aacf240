import { count, eq } from 'drizzle-orm';
import { gql } from 'graphql-request';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { caseEvents, documentContents, documents } from '../src/db/tables/index.js';
import { parseGlobalId } from '../src/domain/ids.js';
import { execute, startTestServer, type TestServer, tokenFor } from './helpers/server.js';

// Documents on cases (issue 20): attach, review, the checklist of a procedure step, download,
// removal and erasure, through the API and GET /documents/:id, on both databases.

let server: TestServer;
let origin = '';
const tokens: Record<string, string> = {};
const MARIE = '00000000-0000-4000-8000-000000000001';
const HANS = '00000000-0000-4000-8000-000000000002';
const PDF = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

beforeAll(async () => {
  server = await startTestServer();
  origin = new URL(server.url).origin;
  for (const [name, claims] of Object.entries({
    marie: { role: 'citizen', sub: MARIE },
    hans: { role: 'citizen', sub: HANS },
    first: { role: 'agent', sub: 'demo.first' },
    housing: { role: 'agent', sub: 'demo.housing' },
    energy: { role: 'agent', sub: 'demo.energy' },
    admin: { role: 'agent', sub: 'demo.admin' },
    supervisor: { role: 'agent', sub: 'demo.supervisor' },
  } as const)) {
    tokens[name] = await tokenFor(claims);
  }
});
afterAll(() => server?.close());

async function upload(token: string | undefined, bytes: Buffer, fileName = 'facture.pdf'): Promise<{ status: number; body: { uploadId?: string; error?: { code: string } } }> {
  const response = await fetch(`${origin}/documents?fileName=${encodeURIComponent(fileName)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: new Uint8Array(bytes),
  });
  return { status: response.status, body: (await response.json()) as never };
}

async function download(token: string | undefined, path: string) {
  const response = await fetch(`${origin}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

async function startPremium(token: string): Promise<string> {
  const { data, errors } = await execute<{ startProcedure: { case: { id: string } } }>(
    server.client(token),
    gql`mutation { startProcedure(input: { code: "PRIME-HABITATION-MENUISERIES", answers: {} }) { ... on StartProcedureSuccess { case { id } } } }`,
  );
  expect(errors).toBeUndefined();
  return data!.startProcedure.case.id;
}

interface ChecklistItem {
  requirement: { id: string; code: string; label: string; kind: string };
  state: string;
  stateLabel: string;
  reason: string | null;
}

async function checklist(token: string, caseId: string): Promise<ChecklistItem[]> {
  const { data, errors } = await execute<{ node: { documentChecklist: ChecklistItem[] } }>(
    server.client(token),
    gql`query ($id: ID!) { node(id: $id) { ... on Case { documentChecklist { requirement { id code label kind } state stateLabel reason } } } }`,
    { id: caseId },
  );
  expect(errors).toBeUndefined();
  return data!.node.documentChecklist;
}

const ATTACH = gql`
  mutation ($input: AttachDocumentInput!) {
    attachDocument(input: $input) {
      __typename
      ... on AttachDocumentSuccess { document { id status kind confidentiality review downloadUrl fileName contentType size } }
      ... on ValidationError { problems { path message } }
    }
  }
`;

async function attach(token: string, input: Record<string, unknown>) {
  const { data, errors } = await execute<{ attachDocument: { __typename: string; document: { id: string; downloadUrl: string; review: string; confidentiality: string } } }>(server.client(token), ATTACH, { input });
  return { result: data?.attachDocument, errors };
}

async function uploadAndAttach(token: string, caseId: string, input: Record<string, unknown> = {}, text = 'facture') {
  const uploaded = await upload(token, PDF(text));
  expect(uploaded.status).toBe(201);
  const { result, errors } = await attach(token, { uploadId: uploaded.body.uploadId, caseId, kind: 'INVOICE', ...input });
  expect(errors).toBeUndefined();
  expect(result!.__typename).toBe('AttachDocumentSuccess');
  return result!.document;
}

const REMOVE = gql`mutation ($id: ID!) { removeDocument(input: { documentId: $id }) { __typename ... on RemoveDocumentSuccess { document { status downloadUrl removedAt } } } }`;
const REVIEW = gql`
  mutation ($input: ReviewDocumentInput!) { reviewDocument(input: $input) { __typename ... on ReviewDocumentSuccess { document { review reviewReason } } } }
`;
const ADVANCE = gql`
  mutation ($input: AdvanceProcedureStepInput!) {
    advanceProcedureStep(input: $input) {
      __typename
      ... on AdvanceProcedureStepSuccess { case { procedure { code } } }
      ... on RequiredDocumentsMissingError { message requirements { code } }
    }
  }
`;

async function contentRows(documentId: string): Promise<number> {
  const [row] = await server.database.handle.db.select({ rows: count() }).from(documentContents).where(eq(documentContents.documentId, parseGlobalId(documentId)!.id));
  return row!.rows;
}

describe('documents on a procedure case', () => {
  it('move the checklist MISSING → SUBMITTED → REJECTED → ACCEPTED, and the step advances only once all are accepted', async () => {
    const caseId = await startPremium(tokens.marie!);
    const initial = await checklist(tokens.marie!, caseId);
    expect(initial.map((item) => item.state)).toEqual(['MISSING', 'MISSING', 'MISSING', 'MISSING']);
    expect(initial[0]!.stateLabel).toBe('Manquant');
    // The same requirements are public on the procedure's steps, for every step.
    const published = await execute<{ procedure: { steps: { code: string; documentRequirements: { code: string }[] }[] } }>(
      server.client(),
      gql`{ procedure(code: "PRIME-HABITATION-MENUISERIES") { steps { code documentRequirements { code } } } }`,
    );
    expect(published.data!.procedure.steps[0]!.documentRequirements.map((requirement) => requirement.code)).toEqual(initial.map((item) => item.requirement.code));
    expect(published.data!.procedure.steps[1]!.documentRequirements).toEqual([]);

    const first = initial[0]!;
    const attached = await uploadAndAttach(tokens.marie!, caseId, { requirementId: first.requirement.id, kind: first.requirement.kind });
    expect(attached).toMatchObject({ review: 'PENDING', confidentiality: 'CITIZEN_VISIBLE' });
    expect((await checklist(tokens.marie!, caseId))[0]!.state).toBe('SUBMITTED');

    const refused = await execute<{ advanceProcedureStep: { __typename: string; requirements: { code: string }[] } }>(server.client(tokens.housing), ADVANCE, { input: { caseId, stepCode: 'RECEIVED' } });
    expect(refused.data!.advanceProcedureStep.__typename).toBe('RequiredDocumentsMissingError');
    expect(refused.data!.advanceProcedureStep.requirements.map((requirement) => requirement.code)).toEqual(initial.map((item) => item.requirement.code));

    const rejected = await execute<{ reviewDocument: { document: { review: string; reviewReason: string } } }>(server.client(tokens.housing), REVIEW, {
      input: { documentId: attached.id, decision: 'REJECTED', reason: 'Facture illisible' },
    });
    expect(rejected.data!.reviewDocument.document).toEqual({ review: 'REJECTED', reviewReason: 'Facture illisible' });
    expect((await checklist(tokens.marie!, caseId))[0]).toMatchObject({ state: 'REJECTED', reason: 'Facture illisible' });

    for (const item of initial) {
      const document = await uploadAndAttach(tokens.marie!, caseId, { requirementId: item.requirement.id, kind: item.requirement.kind }, item.requirement.code);
      const accepted = await execute<{ reviewDocument: { __typename: string } }>(server.client(tokens.housing), REVIEW, { input: { documentId: document.id, decision: 'ACCEPTED' } });
      expect(accepted.data!.reviewDocument.__typename).toBe('ReviewDocumentSuccess');
    }
    expect((await checklist(tokens.marie!, caseId)).map((item) => item.state)).toEqual(['ACCEPTED', 'ACCEPTED', 'ACCEPTED', 'ACCEPTED']);
    const advanced = await execute<{ advanceProcedureStep: { __typename: string } }>(server.client(tokens.housing), ADVANCE, { input: { caseId, stepCode: 'RECEIVED' } });
    expect(advanced.data!.advanceProcedureStep.__typename).toBe('AdvanceProcedureStepSuccess');
    expect(await checklist(tokens.marie!, caseId)).toEqual([]);

    const timeline = await execute<{ node: { timeline: { edges: { node: { type: string } }[] } } }>(server.client(tokens.marie), gql`query ($id: ID!) { node(id: $id) { ... on Case { timeline(first: 50) { edges { node { type } } } } } }`, { id: caseId });
    const types = timeline.data!.node.timeline.edges.map((edge) => edge.node.type);
    expect(types.filter((type) => type === 'DOCUMENT_ATTACHED')).toHaveLength(5);
    expect(types.filter((type) => type === 'DOCUMENT_REVIEWED')).toHaveLength(5);
  });

  it('does let the owning service move on without the documents when it says why, and no one else', async () => {
    const caseId = await startPremium(tokens.marie!);
    const other = await execute<{ advanceProcedureStep: { __typename: string } }>(server.client(tokens.energy), ADVANCE, { input: { caseId, stepCode: 'RECEIVED', documentsOverrideReason: 'Reçus par courrier' } });
    expect(other.data?.advanceProcedureStep?.__typename).not.toBe('AdvanceProcedureStepSuccess');
    const moved = await execute<{ advanceProcedureStep: { __typename: string } }>(server.client(tokens.housing), ADVANCE, { input: { caseId, stepCode: 'RECEIVED', documentsOverrideReason: 'Reçus par courrier' } });
    expect(moved.data!.advanceProcedureStep.__typename).toBe('AdvanceProcedureStepSuccess');
  });
});

describe('document access', () => {
  it('does keep a citizen from attaching to or downloading another citizen’s documents, answering as for a missing one', async () => {
    const marieCase = await startPremium(tokens.marie!);
    const hansCase = await startPremium(tokens.hans!);
    const document = await uploadAndAttach(tokens.marie!, marieCase);

    const hansUpload = await upload(tokens.hans!, PDF('hans'));
    const onMarieCase = await attach(tokens.hans!, { uploadId: hansUpload.body.uploadId, caseId: marieCase, kind: 'INVOICE' });
    expect(onMarieCase.result!.__typename).toBe('NotFoundError');
    const marieUpload = await upload(tokens.marie!, PDF('marie'));
    const stolenUpload = await attach(tokens.hans!, { uploadId: marieUpload.body.uploadId, caseId: hansCase, kind: 'INVOICE' });
    expect(stolenUpload.result!.__typename).toBe('NotFoundError');

    const own = await download(tokens.marie!, document.downloadUrl);
    expect(own.status).toBe(200);
    expect(own.bytes.equals(PDF('facture'))).toBe(true);
    expect(own.headers.get('content-type')).toBe('application/pdf');
    expect(own.headers.get('content-disposition')).toContain('attachment');
    expect(own.headers.get('x-content-type-options')).toBe('nosniff');

    const missing = await download(tokens.hans!, `/documents/${encodeURIComponent(Buffer.from('Document:00000000-0000-4000-8000-00000000abcd').toString('base64'))}`);
    const others = await download(tokens.hans!, document.downloadUrl);
    const anonymous = await download(undefined, document.downloadUrl);
    expect(others.status).toBe(404);
    expect(anonymous.status).toBe(404);
    expect(others.bytes.toString()).toBe(missing.bytes.toString());
    const node = await execute<{ node: unknown }>(server.client(tokens.hans), gql`query ($id: ID!) { node(id: $id) { id } }`, { id: document.id });
    expect(node.data!.node).toBeNull();
  });

  it('does never show an INTERNAL document to the citizen: not in fields, downloads, events or a live subscription', async () => {
    const caseId = await startPremium(tokens.marie!);
    // Marie follows her case live: she gets the visible document's event, never the internal one's before it.
    const client = createClient({ url: server.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${tokens.marie}` }, retryAttempts: 0 });
    const live: { type: string; payload: string }[] = [];
    const received = new Promise<void>((resolve, reject) => {
      client.subscribe<{ caseUpdated: { type: string; payload: string } }>(
        { query: 'subscription ($id: ID!) { caseUpdated(id: $id) { type payload } }', variables: { id: caseId } },
        { next: (result) => (live.push(result.data!.caseUpdated), result.data!.caseUpdated.type === 'DOCUMENT_ATTACHED' && resolve()), error: reject, complete: () => {} },
      );
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const internal = await uploadAndAttach(tokens.housing!, caseId, { confidentiality: 'INTERNAL', kind: 'LETTER_RECEIVED' }, 'note interne');
    expect(internal.confidentiality).toBe('INTERNAL');
    const visible = await uploadAndAttach(tokens.housing!, caseId, { kind: 'LETTER_SENT' }, 'courrier');
    await received;
    await client.dispose();
    const attachedLive = live.filter((event) => event.type === 'DOCUMENT_ATTACHED');
    expect(attachedLive).toHaveLength(1);
    expect(JSON.parse(attachedLive[0]!.payload).documentId).toBe(visible.id);

    const asMarie = await execute<{ node: { documents: { edges: unknown[] }; timeline: { edges: { node: { type: string; payload: string } }[] } } }>(
      server.client(tokens.marie),
      gql`query ($id: ID!) { node(id: $id) { ... on Case { documents { edges { node { id } } } timeline(first: 50) { edges { node { type payload } } } } } }`,
      { id: caseId },
    );
    expect(asMarie.data!.node.documents.edges).toEqual([{ node: { id: visible.id } }]);
    expect(asMarie.data!.node.timeline.edges.filter((edge) => edge.node.type === 'DOCUMENT_ATTACHED')).toHaveLength(1);
    expect((await execute<{ node: unknown }>(server.client(tokens.marie), gql`query ($id: ID!) { node(id: $id) { id } }`, { id: internal.id })).data!.node).toBeNull();
    expect((await download(tokens.marie!, internal.downloadUrl)).status).toBe(404);

    const asStaff = await execute<{ node: { documents: { edges: { node: { id: string } }[] } } }>(server.client(tokens.housing), gql`query ($id: ID!) { node(id: $id) { ... on Case { documents { edges { node { id } } } } } }`, { id: caseId });
    expect(asStaff.data!.node.documents.edges.map((edge) => edge.node.id)).toEqual([internal.id, visible.id]);
    // A requirement's document is the citizen's file: never INTERNAL.
    const requirement = (await checklist(tokens.housing!, caseId))[0]!.requirement;
    const uploaded = await upload(tokens.housing!, PDF('x'));
    const refused = await attach(tokens.housing!, { uploadId: uploaded.body.uploadId, caseId, kind: 'INVOICE', confidentiality: 'INTERNAL', requirementId: requirement.id });
    expect(refused.result!.__typename).toBe('ValidationError');
  });

  it('does write an access-log row when staff download a citizen’s document, which the citizen sees', async () => {
    const caseId = await startPremium(tokens.marie!);
    const uploaded = await upload(tokens.marie!, PDF('attestation'), "l'attestation (1).pdf");
    const document = (await attach(tokens.marie!, { uploadId: uploaded.body.uploadId, caseId, kind: 'CERTIFICATE' })).result!.document;
    const read = gql`{ myAccessLog(first: 100) { totalCount edges { node { fields caseReference } } } }`;
    const before = await execute<{ myAccessLog: { totalCount: number } }>(server.client(tokens.marie), read);
    const byStaff = await download(tokens.housing!, document.downloadUrl);
    expect(byStaff.status).toBe(200);
    expect(byStaff.headers.get('content-disposition')).toBe(`attachment; filename="l'attestation (1).pdf"; filename*=UTF-8''l%27attestation%20%281%29.pdf`);
    const after = await execute<{ myAccessLog: { totalCount: number; edges: { node: { fields: string[]; caseReference: string | null } }[] } }>(server.client(tokens.marie), read);
    expect(after.data!.myAccessLog.totalCount).toBe(before.data!.myAccessLog.totalCount + 1);
    expect(after.data!.myAccessLog.edges[0]!.node.fields).toEqual(['document']);
    expect(after.data!.myAccessLog.edges[0]!.node.caseReference).toMatch(/^\d{4}-/);
  });
});

describe('who works a document', () => {
  it('does let only the owning service review and remove, not a first-line agent or supervisor', async () => {
    const caseId = await startPremium(tokens.marie!);
    const document = await uploadAndAttach(tokens.marie!, caseId);
    for (const token of [tokens.supervisor!, tokens.first!]) {
      const review = await execute<{ reviewDocument: unknown }>(server.client(token), REVIEW, { input: { documentId: document.id, decision: 'ACCEPTED' } });
      expect(review.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const removal = await execute<{ removeDocument: unknown }>(server.client(token), REMOVE, { id: document.id });
      expect(removal.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await contentRows(document.id)).toBe(1);
  });

  it('does refuse a document of another kind than the requirement asks, and reopen a case waiting for the citizen', async () => {
    const caseId = await startPremium(tokens.marie!);
    const requirement = (await checklist(tokens.marie!, caseId)).find((item) => item.requirement.code === 'PROPERTY_TITLE')!.requirement;
    const uploaded = await upload(tokens.marie!, PDF('photo'));
    const wrongKind = await attach(tokens.marie!, { uploadId: uploaded.body.uploadId, caseId, kind: 'PHOTO', requirementId: requirement.id });
    expect(wrongKind.result!.__typename).toBe('ValidationError');

    const { data: current } = await execute<{ node: { version: number } }>(server.client(tokens.housing), gql`query ($id: ID!) { node(id: $id) { ... on Case { version } } }`, { id: caseId });
    const waiting = await execute<{ transitionCase: { __typename: string } }>(
      server.client(tokens.housing),
      gql`mutation ($id: ID!, $version: Int!) { transitionCase(input: { id: $id, version: $version, to: WAITING_FOR_CITIZEN }) { __typename } }`,
      { id: caseId, version: current!.node.version },
    );
    expect(waiting.data!.transitionCase.__typename).toBe('TransitionCaseSuccess');
    await uploadAndAttach(tokens.marie!, caseId, { kind: 'PROOF_OF_OWNERSHIP', requirementId: requirement.id }, 'titre');
    const { data: after } = await execute<{ node: { status: string } }>(server.client(tokens.marie), gql`query ($id: ID!) { node(id: $id) { ... on Case { status } } }`, { id: caseId });
    expect(after!.node.status).toBe('IN_PROGRESS');
  });
});

describe('what a document came with', () => {
  it('does show the message and the contact it was sent with and who reviewed it, the contact and the reviewer to staff only', async () => {
    const caseId = await startPremium(tokens.marie!);
    const sent = await execute<{ sendMessage: { sentMessage: { id: string } } }>(
      server.client(tokens.marie),
      gql`mutation ($caseId: ID!) { sendMessage(input: { caseId: $caseId, body: "Voici la facture." }) { ... on SendMessageSuccess { sentMessage { id } } } }`,
      { caseId },
    );
    const messageId = sent.data!.sendMessage.sentMessage.id;
    const byMessage = await uploadAndAttach(tokens.marie!, caseId, { messageId });
    const contact = await execute<{ registerContact: { interaction: { id: string } } }>(
      server.client(tokens.housing),
      gql`mutation ($caseId: ID!) { registerContact(input: { caseId: $caseId, channel: LETTER, letter: { registeredMail: false }, summary: "Devis reçu par courrier" }) { ... on RegisterContactSuccess { interaction { id } } } }`,
      { caseId },
    );
    expect(contact.errors).toBeUndefined();
    const interactionId = contact.data!.registerContact.interaction.id;
    const byLetter = await uploadAndAttach(tokens.housing!, caseId, { interactionId }, 'devis');
    const review = await execute<{ reviewDocument: { __typename: string } }>(server.client(tokens.housing), REVIEW, { input: { documentId: byMessage.id, decision: 'ACCEPTED' } });
    expect(review.data!.reviewDocument.__typename).toBe('ReviewDocumentSuccess');

    const LINKS = gql`query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Document { message { id body } interaction { id channel } reviewedByKind reviewedBy { login } } } }`;
    const staff = await execute<{ nodes: unknown[] }>(server.client(tokens.housing), LINKS, { ids: [byMessage.id, byLetter.id] });
    expect(staff.errors).toBeUndefined();
    expect(staff.data!.nodes).toEqual([
      { message: { id: messageId, body: 'Voici la facture.' }, interaction: null, reviewedByKind: 'AGENT', reviewedBy: { login: 'demo.housing' } },
      { message: null, interaction: { id: interactionId, channel: 'LETTER' }, reviewedByKind: null, reviewedBy: null },
    ]);
    const citizen = await execute<{ nodes: unknown[] }>(server.client(tokens.marie), LINKS, { ids: [byMessage.id, byLetter.id] });
    expect(citizen.data!.nodes).toEqual([
      { message: { id: messageId, body: 'Voici la facture.' }, interaction: null, reviewedByKind: 'AGENT', reviewedBy: null },
      { message: null, interaction: null, reviewedByKind: null, reviewedBy: null },
    ]);
    // What a citizen may not read answers null with FORBIDDEN, even where there is nothing to show.
    expect(new Set(citizen.errors!.map((error) => `${error.path!.slice(2).join('.')} ${error.extensions!.code}`))).toEqual(new Set(['interaction FORBIDDEN', 'reviewedBy FORBIDDEN']));
  });
});

describe('removing documents', () => {

  it('does delete the content of a pending or rejected document, keep an event, and refuse an accepted one', async () => {
    const caseId = await startPremium(tokens.marie!);
    const pending = await uploadAndAttach(tokens.marie!, caseId);
    expect(await contentRows(pending.id)).toBe(1);
    const removed = await execute<{ removeDocument: { __typename: string; document: { status: string; downloadUrl: string | null } } }>(server.client(tokens.marie), REMOVE, { id: pending.id });
    expect(removed.data!.removeDocument).toMatchObject({ __typename: 'RemoveDocumentSuccess', document: { status: 'REMOVED', downloadUrl: null } });
    expect(await contentRows(pending.id)).toBe(0);
    expect((await download(tokens.marie!, pending.downloadUrl)).status).toBe(404);

    const accepted = await uploadAndAttach(tokens.marie!, caseId);
    await execute(server.client(tokens.housing), REVIEW, { input: { documentId: accepted.id, decision: 'ACCEPTED' } });
    const refused = await execute<{ removeDocument: { __typename: string } }>(server.client(tokens.marie), REMOVE, { id: accepted.id });
    expect(refused.data!.removeDocument.__typename).toBe('InvalidTransitionError');
    expect(await contentRows(accepted.id)).toBe(1);

    const timeline = await execute<{ node: { timeline: { edges: { node: { type: string } }[] } } }>(server.client(tokens.marie), gql`query ($id: ID!) { node(id: $id) { ... on Case { timeline(first: 50) { edges { node { type } } } } } }`, { id: caseId });
    expect(timeline.data!.node.timeline.edges.map((edge) => edge.node.type)).toContain('DOCUMENT_REMOVED');
  });

  it('does delete the contents of an erased citizen’s documents, and list them in myData before', async () => {
    const registered = await execute<{ registerContact: { case: { citizen: { id: string } } } }>(
      server.client(tokens.first),
      gql`mutation { registerContact(input: { channel: PHONE, phone: { line: "1718" }, themeCode: "INFORMATION.ORIENTATION", subject: "Primes", citizen: { givenName: "Léa", familyName: "Gérard" } }) { ... on RegisterContactSuccess { case { citizen { id } } } } }`,
    );
    const citizenId = registered.data!.registerContact.case.citizen.id;
    const token = await tokenFor({ role: 'citizen', sub: parseGlobalId(citizenId)!.id });
    const caseId = await startPremium(token);
    const document = await uploadAndAttach(token, caseId, {}, 'passeport');
    const removedBefore = await uploadAndAttach(token, caseId, {}, 'ancien');
    await execute(server.client(tokens.housing), REVIEW, { input: { documentId: removedBefore.id, decision: 'REJECTED', reason: 'Au nom de Léa Gérard, illisible' } });
    await execute(server.client(token), REMOVE, { id: removedBefore.id });
    await execute(server.client(tokens.housing), ADVANCE, { input: { caseId, stepCode: 'RECEIVED', documentsOverrideReason: 'Mme Léa Gérard a remis les originaux' } });
    const exported = await execute<{ myData: string }>(server.client(token), gql`{ myData }`);
    const listed = (JSON.parse(exported.data!.myData) as { documents: { fileName: string; downloadUrl: string }[] }).documents;
    expect(listed).toContainEqual(expect.objectContaining({ fileName: 'facture.pdf', downloadUrl: document.downloadUrl }));

    const erased = await execute<{ anonymizeCitizen: { __typename: string } }>(server.client(tokens.admin), gql`mutation ($id: ID!) { anonymizeCitizen(input: { id: $id }) { __typename } }`, { id: citizenId });
    expect(erased.data!.anonymizeCitizen.__typename).toBe('AnonymizeCitizenSuccess');
    expect(await contentRows(document.id)).toBe(0);
    const [row] = await server.database.handle.db.select({ status: documents.status, fileName: documents.fileName }).from(documents).where(eq(documents.id, parseGlobalId(document.id)!.id));
    expect(row).toEqual({ status: 'REMOVED', fileName: 'erased' });
    const [before] = await server.database.handle.db.select({ fileName: documents.fileName, reviewReason: documents.reviewReason }).from(documents).where(eq(documents.id, parseGlobalId(removedBefore.id)!.id));
    expect(before).toEqual({ fileName: 'erased', reviewReason: null });
    const events = await server.database.handle.db.select({ payload: caseEvents.payload }).from(caseEvents).where(eq(caseEvents.caseId, parseGlobalId(caseId)!.id));
    const text = JSON.stringify(events);
    expect(text).not.toContain('Gérard');
    expect(text).not.toContain('facture.pdf');
  });
});

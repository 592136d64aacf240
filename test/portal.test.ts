import { sql } from 'drizzle-orm';
import { gql } from 'graphql-request';
import { selectRows } from '../src/db/client.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execute, startTestServer, type TestServer, tokenFor } from './helpers/server.js';

const MARIE = '00000000-0000-4000-8000-000000000001';
const HANS = '00000000-0000-4000-8000-000000000002';

let server: TestServer;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  server = await startTestServer();
  tokens.marie = await tokenFor({ role: 'citizen', sub: MARIE });
  tokens.hans = await tokenFor({ role: 'citizen', sub: HANS });
  tokens.housing = await tokenFor({ role: 'agent', sub: 'demo.housing' });
  tokens.energy = await tokenFor({ role: 'agent', sub: 'demo.energy' });
});
afterAll(() => server?.close());

const START = gql`
  mutation ($input: StartProcedureInput!) {
    startProcedure(input: $input) {
      __typename
      ... on StartProcedureSuccess { trackingCode case { id reference status originChannel procedure { code } } }
      ... on ValidationError { problems { path message } }
    }
  }
`;
const ADVANCE = gql`
  mutation ($input: AdvanceProcedureStepInput!) {
    advanceProcedureStep(input: $input) { __typename ... on AdvanceProcedureStepSuccess { case { procedureStep { code } } } ... on ValidationError { problems { message } } }
  }
`;
const SEND = gql`mutation ($input: SendMessageInput!) { sendMessage(input: $input) { __typename ... on SendMessageSuccess { case { status } } } }`;
const PROGRESS = gql`
  query ($id: ID!, $language: Language) {
    case(id: $id) {
      statusLabel(language: $language)
      dueAt
      procedureProgress { state stateLabel(language: $language) reachedAt step { code label(language: $language) } }
      messages { edges { node { author authorName body } } }
      timeline(first: 50) { edges { node { type visibility label(language: $language) } } }
    }
  }
`;

type Progress = {
  statusLabel: string;
  dueAt: string | null;
  procedureProgress: { state: string; stateLabel: string; reachedAt: string | null; step: { code: string; label: string } }[];
  messages: { edges: { node: { author: string; authorName: string | null; body: string } }[] };
  timeline: { edges: { node: { type: string; visibility: string; label: string } }[] };
};

async function start(token: string, code = 'PRIME-HABITATION-ISOLATION') {
  const { data, errors } = await execute<{ startProcedure: { __typename: string; trackingCode: string; case: { id: string; reference: string; status: string; originChannel: string; procedure: { code: string } } } }>(
    server.client(token),
    START,
    { input: { code, answers: { surface: 120, isolant: 'laine de roche' } } },
  );
  expect(errors).toBeUndefined();
  return data!.startProcedure;
}

describe('the citizen portal', () => {
  it('does take the answers as a JSON object, inline or in a variable, and keep them as sent', async () => {
    const started = await start(tokens.marie!);
    expect(started.__typename).toBe('StartProcedureSuccess');
    const inline = await execute<{ startProcedure: { __typename: string } }>(
      server.client(tokens.marie!),
      gql`mutation { startProcedure(input: { code: "PRIME-HABITATION-ISOLATION", answers: { surface: 42.5, isolant: "liège", finTravaux: "2026-03-02", remarque: ["libre"] } }) { __typename } }`,
    );
    expect(inline.errors).toBeUndefined();
    expect(inline.data!.startProcedure.__typename).toBe('StartProcedureSuccess');
    const [stored] = await selectRows<{ answers: unknown }>(
      server.database.handle.db,
      sql`select s.answers from online_submissions s join interactions i on i.id = s.interaction_id join cases c on c.id = i.case_id
          where c.reference = ${started.case.reference}`,
    );
    expect(stored!.answers).toEqual({ surface: 120, isolant: 'laine de roche' });
  });

  it('does refuse answers that are not a JSON object as a ValidationError on input.answers', async () => {
    for (const answers of ['{"surface": 120, "isolant": "laine"}', [1, 2], 120, null]) {
      const { data, errors } = await execute<{ startProcedure: { __typename: string; problems: { path: string[]; message: string }[] } }>(
        server.client(tokens.marie!),
        START,
        { input: { code: 'PRIME-HABITATION-ISOLATION', answers } },
      );
      if (answers === null) {
        // A non-null argument given null is refused by GraphQL itself, before the resolver.
        expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        continue;
      }
      expect(errors).toBeUndefined();
      expect(data!.startProcedure).toEqual({ __typename: 'ValidationError', problems: [{ path: ['input', 'answers'], message: expect.stringMatching(/JSON object/) }] });
    }
  });

  it('does check the answers against the procedure’s form, one problem per answer, and take any object without a form', async () => {
    const form = await execute<{ procedure: { form: { name: string; type: string; required: boolean }[] | null } }>(
      server.client(),
      gql`{ procedure(code: "PRIME-HABITATION-ISOLATION") { form { name type required } } }`,
    );
    expect(form.errors).toBeUndefined();
    expect(form.data!.procedure.form).toEqual([
      { name: 'surface', type: 'NUMBER', required: true },
      { name: 'isolant', type: 'TEXT', required: true },
      { name: 'finTravaux', type: 'DATE', required: false },
    ]);
    const { data } = await execute<{ startProcedure: { __typename: string; problems: { path: string[]; message: string }[] } }>(server.client(tokens.marie!), START, {
      input: { code: 'PRIME-HABITATION-ISOLATION', answers: { surface: '120', finTravaux: '2026-02-30' } },
    });
    expect(data!.startProcedure).toEqual({
      __typename: 'ValidationError',
      problems: [
        { path: ['input', 'answers', 'surface'], message: 'Must be a number.' },
        { path: ['input', 'answers', 'isolant'], message: 'Required: a text that is not empty.' },
        { path: ['input', 'answers', 'finTravaux'], message: 'Must be a day that exists, as YYYY-MM-DD.' },
      ],
    });
    const withoutForm = await execute<{ procedure: { form: unknown } }>(server.client(), gql`{ procedure(code: "ALLOCATION-LOYER") { form { name } } }`);
    expect(withoutForm.data!.procedure.form).toBeNull();
    const free = await execute<{ startProcedure: { __typename: string } }>(server.client(tokens.marie!), START, { input: { code: 'ALLOCATION-LOYER', answers: { quoi: 'que ce soit' } } });
    expect(free.data!.startProcedure.__typename).toBe('StartProcedureSuccess');
  });

  it('does refuse answers with a NUL written as a JSON escape as a ValidationError on input.answers', async () => {
    const { data, errors } = await execute<{ startProcedure: { __typename: string; problems: { path: string[]; message: string }[] } }>(
      server.client(tokens.marie!),
      START,
      { input: { code: 'PRIME-HABITATION-ISOLATION', answers: { surface: 1, isolant: 'laine\u0000de roche' } } },
    );
    expect(errors).toBeUndefined();
    expect(data?.startProcedure.__typename).toBe('ValidationError');
    expect(data?.startProcedure.problems).toEqual([{ path: ['input', 'answers'], message: expect.stringMatching(/NUL/) }]);
  });

  it('follows a procedure started online, advanced twice by the back office, with a message, in the citizen’s language', async () => {
    const started = await start(tokens.marie!);
    expect(started.__typename).toBe('StartProcedureSuccess');
    expect(started.trackingCode).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    expect(started.case).toMatchObject({ status: 'NEW', originChannel: 'ONLINE_PROCEDURE', procedure: { code: 'PRIME-HABITATION-ISOLATION' } });
    const caseId = started.case.id;

    // The first step needs documents (test/documents.test.ts follows them): the service moves on with a reason.
    for (const input of [{ stepCode: 'RECEIVED', documentsOverrideReason: 'Documents reçus par courrier' }, { stepCode: 'ADMISSIBILITY_CHECK' }]) {
      const { data } = await execute<{ advanceProcedureStep: { __typename: string } }>(server.client(tokens.housing), ADVANCE, { input: { caseId, ...input } });
      expect(data?.advanceProcedureStep.__typename).toBe('AdvanceProcedureStepSuccess');
    }
    const sent = await execute<{ sendMessage: { __typename: string } }>(server.client(tokens.housing), SEND, {
      input: { caseId, body: 'Merci, votre dossier est complet. Nous l’examinons.' },
    });
    expect(sent.data?.sendMessage.__typename).toBe('SendMessageSuccess');
    // An INTERNAL event too, which the citizen's timeline must leave out.
    const note = await execute<{ addNote: { __typename: string } }>(server.client(tokens.housing), gql`mutation ($input: AddNoteInput!) { addNote(input: $input) { __typename } }`, {
      input: { caseId, body: 'Dossier complet, à instruire.' },
    });
    expect(note.data?.addNote.__typename).toBe('AddNoteSuccess');

    const french = await execute<{ case: Progress }>(server.client(tokens.marie), PROGRESS, { id: caseId });
    expect(french.errors).toBeUndefined();
    const progress = french.data!.case.procedureProgress;
    expect(progress.map((entry) => entry.state)).toEqual(['DONE', 'DONE', 'CURRENT', 'PENDING', 'PENDING', 'PENDING']);
    expect(progress.slice(0, 3).every((entry) => entry.reachedAt !== null)).toBe(true);
    expect(progress.slice(3).every((entry) => entry.reachedAt === null)).toBe(true);
    expect(french.data!.case.messages.edges.map((edge) => edge.node)).toEqual([{ author: 'ADMINISTRATION', authorName: 'Nathalie', body: 'Merci, votre dossier est complet. Nous l’examinons.' }]);
    expect(french.data!.case.dueAt).not.toBeNull();
    const events = french.data!.case.timeline.edges.map((edge) => edge.node);
    expect(events.filter((event) => event.visibility !== 'CITIZEN')).toEqual([]);
    expect(events.map((event) => event.type)).toEqual(['CASE_CREATED', 'INTERACTION_ADDED', 'PROCEDURE_STEP_CHANGED', 'PROCEDURE_STEP_CHANGED', 'MESSAGE_SENT']);

    const german = await execute<{ case: Progress }>(server.client(tokens.marie), PROGRESS, { id: caseId, language: 'DE' });
    expect(german.data!.case.statusLabel).toBe('Neu');
    expect(german.data!.case.procedureProgress[2]!.stateLabel).toBe('In Bearbeitung');
    expect(german.data!.case.procedureProgress.map((entry) => entry.step.label)).not.toEqual(progress.map((entry) => entry.step.label));
    expect(german.data!.case.timeline.edges[0]!.node.label).toBe('Akte eröffnet');
  });

  it('labels in the citizen’s preferred language when none is asked', async () => {
    const started = await start(tokens.hans!);
    const { data } = await execute<{ case: Progress }>(server.client(tokens.hans), PROGRESS, { id: started.case.id });
    expect(data!.case.statusLabel).toBe('Neu');
  });

  it('refuses steps out of order and steps moved by another service', async () => {
    const started = await start(tokens.marie!);
    const skipping = await execute<{ advanceProcedureStep: { __typename: string } }>(server.client(tokens.housing), ADVANCE, {
      input: { caseId: started.case.id, stepCode: 'DECISION' },
    });
    expect(skipping.data?.advanceProcedureStep.__typename).toBe('ValidationError');
    const foreign = await execute(server.client(tokens.energy), ADVANCE, { input: { caseId: started.case.id, stepCode: 'RECEIVED' } });
    expect(foreign.data ?? null).toMatchObject({ advanceProcedureStep: { __typename: 'NotFoundError' } });
  });

  it('lists a citizen’s own cases in myCases, never another citizen’s', async () => {
    const started = await start(tokens.marie!);
    const { data } = await execute<{ myCases: { edges: { node: { id: string; citizen: { id: string } } }[] } }>(
      server.client(tokens.marie),
      gql`{ myCases(first: 100) { edges { node { id citizen { id } } } } }`,
    );
    const ids = data!.myCases.edges.map((edge) => edge.node.id);
    expect(ids).toContain(started.case.id);
    expect(new Set(data!.myCases.edges.map((edge) => edge.node.citizen.id)).size).toBe(1);
    const hans = await execute<{ case: unknown }>(server.client(tokens.hans), gql`query ($id: ID!) { case(id: $id) { id } }`, { id: started.case.id });
    expect(hans.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('puts a case waiting for the citizen back in progress when the citizen answers', async () => {
    const started = await start(tokens.marie!);
    const { data: read } = await execute<{ case: { version: number } }>(server.client(tokens.housing), gql`query ($id: ID!) { case(id: $id) { version } }`, { id: started.case.id });
    const moved = await execute<{ transitionCase: { __typename: string } }>(
      server.client(tokens.housing),
      gql`mutation ($input: TransitionCaseInput!) { transitionCase(input: $input) { __typename } }`,
      { input: { id: started.case.id, version: read!.case.version, to: 'WAITING_FOR_CITIZEN' } },
    );
    expect(moved.data?.transitionCase.__typename).toBe('TransitionCaseSuccess');
    const answered = await execute<{ sendMessage: { case: { status: string } } }>(server.client(tokens.marie), SEND, {
      input: { caseId: started.case.id, body: 'Voici la facture demandée.' },
    });
    expect(answered.data?.sendMessage.case.status).toBe('IN_PROGRESS');
  });
});

describe('who consulted my file', () => {
  it('shows the citizen the service and time of an agent’s look-up of their national number, never the agent', async () => {
    const first = await tokenFor({ role: 'agent', sub: 'demo.first' });
    const before = await execute<{ myAccessLog: { edges: unknown[] } }>(server.client(tokens.hans), gql`{ myAccessLog(first: 100) { edges { cursor } } }`);
    const lookedUp = await execute(server.client(first), gql`query ($id: ID!) { node(id: $id) { ... on Citizen { nationalNumber } } }`, {
      id: Buffer.from(`Citizen:${HANS}`).toString('base64'),
    });
    expect(lookedUp.errors).toBeUndefined();
    const { data, errors } = await execute<{ myAccessLog: { edges: { node: { occurredAt: string; fields: string[]; service: { code: string } } }[] } }>(
      server.client(tokens.hans),
      gql`{ myAccessLog(first: 100) { edges { node { occurredAt fields service { code } } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data!.myAccessLog.edges.length).toBe(before.data!.myAccessLog.edges.length + 1);
    const [latest] = data!.myAccessLog.edges;
    expect(latest!.node).toMatchObject({ fields: ['nationalNumber'], service: { code: 'SG-1718' } });
    expect(Date.now() - Date.parse(latest!.node.occurredAt)).toBeLessThan(60_000);
    const asAgent = await execute(server.client(first), gql`{ myAccessLog(first: 5) { edges { cursor } } }`);
    expect(asAgent.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

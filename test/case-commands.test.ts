import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { gql } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '../src/db/client.js';
import { execute, startTestServer, type TestServer, tokenFor } from './helpers/server.js';

// Acceptance of the case commands (openCase, updateCase, transitionCase, assignCase, addNote)
// through the public GraphQL API.

let server: TestServer;
let firstLineToken: string;
beforeAll(async () => {
  server = await startTestServer();
  firstLineToken = await tokenFor({ role: 'agent', sub: 'demo.first' });
});
afterAll(() => server?.close());

const TRACKING_CODE = /^[A-Z2-9]{5}-[A-Z2-9]{5}$/;
const REFERENCE = /^1718-\d{4}-\d{6}$/;

const CASE_FIELDS = `
  id
  reference
  subject
  description
  status
  resolution
  resolvedAt
  closedAt
  priority
  version
  originChannel
  currentLine
  service { code }
  theme { code }
  referent { login }
  assignee { id login }
`;

const ERROR_SELECTIONS = {
  ValidationError: '... on ValidationError { code message problems { path message } }',
  NotFoundError: '... on NotFoundError { code message entity }',
  ConflictError: '... on ConflictError { code message currentVersion }',
  InvalidTransitionError: '... on InvalidTransitionError { code message from to allowed }',
};
/** The selections of the typed errors a result union has (a fragment on any other is invalid). */
const errors = (...names: (keyof typeof ERROR_SELECTIONS)[]) => names.map((name) => ERROR_SELECTIONS[name]).join('\n');

const OPEN = gql`
  mutation Open($input: OpenCaseInput!) {
    openCase(input: $input) {
      __typename
      ... on OpenCaseSuccess { trackingCode case { ${CASE_FIELDS} } }
      ${errors('ValidationError', 'NotFoundError')}
    }
  }
`;
const UPDATE = gql`
  mutation Update($input: UpdateCaseInput!) {
    updateCase(input: $input) { __typename ... on UpdateCaseSuccess { case { ${CASE_FIELDS} } } ${errors('ValidationError', 'NotFoundError', 'ConflictError')} }
  }
`;
const TRANSITION = gql`
  mutation Transition($input: TransitionCaseInput!) {
    transitionCase(input: $input) {
      __typename
      ... on TransitionCaseSuccess { case { ${CASE_FIELDS} } }
      ${errors('ValidationError', 'NotFoundError', 'ConflictError', 'InvalidTransitionError')}
    }
  }
`;
const ASSIGN = gql`
  mutation Assign($input: AssignCaseInput!) {
    assignCase(input: $input) { __typename ... on AssignCaseSuccess { case { ${CASE_FIELDS} } } ${errors('ValidationError', 'NotFoundError', 'ConflictError')} }
  }
`;
const ADD_NOTE = gql`
  mutation AddNote($input: AddNoteInput!) {
    addNote(input: $input) {
      __typename
      ... on AddNoteSuccess { note { id body author { login } createdAt } case { ${CASE_FIELDS} } }
      ${errors('ValidationError', 'NotFoundError')}
    }
  }
`;
const CASE = gql`
  query Case($id: ID!) {
    case(id: $id) {
      ${CASE_FIELDS}
      notes(first: 100) { edges { node { id body author { login } } } }
      timeline(first: 50) { edges { node { cursor type visibility actorAgent { login } payload } } }
    }
  }
`;

interface CaseView {
  id: string;
  reference: string;
  subject: string;
  description: string | null;
  status: string;
  resolution: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  priority: string;
  version: number;
  originChannel: string;
  currentLine: string;
  service: { code: string };
  theme: { code: string };
  referent: { login: string } | null;
  assignee: { id: string; login: string } | null;
}
interface Problem {
  path: string[];
  message: string;
}
type Result =
  | { __typename: 'OpenCaseSuccess'; trackingCode: string; case: CaseView }
  | { __typename: 'UpdateCaseSuccess'; case: CaseView }
  | { __typename: 'TransitionCaseSuccess'; case: CaseView }
  | { __typename: 'AssignCaseSuccess'; case: CaseView }
  | { __typename: 'AddNoteSuccess'; note: { id: string; body: string; author: { login: string } | null; createdAt: string }; case: CaseView }
  | { __typename: 'ValidationError'; code: string; message: string; problems: Problem[] }
  | { __typename: 'NotFoundError'; code: string; message: string; entity: string }
  | { __typename: 'ConflictError'; code: string; message: string; currentVersion: number | null }
  | { __typename: 'InvalidTransitionError'; code: string; message: string; from: string; to: string; allowed: string[] };
type Of<T extends Result['__typename']> = Extract<Result, { __typename: T }>;

async function run(mutation: string, field: string, input: Record<string, unknown>, token = firstLineToken): Promise<Result> {
  const { data, errors } = await execute<Record<string, Result>>(server.client(token), mutation, { input });
  expect(errors).toBeUndefined();
  return data![field]!;
}

function expectType<T extends Result['__typename']>(result: Result, typename: T): Of<T> {
  expect(result, JSON.stringify(result)).toMatchObject({ __typename: typename });
  return result as Of<T>;
}

const open = async (input: Record<string, unknown> = {}, token = firstLineToken) =>
  run(OPEN, 'openCase', { themeCode: 'ENERGY', subject: 'Question sur le tarif social', originChannel: 'PHONE', ...input }, token);
const opened = async (input: Record<string, unknown> = {}) => expectType(await open(input), 'OpenCaseSuccess');
const update = (input: Record<string, unknown>, token = firstLineToken) => run(UPDATE, 'updateCase', input, token);
const transition = (input: Record<string, unknown>, token = firstLineToken) => run(TRANSITION, 'transitionCase', input, token);
const assign = (input: Record<string, unknown>, token = firstLineToken) => run(ASSIGN, 'assignCase', input, token);
const addNote = (input: Record<string, unknown>, token = firstLineToken) => run(ADD_NOTE, 'addNote', input, token);

interface CaseRead extends CaseView {
  notes: { edges: { node: { id: string; body: string; author: { login: string } | null } }[] };
  timeline: { edges: { node: { cursor: string; type: string; visibility: string; actorAgent: { login: string } | null; payload: string } }[] };
}

async function read(id: string) {
  const { data, errors } = await execute<{ case: CaseRead | null }>(server.client(firstLineToken), CASE, { id });
  expect(errors).toBeUndefined();
  expect(data?.case).not.toBeNull();
  const found = data!.case!;
  return { ...found, events: found.timeline.edges.map((edge) => ({ ...edge.node, payload: JSON.parse(edge.node.payload) as Record<string, unknown> })) };
}

async function count(query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await selectRows<{ n: number }>(server.database.handle.db, query);
  return Number(row!.n);
}

/** What a refused command must leave as it was: the case row and its events. */
async function stateOf(reference: string) {
  const [row] = await selectRows<Record<string, unknown>>(
    server.database.handle.db,
    sql`select subject, status, resolution, version, assignee_agent_id, updated_at from cases where reference = ${reference}`,
  );
  return {
    row: JSON.stringify(row),
    events: await count(sql`select count(*)::int as n from case_events where case_id = (select id from cases where reference = ${reference})`),
    notes: await count(sql`select count(*)::int as n from notes where case_id = (select id from cases where reference = ${reference})`),
  };
}

/** A well-formed global id of a case that does not exist. */
function unknownCaseId(knownCaseId: string): string {
  expect(Buffer.from(knownCaseId, 'base64').toString('utf8')).toMatch(/^Case:[0-9a-f-]{36}$/);
  return Buffer.from(`Case:${randomUUID()}`).toString('base64');
}

async function agentId(serviceCode: string, login: string): Promise<string> {
  const { data, errors } = await execute<{ agents: { edges: { node: { id: string; login: string } }[] } }>(
    server.client(firstLineToken),
    gql`query ($serviceCode: String) { agents(serviceCode: $serviceCode, first: 100) { edges { node { id login } } } }`,
    { serviceCode },
  );
  expect(errors).toBeUndefined();
  const agent = data!.agents.edges.find((edge) => edge.node.login === login);
  expect(agent).toBeDefined();
  return agent!.node.id;
}

describe('openCase', () => {
  it('opens a NEW case at the first line with a tracking code when demo.first opens one, the opener being the referent', async () => {
    const result = await opened({ description: 'Appel de suivi prévu.', priority: 'HIGH' });
    expect(result.trackingCode).toMatch(TRACKING_CODE);
    expect(result.case.reference).toMatch(REFERENCE);
    expect(result.case).toMatchObject({
      subject: 'Question sur le tarif social',
      description: 'Appel de suivi prévu.',
      status: 'NEW',
      resolution: null,
      priority: 'HIGH',
      version: 1,
      originChannel: 'PHONE',
      currentLine: 'FIRST',
      service: { code: 'SG-1718' },
      theme: { code: 'ENERGY' },
      referent: { login: 'demo.first' },
    });
    const found = await read(result.case.id);
    expect(found.events.map((event) => event.type)).toEqual(['CASE_CREATED']);
    expect(found.events[0]!.payload).toMatchObject({ reference: result.case.reference, themeCode: 'ENERGY' });
  });

  it('names the given agent as referent when referentId is given', async () => {
    const energy = await agentId('TLPE-ENERGY', 'demo.energy');
    const result = await opened({ referentId: energy });
    expect(result.case.referent?.login).toBe('demo.energy');
  });

  it('gives 20 distinct references and tracking codes when 20 cases are opened at once (a race on Postgres; on PGlite one connection takes turns)', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, index) => open({ subject: `Ouverture simultanée ${index}` })));
    const cases = results.map((result) => expectType(result, 'OpenCaseSuccess'));
    const references = cases.map((result) => result.case.reference);
    expect(references.every((reference) => REFERENCE.test(reference))).toBe(true);
    expect(new Set(references).size).toBe(20);
    expect(new Set(cases.map((result) => result.trackingCode)).size).toBe(20);
    expect(await count(sql`select count(*)::int as n from cases where subject like 'Ouverture simultanée %'`)).toBe(20);
  });

  it('returns ValidationError on themeCode when the first line opens a personal tax file case, and opens nothing', async () => {
    const before = await count(sql`select count(*)::int as n from cases`);
    const result = expectType(await open({ themeCode: 'TAXATION.PERSONAL_FILE' }), 'ValidationError');
    expect(result.problems.map((problem) => problem.path)).toContainEqual(['input', 'themeCode']);
    const empty = expectType(await open({ subject: '   ' }), 'ValidationError');
    expect(empty.problems.map((problem) => problem.path)).toContainEqual(['input', 'subject']);
    expect(await count(sql`select count(*)::int as n from cases`)).toBe(before);
  });

  it('refuses a citizen with FORBIDDEN and no data', async () => {
    const citizenToken = await tokenFor({ role: 'citizen', sub: '00000000-0000-4000-8000-000000000001' });
    const before = await count(sql`select count(*)::int as n from cases`);
    const { data, errors } = await execute<{ openCase: Result | null }>(server.client(citizenToken), OPEN, {
      input: { themeCode: 'ENERGY', subject: 'Je veux ouvrir un dossier', originChannel: 'PHONE' },
    });
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(data?.openCase ?? null).toBeNull();
    expect(await count(sql`select count(*)::int as n from cases`)).toBe(before);
  });
});

describe('updateCase', () => {
  it('changes the subject, increments the version and writes an internal CASE_UPDATED event when the version is current', async () => {
    const { case: created } = await opened();
    const result = expectType(await update({ id: created.id, version: created.version, subject: 'Tarif social : preuve de revenus' }), 'UpdateCaseSuccess');
    expect(result.case.subject).toBe('Tarif social : preuve de revenus');
    expect(result.case.version).toBe(created.version + 1);
    const found = await read(created.id);
    expect(found.subject).toBe('Tarif social : preuve de revenus');
    expect(found.version).toBe(created.version + 1);
    expect(found.events.map((event) => event.type)).toEqual(['CASE_CREATED', 'CASE_UPDATED']);
    expect(found.events[1]).toMatchObject({ visibility: 'INTERNAL', actorAgent: { login: 'demo.first' }, payload: { fields: ['subject'] } });
  });

  it('returns ConflictError with the current version and changes nothing when the version is stale', async () => {
    const { case: created } = await opened();
    expectType(await update({ id: created.id, version: created.version, priority: 'URGENT' }), 'UpdateCaseSuccess');
    const before = await stateOf(created.reference);
    const result = expectType(await update({ id: created.id, version: created.version, subject: 'Écrasement' }), 'ConflictError');
    expect(result.code).toBe('CONFLICT');
    expect(result.currentVersion).toBe(created.version + 1);
    expect(await stateOf(created.reference)).toEqual(before);
    const found = await read(created.id);
    expect(found.subject).toBe('Question sur le tarif social');
    expect(found.version).toBe(created.version + 1);
  });

  it('returns ValidationError and changes nothing when the subject is emptied or nothing is changed', async () => {
    const { case: created } = await opened();
    const before = await stateOf(created.reference);
    const empty = expectType(await update({ id: created.id, version: created.version, subject: ' ' }), 'ValidationError');
    expect(empty.problems.map((problem) => problem.path)).toContainEqual(['input', 'subject']);
    expectType(await update({ id: created.id, version: created.version }), 'ValidationError');
    expect(await stateOf(created.reference)).toEqual(before);
  });

  it('returns the same NotFoundError for a missing case and for a case the agent may not read', async () => {
    const { case: created } = await opened();
    const housingToken = await tokenFor({ role: 'agent', sub: 'demo.housing' });
    const before = await stateOf(created.reference);
    const hidden = expectType(await update({ id: created.id, version: created.version, subject: 'Sondage' }, housingToken), 'NotFoundError');
    const missing = expectType(await update({ id: unknownCaseId(created.id), version: 1, subject: 'Sondage' }, housingToken), 'NotFoundError');
    expect(hidden).toMatchObject({ code: 'NOT_FOUND', entity: 'Case' });
    expect(hidden).toEqual(missing);
    expect(await stateOf(created.reference)).toEqual(before);
  });
});

describe('transitionCase', () => {
  it('moves NEW → IN_PROGRESS → WAITING_FOR_CITIZEN → IN_PROGRESS → RESOLVED → CLOSED, each move a STATUS_CHANGED event', async () => {
    const { case: created } = await opened();
    const moves: { to: string; resolution?: string }[] = [
      { to: 'IN_PROGRESS' },
      { to: 'WAITING_FOR_CITIZEN' },
      { to: 'IN_PROGRESS' },
      { to: 'RESOLVED', resolution: 'ORIENTED_TO_SERVICE' },
      { to: 'CLOSED' },
    ];
    let current = created;
    for (const move of moves) {
      const result = expectType(await transition({ id: current.id, version: current.version, ...move }), 'TransitionCaseSuccess');
      expect(result.case.status).toBe(move.to);
      expect(result.case.version).toBe(current.version + 1);
      current = result.case;
    }
    expect(current).toMatchObject({ status: 'CLOSED', resolution: 'ORIENTED_TO_SERVICE', version: created.version + 5 });
    expect(current.resolvedAt).not.toBeNull();
    expect(current.closedAt).not.toBeNull();

    const found = await read(created.id);
    expect(found.events.map((event) => event.type)).toEqual(['CASE_CREATED', ...moves.map(() => 'STATUS_CHANGED')]);
    expect(found.events.slice(1).map((event) => event.payload)).toEqual([
      { from: 'NEW', to: 'IN_PROGRESS' },
      { from: 'IN_PROGRESS', to: 'WAITING_FOR_CITIZEN' },
      { from: 'WAITING_FOR_CITIZEN', to: 'IN_PROGRESS' },
      { from: 'IN_PROGRESS', to: 'RESOLVED', resolution: 'ORIENTED_TO_SERVICE' },
      { from: 'RESOLVED', to: 'CLOSED' },
    ]);
    expect(found.events.slice(1).every((event) => event.visibility === 'CITIZEN')).toBe(true);
    const cursors = found.events.map((event) => BigInt(event.cursor));
    for (let index = 1; index < cursors.length; index++) expect(cursors[index]! > cursors[index - 1]!).toBe(true);
  });

  it('returns InvalidTransitionError listing the allowed statuses and writes nothing when a NEW case is closed', async () => {
    const { case: created } = await opened();
    const before = await stateOf(created.reference);
    const result = expectType(await transition({ id: created.id, version: created.version, to: 'CLOSED' }), 'InvalidTransitionError');
    expect(result).toMatchObject({ from: 'NEW', to: 'CLOSED' });
    expect([...result.allowed].sort()).toEqual(['CANCELLED', 'IN_PROGRESS', 'RESOLVED', 'WAITING_FOR_CITIZEN']);
    expect(await stateOf(created.reference)).toEqual(before);
  });

  it('returns InvalidTransitionError when a case is moved to HANDED_OFF directly', async () => {
    const { case: created } = await opened();
    const before = await stateOf(created.reference);
    const result = expectType(await transition({ id: created.id, version: created.version, to: 'HANDED_OFF' }), 'InvalidTransitionError');
    expect(result.allowed).not.toContain('HANDED_OFF');
    expect(await stateOf(created.reference)).toEqual(before);
  });

  it('returns InvalidTransitionError with nothing allowed and writes nothing when a CLOSED case is reopened', async () => {
    const { case: created } = await opened();
    const resolved = expectType(await transition({ id: created.id, version: created.version, to: 'RESOLVED', resolution: 'ANSWERED' }), 'TransitionCaseSuccess');
    const closed = expectType(await transition({ id: created.id, version: resolved.case.version, to: 'CLOSED' }), 'TransitionCaseSuccess');
    const before = await stateOf(created.reference);
    const result = expectType(await transition({ id: created.id, version: closed.case.version, to: 'IN_PROGRESS' }), 'InvalidTransitionError');
    expect(result).toMatchObject({ from: 'CLOSED', to: 'IN_PROGRESS', allowed: [] });
    expect(await stateOf(created.reference)).toEqual(before);
  });

  it('returns ValidationError on input.resolution and writes nothing when RESOLVED comes without a resolution, or a resolution with another status', async () => {
    const { case: created } = await opened();
    const before = await stateOf(created.reference);
    const missing = expectType(await transition({ id: created.id, version: created.version, to: 'RESOLVED' }), 'ValidationError');
    expect(missing.problems.map((problem) => problem.path)).toEqual([['input', 'resolution']]);
    const unexpected = expectType(await transition({ id: created.id, version: created.version, to: 'IN_PROGRESS', resolution: 'ANSWERED' }), 'ValidationError');
    expect(unexpected.problems.map((problem) => problem.path)).toEqual([['input', 'resolution']]);
    expect(await stateOf(created.reference)).toEqual(before);
  });

  it('clears the resolution when a RESOLVED case is reopened to IN_PROGRESS', async () => {
    const { case: created } = await opened();
    const resolved = expectType(await transition({ id: created.id, version: created.version, to: 'RESOLVED', resolution: 'PROCEDURE_STARTED' }), 'TransitionCaseSuccess');
    expect(resolved.case).toMatchObject({ status: 'RESOLVED', resolution: 'PROCEDURE_STARTED' });
    expect(resolved.case.resolvedAt).not.toBeNull();
    const reopened = expectType(await transition({ id: created.id, version: resolved.case.version, to: 'IN_PROGRESS' }), 'TransitionCaseSuccess');
    expect(reopened.case).toMatchObject({ status: 'IN_PROGRESS', resolution: null, resolvedAt: null, closedAt: null });
    const found = await read(created.id);
    expect(found).toMatchObject({ status: 'IN_PROGRESS', resolution: null });
    expect(found.events.at(-1)).toMatchObject({ type: 'STATUS_CHANGED', payload: { from: 'RESOLVED', to: 'IN_PROGRESS' } });
  });

  it('returns ConflictError and writes nothing when the version is stale', async () => {
    const { case: created } = await opened();
    expectType(await transition({ id: created.id, version: created.version, to: 'IN_PROGRESS' }), 'TransitionCaseSuccess');
    const before = await stateOf(created.reference);
    const result = expectType(await transition({ id: created.id, version: created.version, to: 'CANCELLED' }), 'ConflictError');
    expect(result.currentVersion).toBe(created.version + 1);
    expect(await stateOf(created.reference)).toEqual(before);
  });
});

describe('assignCase and addNote', () => {
  it('assigns the case to demo.energy and unassigns it, each a CASE_ASSIGNED event and a new version', async () => {
    const { case: created } = await opened();
    const energy = await agentId('TLPE-ENERGY', 'demo.energy');
    const assigned = expectType(await assign({ id: created.id, version: created.version, assigneeId: energy }), 'AssignCaseSuccess');
    expect(assigned.case.assignee).toEqual({ id: energy, login: 'demo.energy' });
    expect(assigned.case.version).toBe(created.version + 1);
    const unassigned = expectType(await assign({ id: created.id, version: assigned.case.version, assigneeId: null }), 'AssignCaseSuccess');
    expect(unassigned.case.assignee).toBeNull();
    expect(unassigned.case.version).toBe(created.version + 2);

    const found = await read(created.id);
    expect(found.assignee).toBeNull();
    const assignments = found.events.filter((event) => event.type === 'CASE_ASSIGNED');
    expect(assignments).toHaveLength(2);
    expect(assignments.every((event) => event.visibility === 'INTERNAL')).toBe(true);
    expect(assignments[1]!.payload.to).toBeNull();
    expect(assignments[0]!.payload.to).toBe(assignments[1]!.payload.from);
  });

  it('returns ValidationError on input.assigneeId and writes nothing when the agent is unknown or already the assignee', async () => {
    const { case: created } = await opened();
    const energy = await agentId('TLPE-ENERGY', 'demo.energy');
    const assigned = expectType(await assign({ id: created.id, version: created.version, assigneeId: energy }), 'AssignCaseSuccess');
    const before = await stateOf(created.reference);
    const again = expectType(await assign({ id: created.id, version: assigned.case.version, assigneeId: energy }), 'ValidationError');
    expect(again.problems.map((problem) => problem.path)).toContainEqual(['input', 'assigneeId']);
    const unknownAgent = Buffer.from(`Agent:${randomUUID()}`).toString('base64');
    expect(Buffer.from(energy, 'base64').toString('utf8')).toMatch(/^Agent:/);
    const unknown = expectType(await assign({ id: created.id, version: assigned.case.version, assigneeId: unknownAgent }), 'ValidationError');
    expect(unknown.problems.map((problem) => problem.path)).toContainEqual(['input', 'assigneeId']);
    expect(await stateOf(created.reference)).toEqual(before);
  });

  it('adds a note visible in case.notes with an internal NOTE_ADDED event, without changing the version', async () => {
    const { case: created } = await opened();
    const result = expectType(await addNote({ caseId: created.id, body: 'Rappeler après 14h.\nDossier incomplet.' }), 'AddNoteSuccess');
    expect(result.note).toMatchObject({ body: 'Rappeler après 14h.\nDossier incomplet.', author: { login: 'demo.first' } });
    expect(result.case.version).toBe(created.version);
    const found = await read(created.id);
    expect(found.version).toBe(created.version);
    expect(found.notes.edges.map((edge) => edge.node)).toEqual([{ id: result.note.id, body: 'Rappeler après 14h.\nDossier incomplet.', author: { login: 'demo.first' } }]);
    expect(found.events.map((event) => event.type)).toEqual(['CASE_CREATED', 'NOTE_ADDED']);
    expect(found.events[1]).toMatchObject({ visibility: 'INTERNAL', actorAgent: { login: 'demo.first' } });
    // The note text stays out of the event payload.
    expect(JSON.stringify(found.events[1]!.payload)).not.toContain('Rappeler');
  });

  it('returns ValidationError on input.body and writes nothing when the note is empty', async () => {
    const { case: created } = await opened();
    const before = await stateOf(created.reference);
    const result = expectType(await addNote({ caseId: created.id, body: '  ' }), 'ValidationError');
    expect(result.problems.map((problem) => problem.path)).toEqual([['input', 'body']]);
    const missing = expectType(await addNote({ caseId: unknownCaseId(created.id), body: 'Perdu' }), 'NotFoundError');
    expect(missing.entity).toBe('Case');
    expect(await stateOf(created.reference)).toEqual(before);
  });
});

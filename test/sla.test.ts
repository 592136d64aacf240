import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { gql } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addBusinessTime, businessTimeBetween, isWithinOpeningHours } from '../src/domain/business-calendar.js';
import { loadBusinessCalendar } from '../src/services/sla.js';
import { execute, startTestServer, type TestServer, tokenFor } from './helpers/server.js';

let server: TestServer;
let firstLine: string;
let supervisor: string;
beforeAll(async () => {
  server = await startTestServer();
  firstLine = await tokenFor({ role: 'agent', sub: 'demo.first' });
  supervisor = await tokenFor({ role: 'agent', sub: 'demo.supervisor' });
});
afterAll(() => server?.close());

const CASE = gql`
  query ($id: ID!) { case(id: $id) { id version status dueAt firstResponseDueAt slaState waitingSince createdAt updatedAt handoffs { dueAt requestedAt } } }
`;
type CaseSla = {
  id: string;
  version: number;
  status: string;
  dueAt: string | null;
  firstResponseDueAt: string | null;
  slaState: string | null;
  waitingSince: string | null;
  createdAt: string;
  updatedAt: string;
  handoffs: { dueAt: string | null; requestedAt: string }[];
};

async function readCase(id: string): Promise<CaseSla> {
  const { data, errors } = await execute<{ case: CaseSla }>(server.client(supervisor), CASE, { id });
  expect(errors).toBeUndefined();
  return data!.case;
}

async function openByEmail(): Promise<CaseSla> {
  const { data } = await execute<{ registerContact: { case: { id: string } } }>(
    server.client(firstLine),
    gql`mutation ($input: RegisterContactInput!) { registerContact(input: $input) { ... on RegisterContactSuccess { case { id } } } }`,
    {
      input: {
        channel: 'EMAIL',
        externalId: `<${randomUUID()}@example.org>`,
        themeCode: 'ENERGY.PREMIUMS',
        subject: 'Délai de ma prime',
        email: { from: 'citoyen@example.org', to: '1718@spw.example', subject: 'Délai' },
      },
    },
  );
  return readCase(data!.registerContact.case.id);
}

async function transition(id: string, version: number, to: string) {
  const { data } = await execute<{ transitionCase: { __typename: string } }>(
    server.client(firstLine),
    gql`mutation ($input: TransitionCaseInput!) { transitionCase(input: $input) { __typename } }`,
    { input: { id, version, to } },
  );
  expect(data?.transitionCase.__typename).toBe('TransitionCaseSuccess');
}

const uuidOf = (id: string) => Buffer.from(id, 'base64').toString('utf8').split(':')[1]!;

describe('SLA', () => {
  it('gives a new first-line case a resolution deadline of two business days and an e-mail a first-response deadline of one', async () => {
    const opened = await openByEmail();
    const calendar = await loadBusinessCalendar(server.database.handle.db);
    const created = new Date(opened.createdAt);
    expect(new Date(opened.dueAt!)).toEqual(addBusinessTime(calendar, created, 2 * 8.5 * 3_600_000));
    expect(new Date(opened.firstResponseDueAt!)).toEqual(addBusinessTime(calendar, created, 8.5 * 3_600_000));
    expect(isWithinOpeningHours(calendar, new Date(opened.dueAt!))).toBe(true);
    expect(opened.slaState).toBe('ON_TRACK');
  });

  it('pushes the due date by the business time a case waited for the citizen', async () => {
    const opened = await openByEmail();
    await transition(opened.id, opened.version, 'WAITING_FOR_CITIZEN');
    const waiting = await readCase(opened.id);
    expect(waiting.status).toBe('WAITING_FOR_CITIZEN');
    expect(waiting.waitingSince).not.toBeNull();
    // The citizen took three days to answer: move the start of the wait back in time.
    const since = new Date(new Date(waiting.waitingSince!).getTime() - 3 * 86_400_000);
    await server.database.handle.db.execute(sql`update cases set waiting_since = ${since.toISOString()}::timestamptz where id = ${uuidOf(opened.id)}::uuid`);
    expect((await readCase(opened.id)).slaState).toBe('ON_TRACK');

    await transition(opened.id, waiting.version, 'IN_PROGRESS');
    const resumed = await readCase(opened.id);
    const calendar = await loadBusinessCalendar(server.database.handle.db);
    const waited = businessTimeBetween(calendar, since, new Date(resumed.updatedAt));
    expect(waited).toBeGreaterThan(0);
    expect(resumed.waitingSince).toBeNull();
    expect(new Date(resumed.dueAt!)).toEqual(addBusinessTime(calendar, new Date(opened.dueAt!), waited));
  });

  it('gives a handoff to the second line an acceptance deadline of one business day', async () => {
    const opened = await openByEmail();
    const { data: services } = await execute<{ service: { id: string } }>(server.client(), gql`{ service(code: "TLPE-ENERGY") { id } }`);
    const { data } = await execute<{ requestHandoff: { __typename: string } }>(
      server.client(firstLine),
      gql`mutation ($input: RequestHandoffInput!) { requestHandoff(input: $input) { __typename } }`,
      { input: { caseId: opened.id, toServiceId: services!.service.id, reason: 'À instruire' } },
    );
    expect(data?.requestHandoff.__typename).toBe('RequestHandoffSuccess');
    const [handoff] = (await readCase(opened.id)).handoffs;
    const calendar = await loadBusinessCalendar(server.database.handle.db);
    expect(new Date(handoff!.dueAt!)).toEqual(addBusinessTime(calendar, new Date(handoff!.requestedAt), 8.5 * 3_600_000));
  });

  it('filters the inbox by slaState and overdue in the database', async () => {
    const [onTrack, atRisk, breached] = [await openByEmail(), await openByEmail(), await openByEmail()];
    const hour = 3_600_000;
    const now = Date.now();
    const set = (id: string, atRiskAt: number, dueAt: number) =>
      server.database.handle.db.execute(
        sql`update cases set at_risk_at = ${new Date(atRiskAt).toISOString()}::timestamptz, due_at = ${new Date(dueAt).toISOString()}::timestamptz where id = ${uuidOf(id)}::uuid`,
      );
    await set(atRisk.id, now - hour, now + 24 * hour);
    await set(breached.id, now - 48 * hour, now - hour);
    const ids = [onTrack.id, atRisk.id, breached.id];
    const listed = async (filter: Record<string, unknown>) => {
      const { data, errors } = await execute<{ cases: { edges: { node: { id: string; slaState: string } }[] } }>(
        server.client(supervisor),
        gql`query ($filter: CaseFilter) { cases(first: 100, filter: $filter) { edges { node { id slaState } } } }`,
        { filter: { ...filter, search: 'Délai de ma prime' } },
      );
      expect(errors).toBeUndefined();
      return data!.cases.edges.map((edge) => edge.node).filter((node) => ids.includes(node.id));
    };
    expect(await listed({ slaState: 'AT_RISK' })).toEqual([{ id: atRisk.id, slaState: 'AT_RISK' }]);
    expect(await listed({ slaState: 'BREACHED' })).toEqual([{ id: breached.id, slaState: 'BREACHED' }]);
    expect((await listed({ slaState: 'ON_TRACK' })).map((node) => node.id)).toEqual([onTrack.id]);
    expect((await listed({ overdue: true })).map((node) => node.id)).toEqual([breached.id]);
  });
});

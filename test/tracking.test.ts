import { gql } from 'graphql-request';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GraphQLClient } from 'graphql-request';
import { openDatabase } from '../src/db/client.js';
import { trackingAttempts } from '../src/db/tables/index.js';
import { startServer } from '../src/server/app.js';
import { execute, startTestServer, testConfig, type TestServer, tokenFor } from './helpers/server.js';

let server: TestServer;
let opened: { reference: string; trackingCode: string };
beforeAll(async () => {
  server = await startTestServer();
  const token = await tokenFor({ role: 'citizen', sub: '00000000-0000-4000-8000-000000000002' });
  const { data } = await execute<{ startProcedure: { trackingCode: string; case: { id: string; reference: string } } }>(
    server.client(token),
    gql`mutation ($input: StartProcedureInput!) { startProcedure(input: $input) { ... on StartProcedureSuccess { trackingCode case { id reference } } } }`,
    { input: { code: 'PRIME-HABITATION-ISOLATION', answers: { surface: 60, isolant: 'laine de bois' } } },
  );
  opened = { reference: data!.startProcedure.case.reference, trackingCode: data!.startProcedure.trackingCode };
  // An INTERNAL event on the case, so that the tracking page's filter has something to leave out.
  const note = await execute<{ addNote: { __typename: string } }>(
    server.client(await tokenFor({ role: 'agent', sub: 'demo.housing' })),
    gql`mutation ($input: AddNoteInput!) { addNote(input: $input) { __typename } }`,
    { input: { caseId: data!.startProcedure.case.id, body: 'Note interne du service logement.' } },
  );
  expect(note.data?.addNote.__typename).toBe('AddNoteSuccess');
});
afterAll(() => server?.close());
// Every test calls from 127.0.0.1 on the same case: each starts with clean failure counts.
beforeEach(async () => {
  await server.database.handle.db.delete(trackingAttempts);
});

const TRACK = gql`
  query ($reference: String!, $trackingCode: String!) {
    trackCase(reference: $reference, trackingCode: $trackingCode) {
      reference status statusLabel(language: DE) service { code phone } nextStep { code } lastUpdate dueAt
      timeline { type visibility label(language: DE) }
    }
  }
`;

describe('trackCase', () => {
  it('shows the case to whoever has its reference and code, without a token', async () => {
    const { data, errors } = await execute<{ trackCase: { reference: string; statusLabel: string; service: { code: string }; nextStep: { code: string }; timeline: { visibility: string }[] } }>(
      server.client(),
      TRACK,
      opened,
    );
    expect(errors).toBeUndefined();
    expect(data!.trackCase).toMatchObject({ reference: opened.reference, statusLabel: 'Neu', service: { code: 'TLPE-HOUSING' }, nextStep: { code: 'RECEIVED' } });
    expect(data!.trackCase.timeline.length).toBeGreaterThan(0);
    expect(data!.trackCase.timeline.filter((event) => event.visibility !== 'CITIZEN')).toEqual([]);
  });

  it('answers a wrong code and a wrong reference alike', async () => {
    const wrongCode = await execute(server.client(), TRACK, { reference: opened.reference, trackingCode: 'AAAAA-AAAAA' });
    const wrongReference = await execute(server.client(), TRACK, { reference: '1718-2020-999999', trackingCode: opened.trackingCode });
    expect(wrongCode).toEqual(wrongReference);
    expect(wrongCode.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('accepts the right code typed in lower case, without its dash, with spaces or with another dash', async () => {
    const [head, tail] = opened.trackingCode.split('-') as [string, string];
    for (const typed of [opened.trackingCode.toLowerCase(), `${head}${tail}`, `${head.toLowerCase()}${tail}`, ` ${head} ${tail} `, `${head}\u2013${tail.toLowerCase()}`, `${head.toLowerCase()}${tail.toLowerCase()}`]) {
      const { data, errors } = await execute<{ trackCase: { reference: string } }>(server.client(), gql`query ($reference: String!, $trackingCode: String!) { trackCase(reference: $reference, trackingCode: $trackingCode) { reference } }`, {
        reference: opened.reference,
        trackingCode: typed,
      });
      expect(errors, typed).toBeUndefined();
      expect(data!.trackCase.reference).toBe(opened.reference);
    }
  });

  it('counts each alias of one request as a guess, and refuses those past the limit', async () => {
    const aliases = Array.from({ length: 30 }, (_, index) => `guess${index}: trackCase(reference: $reference, trackingCode: "WRONG-${String(index).padStart(5, '2')}") { reference }`);
    const { data, errors } = await execute<Record<string, unknown>>(server.client(), `query ($reference: String!) { ${aliases.join('\n')} }`, { reference: opened.reference });
    expect(Object.values(data ?? {}).every((value) => value === null)).toBe(true);
    const codes = (errors ?? []).map((error) => String(error.extensions?.code));
    expect(codes).toHaveLength(30);
    expect(codes.filter((code) => code === 'NOT_FOUND')).toHaveLength(10);
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(20);
    const right = await execute(server.client(), TRACK, opened);
    expect(right.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });

  it('counts the guesses sent at the same time to two instances on one database together (a race on Postgres; on PGlite one connection takes turns)', async () => {
    // On Postgres the second instance has its own pool; on PGlite it shares the embedded database.
    const handle = server.database.url ? await openDatabase({ url: server.database.url, maxConnections: 3 }) : server.database.handle;
    const second = await startServer(testConfig(), handle);
    try {
      const guesses = (offset: number) =>
        `query ($reference: String!) { ${Array.from({ length: 15 }, (_, index) => `guess${index}: trackCase(reference: $reference, trackingCode: "WRONG-${String(offset + index).padStart(5, '3')}") { reference }`).join('\n')} }`;
      const outcomes = await Promise.all([
        execute(server.client(), guesses(0), { reference: opened.reference }),
        execute(new GraphQLClient(second.url, { errorPolicy: 'all' }), guesses(15), { reference: opened.reference }),
      ]);
      const codes = outcomes.flatMap((outcome) => (outcome.errors ?? []).map((error) => String(error.extensions?.code)));
      expect(codes).toHaveLength(30);
      expect(codes.filter((code) => code === 'NOT_FOUND')).toHaveLength(10);
    } finally {
      await second.close();
      if (handle !== server.database.handle) await handle.close();
    }
  });

  it('throttles 20 wrong codes in a row, and then refuses even the right one', async () => {
    const codes: string[] = [];
    for (let attempt = 0; attempt < 20; attempt++) {
      const { errors } = await execute(server.client(), TRACK, { reference: opened.reference, trackingCode: `WRONG-${String(attempt).padStart(5, '2')}` });
      codes.push(String(errors?.[0]?.extensions?.code));
    }
    expect(codes.slice(0, 8).every((code) => code === 'NOT_FOUND')).toBe(true);
    expect(codes.slice(-5).every((code) => code === 'RATE_LIMITED')).toBe(true);
    const right = await execute(server.client(), TRACK, opened);
    expect(right.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });
});

import { gql } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execute, startTestServer, type TestServer, tokenFor } from './helpers/server.js';

let server: TestServer;
let opened: { reference: string; trackingCode: string };
beforeAll(async () => {
  server = await startTestServer();
  const token = await tokenFor({ role: 'citizen', sub: '00000000-0000-4000-8000-000000000002' });
  const { data } = await execute<{ startProcedure: { trackingCode: string; case: { reference: string } } }>(
    server.client(token),
    gql`mutation ($input: StartProcedureInput!) { startProcedure(input: $input) { ... on StartProcedureSuccess { trackingCode case { reference } } } }`,
    { input: { code: 'PRIME-HABITATION-ISOLATION', answers: '{}' } },
  );
  opened = { reference: data!.startProcedure.case.reference, trackingCode: data!.startProcedure.trackingCode };
});
afterAll(() => server?.close());

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
    expect(data!.trackCase.timeline.every((event) => event.visibility === 'CITIZEN')).toBe(true);
  });

  it('answers a wrong code and a wrong reference alike', async () => {
    const wrongCode = await execute(server.client(), TRACK, { reference: opened.reference, trackingCode: 'AAAAA-AAAAA' });
    const wrongReference = await execute(server.client(), TRACK, { reference: '1718-2020-999999', trackingCode: opened.trackingCode });
    expect(wrongCode).toEqual(wrongReference);
    expect(wrongCode.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
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

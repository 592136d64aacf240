import { sql } from 'drizzle-orm';
import { gql } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '../src/db/client.js';
import { globalId, parseGlobalId } from '../src/domain/ids.js';
import { execute, startTestServer, type TestServer, tokenFor } from './helpers/server.js';

// registerContact at the first line (issue 21): a contact made for the citizen by someone else,
// with a mandate in force or without one, and what Interaction.contactedBy shows of it.

let server: TestServer;
let now = new Date('2027-03-01T09:00:00Z');
const START = now;
const tokens: Record<string, string> = {};
const MARIE = '00000000-0000-4000-8000-000000000001';
const HANS = '00000000-0000-4000-8000-000000000002';
const citizenId = (id: string) => globalId('Citizen', id);

beforeAll(async () => {
  server = await startTestServer({ clock: () => now });
  tokens.first = await tokenFor({ role: 'agent', sub: 'demo.first' });
  tokens.admin = await tokenFor({ role: 'agent', sub: 'demo.admin' });
  tokens.marie = await tokenFor({ role: 'citizen', sub: MARIE });
  tokens.service = await tokenFor({ role: 'service', sub: 'TLPE-ENERGY' });
});
afterAll(() => server?.close());

const CONTACTED_BY = `contactedBy {
  __typename
  ... on ContactedByRepresentative { mandate { id representativeName } representativeName mayDiscussCases mayDiscussThisCase }
  ... on ContactedByUnverifiedPerson { name relationship mayDiscussCases mayDiscussThisCase }
}`;

const REGISTER = gql`
  mutation ($input: RegisterContactInput!) {
    registerContact(input: $input) {
      __typename
      ... on RegisterContactSuccess { case { id } interaction { id ${CONTACTED_BY} } }
      ... on ValidationError { problems { path message } }
    }
  }
`;

interface ContactedBy {
  __typename: string;
  [field: string]: unknown;
}
interface Registered {
  registerContact: {
    __typename: string;
    case: { id: string };
    interaction: { id: string; contactedBy: ContactedBy | null };
    problems: { path: string[]; message: string }[];
  } | null;
}

/** A phone call opening a new case for the citizen, with what else the test gives. */
function call(citizen: string, contactedBy: unknown, extra: Record<string, unknown> = {}) {
  return { channel: 'PHONE', phone: { line: '1718' }, themeCode: 'INFORMATION.ORIENTATION', subject: 'Appel pour un proche', citizenId: citizenId(citizen), contactedBy, ...extra };
}

function register(input: Record<string, unknown>, token = tokens.first!) {
  return execute<Registered>(server.client(token), REGISTER, { input });
}

/** A mandate an agent records for Marie: a social worker of a CPAS, with the terms given. */
async function recordMandate(terms: Record<string, unknown> = {}): Promise<string> {
  const { data, errors } = await execute<{ recordMandate: { __typename: string; mandate: { id: string } } }>(
    server.client(tokens.first),
    gql`mutation ($input: RecordMandateInput!) { recordMandate(input: $input) { __typename ... on RecordMandateSuccess { mandate { id } } } }`,
    {
      input: {
        representedCitizenId: citizenId(MARIE),
        representative: { name: 'Claire Martin', organisation: 'CPAS de Namur' },
        proofNote: 'Procuration signée vue au guichet',
        scope: 'ALL_CASES',
        rights: 'READ',
        ...terms,
      },
    },
  );
  expect(errors).toBeUndefined();
  expect(data!.recordMandate.__typename).toBe('RecordMandateSuccess');
  return data!.recordMandate.mandate.id;
}

async function revokeMandate(id: string): Promise<void> {
  const { data } = await execute<{ revokeMandate: { __typename: string } }>(
    server.client(tokens.first),
    gql`mutation ($id: ID!) { revokeMandate(input: { mandateId: $id }) { __typename } }`,
    { id },
  );
  expect(data!.revokeMandate.__typename).toBe('RevokeMandateSuccess');
}

async function storedContactedBy(interactionId: string) {
  const [row] = await selectRows<{ mandate: string | null; name: string | null; relationship: string | null }>(
    server.database.handle.db,
    sql`select contacted_by_mandate_id as mandate, contacted_by_name as name, contacted_by_relationship as relationship from interactions where id = ${parseGlobalId(interactionId)!.id}::uuid`,
  );
  return row;
}

async function casesWithSubject(subject: string): Promise<number> {
  const [row] = await selectRows<{ n: number }>(server.database.handle.db, sql`select count(*)::int as n from cases where subject = ${subject}`);
  return Number(row!.n);
}

/** What an agent reads of the latest interaction of a case. */
async function latestContactedBy(caseId: string, token = tokens.first!) {
  return execute<{ case: { latestInteractions: { contactedBy: ContactedBy | null }[] | null } }>(
    server.client(token),
    gql`query ($id: ID!) { case(id: $id) { latestInteractions(count: 1) { ${CONTACTED_BY} } } }`,
    { id: caseId },
  );
}

describe('a contact made by a representative with a mandate', () => {
  it('does record the mandate an agent checked, and show a representative who may be told about the cases', async () => {
    const mandateId = await recordMandate();
    const { data, errors } = await register(call(MARIE, { mandateId }));
    expect(errors).toBeUndefined();
    const registered = data!.registerContact!;
    expect(registered.__typename).toBe('RegisterContactSuccess');
    expect(registered.interaction.contactedBy).toEqual({
      __typename: 'ContactedByRepresentative',
      mandate: { id: mandateId, representativeName: 'Claire Martin' },
      representativeName: 'Claire Martin',
      mayDiscussCases: true,
      mayDiscussThisCase: true,
    });
    expect(await storedContactedBy(registered.interaction.id)).toEqual({ mandate: parseGlobalId(mandateId)!.id, name: null, relationship: null });
  });

  it('does show a citizen representative by their name, and whether the mandate is in force at the time of the request', async () => {
    const { data: granted } = await execute<{ grantMandate: { mandate: { id: string } } }>(
      server.client(tokens.marie),
      gql`mutation ($input: GrantMandateInput!) { grantMandate(input: $input) { ... on GrantMandateSuccess { mandate { id } } } }`,
      { input: { representativeCitizenId: citizenId(HANS), representativeFamilyName: 'Schmitz', scope: 'ALL_CASES', rights: 'ACT' } },
    );
    const mandateId = granted!.grantMandate.mandate.id;
    const { data } = await register(call(MARIE, { mandateId }));
    expect(data!.registerContact!.interaction.contactedBy).toMatchObject({ __typename: 'ContactedByRepresentative', representativeName: 'Hans Schmitz', mayDiscussCases: true });

    await revokeMandate(mandateId);
    const read = await latestContactedBy(data!.registerContact!.case.id);
    expect(read.errors).toBeUndefined();
    expect(read.data!.case.latestInteractions![0]!.contactedBy).toMatchObject({ __typename: 'ContactedByRepresentative', representativeName: 'Hans Schmitz', mayDiscussCases: false, mayDiscussThisCase: false });
  });

  it('does tell whether the mandate reaches the case of the contact: its theme, or another case', async () => {
    for (const [terms, reachesThisCase] of [
      [{ scope: 'THEMES', themeCodes: ['INFORMATION'] }, true],
      [{ scope: 'THEMES', themeCodes: ['ENERGY'] }, false],
    ] as const) {
      const mandateId = await recordMandate(terms);
      const { data, errors } = await register(call(MARIE, { mandateId }));
      expect(errors).toBeUndefined();
      expect(data!.registerContact!.interaction.contactedBy).toMatchObject({ mayDiscussCases: true, mayDiscussThisCase: reachesThisCase });
    }
    // An hour earlier, so that the contact under the mandate is the case's latest.
    const onOneCase = await register(call(MARIE, { unverified: { name: 'Jean Dupont', relationship: 'fils' } }, { occurredAt: new Date(START.getTime() - 3_600_000).toISOString() }));
    const otherCase = onOneCase.data!.registerContact!.case.id;
    const mandateId = await recordMandate({ scope: 'ONE_CASE', caseId: otherCase });
    const { data } = await register(call(MARIE, { mandateId }));
    expect(data!.registerContact!.interaction.contactedBy).toMatchObject({ mayDiscussCases: true, mayDiscussThisCase: false });
    const onThatCase = await register({ channel: 'PHONE', phone: { line: '1718' }, caseId: otherCase, contactedBy: { mandateId } });
    expect(onThatCase.errors).toBeUndefined();
    expect(onThatCase.data!.registerContact!.interaction.contactedBy).toMatchObject({ mayDiscussThisCase: true });
    // The same, read later with the case (its latest interactions read only the columns asked for).
    const read = await latestContactedBy(otherCase);
    expect(read.errors).toBeUndefined();
    expect(read.data!.case.latestInteractions![0]!.contactedBy).toMatchObject({ mayDiscussCases: true, mayDiscussThisCase: true });
  });

  it('does answer a contact sent again with its first result, whatever contactedBy says the second time', async () => {
    const mandateId = await recordMandate();
    const externalId = `call-contacted-by-${Date.now()}`;
    const first = await register(call(MARIE, { mandateId }, { externalId }));
    const again = await register(call(MARIE, { unverified: { name: 'Paul', relationship: 'voisin' } }, { externalId }));
    expect(again.errors).toBeUndefined();
    expect(again.data!.registerContact!.interaction).toEqual(first.data!.registerContact!.interaction);
    expect(again.data!.registerContact!.interaction.contactedBy).toMatchObject({ __typename: 'ContactedByRepresentative', mayDiscussCases: true });
  });
});

describe('a contact made by someone without a mandate', () => {
  it('does record who they say they are, and show that no case data may be discussed with them', async () => {
    const { data, errors } = await register(call(MARIE, { unverified: { name: ' Jean Dupont ', relationship: 'son' } }));
    expect(errors).toBeUndefined();
    const registered = data!.registerContact!;
    expect(registered.interaction.contactedBy).toEqual({ __typename: 'ContactedByUnverifiedPerson', name: 'Jean Dupont', relationship: 'son', mayDiscussCases: false, mayDiscussThisCase: false });
    expect(await storedContactedBy(registered.interaction.id)).toEqual({ mandate: null, name: 'Jean Dupont', relationship: 'son' });
  });

  it('does show nothing when the citizen called themself', async () => {
    const { data } = await register(call(MARIE, null));
    expect(data!.registerContact!.interaction.contactedBy).toBeNull();
  });
});

describe('refused contactedBy', () => {
  const problemsOf = async (contactedBy: unknown, extra: Record<string, unknown> = {}) => {
    const subject = `Refusé ${Math.random()}`;
    const { data, errors } = await register(call(MARIE, contactedBy, { subject, ...extra }));
    expect(errors).toBeUndefined();
    expect(data!.registerContact!.__typename).toBe('ValidationError');
    expect(await casesWithSubject(subject)).toBe(0);
    return data!.registerContact!.problems.map((problem) => problem.path.join('.'));
  };

  it('does refuse both a mandate and an unverified person, neither, and blank or too long texts', async () => {
    const mandateId = await recordMandate();
    expect(await problemsOf({ mandateId, unverified: { name: 'Jean', relationship: 'son' } })).toEqual(['input.contactedBy']);
    expect(await problemsOf({})).toEqual(['input.contactedBy']);
    expect(await problemsOf({ unverified: { name: '  ', relationship: 'x'.repeat(201) } })).toEqual(['input.contactedBy.unverified.name', 'input.contactedBy.unverified.relationship']);
  });

  it('does refuse a mandate of another citizen, an unknown one, one for a contact without a citizen, and one not yet in force', async () => {
    const ofMarie = await recordMandate();
    expect(await problemsOf({ mandateId: ofMarie }, { citizenId: citizenId(HANS) })).toEqual(['input.contactedBy.mandateId']);
    expect(await problemsOf({ mandateId: globalId('Mandate', '00000000-0000-4000-8000-00000000dead') })).toEqual(['input.contactedBy.mandateId']);
    expect(await problemsOf({ mandateId: ofMarie }, { citizenId: null })).toEqual(['input.contactedBy.mandateId']);
    const later = await recordMandate({ validFrom: new Date(now.getTime() + 86_400_000).toISOString() });
    expect(await problemsOf({ mandateId: later })).toEqual(['input.contactedBy.mandateId']);
  });

  it('does refuse a revoked and an expired mandate with a FORBIDDEN error naming its end date, and record nothing', async () => {
    const revoked = await recordMandate();
    await revokeMandate(revoked);
    const expiring = await recordMandate({ validUntil: '2027-03-01T10:00:00Z' });
    now = new Date('2027-03-01T11:00:00Z');
    try {
      for (const [mandateId, endedAt, words] of [
        [revoked, START.toISOString(), 'revoked on'],
        [expiring, '2027-03-01T10:00:00.000Z', 'expired on'],
      ] as const) {
        const subject = `Mandat terminé ${mandateId}`;
        const { data, errors } = await register(call(MARIE, { mandateId }, { subject }));
        expect(data?.registerContact ?? null).toBeNull();
        expect(errors).toHaveLength(1);
        expect(errors![0]!.message).toContain(`${words} ${endedAt}`);
        expect(errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', mandateEndedAt: endedAt });
        expect(await casesWithSubject(subject)).toBe(0);
      }
    } finally {
      now = START;
    }
  });
});

describe('a contact written down after it happened', () => {
  it('does keep the mandate in force at the time of the call, though revoked since, and refuse one that started after it', async () => {
    const mandateId = await recordMandate();
    now = new Date(START.getTime() + 2 * 3_600_000);
    try {
      await revokeMandate(mandateId);
      const duringTheMandate = new Date(START.getTime() + 3_600_000).toISOString();
      const { data, errors } = await register(call(MARIE, { mandateId }, { occurredAt: duringTheMandate }));
      expect(errors).toBeUndefined();
      expect(data!.registerContact!.interaction.contactedBy).toMatchObject({ __typename: 'ContactedByRepresentative', mandate: { id: mandateId }, mayDiscussCases: false });
      const beforeTheMandate = new Date(START.getTime() - 3_600_000).toISOString();
      const refused = await register(call(MARIE, { mandateId }, { occurredAt: beforeTheMandate }));
      expect(refused.data!.registerContact).toMatchObject({ __typename: 'ValidationError', problems: [{ path: ['input', 'contactedBy', 'mandateId'] }] });
      expect(refused.data!.registerContact!.problems[0]!.message).toBe(`This mandate is in force only from ${START.toISOString()}, after the contact.`);
    } finally {
      now = START;
    }
  });
});

describe('who reads contactedBy', () => {
  it('does keep it from a citizen, who reads no interaction', async () => {
    const { data } = await register(call(MARIE, { unverified: { name: 'Jean Dupont', relationship: 'son' } }));
    const read = await latestContactedBy(data!.registerContact!.case.id, tokens.marie);
    expect(read.data!.case.latestInteractions).toBeNull();
    expect(read.errors?.map((error) => [error.extensions?.code, error.path?.join('.')])).toEqual([['FORBIDDEN', 'case.latestInteractions']]);
    expect(JSON.stringify(read)).not.toContain('Jean Dupont');
  });

  it('does keep it from a service account, which reads no mandate: null and FORBIDDEN at the field', async () => {
    const { data, errors } = await register(
      call(MARIE, { unverified: { name: 'Jean Dupont', relationship: 'son' } }, { themeCode: 'ENERGY.PREMIUMS', subject: 'Prime, appel du fils' }),
      tokens.service,
    );
    expect(data!.registerContact!.__typename).toBe('RegisterContactSuccess');
    expect(data!.registerContact!.interaction.contactedBy).toBeNull();
    expect(errors?.map((error) => [error.extensions?.code, error.path?.join('.')])).toEqual([['FORBIDDEN', 'registerContact.interaction.contactedBy']]);
    const asAgent = await latestContactedBy(data!.registerContact!.case.id);
    expect(asAgent.data!.case.latestInteractions![0]!.contactedBy).toMatchObject({ __typename: 'ContactedByUnverifiedPerson', name: 'Jean Dupont' });
  });
});

describe('erasure', () => {
  it('does remove what an unverified person said of themself from the erased citizen’s interactions', async () => {
    const { data } = await register({
      ...call(MARIE, { unverified: { name: 'Jean Lemaire', relationship: 'son' } }),
      citizenId: undefined,
      citizen: { givenName: 'Odile', familyName: 'Lemaire' },
    });
    const registered = data!.registerContact!;
    const { data: citizen } = await execute<{ case: { citizen: { id: string } } }>(server.client(tokens.first), gql`query ($id: ID!) { case(id: $id) { citizen { id } } }`, {
      id: registered.case.id,
    });
    const erased = await execute<{ anonymizeCitizen: { __typename: string } }>(
      server.client(tokens.admin),
      gql`mutation ($input: AnonymizeCitizenInput!) { anonymizeCitizen(input: $input) { __typename } }`,
      { input: { id: citizen!.case.citizen.id } },
    );
    expect(erased.data!.anonymizeCitizen.__typename).toBe('AnonymizeCitizenSuccess');
    expect(await storedContactedBy(registered.interaction.id)).toEqual({ mandate: null, name: null, relationship: null });
    expect((await latestContactedBy(registered.case.id)).data!.case.latestInteractions![0]!.contactedBy).toBeNull();
  });
});

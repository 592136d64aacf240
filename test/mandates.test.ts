import { gql } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globalId, parseGlobalId } from '../src/domain/ids.js';
import { execute, startTestServer, type TestServer, tokenFor } from './helpers/server.js';

// Mandates (issue 21, first part): granted on the portal, recorded by an agent with its proof,
// revoked or expired at once, read by their two persons and agents only.

let server: TestServer;
let now = new Date('2027-03-01T09:00:00Z');
const tokens: Record<string, string> = {};
const MARIE = '00000000-0000-4000-8000-000000000001';
const HANS = '00000000-0000-4000-8000-000000000002';
const citizenId = (id: string) => globalId('Citizen', id);

beforeAll(async () => {
  server = await startTestServer({ clock: () => now });
  tokens.marie = await tokenFor({ role: 'citizen', sub: MARIE });
  tokens.hans = await tokenFor({ role: 'citizen', sub: HANS });
  tokens.first = await tokenFor({ role: 'agent', sub: 'demo.first' });
  tokens.service = await tokenFor({ role: 'service', sub: 'TLPE-ENERGY' });
});
afterAll(() => server?.close());

const FIELDS = 'id representedName representativeName representativeOrganisation representativeIsCitizen scope themeCodes rights validFrom validUntil status grantedBy revokedAt';
const GRANT = gql`
  mutation ($input: GrantMandateInput!) {
    grantMandate(input: $input) { __typename ... on GrantMandateSuccess { mandate { ${FIELDS} } } ... on ValidationError { problems { path message } } }
  }
`;
const RECORD = gql`
  mutation ($input: RecordMandateInput!) {
    recordMandate(input: $input) { __typename ... on RecordMandateSuccess { mandate { ${FIELDS} proofNote } } ... on ValidationError { problems { path message } } }
  }
`;
const REVOKE = gql`
  mutation ($id: ID!) { revokeMandate(input: { mandateId: $id }) { __typename ... on RevokeMandateSuccess { mandate { status revokedAt } } ... on Error { message } } }
`;

interface MandateFields {
  id: string;
  representedName: string;
  representativeName: string;
  status: string;
  [field: string]: unknown;
}

async function grant(token: string, input: Record<string, unknown>) {
  const { data, errors } = await execute<{ grantMandate: { __typename: string; mandate: MandateFields; problems: { path: string[]; message: string }[] } }>(server.client(token), GRANT, { input });
  expect(errors).toBeUndefined();
  return data!.grantMandate;
}

async function newCitizen(givenName: string): Promise<string> {
  const { data } = await execute<{ registerContact: { case: { citizen: { id: string } } } }>(
    server.client(tokens.first),
    gql`mutation ($name: String!) { registerContact(input: { channel: PHONE, phone: { line: "1718" }, themeCode: "INFORMATION.ORIENTATION", subject: "Procuration", citizen: { givenName: $name, familyName: "Lemaire" } }) { ... on RegisterContactSuccess { case { citizen { id } } } } }`,
    { name: givenName },
  );
  return data!.registerContact.case.citizen.id;
}

describe('granting a mandate on the portal', () => {
  it('does give another citizen a mandate that both see, with names only', async () => {
    const granted = await grant(tokens.marie!, { representativeCitizenId: citizenId(HANS), representativeFamilyName: 'Schmitz', scope: 'ALL_CASES', rights: 'READ' });
    expect(granted.__typename).toBe('GrantMandateSuccess');
    expect(granted.mandate).toMatchObject({ representedName: 'Marie Dupont', representativeName: 'Hans Schmitz', representativeIsCitizen: true, scope: 'ALL_CASES', rights: 'READ', status: 'ACTIVE', grantedBy: 'CITIZEN', validUntil: null });

    const lists = gql`{ viewer { mandatesGiven { id } mandatesHeld { id } } }`;
    const asMarie = await execute<{ viewer: { mandatesGiven: { id: string }[]; mandatesHeld: { id: string }[] } }>(server.client(tokens.marie), lists);
    expect(asMarie.data!.viewer.mandatesGiven.map((mandate) => mandate.id)).toContain(granted.mandate.id);
    const asHans = await execute<{ viewer: { mandatesGiven: { id: string }[]; mandatesHeld: { id: string }[] } }>(server.client(tokens.hans), lists);
    expect(asHans.data!.viewer.mandatesHeld.map((mandate) => mandate.id)).toContain(granted.mandate.id);
    expect(asHans.data!.viewer.mandatesGiven.map((mandate) => mandate.id)).not.toContain(granted.mandate.id);
  });

  it('does refuse a mandate to oneself, to an id without its family name, a scope without its details, unknown themes, another citizen’s case and an end in the past', async () => {
    const problemsOf = async (input: Record<string, unknown>) => (await grant(tokens.marie!, { representativeCitizenId: citizenId(HANS), representativeFamilyName: 'Schmitz', rights: 'READ', ...input })).problems?.map((problem) => problem.path.join('.'));
    expect((await grant(tokens.marie!, { representativeCitizenId: citizenId(MARIE), representativeFamilyName: 'Dupont', scope: 'ALL_CASES', rights: 'ACT' })).__typename).toBe('ValidationError');
    expect(await problemsOf({ scope: 'THEMES' })).toEqual(['input.themeCodes']);
    // An id alone names nobody: with another family name it is refused exactly like an unknown id.
    const unknownId = await grant(tokens.marie!, { representativeCitizenId: citizenId('00000000-0000-4000-8000-00000000dead'), representativeFamilyName: 'Schmitz', scope: 'ALL_CASES', rights: 'READ' });
    expect(await grant(tokens.marie!, { representativeCitizenId: citizenId(HANS), representativeFamilyName: 'Müller', scope: 'ALL_CASES', rights: 'READ' })).toEqual(unknownId);
    expect(unknownId.problems.map((problem) => problem.path.join('.'))).toEqual(['input.representativeCitizenId']);
    expect((await grant(tokens.marie!, { representativeCitizenId: citizenId(HANS), representativeFamilyName: ' schmitz ', scope: 'ALL_CASES', rights: 'READ' })).__typename).toBe('GrantMandateSuccess');
    expect(await problemsOf({ scope: 'THEMES', themeCodes: ['NO.SUCH.THEME'] })).toEqual(['input.themeCodes']);
    expect(await problemsOf({ scope: 'ALL_CASES', themeCodes: ['ENERGY'] })).toEqual(['input.themeCodes']);
    const hansCase = await execute<{ registerContact: { case: { id: string } } }>(
      server.client(tokens.first),
      gql`mutation ($id: ID!) { registerContact(input: { channel: PHONE, phone: { line: "1718" }, themeCode: "INFORMATION.ORIENTATION", subject: "Question", citizenId: $id }) { ... on RegisterContactSuccess { case { id } } } }`,
      { id: citizenId(HANS) },
    );
    expect(await problemsOf({ scope: 'ONE_CASE', caseId: hansCase.data!.registerContact.case.id })).toEqual(['input.caseId']);
    expect(await problemsOf({ scope: 'ALL_CASES', validUntil: '2027-02-01T00:00:00Z' })).toEqual(['input.validUntil']);
    const staff = await execute<{ grantMandate: unknown }>(server.client(tokens.first), GRANT, { input: { representativeCitizenId: citizenId(HANS), representativeFamilyName: 'Schmitz', scope: 'ALL_CASES', rights: 'READ' } });
    expect(staff.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('recording a mandate at the first line', () => {
  it('does require how the proof was checked, and show that note to staff only', async () => {
    const input = { representedCitizenId: citizenId(MARIE), representative: { name: 'Claire Martin', organisation: 'CPAS de Namur' }, scope: 'THEMES', themeCodes: ['ENERGY'], rights: 'ACT' };
    const withoutProof = await execute<{ recordMandate: { __typename: string; problems: { path: string[] }[] } }>(server.client(tokens.first), RECORD, { input: { ...input, proofNote: '  ' } });
    expect(withoutProof.data!.recordMandate.problems.map((problem) => problem.path.join('.'))).toEqual(['input.proofNote']);
    const both = await execute<{ recordMandate: { __typename: string } }>(server.client(tokens.first), RECORD, { input: { ...input, representative: { name: 'X', citizenId: citizenId(HANS) }, proofNote: 'Procuration signée vue au guichet' } });
    expect(both.data!.recordMandate.__typename).toBe('ValidationError');

    const recorded = await execute<{ recordMandate: { __typename: string; mandate: MandateFields } }>(server.client(tokens.first), RECORD, { input: { ...input, proofNote: 'Procuration signée vue au guichet' } });
    expect(recorded.data!.recordMandate.mandate).toMatchObject({ representativeName: 'Claire Martin', representativeOrganisation: 'CPAS de Namur', representativeIsCitizen: false, grantedBy: 'AGENT', proofNote: 'Procuration signée vue au guichet', themeCodes: ['ENERGY'] });

    const asMarie = await execute<{ node: { proofNote: string | null; representativeName: string } }>(server.client(tokens.marie), gql`query ($id: ID!) { node(id: $id) { ... on Mandate { representativeName proofNote } } }`, { id: recorded.data!.recordMandate.mandate.id });
    expect(asMarie.data!.node).toEqual({ representativeName: 'Claire Martin', proofNote: null });
    expect(asMarie.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const citizen = await execute<{ recordMandate: unknown }>(server.client(tokens.marie), RECORD, { input: { ...input, proofNote: 'x' } });
    expect(citizen.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('ending a mandate', () => {
  it('does revoke at once, by the representative too, and not twice', async () => {
    const granted = await grant(tokens.marie!, { representativeCitizenId: citizenId(HANS), representativeFamilyName: 'Schmitz', scope: 'ALL_CASES', rights: 'ACT' });
    const revoked = await execute<{ revokeMandate: { __typename: string; mandate: { status: string; revokedAt: string } } }>(server.client(tokens.hans), REVOKE, { id: granted.mandate.id });
    expect(revoked.data!.revokeMandate).toEqual({ __typename: 'RevokeMandateSuccess', mandate: { status: 'REVOKED', revokedAt: now.toISOString() } });
    const again = await execute<{ revokeMandate: { __typename: string } }>(server.client(tokens.marie), REVOKE, { id: granted.mandate.id });
    expect(again.data!.revokeMandate.__typename).toBe('InvalidTransitionError');
  });

  it('does expire at validUntil, and say so when one tries to revoke it', async () => {
    const granted = await grant(tokens.marie!, { representativeCitizenId: citizenId(HANS), representativeFamilyName: 'Schmitz', scope: 'ALL_CASES', rights: 'READ', validUntil: '2027-03-01T10:00:00Z' });
    expect(granted.mandate.status).toBe('ACTIVE');
    now = new Date('2027-03-01T10:00:00Z');
    try {
      const read = await execute<{ node: { status: string } }>(server.client(tokens.marie), gql`query ($id: ID!) { node(id: $id) { ... on Mandate { status } } }`, { id: granted.mandate.id });
      expect(read.data!.node.status).toBe('EXPIRED');
      const revoke = await execute<{ revokeMandate: { __typename: string; message: string } }>(server.client(tokens.marie), REVOKE, { id: granted.mandate.id });
      expect(revoke.data!.revokeMandate).toEqual({ __typename: 'InvalidTransitionError', message: 'This mandate expired on 2027-03-01T10:00:00.000Z.' });
    } finally {
      now = new Date('2027-03-01T09:00:00Z');
    }
  });

  it('does keep a mandate from anyone but its two persons and agents: another citizen and a service account find nothing', async () => {
    const lea = await newCitizen('Léa');
    const leaToken = await tokenFor({ role: 'citizen', sub: parseGlobalId(lea)!.id });
    const granted = await grant(tokens.marie!, { representativeCitizenId: lea, representativeFamilyName: 'Lemaire', scope: 'ALL_CASES', rights: 'READ' });
    for (const token of [tokens.hans!, tokens.service!]) {
      const read = await execute<{ node: unknown }>(server.client(token), gql`query ($id: ID!) { node(id: $id) { id } }`, { id: granted.mandate.id });
      expect(read.data?.node ?? null).toBeNull();
    }
    const byHans = await execute<{ revokeMandate: { __typename: string } }>(server.client(tokens.hans), REVOKE, { id: granted.mandate.id });
    expect(byHans.data!.revokeMandate.__typename).toBe('NotFoundError');
    const byLea = await execute<{ node: { representedName: string } }>(server.client(leaToken), gql`query ($id: ID!) { node(id: $id) { ... on Mandate { representedName } } }`, { id: granted.mandate.id });
    expect(byLea.data!.node.representedName).toBe('Marie Dupont');
  });
});

describe('mandates and the citizen’s data', () => {
  it('does list them in myData, and end them with the names and proof written by an agent when the citizen is erased', async () => {
    const lucas = await newCitizen('Lucas');
    const token = await tokenFor({ role: 'citizen', sub: parseGlobalId(lucas)!.id });
    const given = await grant(token, { representativeCitizenId: citizenId(HANS), representativeFamilyName: 'Schmitz', scope: 'ALL_CASES', rights: 'READ' });
    const recorded = await execute<{ recordMandate: { mandate: { id: string } } }>(server.client(tokens.first), RECORD, {
      input: { representedCitizenId: lucas, representative: { name: 'Nadia Lemaire', organisation: 'CPAS de Liège' }, scope: 'ALL_CASES', rights: 'ACT', proofNote: 'Jugement de désignation vu' },
    });
    const exported = JSON.parse((await execute<{ myData: string }>(server.client(token), gql`{ myData }`)).data!.myData) as { mandates: { given: { representativeName: string | null }[] } };
    const names = exported.mandates.given.map((mandate) => mandate.representativeName);
    expect(names).toHaveLength(2);
    expect(names).toEqual(expect.arrayContaining(['Nadia Lemaire', null]));

    const admin = await tokenFor({ role: 'agent', sub: 'demo.admin' });
    const erased = await execute<{ anonymizeCitizen: { __typename: string } }>(server.client(admin), gql`mutation ($id: ID!) { anonymizeCitizen(input: { id: $id }) { __typename } }`, { id: lucas });
    expect(erased.data!.anonymizeCitizen.__typename).toBe('AnonymizeCitizenSuccess');
    const read = gql`query ($id: ID!) { node(id: $id) { ... on Mandate { status representativeName representativeOrganisation proofNote } } }`;
    expect((await execute<{ node: { status: string } }>(server.client(tokens.first), read, { id: given.mandate.id })).data!.node.status).toBe('REVOKED');
    expect((await execute<{ node: unknown }>(server.client(tokens.first), read, { id: recorded.data!.recordMandate.mandate.id })).data!.node).toEqual({
      status: 'REVOKED',
      representativeName: '[anonymised]',
      representativeOrganisation: null,
      proofNote: '[anonymised]',
    });
  });
});


import { randomUUID } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import { gql } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '../src/db/client.js';
import { execute, startTestServer, type TestServer, tokenFor } from './helpers/server.js';

// Acceptance of registerContact, the single window, through the public GraphQL API.

let server: TestServer;
let firstLineToken: string;
beforeAll(async () => {
  server = await startTestServer();
  firstLineToken = await tokenFor({ role: 'agent', sub: 'demo.first' });
});
afterAll(() => server?.close());

const MARIE = '00000000-0000-4000-8000-000000000001';
const TRACKING_CODE = /^[A-Z2-9]{5}-[A-Z2-9]{5}$/;
const REFERENCE = /^1718-\d{4}-\d{6}$/;

const REGISTER = gql`
  mutation Register($input: RegisterContactInput!) {
    registerContact(input: $input) {
      __typename
      ... on RegisterContactSuccess {
        createdCase
        trackingCode
        interaction { __typename id channel externalId }
        case {
          id
          reference
          status
          resolution
          resolvedAt
          version
          subject
          originChannel
          currentLine
          service { code }
          theme { code }
          citizen { id }
          referent { login }
        }
      }
      ... on ValidationError { code message problems { path message } }
      ... on NotFoundError { code message entity }
      ... on ConflictError { code message currentVersion }
      ... on RedirectRequired {
        theme { code }
        service { code kind }
        fr: message(language: FR)
        de: message(language: DE)
      }
    }
  }
`;

interface Problem {
  path: string[];
  message: string;
}
interface RegisteredCase {
  id: string;
  reference: string;
  status: string;
  resolution: string | null;
  resolvedAt: string | null;
  version: number;
  subject: string;
  originChannel: string;
  currentLine: string;
  service: { code: string };
  theme: { code: string };
  citizen: { id: string } | null;
  referent: { login: string } | null;
}
type RegisterResult =
  | {
      __typename: 'RegisterContactSuccess';
      createdCase: boolean;
      trackingCode: string | null;
      interaction: { __typename: string; id: string; channel: string; externalId: string | null };
      case: RegisteredCase;
    }
  | { __typename: 'ValidationError'; code: string; message: string; problems: Problem[] }
  | { __typename: 'NotFoundError'; code: string; message: string; entity: string }
  | { __typename: 'ConflictError'; code: string; message: string; currentVersion: number | null }
  | { __typename: 'RedirectRequired'; theme: { code: string }; service: { code: string; kind: string } | null; fr: string | null; de: string | null };

type Of<T extends RegisterResult['__typename']> = Extract<RegisterResult, { __typename: T }>;

async function register(input: Record<string, unknown>, token = firstLineToken): Promise<RegisterResult> {
  const { data, errors } = await execute<{ registerContact: RegisterResult }>(server.client(token), REGISTER, { input });
  expect(errors).toBeUndefined();
  return data!.registerContact;
}

/** The result when it has the expected type; fails the test with the whole result otherwise. */
function expectType<T extends RegisterResult['__typename']>(result: RegisterResult, typename: T): Of<T> {
  expect(result, JSON.stringify(result)).toMatchObject({ __typename: typename });
  return result as Of<T>;
}

async function registered(input: Record<string, unknown>, token = firstLineToken) {
  return expectType(await register(input, token), 'RegisterContactSuccess');
}

async function count(table: string, where: SQL = sql`true`): Promise<number> {
  const [row] = await selectRows<{ n: number }>(server.database.handle.db, sql`select count(*)::int as n from ${sql.identifier(table)} where ${where}`);
  return Number(row!.n);
}

/** Rows of the tables a contact writes to, to show that a refused one wrote nothing. */
async function writtenRows() {
  return {
    cases: await count('cases'),
    citizens: await count('citizens'),
    contactPoints: await count('contact_points'),
    interactions: await count('interactions'),
    caseEvents: await count('case_events'),
  };
}

let serial = 0;
/**
 * A valid national register number nobody has: born in 1930 (the demo citizens are born from
 * 1935 on), with a serial unique to this file (each file has its own database).
 */
function freshNationalNumber(): string {
  if (serial >= 997) throw new Error('Out of fresh national numbers.');
  serial += 1;
  const body = `300101${String(serial).padStart(3, '0')}`;
  return body + String(97 - (Number(body) % 97)).padStart(2, '0');
}
/** A landline number in Namur: the demo citizens only have mobile numbers. */
function freshPhone(): string {
  const digits = String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0');
  return `081 ${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4)}`;
}
function freshEmail(): string {
  return `citizen.${randomUUID().slice(0, 8)}@guichet-test.example`;
}

function newCall(overrides: Record<string, unknown> = {}) {
  return {
    channel: 'PHONE',
    themeCode: 'ENERGY.PREMIUMS',
    subject: 'Prime pour l’isolation du toit',
    summary: 'Demande les conditions de la prime isolation.',
    phone: { line: '1718', callerNumber: '0471 23 45 67', waitSeconds: 35, talkSeconds: 240, ivrPath: ['1', '3'] },
    ...overrides,
  };
}

const CASE_HISTORY = gql`
  query CaseHistory($id: ID!) {
    case(id: $id) {
      id
      reference
      citizen { id }
      interactions(first: 20) {
        edges {
          node {
            __typename
            id
            channel
            direction
            externalId
            summary
            agent { login }
            ... on PhoneCall { line callerNumberMasked waitSeconds talkSeconds ivrPath abandoned }
            ... on EmailMessage { from to subject messageId }
            ... on CounterVisit { counter { code } ticket }
          }
        }
      }
      timeline(first: 50) {
        edges { cursor node { cursor type visibility actorKind actorAgent { login } payload } }
      }
    }
  }
`;

interface CaseHistory {
  case: {
    id: string;
    reference: string;
    citizen: { id: string } | null;
    interactions: { edges: { node: Record<string, unknown> & { __typename: string; id: string } }[] };
    timeline: {
      edges: { cursor: string; node: { cursor: string; type: string; visibility: string; actorKind: string; actorAgent: { login: string } | null; payload: string } }[];
    };
  } | null;
}

async function caseHistory(id: string) {
  const { data, errors } = await execute<CaseHistory>(server.client(firstLineToken), CASE_HISTORY, { id });
  expect(errors).toBeUndefined();
  expect(data?.case).not.toBeNull();
  return data!.case!;
}

function eventsOf(history: NonNullable<CaseHistory['case']>) {
  return history.timeline.edges.map((edge) => ({ ...edge.node, payload: JSON.parse(edge.node.payload) as Record<string, unknown> }));
}

/** A well-formed global id of a case that does not exist. */
function unknownCaseId(knownCaseId: string): string {
  const decoded = Buffer.from(knownCaseId, 'base64').toString('utf8');
  expect(decoded).toMatch(/^Case:[0-9a-f-]{36}$/);
  return Buffer.from(`Case:${randomUUID()}`).toString('base64');
}

const FIND_BY_EMAIL = gql`
  query FindByEmail($email: String!) {
    citizens(search: { email: $email }) { edges { node { id contactPoints { kind value } } } }
  }
`;

/** Marie (demo citizen): her global id and contact points. */
async function marie() {
  const { data, errors } = await execute<{ citizens: { edges: { node: { id: string; contactPoints: { kind: string; value: string }[] } }[] } }>(
    server.client(firstLineToken),
    FIND_BY_EMAIL,
    { email: 'marie.dupont0@example.org' },
  );
  expect(errors).toBeUndefined();
  expect(data!.citizens.edges).toHaveLength(1);
  return data!.citizens.edges[0]!.node;
}

describe('registerContact: one case across channels', () => {
  it('opens a case when a new citizen calls the 1718, and attaches an e-mail (caseId) and a counter visit (caseReference) to it', async () => {
    const nationalNumber = freshNationalNumber();
    const before = await writtenRows();
    const call = await registered(
      newCall({
        citizen: { givenName: 'Élise', familyName: 'Renson', nationalNumber, phone: freshPhone() },
      }),
    );
    expect(call.createdCase).toBe(true);
    expect(call.trackingCode).toMatch(TRACKING_CODE);
    expect(call.case.reference).toMatch(REFERENCE);
    expect(call.case).toMatchObject({
      status: 'NEW',
      resolution: null,
      version: 1,
      subject: 'Prime pour l’isolation du toit',
      originChannel: 'PHONE',
      currentLine: 'FIRST',
      service: { code: 'SG-1718' },
      theme: { code: 'ENERGY.PREMIUMS' },
      referent: { login: 'demo.first' },
    });
    expect(call.case.citizen).not.toBeNull();
    expect(call.interaction).toMatchObject({ __typename: 'PhoneCall', channel: 'PHONE' });

    const email = await registered({
      channel: 'EMAIL',
      caseId: call.case.id,
      summary: 'Envoie la facture de l’entrepreneur.',
      email: { from: 'elise.renson@example.net', to: '1718@spw.wallonie.be', subject: 'Facture isolation', messageId: '<abc.123@example.net>' },
    });
    expect(email.createdCase).toBe(false);
    expect(email.trackingCode).toBeNull();
    expect(email.case.id).toBe(call.case.id);
    expect(email.case.reference).toBe(call.case.reference);
    expect(email.interaction).toMatchObject({ __typename: 'EmailMessage', channel: 'EMAIL' });

    const visit = await registered({
      channel: 'COUNTER',
      caseReference: call.case.reference,
      summary: 'Dépose les documents signés.',
      counter: { counterCode: 'EW-LIEGE', ticket: 'A042' },
    });
    expect(visit.createdCase).toBe(false);
    expect(visit.trackingCode).toBeNull();
    expect(visit.case.id).toBe(call.case.id);
    expect(visit.interaction).toMatchObject({ __typename: 'CounterVisit', channel: 'COUNTER' });

    const history = await caseHistory(call.case.id);
    expect(history.citizen?.id).toBe(call.case.citizen!.id);
    const interactions = history.interactions.edges.map((edge) => edge.node);
    expect(interactions.map((node) => node.__typename)).toEqual(['PhoneCall', 'EmailMessage', 'CounterVisit']);
    expect(interactions.map((node) => node.id)).toEqual([call.interaction.id, email.interaction.id, visit.interaction.id]);
    const [phoneCall, emailMessage, counterVisit] = interactions;
    expect(phoneCall).toMatchObject({
      channel: 'PHONE',
      direction: 'INBOUND',
      line: '1718',
      waitSeconds: 35,
      talkSeconds: 240,
      ivrPath: ['1', '3'],
      abandoned: false,
      agent: { login: 'demo.first' },
      summary: 'Demande les conditions de la prime isolation.',
    });
    // Only the country code and the last four digits of the caller's number are kept.
    expect(phoneCall!.callerNumberMasked).toMatch(/^\+32 \*+4567$/);
    expect(String(phoneCall!.callerNumberMasked)).not.toContain('471');
    expect(emailMessage).toMatchObject({
      channel: 'EMAIL',
      from: 'elise.renson@example.net',
      to: '1718@spw.wallonie.be',
      subject: 'Facture isolation',
      messageId: '<abc.123@example.net>',
    });
    expect(counterVisit).toMatchObject({ channel: 'COUNTER', counter: { code: 'EW-LIEGE' }, ticket: 'A042' });

    const events = eventsOf(history);
    expect(events.map((event) => event.type)).toEqual(['CASE_CREATED', 'INTERACTION_ADDED', 'INTERACTION_ADDED', 'INTERACTION_ADDED']);
    const cursors = events.map((event) => BigInt(event.cursor));
    for (let index = 1; index < cursors.length; index++) expect(cursors[index]! > cursors[index - 1]!).toBe(true);
    expect(history.timeline.edges.map((edge) => edge.cursor)).toHaveLength(4);
    expect(events.slice(1).map((event) => event.payload.channel)).toEqual(['PHONE', 'EMAIL', 'COUNTER']);
    expect(events.every((event) => event.actorKind === 'AGENT' && event.actorAgent?.login === 'demo.first')).toBe(true);

    // One case, one new citizen (with the phone as contact point), three interactions, four events.
    const after = await writtenRows();
    expect(after).toEqual({
      cases: before.cases + 1,
      citizens: before.citizens + 1,
      contactPoints: before.contactPoints + 1,
      interactions: before.interactions + 3,
      caseEvents: before.caseEvents + 4,
    });
  });

  it('answers a German-line call on a new case in German when no citizen is given', async () => {
    const call = await registered(newCall({ phone: { line: '1719' } }));
    expect(call.case.citizen).toBeNull();
    const { data } = await execute<{ case: { language: string } }>(server.client(firstLineToken), gql`query ($id: ID!) { case(id: $id) { language } }`, {
      id: call.case.id,
    });
    expect(data?.case.language).toBe('DE');
  });
});

describe('registerContact: idempotent ingestion by (channel, externalId)', () => {
  it('records one interaction when the same call is sent twice', async () => {
    const externalId = `call-${randomUUID()}`;
    const first = await registered(newCall({ externalId }));
    const second = await registered(newCall({ externalId }));
    expect(second.interaction.id).toBe(first.interaction.id);
    expect(second.case.id).toBe(first.case.id);
    expect(second.case.reference).toBe(first.case.reference);
    expect(second.interaction.externalId).toBe(externalId);
    // The tracking code is given once, when the case is opened.
    expect(first.trackingCode).toMatch(TRACKING_CODE);
    expect(second.trackingCode).toBeNull();
    expect(await count('interactions', sql`channel = 'PHONE' and external_id = ${externalId}`)).toBe(1);
    expect(await count('case_events', sql`case_id = (select id from cases where reference = ${first.case.reference})`)).toBe(2);
    expect(await count('cases', sql`reference = ${first.case.reference}`)).toBe(1);
  });

  it('records one interaction, one case and one citizen when the same call of a new citizen arrives five times at once (a race on Postgres; on PGlite one connection takes turns)', async () => {
    const externalId = `call-${randomUUID()}`;
    const before = await writtenRows();
    const input = newCall({ externalId, citizen: { givenName: 'Lucas', familyName: 'Pirard', nationalNumber: freshNationalNumber(), phone: freshPhone() } });
    const results = await Promise.all(Array.from({ length: 5 }, () => register(input)));
    const successes = results.map((result) => expectType(result, 'RegisterContactSuccess'));
    expect(new Set(successes.map((result) => result.interaction.id)).size).toBe(1);
    expect(new Set(successes.map((result) => result.case.id)).size).toBe(1);
    expect(new Set(successes.map((result) => result.case.citizen?.id)).size).toBe(1);
    expect(successes.filter((result) => result.trackingCode !== null)).toHaveLength(1);
    expect(await count('interactions', sql`channel = 'PHONE' and external_id = ${externalId}`)).toBe(1);
    const after = await writtenRows();
    expect(after).toEqual({
      cases: before.cases + 1,
      citizens: before.citizens + 1,
      contactPoints: before.contactPoints + 1,
      interactions: before.interactions + 1,
      caseEvents: before.caseEvents + 2,
    });
  });

  it('records one interaction when the same e-mail on an existing case arrives five times at once (a race on Postgres; on PGlite one connection takes turns)', async () => {
    const call = await registered(newCall());
    const messageId = `<${randomUUID()}@example.net>`;
    const input = {
      channel: 'EMAIL',
      externalId: messageId,
      caseId: call.case.id,
      email: { from: 'someone@example.net', to: '1718@spw.wallonie.be', subject: 'Suite de mon appel', messageId },
    };
    const results = await Promise.all(Array.from({ length: 5 }, () => register(input)));
    const successes = results.map((result) => expectType(result, 'RegisterContactSuccess'));
    expect(new Set(successes.map((result) => result.interaction.id)).size).toBe(1);
    expect(successes.every((result) => result.case.id === call.case.id && result.createdCase === false && result.trackingCode === null)).toBe(true);
    expect(await count('interactions', sql`channel = 'EMAIL' and external_id = ${messageId}`)).toBe(1);
    const history = await caseHistory(call.case.id);
    expect(history.interactions.edges).toHaveLength(2);
    expect(eventsOf(history).map((event) => event.type)).toEqual(['CASE_CREATED', 'INTERACTION_ADDED', 'INTERACTION_ADDED']);
  });

  it('registers one citizen when an unknown person makes several first contacts at the same time (a race on Postgres; on PGlite one connection takes turns)', async () => {
    const email = freshEmail();
    const citizen = { givenName: 'Élise', familyName: 'Concurrente', email };
    const results = await Promise.all(Array.from({ length: 5 }, () => register(newCall({ citizen }))));
    const successes = results.map((result) => expectType(result, 'RegisterContactSuccess'));
    expect(new Set(successes.map((result) => result.case.id)).size).toBe(5);
    expect(await count('contact_points', sql`kind = 'EMAIL' and normalized_value = ${email}`)).toBe(1);
    expect(await count('citizens', sql`family_name = 'Concurrente' and id in (select citizen_id from contact_points where normalized_value = ${email})`)).toBe(1);
  });

  it('records two interactions when the same externalId comes on two different channels', async () => {
    const externalId = `shared-${randomUUID()}`;
    const call = await registered(newCall({ externalId }));
    const chat = await registered({ channel: 'CHAT', externalId, caseId: call.case.id, chat: { messageCount: 4 } });
    expect(chat.interaction.id).not.toBe(call.interaction.id);
    expect(await count('interactions', sql`external_id = ${externalId}`)).toBe(2);
  });
});

describe('registerContact: finding the citizen again', () => {
  it('finds the citizen by national number, then by e-mail, then by phone, without registering them twice', async () => {
    const nationalNumber = freshNationalNumber();
    const email = freshEmail();
    const phone = freshPhone();
    const citizensBefore = await count('citizens');
    const first = await registered(newCall({ citizen: { givenName: 'Anne', familyName: 'Gérard', nationalNumber, email, phone } }));
    const citizenId = first.case.citizen!.id;
    expect(citizenId).toBeTruthy();
    expect(await count('citizens')).toBe(citizensBefore + 1);

    // The national number alone, written with dots and dashes.
    const written = `${nationalNumber.slice(0, 2)}.${nationalNumber.slice(2, 4)}.${nationalNumber.slice(4, 6)}-${nationalNumber.slice(6, 9)}.${nationalNumber.slice(9)}`;
    const byNationalNumber = await registered(newCall({ citizen: { nationalNumber: written } }));
    expect(byNationalNumber.case.citizen?.id).toBe(citizenId);
    expect(byNationalNumber.case.id).not.toBe(first.case.id);

    // The e-mail alone, in other letter case.
    const byEmail = await registered(newCall({ citizen: { email: email.toUpperCase() } }));
    expect(byEmail.case.citizen?.id).toBe(citizenId);

    // The phone alone, in the international writing.
    const byPhone = await registered(newCall({ citizen: { phone: `+32 ${phone.slice(1)}` } }));
    expect(byPhone.case.citizen?.id).toBe(citizenId);

    expect(await count('citizens')).toBe(citizensBefore + 1);
  });

  it('prefers the national number to the e-mail, and the e-mail to the phone, when they designate different citizens', async () => {
    const marieCitizen = await marie();
    const mariePhone = marieCitizen.contactPoints.find((point) => point.kind === 'PHONE')!.value;
    expect(mariePhone).toBeTruthy();

    const nationalNumber = freshNationalNumber();
    const email = freshEmail();
    const first = await registered(newCall({ citizen: { givenName: 'Paul', familyName: 'Hennuy', nationalNumber, email } }));
    const citizenId = first.case.citizen!.id;
    expect(citizenId).not.toBe(marieCitizen.id);
    const citizensBefore = await count('citizens');

    const nationalNumberWins = await registered(newCall({ citizen: { nationalNumber, email: 'marie.dupont0@example.org' } }));
    expect(nationalNumberWins.case.citizen?.id).toBe(citizenId);
    const emailWins = await registered(newCall({ citizen: { email, phone: mariePhone } }));
    expect(emailWins.case.citizen?.id).toBe(citizenId);
    expect(await count('citizens')).toBe(citizensBefore);
  });

  it('refuses to attach a contact of one citizen to the case of another, and writes nothing', async () => {
    const call = await registered(newCall({ citizen: { givenName: 'Claire', familyName: 'Delhaye', nationalNumber: freshNationalNumber() } }));
    const before = await writtenRows();
    const marieGlobalId = (await marie()).id;
    const result = expectType(
      await register({ channel: 'CHAT', caseId: call.case.id, citizenId: marieGlobalId, chat: { messageCount: 2 } }),
      'ValidationError',
    );
    expect(result.problems.map((problem) => problem.path)).toContainEqual(['input', 'citizenId']);
    expect(await writtenRows()).toEqual(before);
  });
});

describe('registerContact: refusals write nothing', () => {
  it('returns ValidationError on input.citizen.nationalNumber when the national number fails the mod-97 check', async () => {
    const before = await writtenRows();
    const result = expectType(
      await register(newCall({ citizen: { givenName: 'Jean', familyName: 'Faux', nationalNumber: '85073003329', phone: freshPhone() } })),
      'ValidationError',
    );
    expect(result.code).toBe('BAD_USER_INPUT');
    expect(result.problems.map((problem) => problem.path)).toContainEqual(['input', 'citizen', 'nationalNumber']);
    // The number itself never appears in errors.
    expect(JSON.stringify(result)).not.toContain('85073003329');
    expect(await writtenRows()).toEqual(before);
  });

  it('returns ValidationError naming both fields when an EMAIL contact comes with phone details', async () => {
    const before = await writtenRows();
    const result = expectType(await register(newCall({ channel: 'EMAIL' })), 'ValidationError');
    const paths = result.problems.map((problem) => problem.path);
    expect(paths).toContainEqual(['input', 'email']);
    expect(paths).toContainEqual(['input', 'phone']);
    expect(await writtenRows()).toEqual(before);
  });

  it('returns ValidationError on themeCode and subject when a new case has neither', async () => {
    const before = await writtenRows();
    const result = expectType(await register(newCall({ themeCode: undefined, subject: undefined })), 'ValidationError');
    const paths = result.problems.map((problem) => problem.path);
    expect(paths).toContainEqual(['input', 'themeCode']);
    expect(paths).toContainEqual(['input', 'subject']);
    expect(await writtenRows()).toEqual(before);
  });

  it('returns ValidationError on themeCode when the theme does not exist', async () => {
    const before = await writtenRows();
    const result = expectType(await register(newCall({ themeCode: 'NO.SUCH.THEME' })), 'ValidationError');
    expect(result.problems.map((problem) => problem.path)).toContainEqual(['input', 'themeCode']);
    expect(await writtenRows()).toEqual(before);
  });

  it('returns ValidationError on input.citizen.givenName when an unknown citizen comes without names', async () => {
    const before = await writtenRows();
    const result = expectType(await register(newCall({ citizen: { email: freshEmail() } })), 'ValidationError');
    expect(result.problems.map((problem) => problem.path)).toContainEqual(['input', 'citizen', 'givenName']);
    expect(await writtenRows()).toEqual(before);
  });

  it('returns a typed NotFoundError when the caseId or caseReference names no case, and writes nothing (not even the new citizen)', async () => {
    const call = await registered(newCall());
    const before = await writtenRows();
    const byId = expectType(
      await register({
        channel: 'CHAT',
        caseId: unknownCaseId(call.case.id),
        citizen: { givenName: 'Nina', familyName: 'Fantôme', nationalNumber: freshNationalNumber() },
        chat: { messageCount: 3 },
      }),
      'NotFoundError',
    );
    expect(byId).toMatchObject({ code: 'NOT_FOUND', entity: 'Case' });
    const byReference = expectType(
      await register({ channel: 'CHAT', caseReference: '1718-2099-999999', externalId: `chat-${randomUUID()}`, chat: { messageCount: 3 } }),
      'NotFoundError',
    );
    expect(byReference).toMatchObject({ code: 'NOT_FOUND', entity: 'Case' });
    // Missing by id or by reference, the answer is the same (hidden against missing: next test).
    expect(byReference.message).toBe(byId.message);
    expect(await writtenRows()).toEqual(before);
  });

  it('returns NotFoundError, like a missing case, when a back-office agent attaches a contact to a first-line case it may not read', async () => {
    const call = await registered(newCall());
    const housingToken = await tokenFor({ role: 'agent', sub: 'demo.housing' });
    const before = await writtenRows();
    const hidden = expectType(await register({ channel: 'CHAT', caseId: call.case.id, chat: { messageCount: 1 } }, housingToken), 'NotFoundError');
    const missing = expectType(await register({ channel: 'CHAT', caseId: unknownCaseId(call.case.id), chat: { messageCount: 1 } }, housingToken), 'NotFoundError');
    expect(hidden).toEqual(missing);
    // By reference too: the hidden case's real reference answers like one that does not exist.
    const hiddenByReference = expectType(await register({ channel: 'CHAT', caseReference: call.case.reference, chat: { messageCount: 1 } }, housingToken), 'NotFoundError');
    const missingByReference = expectType(await register({ channel: 'CHAT', caseReference: '1718-2099-999999', chat: { messageCount: 1 } }, housingToken), 'NotFoundError');
    expect(hiddenByReference).toEqual(missingByReference);
    expect(hiddenByReference).toEqual(missing);
    expect(await writtenRows()).toEqual(before);
  });
});

describe('registerContact: redirect and first-contact resolution', () => {
  it('returns RedirectRequired with the tax call centre and a French and German message when the first line gets a personal tax file question, and opens no case', async () => {
    const before = await writtenRows();
    const result = expectType(
      await register(
        newCall({
          themeCode: 'TAXATION.PERSONAL_FILE',
          subject: 'Question sur mon avertissement-extrait de rôle',
          citizen: { givenName: 'Henri', familyName: 'Taxé', nationalNumber: freshNationalNumber() },
        }),
      ),
      'RedirectRequired',
    );
    expect(result.theme.code).toBe('TAXATION.PERSONAL_FILE');
    expect(result.service).toMatchObject({ code: 'EXT-TAX-CALLCENTRE', kind: 'EXTERNAL' });
    expect(result.fr?.trim()).toBeTruthy();
    expect(result.de?.trim()).toBeTruthy();
    expect(result.de).not.toBe(result.fr);
    expect(result.fr).toContain('1718');
    expect(await writtenRows()).toEqual(before);
  });

  it('resolves the case at first contact when registerContact carries a resolution', async () => {
    const call = await registered(newCall({ resolution: 'ANSWERED' }));
    expect(call.createdCase).toBe(true);
    expect(call.case).toMatchObject({ status: 'RESOLVED', resolution: 'ANSWERED' });
    expect(call.case.resolvedAt).not.toBeNull();
    const events = eventsOf(await caseHistory(call.case.id));
    expect(events.map((event) => event.type)).toEqual(['CASE_CREATED', 'INTERACTION_ADDED', 'STATUS_CHANGED']);
    expect(events[2]!.payload).toMatchObject({ from: 'NEW', to: 'RESOLVED', resolution: 'ANSWERED' });
    expect(events[2]!.visibility).toBe('CITIZEN');
  });

  it('resolves an existing case when a later contact carries a resolution', async () => {
    const call = await registered(newCall());
    const chat = await registered({ channel: 'CHAT', caseId: call.case.id, chat: { messageCount: 6 }, resolution: 'APPOINTMENT_BOOKED' });
    expect(chat.createdCase).toBe(false);
    expect(chat.case).toMatchObject({ id: call.case.id, status: 'RESOLVED', resolution: 'APPOINTMENT_BOOKED' });
    const events = eventsOf(await caseHistory(call.case.id));
    expect(events.map((event) => event.type)).toEqual(['CASE_CREATED', 'INTERACTION_ADDED', 'INTERACTION_ADDED', 'STATUS_CHANGED']);
  });

  it('returns a typed error and writes nothing when a contact with a resolution is attached to a case already RESOLVED', async () => {
    const call = await registered(newCall({ resolution: 'ANSWERED' }));
    const before = await writtenRows();
    const { data, errors } = await execute<{ registerContact: { __typename: string; code?: string; message?: string } | null }>(
      server.client(firstLineToken),
      gql`
        mutation ($input: RegisterContactInput!) {
          registerContact(input: $input) { __typename ... on Error { code message } }
        }
      `,
      { input: { channel: 'CHAT', caseId: call.case.id, chat: { messageCount: 1 }, resolution: 'ANSWERED' } },
    );
    expect(await writtenRows()).toEqual(before);
    expect(errors).toBeUndefined();
    expect(['InvalidTransitionError', 'ValidationError']).toContain(data?.registerContact?.__typename);
    expect(data?.registerContact?.code).toBe('BAD_USER_INPUT');
  });
});

describe('registerContact: access', () => {
  it('refuses a citizen with FORBIDDEN and no data, and writes nothing', async () => {
    const citizenToken = await tokenFor({ role: 'citizen', sub: MARIE });
    const before = await writtenRows();
    const { data, errors } = await execute<{ registerContact: RegisterResult | null }>(server.client(citizenToken), REGISTER, { input: newCall() });
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(data?.registerContact ?? null).toBeNull();
    expect(await writtenRows()).toEqual(before);
  });

  it('refuses an anonymous caller with UNAUTHENTICATED', async () => {
    const { data, errors } = await execute<{ registerContact: RegisterResult | null }>(server.client(), REGISTER, { input: newCall() });
    expect(errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(data?.registerContact ?? null).toBeNull();
  });
});

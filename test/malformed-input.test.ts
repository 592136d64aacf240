import { randomUUID } from 'node:crypto';
import { type GraphQLArgument, type GraphQLInputField, type GraphQLInputType, getNamedType, isEnumType, isInputObjectType, isScalarType } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../src/schema/index.js';
import {
  argumentsWith as argumentsWithIds,
  b64,
  b64url,
  everyArgument as everyArgumentOf,
  type Holder,
  idTypesOf,
  operationFor,
  rawGlobalId as globalId,
  seedIdsOf,
  type Target,
} from './helpers/schema-arguments.js';
import { inPool } from './helpers/pool.js';
import { startTestServer, type TestServer, tokenFor } from './helpers/server.js';

// Every argument of every root field, read from the schema itself (a new field is covered
// without touching this file), is sent malformed values one at a time, the other arguments
// being plausible. No answer may be an internal error, and the server may log nothing above
// info: bad input is the client's problem, never the server's.

const MARIE = '00000000-0000-4000-8000-000000000001';
const CONCURRENCY = 4;

let server: TestServer;
const logLines: Record<string, unknown>[] = [];
const tokens: Record<string, string | undefined> = { anonymous: undefined };
/** A readable object of each type that an ID argument may name, from the seed. */
const seedIds = new Map<string, string>();

beforeAll(async () => {
  server = await startTestServer({
    env: { LOG_LEVEL: 'info' },
    logStream: { write: (line) => logLines.push(JSON.parse(line) as Record<string, unknown>) },
  });
  tokens.admin = await tokenFor({ role: 'agent', sub: 'demo.admin' });
  tokens.citizen = await tokenFor({ role: 'citizen', sub: MARIE });
  // Webhook commands are for service accounts only: an admin is refused before reaching them.
  tokens.serviceAccount = await tokenFor({ role: 'service', sub: 'TLPE-ENERGY' });
  for (const [typename, id] of await seedIdsOf(server.database.handle.db, schema)) seedIds.set(typename, id);
});
afterAll(() => server?.close());

/** A neighbour's id: a readable object of the declared type, from the seed. */
const seedIdFor = (holder: Holder) => seedIds.get(idTypesOf(holder)[0] ?? 'Case');

const everyArgument = () => everyArgumentOf(schema);

const ONE_MEGABYTE = 'a'.repeat(1024 * 1024);
const DATE_TIMES = ['0000-01-01T00:00:00Z', '0001-01-01T00:00:00Z', '10000-01-01T00:00:00Z', '+275760-09-13T00:00:00Z', '2026-02-30T10:00:00Z', '2026-01-01T25:00:00Z', 'x'];
const DATES = ['0000-01-01', '0001-01-01', '10000-01-01', '9999-12-31', '2026-02-30', 'x'];
const CURSORS = [
  'garbage',
  '\u0000',
  b64url('[1e300]'),
  b64url('[99999999999999999999]'),
  b64url('[2147483648]'),
  b64url('[9007199254740991]'),
  b64url(`["0000-01-01T00:00:00Z","${MARIE}"]`),
  b64url(`["2026-02-30T00:00:00Z","${MARIE}"]`),
  b64url(`["+275760-09-13T00:00:00.000Z","${MARIE}"]`),
  b64url(`["a\\u0000","b","${MARIE}"]`),
  b64url(`[1,"a\\u0000","b"]`),
  '99999999999999999999.1',
  '18446744073709551616.0',
  '1.9999999999999999999',
];

/** The malformed values of a leaf, by its type (and its name, for cursors). */
function malformedValues(target: Target): unknown[] {
  const named = getNamedType(target.leaf.type);
  const name = target.path.at(-1)!;
  if (isEnumType(named)) return ['NOT_A_VALUE'];
  if (!isScalarType(named)) return [];
  switch (named.name) {
    case 'ID': {
      const [typename = 'Case'] = idTypesOf(target.leaf);
      const other = typename === 'Citizen' ? 'Case' : 'Citizen';
      return [
        'abc',
        '',
        randomUUID(),
        b64(`${typename}:`),
        b64(`:${randomUUID()}`),
        globalId(other, randomUUID()),
        globalId('NoSuchType', randomUUID()),
        globalId('FieldProblem', randomUUID()),
        globalId(typename, 'not-a-uuid'),
        globalId(typename, '\u0000'),
        'abc\u0000',
      ];
    }
    case 'String':
      return [
        'a\u0000b',
        'x'.repeat(50_000),
        ...(name === 'after' || name === 'before' || /cursor/i.test(name) ? CURSORS : []),
      ];
    case 'Int':
      return [-1, 0, 2147483647, -2147483648, 2147483648];
    case 'Float':
      return [-1e308, 1e308, -1];
    case 'Date':
      return DATES;
    case 'DateTime':
      return DATE_TIMES;
    default:
      return [];
  }
}

/** The arguments of a field with the leaf at `path` set to `value`, and required neighbours filled. */
const argumentsWith = (field: Target['field'], path: string[], value: unknown) => argumentsWithIds(field, path, value, seedIdFor);

interface Probe {
  target: Target;
  value: unknown;
  viewer: string;
}

interface Answer {
  status: number;
  requestId: string | undefined;
  codes: string[];
}

async function send(probe: Probe): Promise<Answer> {
  const args = argumentsWith(probe.target.field, probe.target.path, probe.value);
  const token = tokens[probe.viewer];
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: operationFor(probe.target.root, probe.target.field, args), variables: args }),
  });
  const text = await response.text();
  let body: { errors?: { extensions?: { code?: string } }[] } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    body = {};
  }
  return { status: response.status, requestId: response.headers.get('x-request-id') ?? undefined, codes: (body.errors ?? []).map((error) => String(error.extensions?.code)) };
}

const describeValue = (value: unknown) => {
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 40)}…(${text.length} chars)` : text;
};

/** Sends every probe and lists those answered with an internal error or logged at error level. */
async function faultsOf(probes: Probe[]): Promise<string[]> {
  const answers = await inPool(probes, send, CONCURRENCY);
  const errorLogged = new Set(logLines.filter((line) => Number(line.level) >= 40).map((line) => String(line.reqId ?? line.requestId ?? JSON.stringify(line).match(/"requestId\\?":\\?"([^"\\]+)/)?.[1])));
  const faults: string[] = [];
  answers.forEach((answer, index) => {
    const probe = probes[index]!;
    const internal = answer.status >= 500 || answer.codes.includes('INTERNAL_SERVER_ERROR');
    const logged = answer.requestId !== undefined && errorLogged.has(answer.requestId);
    if (internal || logged) {
      faults.push(`${probe.viewer} ${probe.target.root} ${probe.target.field.name} ${probe.target.path.join('.')} = ${describeValue(probe.value)}: ${answer.status} ${answer.codes.join(',')}${logged ? ' (logged at warn or error level)' : ''}`);
    }
  });
  return faults;
}

function httpTargets(): Target[] {
  return [...everyArgument()].filter((target) => target.root !== 'subscription');
}

describe('malformed input', () => {
  it('never answers an internal error to malformed arguments of any query or mutation, sent by an admin or a service account', { timeout: 120_000 }, async () => {
    const probes = httpTargets().flatMap((target) => malformedValues(target).flatMap((value) => ['admin', 'serviceAccount'].map((viewer) => ({ target, value, viewer }))));
    const started = Date.now();
    const faults = await faultsOf(probes);
    console.info(`malformed input: ${probes.length} requests in ${Date.now() - started} ms`);
    expect(faults).toEqual([]);
  });

  it('never answers an internal error to malformed ids and text sent by a citizen or anonymously', { timeout: 60_000 }, async () => {
    const probes = httpTargets()
      .filter((target) => ['ID', 'String'].includes(getNamedType(target.leaf.type).name))
      .flatMap((target) => malformedValues(target).slice(0, 6).flatMap((value) => ['citizen', 'anonymous'].map((viewer) => ({ target, value, viewer }))));
    const started = Date.now();
    const faults = await faultsOf(probes);
    console.info(`malformed input as citizen or anonymous: ${probes.length} requests in ${Date.now() - started} ms`);
    expect(faults).toEqual([]);
  });

  it('refuses a 1 MB string with 413 before it reaches GraphQL, for the first text argument of every field', async () => {
    const firstText = new Map<string, Target>();
    for (const target of httpTargets()) {
      if (getNamedType(target.leaf.type).name === 'String' && !firstText.has(target.field.name)) firstText.set(target.field.name, target);
    }
    const answers = await inPool([...firstText.values()], (target) => send({ target, value: ONE_MEGABYTE, viewer: 'admin' }), CONCURRENCY);
    console.info(`1 MB strings: ${answers.length} requests`);
    expect(new Set(answers.map((answer) => answer.status))).toEqual(new Set([413]));
    expect(await server.client().request<{ __typename: string }>('{ __typename }')).toEqual({ __typename: 'Query' });
  });
});

describe('global ids', () => {
  const CASE = 'query ($id: ID!) { case(id: $id) { id } }';
  const REGISTER = `mutation ($input: RegisterContactInput!) {
    registerContact(input: $input) { __typename ... on ValidationError { problems { path message } } }
  }`;
  const request = async (query: string, variables: Record<string, unknown>) => {
    const { data, errors } = await server.client(tokens.admin).rawRequest<Record<string, unknown>>(query, variables);
    return { data, errors: errors?.map((error) => ({ code: error.extensions?.code, message: error.message })) };
  };
  const contact = (citizenId: string) => ({ channel: 'CHAT', chat: { messageCount: 1 }, externalId: `malformed-${randomUUID()}`, themeCode: 'ENERGY', subject: 'Question', citizenId });

  it('refuses an id of another type or a malformed one with BAD_USER_INPUT naming the argument', async () => {
    for (const id of [globalId('Citizen', MARIE), 'abc', randomUUID(), b64('Case:')]) {
      const { data, errors } = await request(CASE, { id });
      expect(data?.case ?? null).toBeNull();
      expect(errors).toEqual([{ code: 'BAD_USER_INPUT', message: expect.stringMatching(/^id: Not (a global id|the id of a Case)\.$/) }]);
    }
    const registered = await request(REGISTER, { input: contact(globalId('Case', randomUUID())) });
    expect(registered.errors).toEqual([{ code: 'BAD_USER_INPUT', message: 'input.citizenId: Not the id of a Citizen.' }]);
  });

  it('answers an id of the right type that names nothing as it did: NOT_FOUND, or the ValidationError of the command', async () => {
    for (const id of [globalId('Case', randomUUID()), globalId('Case', 'not-a-uuid')]) {
      expect(await request(CASE, { id })).toEqual({ data: { case: null }, errors: [{ code: 'NOT_FOUND', message: 'Case not found.' }] });
    }
    const registered = await request(REGISTER, { input: contact(globalId('Citizen', randomUUID())) });
    expect(registered).toEqual({
      data: { registerContact: { __typename: 'ValidationError', problems: [{ path: ['input', 'citizenId'], message: 'No citizen has this id.' }] } },
      errors: undefined,
    });
  });
});

describe('malformed subscription arguments', () => {
  it('never ends a subscription with an internal error for malformed arguments', { timeout: 60_000 }, async () => {
    const targets = [...everyArgument()].filter((target) => target.root === 'subscription');
    const client = createClient({
      url: server.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${tokens.admin}` },
      retryAttempts: 0,
    });
    const logged = logLines.length;
    const probes = targets.flatMap((target) => malformedValues(target).map((value) => ({ target, value })));
    console.info(`malformed subscription arguments: ${probes.length} subscriptions`);
    let faults: string[];
    try {
      // Subscriptions share one connection; one that starts is fine and is stopped after a moment.
      faults = (
        await Promise.all(
          probes.map(async ({ target, value }) => {
            const args = argumentsWith(target.field, target.path, value);
            const codes = await new Promise<string[]>((resolve) => {
              const seen: string[] = [];
              const dispose = client.subscribe(
                { query: operationFor(target.root, target.field, args), variables: args },
                {
                  next: (result) => {
                    seen.push(...(result.errors ?? []).map((error) => String(error.extensions?.code)));
                    if (result.errors) resolve(seen);
                  },
                  error: (error) => resolve([...seen, ...(Array.isArray(error) ? error.map((item: { extensions?: { code?: string } }) => String(item.extensions?.code)) : ['CLOSED'])]),
                  complete: () => resolve(seen),
                },
              );
              setTimeout(() => {
                dispose();
                resolve(seen);
              }, 500);
            });
            return codes.includes('INTERNAL_SERVER_ERROR') || codes.includes('CLOSED') ? [`subscription ${target.field.name} ${target.path.join('.')} = ${describeValue(value)}: ${codes.join(',')}`] : [];
          }),
        )
      ).flat();
    } finally {
      await client.dispose();
    }
    expect(faults).toEqual([]);
    expect(logLines.slice(logged).filter((line) => Number(line.level) >= 40)).toEqual([]);
  });
});

describe('every id argument', () => {
  /** Ids that name something in another system, not one of our objects: free text by design. */
  const EXTERNAL_IDS = ['RegisterContactInput.externalId', 'EmailDetailsInput.messageId', 'OnlineProcedureDetailsInput.submissionId'];
  const looksLikeId = (name: string, type: GraphQLInputType) => /^(id|ids)$|Ids?$/.test(name) || getNamedType(type).name === 'ID';

  /** Every argument (of any field) and input field that takes an id, named as Type.field(arg) or Input.field. */
  function idHolders(): { name: string; holder: GraphQLArgument | GraphQLInputField }[] {
    const holders: { name: string; holder: GraphQLArgument | GraphQLInputField }[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      if (isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) if (looksLikeId(field.name, field.type)) holders.push({ name: `${type.name}.${field.name}`, holder: field });
      } else if ('getFields' in type && !isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          for (const arg of field.args) if (looksLikeId(arg.name, arg.type)) holders.push({ name: `${type.name}.${field.name}(${arg.name})`, holder: arg });
        }
      }
    }
    return holders;
  }

  it('takes the global id of a declared type, and says so in its description, wherever an input names one of our objects', () => {
    const holders = idHolders();
    expect(holders.length).toBeGreaterThan(30);
    const wrong: string[] = [];
    for (const { name, holder } of holders) {
      if (EXTERNAL_IDS.includes(name)) continue;
      const extensions = holder.extensions as { isRelayGlobalID?: boolean; relayGlobalIDAlwaysParse?: boolean };
      if (getNamedType(holder.type).name !== 'ID' || !extensions.isRelayGlobalID) wrong.push(`${name} is not a global id`);
      else if (idTypesOf(holder).length === 0 && !extensions.relayGlobalIDAlwaysParse) wrong.push(`${name} accepts the id of any type`);
      if (!/\bglobal ids?\b/i.test(holder.description ?? '')) wrong.push(`${name} does not say it takes a global id`);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses a raw uuid, a malformed id and an id of another type with BAD_USER_INPUT naming the input path, for every id of every query and mutation', { timeout: 120_000 }, async () => {
    const targets = httpTargets().filter((target) => getNamedType(target.leaf.type).name === 'ID');
    expect(targets.length).toBeGreaterThan(30);
    const wrongValues = (target: Target) => {
      const [typename = 'Case'] = idTypesOf(target.leaf);
      // node(id:) and nodes(ids:) take the id of any type that has one.
      const anyType = (target.leaf.extensions as { relayGlobalIDAlwaysParse?: boolean }).relayGlobalIDAlwaysParse;
      return [randomUUID(), 'abc', anyType ? globalId('FieldProblem', randomUUID()) : globalId(typename === 'Citizen' ? 'Case' : 'Citizen', randomUUID())];
    };
    const probes = targets.flatMap((target) => wrongValues(target).map((value) => ({ target, value })));
    const answers = await inPool(probes, async ({ target, value }) => {
      // The first viewer the field lets through: most take an admin, webhooks a service account.
      for (const viewer of ['admin', 'serviceAccount', 'citizen']) {
        const args = argumentsWith(target.field, target.path, value);
        const token = tokens[viewer];
        const response = await fetch(server.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: operationFor(target.root, target.field, args), variables: args }),
        });
        const body = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
        const errors = body.errors ?? [];
        if (errors.some((error) => error.extensions?.code === 'FORBIDDEN')) continue;
        return errors.map((error) => `${String(error.extensions?.code)} ${error.message}`);
      }
      return ['FORBIDDEN to every viewer'];
    }, CONCURRENCY);
    const wrong: string[] = [];
    answers.forEach((errors, index) => {
      const { target, value } = probes[index]!;
      const path = target.path.join('.').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const expected = new RegExp(`^BAD_USER_INPUT ${path}(\\.0)?: Not (a global id|the id of an? \\w+( or \\w+)*|the id of an object node\\(id:\\) can fetch)\\.`);
      if (!errors.some((error) => expected.test(error))) wrong.push(`${target.root} ${target.field.name} ${target.path.join('.')} = ${describeValue(value)}: ${errors.join(' | ') || 'no error'}`);
    });
    expect(wrong).toEqual([]);
  });
});

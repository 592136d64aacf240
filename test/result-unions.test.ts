import { randomUUID } from 'node:crypto';
import { getNamedType, type GraphQLUnionType, isInterfaceType, isObjectType, isUnionType, parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../src/schema/index.js';
import { execute, startTestServer, type TestServer, tokenFor } from './helpers/server.js';

// One shape for expected failures: every error type implements `Error` with its fields' types
// unchanged, and the members of a result union never give one field name two types, so that
// `... on Error { code message }` beside any member's own fields always validates.

const errorInterface = () => {
  const face = schema.getType('Error');
  if (!isInterfaceType(face)) throw new Error('The schema has no Error interface.');
  return face;
};

const resultUnions = () => Object.values(schema.getTypeMap()).filter((type): type is GraphQLUnionType => isUnionType(type) && type.name.endsWith('Result'));

/** A selection of __typename, the Error fields, and every failure member's `message`. */
function everyMemberSelection(union: GraphQLUnionType): string {
  const failures = union.getTypes().filter((member) => !member.name.endsWith('Success') && 'message' in member.getFields());
  return `{ __typename ... on Error { code message } ${failures.map((member) => `... on ${member.name} { message }`).join(' ')} }`;
}

describe('error types', () => {
  it('makes every object type named …Error implement Error, with the same type for each of its fields', () => {
    const face = errorInterface();
    const errorTypes = Object.values(schema.getTypeMap()).filter((type) => isObjectType(type) && type.name.endsWith('Error'));
    expect(errorTypes.length).toBeGreaterThanOrEqual(4);
    const mismatches: string[] = [];
    for (const type of errorTypes) {
      if (!isObjectType(type)) continue;
      if (!type.getInterfaces().includes(face)) mismatches.push(`${type.name} does not implement Error`);
      for (const field of Object.values(face.getFields())) {
        const own = type.getFields()[field.name];
        if (String(own?.type) !== String(field.type)) mismatches.push(`${type.name}.${field.name}: ${String(own?.type)}, Error.${field.name}: ${String(field.type)}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('gives a field name one type across the members of every result union (deprecated fields aside)', () => {
    const conflicts: string[] = [];
    for (const union of resultUnions()) {
      const typeOf = new Map<string, string>();
      for (const member of union.getTypes()) {
        for (const field of Object.values(member.getFields())) {
          if (field.deprecationReason) continue;
          const seen = typeOf.get(field.name);
          if (seen === undefined) typeOf.set(field.name, String(field.type));
          else if (seen !== String(field.type)) conflicts.push(`${union.name}: ${member.name}.${field.name} is ${String(field.type)}, another member's is ${seen}`);
        }
      }
    }
    expect(conflicts).toEqual([]);
  });

  it('validates a selection of message on every failure member and of the Error fields, for every result union', () => {
    const mutation = schema.getMutationType()!;
    const invalid: string[] = [];
    for (const field of Object.values(mutation.getFields())) {
      const union = getNamedType(field.type);
      if (!isUnionType(union)) continue;
      const document = `mutation ($input: ${String(field.args[0]!.type)}) { ${field.name}(input: $input) ${everyMemberSelection(union)} }`;
      for (const error of validate(schema, parse(document))) invalid.push(`${field.name}: ${error.message}`);
    }
    expect(invalid).toEqual([]);
  });
});

describe('result unions through the API', () => {
  let server: TestServer;
  let first: string;
  let marie: string;
  const globalId = (typename: string, id: string) => Buffer.from(`${typename}:${id}`).toString('base64');

  beforeAll(async () => {
    server = await startTestServer();
    first = await tokenFor({ role: 'agent', sub: 'demo.first' });
    marie = await tokenFor({ role: 'citizen', sub: '00000000-0000-4000-8000-000000000001' });
  });
  afterAll(() => server?.close());

  const run = async (token: string, name: string, input: Record<string, unknown>) => {
    const union = schema.getType(`${name.charAt(0).toUpperCase()}${name.slice(1)}Result`) as GraphQLUnionType;
    const inputType = String(schema.getMutationType()!.getFields()[name]!.args[0]!.type);
    return execute<Record<string, { __typename: string; code?: string; message?: string }>>(
      server.client(token),
      `mutation ($input: ${inputType}) { ${name}(input: $input) ${everyMemberSelection(union)} }`,
      { input },
    );
  };

  it('answers message and code on a failure of requestHandoff, transitionCase and sendMessage selected member by member', async () => {
    const missingCase = globalId('Case', randomUUID());
    const outcomes = [
      await run(first, 'requestHandoff', { caseId: missingCase, toServiceId: globalId('Service', randomUUID()), reason: 'Dossier à instruire' }),
      await run(first, 'transitionCase', { id: missingCase, to: 'IN_PROGRESS', version: 1 }),
      await run(marie, 'sendMessage', { caseId: missingCase, body: 'Bonjour' }),
    ];
    for (const { data, errors } of outcomes) {
      expect(errors).toBeUndefined();
      const [result] = Object.values(data!);
      expect(result).toEqual({ __typename: 'NotFoundError', code: 'NOT_FOUND', message: 'Case not found.' });
    }
  });

  it('answers the redirect message beside the Error fields on registerContact for a theme the first line does not handle', async () => {
    const { data, errors } = await run(first, 'registerContact', {
      channel: 'PHONE',
      externalId: `redirect-${randomUUID()}`,
      themeCode: 'TAXATION.PERSONAL_FILE',
      subject: 'Ma déclaration',
      phone: { line: '1718', waitSeconds: 10 },
    });
    expect(errors).toBeUndefined();
    expect(data!.registerContact).toEqual({ __typename: 'RedirectRequired', message: expect.stringMatching(/\S/) });
  });
});

import { getNamedType, type GraphQLField, isNonNullType, isObjectType } from 'graphql';
import { gql } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthScopes } from '../src/schema/builder.js';
import { schema } from '../src/schema/index.js';
import { execute, startTestServer, type TestServer, tokenFor } from './helpers/server.js';

// A citizen (or an anonymous caller) may read some types, but not every field of them. Such a
// field is nullable, so that asking it nulls that field alone with an error, not the whole
// response, and its description says who may read it.

type Rule = Partial<AuthScopes> & { $any?: Rule; $all?: Rule };

const ruleOf = (holder: { extensions?: unknown } | undefined): Rule | undefined =>
  (holder?.extensions as { pothosOptions?: { authScopes?: Rule } } | undefined)?.pothosOptions?.authScopes;

/** Whether a citizen (or anyone) may pass the rule; a rule computed by a function is taken as open. */
function opensToCitizens(rule: Rule | undefined): boolean {
  if (rule === undefined || typeof rule === 'function') return true;
  if (rule.public || rule.citizen) return true;
  return rule.$any ? opensToCitizens(rule.$any) : false;
}

/** Every field of a type a citizen may read that a citizen may not read, by its rule or its type's. */
function guardedFields(): { type: string; field: GraphQLField<unknown, unknown>; byFieldRule: boolean }[] {
  const guarded: { type: string; field: GraphQLField<unknown, unknown>; byFieldRule: boolean }[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || !opensToCitizens(ruleOf(type)) || ruleOf(type) === undefined) continue;
    for (const field of Object.values(type.getFields())) {
      const returned = getNamedType(field.type);
      const byFieldRule = !opensToCitizens(ruleOf(field));
      const byTypeRule = isObjectType(returned) && !opensToCitizens(ruleOf(returned));
      if (byFieldRule || byTypeRule) guarded.push({ type: type.name, field, byFieldRule });
    }
  }
  return guarded;
}

describe('staff-only fields in the schema', () => {
  it('makes every field guarded for staff on a type citizens read nullable, and says so: "Staff only." (or "Agents only.")', () => {
    const guarded = guardedFields();
    expect(guarded.map(({ type, field }) => `${type}.${field.name}`)).toEqual(expect.arrayContaining(['Case.notes', 'Case.interactions', 'Case.confidentiality', 'Citizen.cases']));
    const wrong: string[] = [];
    for (const { type, field, byFieldRule } of guarded) {
      if (isNonNullType(field.type)) wrong.push(`${type}.${field.name} is non-null (${String(field.type)})`);
      if (byFieldRule && !/\b(Staff|Agents) only\./.test(field.description ?? '')) wrong.push(`${type}.${field.name} does not say "Staff only."`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('staff-only fields through the API', () => {
  const MARIE = '00000000-0000-4000-8000-000000000001';
  let server: TestServer;
  let marie: string;
  let caseId: string;

  beforeAll(async () => {
    server = await startTestServer();
    marie = await tokenFor({ role: 'citizen', sub: MARIE });
    const { data } = await execute<{ myCases: { edges: { node: { id: string } }[] } }>(server.client(marie), gql`{ myCases(first: 1) { edges { node { id } } } }`);
    caseId = data!.myCases.edges[0]!.node.id;
  });
  afterAll(() => server?.close());

  it('gives a citizen the rest of their case, and null with a FORBIDDEN error at the path of each staff-only field asked', async () => {
    const { data, errors } = await execute<{ case: Record<string, unknown> }>(
      server.client(marie),
      gql`query ($id: ID!) {
        case(id: $id) {
          id reference status
          notes(first: 2) { edges { node { body } } }
          confidentiality
          assignee { login }
          interactions(first: 2) { edges { cursor } }
          handoffs { id }
          latestInteractions { occurredAt }
          timeline(first: 2) { edges { node { type actorAgent { login } } } }
        }
      }`,
      { id: caseId },
    );
    expect(data?.case).toMatchObject({ id: caseId, reference: expect.any(String), notes: null, confidentiality: null, assignee: null, interactions: null, handoffs: null, latestInteractions: null });
    const forbidden = (errors ?? []).map((error) => ({ code: error.extensions?.code, path: error.path?.join('.') }));
    for (const field of ['notes', 'confidentiality', 'assignee', 'interactions', 'handoffs', 'latestInteractions']) {
      expect(forbidden).toContainEqual({ code: 'FORBIDDEN', path: `case.${field}` });
    }
    expect(forbidden.every((error) => error.code === 'FORBIDDEN')).toBe(true);
    const events = (data!.case.timeline as { edges: { node: { type: string; actorAgent: unknown } }[] }).edges;
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((edge) => typeof edge.node.type === 'string' && edge.node.actorAgent === null)).toBe(true);
  });
});

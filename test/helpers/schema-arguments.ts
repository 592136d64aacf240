import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';
import { type Database, selectRows } from '../../src/db/client.js';

// Reading the schema itself to reach every root field: its arguments (input objects walked to
// their leaves), plausible values for them, and an operation that sends them. Shared by the
// tests that sweep every field (malformed input, the IDOR sweep of representation).

export type Holder = GraphQLArgument | GraphQLInputField;
export type Root = 'query' | 'mutation' | 'subscription';

export interface Target {
  root: Root;
  field: GraphQLField<unknown, unknown>;
  /** Argument name, then input field names. */
  path: string[];
  leaf: Holder;
}

/** What an ID argument is given when it is only a neighbour of the argument under test. */
export type IdFor = (holder: Holder) => unknown;

export const b64 = (text: string) => Buffer.from(text).toString('base64');
export const b64url = (text: string) => Buffer.from(text).toString('base64url');
export const rawGlobalId = (typename: string, id: string) => b64(`${typename}:${id}`);

export function rootFields(schema: GraphQLSchema): { root: Root; type: GraphQLObjectType }[] {
  return [
    { root: 'query' as const, type: schema.getQueryType()! },
    { root: 'mutation' as const, type: schema.getMutationType()! },
    { root: 'subscription' as const, type: schema.getSubscriptionType()! },
  ].filter((entry) => entry.type);
}

/** The typenames an ID argument is declared for (Pothos keeps them in extensions); none for node(id:). */
export function idTypesOf(field: Holder): string[] {
  const declared = (field.extensions as { relayGlobalIDFor?: { typename: string }[] | null }).relayGlobalIDFor;
  return declared?.map((entry) => entry.typename) ?? [];
}

/** Every leaf (scalar or enum) reachable from a root field's arguments, input objects walked recursively. */
export function* everyArgument(schema: GraphQLSchema): Generator<Target> {
  for (const { root, type } of rootFields(schema)) {
    for (const field of Object.values(type.getFields())) yield* leavesOf(root, field);
  }
}

/** The leaves of one root field's arguments. */
export function* leavesOf(root: Root, field: GraphQLField<unknown, unknown>): Generator<Target> {
  for (const arg of field.args) yield* leaves(root, field, [arg.name], arg, new Set());
}

function* leaves(root: Root, field: GraphQLField<unknown, unknown>, path: string[], leaf: Holder, seen: Set<string>): Generator<Target> {
  const named = getNamedType(leaf.type);
  if (isInputObjectType(named)) {
    if (seen.has(named.name)) return;
    for (const inner of Object.values(named.getFields())) yield* leaves(root, field, [...path, inner.name], inner, new Set([...seen, named.name]));
    return;
  }
  yield { root, field, path, leaf };
}

/** The typenames the schema's ID arguments are declared for, Case always among them. */
export function idTargets(schema: GraphQLSchema): Set<string> {
  const targets = new Set<string>(['Case']);
  for (const { leaf } of everyArgument(schema)) for (const typename of idTypesOf(leaf)) targets.add(typename);
  return targets;
}

/** A global id of one row of each type an ID argument may name (the first row of its table, from the seed), or of a random uuid. */
export async function seedIdsOf(db: Database, schema: GraphQLSchema): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const typename of idTargets(schema)) {
    const table = `${typename.replace(/(?<=[a-z])([A-Z])/g, '_$1').toLowerCase().replace(/y$/, 'ie')}s`;
    const rows = await selectRows<{ id: string }>(db, sql.raw(`select id::text as id from ${table} order by id limit 1`)).catch(() => []);
    ids.set(typename, rawGlobalId(typename, rows[0]?.id ?? randomUUID()));
  }
  return ids;
}

/** Strings some arguments must have to get past their first check. */
export function plausibleString(name: string): string {
  if (/themeCode/i.test(name)) return 'ENERGY';
  if (/email/i.test(name)) return 'someone@example.org';
  if (/phone/i.test(name)) return '+3281000000';
  if (/url/i.test(name)) return 'https://example.org/hook';
  return 'x';
}

/** A plausible value of a type: what an argument's neighbours are given (input objects get their required fields). */
export function validValue(type: GraphQLInputType, holder: Holder, idFor: IdFor, seen = new Set<string>()): unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return [validValue(nullable.ofType, holder, idFor, seen)];
  // Variables carry an enum's name, not its internal value.
  if (isEnumType(nullable)) return nullable.getValues()[0]!.name;
  if (isInputObjectType(nullable)) {
    const value: Record<string, unknown> = {};
    for (const inner of Object.values(nullable.getFields())) {
      if (isNonNullType(inner.type) && inner.defaultValue === undefined && !seen.has(nullable.name)) {
        value[inner.name] = validValue(inner.type, inner, idFor, new Set([...seen, nullable.name]));
      }
    }
    return value;
  }
  if (isScalarType(nullable)) {
    switch (nullable.name) {
      case 'ID':
        return idFor(holder);
      case 'Int':
        return 1;
      case 'Float':
        return 1;
      case 'Boolean':
        return false;
      case 'Date':
        return '2026-01-02';
      case 'DateTime':
        return '2026-01-02T09:00:00.000Z';
      default:
        return plausibleString(holder.name);
    }
  }
  throw new Error(`No plausible value for ${String(type)}`);
}

/** The arguments of a field with the leaf at `path` set to `value`, and required neighbours filled. */
export function argumentsWith(field: GraphQLField<unknown, unknown>, path: string[], value: unknown, idFor: IdFor): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const arg of field.args) {
    if (arg.name === path[0]) args[arg.name] = setAt(arg.type, arg, path.slice(1), value, idFor);
    else if (isNonNullType(arg.type) && arg.defaultValue === undefined) args[arg.name] = validValue(arg.type, arg, idFor);
  }
  return args;
}

function setAt(type: GraphQLInputType, holder: Holder, rest: string[], value: unknown, idFor: IdFor): unknown {
  const nullable = getNullableType(type);
  if (rest.length === 0) return isListType(nullable) ? [value] : value;
  if (isListType(nullable)) return [setAt(nullable.ofType, holder, rest, value, idFor)];
  if (!isInputObjectType(nullable)) throw new Error(`${String(type)} has no field ${rest[0]}`);
  const object = validValue(nullable, holder, idFor) as Record<string, unknown>;
  const inner = nullable.getFields()[rest[0]!]!;
  object[inner.name] = setAt(inner.type, inner, rest.slice(1), value, idFor);
  return object;
}

/**
 * The arguments of a field built leaf by leaf: `choose` gives the value of the leaf at a path
 * (an argument name, then input field names), or undefined, and then a required leaf gets its
 * plausible value and an optional one is left out. An input object is sent when it is required
 * or when one of its leaves was chosen. A chosen value of a list leaf that is not an array is
 * sent as a list of one.
 */
export function buildArguments(field: GraphQLField<unknown, unknown>, choose: (path: string[], leaf: Holder) => unknown, idFor: IdFor): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const arg of field.args) {
    const { value } = build(arg, [arg.name], choose, idFor, new Set());
    if (value !== undefined) args[arg.name] = value;
  }
  return args;
}

function build(holder: Holder, path: string[], choose: (path: string[], leaf: Holder) => unknown, idFor: IdFor, seen: Set<string>): { value: unknown; chosen: boolean } {
  const required = isNonNullType(holder.type) && holder.defaultValue === undefined;
  const asList = isListType(getNullableType(holder.type));
  const named = getNamedType(holder.type);
  if (isInputObjectType(named)) {
    if (seen.has(named.name)) return { value: required ? validValue(holder.type, holder, idFor) : undefined, chosen: false };
    const object: Record<string, unknown> = {};
    let chosen = false;
    for (const inner of Object.values(named.getFields())) {
      const built = build(inner, [...path, inner.name], choose, idFor, new Set([...seen, named.name]));
      if (built.value !== undefined) object[inner.name] = built.value;
      chosen ||= built.chosen;
    }
    if (!required && !chosen) return { value: undefined, chosen: false };
    return { value: asList ? [object] : object, chosen };
  }
  const value = choose(path, holder);
  if (value === undefined) return { value: required ? validValue(holder.type, holder, idFor) : undefined, chosen: false };
  return { value: asList && !Array.isArray(value) ? [value] : value, chosen: true };
}

/** The operation sending a root field with these arguments (as variables) and this selection (`{ __typename }` by default). */
export function operationFor(root: Root, field: GraphQLField<unknown, unknown>, args: Record<string, unknown>, selection?: string): string {
  const declared = field.args.filter((arg) => arg.name in args);
  const variables = declared.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const passed = declared.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const leaf = isScalarType(getNamedType(field.type)) || isEnumType(getNamedType(field.type));
  const selected = leaf ? '' : ` ${selection ?? '{ __typename }'}`;
  return `${root}${variables ? `(${variables})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selected} }`;
}

/**
 * A selection of everything a type shows down to `depth` levels of objects: every field whose
 * arguments all have defaults or are optional (paged fields get `first`/`count` of `pageSize`),
 * `__typename` everywhere, every member of a union or an interface (`members` narrows those of
 * the type at the top), and no type entered twice on one path (a case's citizen's cases…).
 * Objects of the `leavesOnly` types below the top show their scalars only. A field of a member
 * whose name another member uses for another type is aliased `field_Member`, so that the
 * fragments merge.
 */
export function selectionOf(schema: GraphQLSchema, type: GraphQLNamedType, depth: number, options: SelectionOptions = {}): string {
  return selectionWithin(schema, type, depth, options, new Set());
}

export interface SelectionOptions {
  pageSize?: number;
  leavesOnly?: ReadonlySet<string>;
  members?: ReadonlySet<string>;
}

function selectionWithin(schema: GraphQLSchema, type: GraphQLNamedType, depth: number, options: SelectionOptions, path: ReadonlySet<string>): string {
  if (isUnionType(type) || isInterfaceType(type)) {
    const members = (isUnionType(type) ? type.getTypes() : schema.getPossibleTypes(type)).filter((member) => path.size > 0 || !options.members || options.members.has(member.name));
    const signatures = new Map<string, string>();
    const fragments = members.map((member) => {
      const parts = fieldsOf(schema, member, depth, options, path).map((part) => {
        const known = signatures.get(part.name);
        if (known === undefined) signatures.set(part.name, part.signature);
        return known === undefined || known === part.signature ? part.text : `${part.name}_${member.name}: ${part.text}`;
      });
      return `... on ${member.name} { __typename ${parts.join(' ')} }`;
    });
    return `{ __typename ${fragments.join(' ')} }`;
  }
  if (!isObjectType(type)) return '';
  return `{ __typename ${fieldsOf(schema, type, depth, options, path)
    .map((part) => part.text)
    .join(' ')} }`;
}

function fieldsOf(schema: GraphQLSchema, type: GraphQLObjectType, depth: number, options: SelectionOptions, path: ReadonlySet<string>): { name: string; signature: string; text: string }[] {
  const pageSize = options.pageSize ?? 2;
  // Types whose objects are only worth their own scalars (reference data) are not entered further.
  if (options.leavesOnly?.has(type.name) && path.size > 0) depth = 1;
  const within = new Set([...path, type.name]);
  const parts: { name: string; signature: string; text: string }[] = [];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)) continue;
    const paging = field.args.filter((arg) => arg.name === 'first' || arg.name === 'count').map((arg) => `${arg.name}: ${pageSize}`);
    const call = paging.length > 0 ? `${field.name}(${paging.join(', ')})` : field.name;
    const named = getNamedType(field.type);
    const signature = String(field.type);
    if (isScalarType(named) || isEnumType(named)) {
      parts.push({ name: field.name, signature, text: call });
      continue;
    }
    if (depth <= 1 || within.has(named.name)) continue;
    const inner = selectionWithin(schema, named, depth - 1, options, within);
    if (inner) parts.push({ name: field.name, signature, text: `${call} ${inner}` });
  }
  return parts;
}

import SchemaBuilder, { BasePlugin, type PothosInputFieldType, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import {
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLSchema,
  getNullableType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
} from 'graphql';
import { type FieldProblem, ValidationError } from '../domain/errors.js';
import { parseGlobalId } from '../domain/ids.js';

// One check of every field's arguments before anything reads them: global ids must be ids of
// the declared type, and no text may hold a NUL character (Postgres refuses it in text, which
// would surface as an internal error). It runs before the relay plugin decodes ids (plugins
// add their argument mappers last-listed first), so a malformed id is refused here, with the
// path of the argument, instead of failing inside Pothos as an unexpected error.

interface GlobalIdExtensions {
  isRelayGlobalID?: boolean;
  relayGlobalIDFor?: { typename: string }[] | null;
  /** Set by the relay plugin on node(id:) and nodes(ids:). */
  relayGlobalIDAlwaysParse?: boolean;
}

const pluginName = 'inputChecks';

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      inputChecks: InputChecksPlugin<Types>;
    }
  }
}

export class InputChecksPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>): PothosOutputFieldConfig<Types> {
    // An argument mapper wraps every resolution of its field (a label's language, on every row):
    // only fields whose arguments can hold a text or an id get one.
    if (!Object.values(fieldConfig.args).some((arg) => this.mayHoldText(arg.type))) return fieldConfig;
    const { parentType, name } = fieldConfig;
    return {
      ...fieldConfig,
      argMappers: [...fieldConfig.argMappers, (args, _context, info) => refuseMalformedArguments(info.schema, parentType, name, args)],
    };
  }

  /** Whether an argument of this type can carry a String or an ID (input objects are assumed to). */
  private mayHoldText(type: PothosInputFieldType<Types>): boolean {
    if (type.kind === 'List') return this.mayHoldText(type.type);
    if (type.kind !== 'Scalar') return type.kind === 'InputObject';
    return TEXT_SCALARS.includes(this.buildCache.getTypeConfig(type.ref).name);
  }
}

/** Scalars whose values reach the services as free text; Date, DateTime, Int… parse and check themselves. */
const TEXT_SCALARS = ['String', 'ID'];

SchemaBuilder.registerPlugin(pluginName, InputChecksPlugin);

export default pluginName;

function refuseMalformedArguments(schema: GraphQLSchema, parentType: string, fieldName: string, args: Record<string, unknown>): Record<string, unknown> {
  const parent = schema.getType(parentType);
  const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[fieldName] : undefined;
  const problems: FieldProblem[] = [];
  for (const arg of field?.args ?? []) checkValue(schema, arg, arg.type, args[arg.name], [arg.name], problems);
  if (problems.length > 0) throw new ValidationError(problems);
  return args;
}

function checkValue(schema: GraphQLSchema, holder: GraphQLArgument | GraphQLInputField, type: GraphQLInputType, value: unknown, path: string[], problems: FieldProblem[]): void {
  if (value === null || value === undefined) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (Array.isArray(value)) value.forEach((item, index) => checkValue(schema, holder, nullable.ofType as GraphQLInputType, item, [...path, String(index)], problems));
    return;
  }
  if (isInputObjectType(nullable)) {
    for (const inner of Object.values(nullable.getFields())) {
      checkValue(schema, inner, inner.type, (value as Record<string, unknown>)[inner.name], [...path, inner.name], problems);
    }
    return;
  }
  if (typeof value !== 'string') return;
  const extensions = (holder.extensions ?? {}) as GlobalIdExtensions;
  if (extensions.isRelayGlobalID) {
    const problem = globalIdProblem(schema, extensions, value);
    if (problem) problems.push({ path, message: problem });
  } else if (value.includes('\u0000')) {
    problems.push({ path, message: 'Text may not contain NUL characters (\\u0000).' });
  }
}

function globalIdProblem(schema: GraphQLSchema, extensions: GlobalIdExtensions, value: string): string | undefined {
  const parsed = parseGlobalId(value);
  if (!parsed) return 'Not a global id.';
  const expected = extensions.relayGlobalIDFor?.map((entry) => entry.typename);
  if (expected && !expected.includes(parsed.typename)) return `Not the id of ${/^[AEIOU]/.test(expected[0]!) ? 'an' : 'a'} ${expected.join(' or ')}.`;
  if (extensions.relayGlobalIDAlwaysParse && !isNodeType(schema, parsed.typename)) return 'Not the id of an object node(id:) can fetch.';
  return undefined;
}

function isNodeType(schema: GraphQLSchema, typename: string): boolean {
  const type = schema.getType(typename);
  return isObjectType(type) && type.getInterfaces().some((face) => face.name === 'Node');
}

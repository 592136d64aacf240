import { type FieldNode, getArgumentValues, type GraphQLField, type GraphQLResolveInfo, isObjectType, Kind, type SelectionSetNode } from 'graphql';

// What a request asks below a field, read from its selection before anything is fetched, so that
// a list can read the relations its items will show in its own statement (DESIGN §4).

/** The fields asked at `path` below the resolved field (e.g. ['edges', 'node']), by name, fragments spread. */
export function fieldsAskedAt(info: GraphQLResolveInfo, path: readonly string[]): Map<string, FieldNode[]> {
  return fieldsAskedBelow(info, info.fieldNodes, path);
}

/** The fields asked at `path` below the given occurrences of a field, by name, fragments spread. */
export function fieldsAskedBelow(info: GraphQLResolveInfo, fieldNodes: readonly FieldNode[], path: readonly string[] = []): Map<string, FieldNode[]> {
  let nodes = fieldNodes;
  for (const name of path) nodes = nodes.flatMap((node) => fieldsOf(info, node.selectionSet).get(name) ?? []);
  const asked = new Map<string, FieldNode[]>();
  for (const node of nodes) {
    for (const [name, fields] of fieldsOf(info, node.selectionSet)) asked.set(name, [...(asked.get(name) ?? []), ...fields]);
  }
  return asked;
}

/**
 * The arguments of a field asked one or more times (under aliases), when every occurrence asks
 * the same ones; undefined when they differ, so that each occurrence is read on its own.
 */
export function sameArgumentsOf(info: GraphQLResolveInfo, typeName: string, nodes: readonly FieldNode[]): Record<string, unknown> | undefined {
  const type = info.schema.getType(typeName);
  const definition: GraphQLField<unknown, unknown> | undefined = isObjectType(type) ? type.getFields()[nodes[0]!.name.value] : undefined;
  if (!definition) return undefined;
  const all = nodes.map((node) => getArgumentValues(definition, node, info.variableValues));
  const first = JSON.stringify(all[0]);
  return all.every((values) => JSON.stringify(values) === first) ? all[0] : undefined;
}

/**
 * Fields of a selection set by response-independent name, inline fragments and named fragments
 * spread whatever their type condition: asking for a relation that a fragment on another type
 * names only reads a little more, never less.
 */
function fieldsOf(info: GraphQLResolveInfo, selectionSet: SelectionSetNode | undefined, into = new Map<string, FieldNode[]>(), seen = new Set<string>()): Map<string, FieldNode[]> {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      into.set(selection.name.value, [...(into.get(selection.name.value) ?? []), selection]);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      fieldsOf(info, selection.selectionSet, into, seen);
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      fieldsOf(info, info.fragments[selection.name.value]?.selectionSet, into, seen);
    }
  }
  return into;
}

/** The columns of its row each field of a type reads; a field not listed reads them all. */
export type ColumnsOfField<Row> = Partial<Record<string, readonly (keyof Row & string)[]>>;

/**
 * The columns the asked fields read, by the type's map (the reader adds the id and what else it
 * always needs); undefined, meaning every column, when a field asked is not in the map.
 */
export function columnsAsked<Row>(asked: Map<string, FieldNode[]>, columnsOfField: ColumnsOfField<Row>): (keyof Row & string)[] | undefined {
  const columns: (keyof Row & string)[] = [];
  for (const field of asked.keys()) {
    const read = columnsOfField[field];
    if (!read) return undefined;
    columns.push(...read);
  }
  return columns;
}

import {
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  getArgumentValues,
  getNamedType,
  getNullableType,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { Limits } from '../config.js';
import type { CostExtensions } from '../schema/cost.js';

// Query-shape limits, applied the same way to HTTP requests and WebSocket subscriptions.
// Every measure walks a fragment once and remembers the result: a document whose fragments
// spread each other ten times over costs time linear in its size, not ten to the power of its
// levels.

type Fragments = ReadonlyMap<string, FragmentDefinitionNode>;

function fragmentsOf(document: DocumentNode): Fragments {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}

/**
 * The measure of a fragment spread by name, each fragment measured once. A fragment met again
 * while it is being measured (a cycle, which graphql's own NoFragmentCycles rule reports)
 * counts as `empty`, as does an unknown one.
 */
function memoisedSpread<T>(fragments: Fragments, empty: T, measure: (fragment: FragmentDefinitionNode) => T): (name: string) => T {
  const measured = new Map<string, T>();
  return (name) => {
    const known = measured.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    if (!fragment) return empty;
    measured.set(name, empty);
    const value = measure(fragment);
    measured.set(name, value);
    return value;
  };
}

interface Shape {
  /** Nesting of fields, introspection meta-fields left out. */
  depth: number;
  /** Field selections once every fragment is spread where it is used. */
  expandedFields: number;
}

/** Depth and expanded size of an operation; needs neither the schema nor the variables. */
function measureShape(operation: OperationDefinitionNode, fragments: Fragments): Shape {
  const spread = memoisedSpread<Shape>(fragments, { depth: 0, expandedFields: 0 }, (fragment) => shapeOf(fragment.selectionSet));
  function shapeOf(selectionSet: SelectionSetNode): Shape {
    let depth = 0;
    let expandedFields = 0;
    for (const selection of selectionSet.selections) {
      let inner: Shape;
      if (selection.kind === Kind.FIELD) {
        expandedFields += 1;
        // Introspection meta-fields (__typename, __schema…) are free.
        if (selection.name.value.startsWith('__')) continue;
        inner = selection.selectionSet ? shapeOf(selection.selectionSet) : { depth: 0, expandedFields: 0 };
        inner = { depth: inner.depth + 1, expandedFields: inner.expandedFields };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = shapeOf(selection.selectionSet);
      } else {
        inner = spread(selection.name.value);
      }
      depth = Math.max(depth, inner.depth);
      expandedFields += inner.expandedFields;
    }
    return { depth, expandedFields };
  }
  return shapeOf(operation.selectionSet);
}

/** Refuses an operation nested deeper than `maxDepth` or larger than `maxExpandedFields` once its fragments are spread. */
export function shapeRule(limits: Pick<Limits, 'maxDepth' | 'maxExpandedFields'>): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = fragmentsOf(context.getDocument());
    return {
      OperationDefinition(operation) {
        const { depth, expandedFields } = measureShape(operation, fragments);
        if (depth > limits.maxDepth) {
          context.reportError(
            new GraphQLError(`Query depth ${depth} exceeds the maximum depth of ${limits.maxDepth}.`, {
              nodes: [operation],
              extensions: { limit: 'depth', maximum: limits.maxDepth, actual: depth },
            }),
          );
        }
        if (expandedFields > limits.maxExpandedFields) {
          context.reportError(
            new GraphQLError(
              `The query selects ${expandedFields} fields once its fragments are spread; at most ${limits.maxExpandedFields} are allowed.`,
              { nodes: [operation], extensions: { limit: 'expandedFields', maximum: limits.maxExpandedFields, actual: expandedFields } },
            ),
          );
        }
      },
    };
  };
}

export function maxAliasesRule(maxAliases: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    return {
      Field(field) {
        if (field.alias) aliases += 1;
      },
      Document: {
        leave() {
          if (aliases > maxAliases) {
            context.reportError(
              new GraphQLError(`The document uses ${aliases} aliases; at most ${maxAliases} are allowed.`, {
                extensions: { limit: 'aliases', maximum: maxAliases, actual: aliases },
              }),
            );
          }
        },
      },
    };
  };
}

export function limitRules(limits: Limits): ValidationRule[] {
  return [shapeRule(limits), maxAliasesRule(limits.maxAliases)];
}

/** Page size assumed for a connection asked without `first` (the services' default). */
const ASSUMED_PAGE_SIZE = 20;
/** Items assumed in a list of objects that declares no bound of its own (a case's notes, a procedure's steps…). */
const ASSUMED_LIST_SIZE = 10;
const PAGING_ARGUMENTS = ['first', 'count'];

/** How many times what a field selects comes back: its declared list size, its page size, or the assumed size of a list. */
function repeatsOf(field: GraphQLField<unknown, unknown>, args: () => Record<string, unknown>, parent: GraphQLNamedType): number {
  const { listSize } = field.extensions as CostExtensions;
  const paging = field.args.find((argument) => PAGING_ARGUMENTS.includes(argument.name));
  if (listSize || paging) {
    const size = listSize ? listSize(args()) : Number(args()[paging!.name] ?? ASSUMED_PAGE_SIZE);
    return Number.isFinite(size) && size >= 0 ? size : 1;
  }
  if (!isListType(getNullableType(field.type))) return 1;
  // A connection's edges are counted by the connection's own page size.
  return parent.name.endsWith('Connection') ? 1 : ASSUMED_LIST_SIZE;
}

/** Items counted so far along a hierarchy link nested directly in itself (a theme's children's children…), per item above it. */
interface Chain {
  link: string;
  items: number;
}

/**
 * An estimate of the objects a query may return, before anything runs, with the variables as
 * the operation will see them (defaults included): each object costs 1, a leaf nothing, unless
 * the field declares its own cost (a CSV export of many rows, a statistics query reading one
 * rollup row per day). A paged field repeats what it selects by its page size (`first`,
 * `count`), a field may declare the bound of its list (`listSize`: the statistics rows of a
 * range, the reference lists, `nodes`), a hierarchy link nested in itself never counts more
 * items than the whole hierarchy holds, and any other list of objects counts as
 * `ASSUMED_LIST_SIZE` items. Variables that do not fit their types cost nothing: the operation
 * is refused before it runs.
 */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
): number {
  const operation = getOperationAST(document, operationName);
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return 0;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 1 });
  if (coerced.errors) return 0;
  const values = coerced.coerced;
  const fragments = fragmentsOf(document);
  // A named fragment is measured on its own type condition, once per hierarchy chain it may be
  // spread in (in practice none, or one or two).
  const spreads = new Map<string, (name: string) => number>();
  const spreadWithin = (chain: Chain | undefined) => {
    const key = chain ? `${chain.link}:${chain.items}` : '';
    let spread = spreads.get(key);
    if (!spread) {
      spread = memoisedSpread<number>(fragments, 0, (fragment) => {
        const type = schema.getType(fragment.typeCondition.name.value);
        return type ? costOf(fragment.selectionSet, type, chain) : 0;
      });
      spreads.set(key, spread);
    }
    return spread;
  };

  function costOf(selectionSet: SelectionSetNode, type: GraphQLNamedType, chain: Chain | undefined): number {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        total += spreadWithin(chain)(selection.name.value);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        if (condition) total += costOf(selection.selectionSet, condition, chain);
      } else {
        const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[selection.name.value] : undefined;
        // __typename, introspection and unknown fields (refused by validation) cost nothing.
        if (!field) continue;
        const extensions = field.extensions as CostExtensions;
        let args: Record<string, unknown> | undefined;
        const argumentsOnce = () => (args ??= getArgumentValues(field, selection, values));
        const link = `${type.name}.${field.name}`;
        const returned = getNamedType(field.type);
        let repeats = repeatsOf(field, argumentsOnce, type);
        let inner: Chain | undefined;
        if (extensions.hierarchySize !== undefined) {
          // Every level of a hierarchy below one item holds at most the whole hierarchy.
          const above = chain?.link === link ? chain.items : 1;
          const items = Math.min(above * repeats, extensions.hierarchySize);
          repeats = items / above;
          inner = { link, items };
        }
        const declared = typeof extensions.ownCost === 'function' ? extensions.ownCost(argumentsOnce()) : extensions.ownCost;
        const own = declared ?? (isCompositeType(returned) ? 1 : 0);
        const below = selection.selectionSet ? costOf(selection.selectionSet, returned, inner) : 0;
        total += isListType(getNullableType(field.type)) || !isCompositeType(returned) ? repeats * (own + below) : own + repeats * below;
      }
    }
    return total;
  }
  return costOf(operation.selectionSet, root, undefined);
}

/** The refusal of a query over the cost limit, the same on both transports. */
export function costError(cost: number, maxCost: number): GraphQLError {
  return new GraphQLError(`Query cost ${cost} exceeds the maximum cost of ${maxCost}: ask for smaller pages or fewer nested lists.`, {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost', maximum: maxCost, actual: cost },
  });
}

import {
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  getOperationAST,
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { Limits } from '../config.js';

// Query-shape limits, applied the same way to HTTP requests and WebSocket subscriptions.

function selectionDepth(
  selectionSet: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  visiting: Set<string>,
): number {
  if (!selectionSet) return 0;
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    let depth = 0;
    if (selection.kind === Kind.FIELD) {
      // Introspection meta-fields (__typename, __schema…) are free.
      if (selection.name.value.startsWith('__')) continue;
      depth = selection.selectionSet ? 1 + selectionDepth(selection.selectionSet, fragments, visiting) : 1;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      depth = selectionDepth(selection.selectionSet, fragments, visiting);
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      // A fragment cycle is reported by graphql's own NoFragmentCycles rule.
      if (!fragment || visiting.has(name)) continue;
      visiting.add(name);
      depth = selectionDepth(fragment.selectionSet, fragments, visiting);
      visiting.delete(name);
    }
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

export function maxDepthRule(maxDepth: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const fragments = Object.fromEntries(
        context
          .getDocument()
          .definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
          .map((fragment) => [fragment.name.value, fragment]),
      );
      const depth = selectionDepth(operation.selectionSet, fragments, new Set());
      if (depth > maxDepth) {
        context.reportError(
          new GraphQLError(`Query depth ${depth} exceeds the maximum depth of ${maxDepth}.`, {
            nodes: [operation],
            extensions: { limit: 'depth', maximum: maxDepth, actual: depth },
          }),
        );
      }
    },
  });
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
  return [maxDepthRule(limits.maxDepth), maxAliasesRule(limits.maxAliases)];
}

/** Page size assumed for a connection asked without `first` (the services' default). */
const ASSUMED_PAGE_SIZE = 20;
const MULTIPLYING_ARGUMENTS = ['first', 'count'];

/**
 * An upper bound of the objects a query may return: each field costs 1, and a field with a
 * `first` or `count` argument multiplies the cost of what is selected under it. Variables are
 * read, so the bound holds for the values actually sent.
 */
export function estimateCost(document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined): number {
  const operation = getOperationAST(document, operationName);
  if (!operation) return 0;
  const fragments = Object.fromEntries(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const multiplierOf = (field: FieldNode): number => {
    for (const argument of field.arguments ?? []) {
      if (!MULTIPLYING_ARGUMENTS.includes(argument.name.value)) continue;
      const value =
        argument.value.kind === Kind.INT
          ? Number(argument.value.value)
          : argument.value.kind === Kind.VARIABLE
            ? Number(variables?.[argument.value.name.value] ?? ASSUMED_PAGE_SIZE)
            : ASSUMED_PAGE_SIZE;
      return Number.isFinite(value) && value > 0 ? value : 1;
    }
    return 1;
  };
  const costOf = (selectionSet: SelectionSetNode | undefined, visiting: Set<string>): number => {
    if (!selectionSet) return 0;
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        total += 1 + multiplierOf(selection) * costOf(selection.selectionSet, visiting);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        total += costOf(selection.selectionSet, visiting);
      } else {
        const name = selection.name.value;
        const fragment = fragments[name];
        if (!fragment || visiting.has(name)) continue;
        visiting.add(name);
        total += costOf(fragment.selectionSet, visiting);
        visiting.delete(name);
      }
    }
    return total;
  };
  return costOf(operation.selectionSet, new Set());
}

/** The refusal of a query over the cost limit, the same on both transports. */
export function costError(cost: number, maxCost: number): GraphQLError {
  return new GraphQLError(`Query cost ${cost} exceeds the maximum cost of ${maxCost}: ask for smaller pages or fewer nested lists.`, {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost', maximum: maxCost, actual: cost },
  });
}

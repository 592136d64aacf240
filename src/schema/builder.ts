import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError, Kind } from 'graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { DEFAULT_LIMITS } from '../config.js';
import { FIRST_YEAR, LAST_YEAR, readDay, readInstant } from '../domain/calendar-values.js';
import { ValidationError } from '../domain/errors.js';
import type { Context } from './context.js';
import { listSize } from './cost.js';
import InputChecksPlugin from './input-checks.js';

export interface AuthScopes {
  /** Anyone, with or without a token. */
  public: boolean;
  citizen: boolean;
  /** Any agent of any role. */
  agent: boolean;
  /** A back-office application acting for its service. */
  serviceAccount: boolean;
  /** Agents and service accounts: the administration's side. */
  staff: boolean;
  /** Supervisors and admins. */
  supervisor: boolean;
  admin: boolean;
}

const MAX_NODES = DEFAULT_LIMITS.maxPageSize;

const capitalize = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

interface BuilderTypes {
  Context: Context;
  AuthScopes: AuthScopes;
  DefaultFieldNullability: false;
  /** What every connection resolver returns besides edges and pageInfo: a lazy total. */
  Connection: { totalCount: () => Promise<number> };
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    Date: { Input: string; Output: string };
    JSON: { Input: unknown; Output: unknown };
  };
}

/** The builder's resolved type parameters, for helpers that take a field builder. */
export type Types = PothosSchemaTypes.ExtendDefaultTypes<BuilderTypes>;

export const builder = new SchemaBuilder<BuilderTypes>({
  // Input checks last: their argument mapper then runs before the relay plugin decodes ids.
  plugins: [RelayPlugin, ScopeAuthPlugin, ErrorsPlugin, DataloaderPlugin, InputChecksPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    pageInfoTypeOptions: { description: 'Where a page stands in its list. Forward pagination only.', authScopes: { public: true } },
    pageInfoFieldOptions: { description: 'Where this page stands in the list.' },
    hasNextPageFieldOptions: { description: 'True when a next page can be fetched with after: endCursor.' },
    hasPreviousPageFieldOptions: { description: 'Always false: lists are read forward.' },
    startCursorFieldOptions: { description: 'Cursor of the first edge; null on an empty page.' },
    endCursorFieldOptions: { description: 'Cursor of the last edge, to pass as after; null on an empty page.' },
    edgesFieldOptions: { description: 'The items of this page, each with its cursor.' },
    cursorFieldOptions: { description: 'Opaque position of this item, to pass as after.' },
    nodeFieldOptions: { description: 'The item.' },
    firstArgOptions: { description: `Page size, 0 to ${DEFAULT_LIMITS.maxPageSize}; 20 when omitted.` },
    afterArgOptions: { description: 'Return items after this cursor (endCursor of the previous page).' },
    lastArgOptions: { description: 'Not supported: lists are read forward; any value is refused.' },
    beforeArgOptions: { description: 'Not supported: lists are read forward; any value is refused.' },
    idFieldOptions: { description: 'Global id, stable and opaque; works with node(id:).' },
    nodeTypeOptions: { description: 'An object with a global id.' },
    nodeQueryOptions: {
      description: 'Any object by global id, under the access rules of its type: an object you may not read is null, like an unknown id.',
      authScopes: { public: true },
      args: { id: { description: 'The global id of any object.' } },
    },
    nodesQueryOptions: {
      description: 'Several objects by global id; unreadable or unknown ids give null.',
      authScopes: { public: true },
      args: { ids: { description: `The global ids of the objects, at most ${MAX_NODES} of them.` } },
      ...listSize((args) => (Array.isArray(args.ids) ? args.ids.length : MAX_NODES)),
      resolve: (_root, args, _context, _info, resolveNodes) => {
        if (args.ids.length > MAX_NODES) {
          throw new ValidationError([{ path: ['ids'], message: `At most ${MAX_NODES} ids per request.` }]);
        }
        return resolveNodes(args.ids);
      },
    },
  },
  scopeAuth: {
    authorizeOnSubscribe: true,
    authScopes: (context) => {
      const { viewer } = context;
      const isAgent = viewer.kind === 'agent';
      return {
        public: true,
        citizen: viewer.kind === 'citizen',
        agent: isAgent,
        serviceAccount: viewer.kind === 'service',
        staff: isAgent || viewer.kind === 'service',
        supervisor: isAgent && (viewer.role === 'SUPERVISOR' || viewer.role === 'ADMIN'),
        admin: isAgent && viewer.role === 'ADMIN',
      };
    },
    unauthorizedError: (_parent, context) =>
      context.viewer.kind === 'anonymous'
        ? new GraphQLError('Authentication required: send Authorization: Bearer <token>.', { extensions: { code: 'UNAUTHENTICATED' } })
        : new GraphQLError('Not allowed for this viewer.', { extensions: { code: 'FORBIDDEN' } }),
  },
  errors: {
    defaultTypes: [],
    defaultResultOptions: { name: ({ fieldName }) => `${capitalize(fieldName)}Success` },
    defaultUnionOptions: {
      name: ({ fieldName }) => `${capitalize(fieldName)}Result`,
      description: 'The outcome of a mutation: its Success type, or one of its typed errors (nothing written).',
    },
  },
});

builder.scalarType('DateTime', {
  description: `An instant, ISO 8601 with a time and a time zone offset, e.g. 2026-03-02T09:15:00.000Z or 2026-03-02T10:15:00+01:00. The day and time must exist (2026-02-30 is refused, not rolled over) and the instant must fall in the years ${FIRST_YEAR} to ${LAST_YEAR} (UTC).`,
  serialize: (value) => (value instanceof Date ? value.toISOString() : new Date(value).toISOString()),
  parseValue: (value) => parseDateTime(value),
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});

builder.scalarType('Date', {
  description: `A calendar day, YYYY-MM-DD, that exists (2026-02-30 is refused), in the years ${FIRST_YEAR} to ${LAST_YEAR}.`,
  serialize: (value) => value,
  parseValue: (value) => parseDay(value),
  parseLiteral: (ast) => parseDay(ast.kind === Kind.STRING ? ast.value : undefined),
});

// graphql-scalars' JSON: any JSON value, in a variable or written inline; the field that takes
// it checks its shape and answers a typed ValidationError.
builder.addScalarType('JSON', GraphQLJSON, {});

function parseDateTime(value: unknown): Date {
  const instant = readInstant(value);
  if (instant) return instant;
  throw new GraphQLError(`DateTime must be an ISO 8601 instant that exists, with a time and an offset, in the years ${FIRST_YEAR} to ${LAST_YEAR}, e.g. 2026-03-02T09:15:00Z.`, {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

function parseDay(value: unknown): string {
  const day = readDay(value);
  if (day) return day;
  throw new GraphQLError(`Date must be a day that exists, as YYYY-MM-DD, in the years ${FIRST_YEAR} to ${LAST_YEAR}.`, { extensions: { code: 'BAD_USER_INPUT' } });
}

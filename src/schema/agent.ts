import { type AgentRow, listAgents, readableAgentsByIds } from '../services/people.js';
import { builder } from './builder.js';
import { AgentRoleEnum } from './enums.js';
import { LanguageEnum } from './language.js';
import { toConnection } from './pagination.js';
import { type ColumnsOfField } from './selection.js';
import { Service } from './service.js';

/** The columns of its row each field of Agent reads (reads planned from the selection). */
export const COLUMNS_OF_AGENT_FIELD: ColumnsOfField<AgentRow> = {
  __typename: [],
  id: [],
  login: ['login'],
  givenName: ['givenName'],
  familyName: ['familyName'],
  displayName: ['givenName', 'familyName'],
  role: ['role'],
  service: ['serviceId'],
  languages: ['languages'],
  active: ['active'],
};

export const Agent = builder.loadableNode('Agent', {
  description: 'A person working in a service. Visible to agents and service accounts only; to others an agent id is unknown.',
  authScopes: { staff: true },
  id: { resolve: (row) => row.id },
  load: (ids: string[], context) => readableAgentsByIds(context.db, context.viewer, ids),
  sort: (row: AgentRow) => row.id,
  fields: (t) => ({
    login: t.exposeString('login', { description: 'Login; the JWT subject of the agent.' }),
    givenName: t.exposeString('givenName', { description: 'First name.' }),
    familyName: t.exposeString('familyName', { description: 'Family name.' }),
    displayName: t.string({ description: 'First and family name.', resolve: (row) => `${row.givenName} ${row.familyName}` }),
    role: t.expose('role', { type: AgentRoleEnum, description: 'What the agent may do.' }),
    service: t.field({ type: Service, description: 'The service the agent works in.', resolve: (row) => row.serviceId }),
    languages: t.field({ type: [LanguageEnum], description: 'Languages the agent speaks with citizens.', resolve: (row) => row.languages }),
    active: t.exposeBoolean('active', { description: 'False once the agent has left; inactive agents cannot sign in.' }),
  }),
});

builder.queryField('agents', (t) =>
  t.connection({
    type: Agent,
    description: 'Agents ordered by login, optionally of one service. Agents and service accounts only.',
    authScopes: { staff: true },
    args: { serviceCode: t.arg.string({ required: false, description: 'Only agents of the service with this code.' }) },
    resolve: async (_root, args, context) =>
      toConnection(
        await listAgents(
          context.db,
          context.viewer,
          { serviceCode: args.serviceCode ?? undefined },
          args,
          context.limits.maxPageSize,
        ),
      ),
  }, {
    name: 'AgentConnection',
    description: 'A page of agents.',
    authScopes: { staff: true },
  }, {
    name: 'AgentEdge',
    description: 'An agent and its cursor.',
    authScopes: { staff: true },
  }),
);

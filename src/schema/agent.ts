import { type AgentRow, readableAgentsByIds } from '../services/people.js';
import { builder } from './builder.js';
import { AgentRoleEnum } from './enums.js';
import { LanguageEnum } from './language.js';
import { Service } from './service.js';

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

import type { Viewer as ViewerState } from '../domain/viewer.js';
import { Agent } from './agent.js';
import { builder } from './builder.js';
import { Citizen } from './citizen.js';
import { Service } from './service.js';

type SignedInViewer = Exclude<ViewerState, { kind: 'anonymous' }>;

const ViewerRoleEnum = builder.enumType('ViewerRole', {
  description: 'The kind of caller, from the token’s role claim.',
  values: {
    CITIZEN: { description: 'A citizen on the portal.' },
    AGENT: { description: 'An agent of a service.' },
    SERVICE: { description: 'A back-office application acting for one service.' },
  } as const,
});

const ROLE_OF_KIND = { citizen: 'CITIZEN', agent: 'AGENT', service: 'SERVICE' } as const satisfies Record<SignedInViewer['kind'], string>;

export const Viewer = builder.objectRef<SignedInViewer>('Viewer').implement({
  description: 'Who the bearer token stands for. Readable by that caller.',
  authScopes: { public: true },
  fields: (t) => ({
    role: t.field({
      type: ViewerRoleEnum,
      description: 'Citizen, agent or service account.',
      resolve: (viewer) => ROLE_OF_KIND[viewer.kind],
    }),
    subject: t.string({
      description: 'The token subject: the citizen id, the agent login or the service code.',
      resolve: (viewer) => (viewer.kind === 'citizen' ? viewer.citizenId : viewer.kind === 'agent' ? viewer.login : viewer.subject),
    }),
    agent: t.field({
      type: Agent,
      nullable: true,
      description: 'The agent, for an agent token; null otherwise.',
      resolve: (viewer) => (viewer.kind === 'agent' ? viewer.agentId : null),
    }),
    citizen: t.field({
      type: Citizen,
      nullable: true,
      description: 'The citizen, for a citizen token; null otherwise.',
      resolve: (viewer) => (viewer.kind === 'citizen' ? viewer.citizenId : null),
    }),
    service: t.field({
      type: Service,
      nullable: true,
      description: 'The service the agent or service account acts for; null for a citizen.',
      resolve: (viewer) => (viewer.kind === 'citizen' ? null : viewer.serviceId),
    }),
  }),
});

builder.queryField('viewer', (t) =>
  t.field({
    type: Viewer,
    nullable: true,
    description: 'Who you are according to your token; null without a token.',
    authScopes: { public: true },
    resolve: (_root, _args, context) => (context.viewer.kind === 'anonymous' ? null : context.viewer),
  }),
);

import type { Labels } from '../domain/vocabulary.js';
import { routeContact } from '../services/routing.js';
import { builder } from './builder.js';
import { ChannelEnum } from './enums.js';
import { LanguageEnum, optionalLabelField } from './language.js';
import { Service } from './service.js';

type RouteShape =
  | { kind: 'FIRST_LINE'; serviceId: string }
  | { kind: 'SERVICE'; serviceId: string }
  | { kind: 'EXTERNAL_REDIRECT'; serviceId: string; message: Labels | null };

const PUBLIC = { public: true } as const;

const RouteToFirstLine = builder.objectRef<RouteShape>('RouteToFirstLine').implement({
  description: 'The first line (1718/1719) handles the contact.',
  authScopes: PUBLIC,
  isTypeOf: (route) => (route as RouteShape).kind === 'FIRST_LINE',
  fields: (t) => ({ service: t.field({ type: Service, description: 'The first-line service.', resolve: (route) => route.serviceId }) }),
});

const RouteToService = builder.objectRef<RouteShape>('RouteToService').implement({
  description: 'Transfer the contact to this service (e.g. SOS Environnement-Nature from the voice menu).',
  authScopes: PUBLIC,
  isTypeOf: (route) => (route as RouteShape).kind === 'SERVICE',
  fields: (t) => ({ service: t.field({ type: Service, description: 'Where to transfer it, with its coordinates.', resolve: (route) => route.serviceId }) }),
});

const ExternalRedirect = builder.objectRef<RouteShape>('ExternalRedirect').implement({
  description: 'The first line does not handle this (e.g. a personal tax file): tell the citizen where to go.',
  authScopes: PUBLIC,
  isTypeOf: (route) => (route as RouteShape).kind === 'EXTERNAL_REDIRECT',
  fields: (t) => ({
    service: t.field({ type: Service, description: 'The service to contact, with its coordinates.', resolve: (route) => route.serviceId }),
    message: optionalLabelField(t, 'What to tell the citizen; null when none is recorded.', (route) => (route.kind === 'EXTERNAL_REDIRECT' ? route.message : null)),
  }),
});

const Route = builder.unionType('Route', {
  description: 'Where a contact should go.',
  types: [RouteToFirstLine, RouteToService, ExternalRedirect],
});

const RouteContactInput = builder.inputType('RouteContactInput', {
  description: 'What is known of a contact when it arrives.',
  fields: (t) => ({
    channel: t.field({ type: ChannelEnum, required: true, description: 'The channel.' }),
    language: t.field({ type: LanguageEnum, required: false, description: 'The caller’s language: DE means the 1719 line.' }),
    themeCode: t.string({ required: false, description: 'The theme, when already known.' }),
    ivrPath: t.stringList({ required: false, description: 'Keys pressed in the voice menu (PHONE only); the first chooses the option.' }),
  }),
});

builder.queryField('routeContact', (t) =>
  t.field({
    type: Route,
    description: 'Where a contact should go: a theme excluded from the first line redirects; else a voice-menu transfer or message; else the first line. Public, like the voice menu itself. registerContact applies the same rule.',
    authScopes: PUBLIC,
    args: { input: t.arg({ type: RouteContactInput, required: true, description: 'The contact.' }) },
    resolve: async (_root, { input }, context): Promise<RouteShape> => {
      const route = await routeContact(context.db, input);
      return route.kind === 'FIRST_LINE' ? { kind: 'FIRST_LINE', serviceId: route.firstLineServiceId } : route;
    },
  }),
);

import { type CounterRow, countersByIds, listCounters, listPublications, type PublicationRow, publicationsByIds } from '../services/reference-data.js';
import { builder } from './builder.js';
import { PublicationFormatEnum } from './enums.js';
import { labelField, optionalLabelField } from './language.js';
import { Service } from './service.js';
import { Theme } from './theme.js';
import { REFERENCE_LIST_BOUNDS } from '../domain/reference-bounds.js';
import { listSize } from './cost.js';

export const Publication = builder.loadableNode('Publication', {
  description: 'A brochure or magazine citizens can order through the first line. Public reference data.',
  authScopes: { public: true },
  id: { resolve: (row) => row.id },
  load: (ids: string[], context) => publicationsByIds(context.db, ids),
  sort: (row: PublicationRow) => row.id,
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Stable code.' }),
    label: labelField(t, 'Title of the publication.', (row) => row.labels),
    description: optionalLabelField(t, 'What it contains; null when not written.', (row) => row.description),
    format: t.expose('format', { type: PublicationFormatEnum, description: 'Printed, PDF or both.' }),
    free: t.exposeBoolean('free', { description: 'True when it is free of charge.' }),
    available: t.exposeBoolean('available', { description: 'False when it can no longer be ordered.' }),
    theme: t.field({ type: Theme, nullable: true, description: 'The theme it is about; null when general.', resolve: (row) => row.themeId }),
    publisher: t.field({ type: Service, nullable: true, description: 'The service that publishes it; null when unknown.', resolve: (row) => row.publisherServiceId }),
  }),
});

export const Counter = builder.loadableNode('Counter', {
  description: 'An Espace Wallonie: a regional counter where citizens are received in person. Public reference data.',
  authScopes: { public: true },
  id: { resolve: (row) => row.id },
  load: (ids: string[], context) => countersByIds(context.db, ids),
  sort: (row: CounterRow) => row.id,
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Stable code, e.g. EW-LIEGE.' }),
    label: labelField(t, 'Name of the counter.', (row) => row.labels),
    city: t.exposeString('city', { description: 'City.' }),
    postalCode: t.exposeString('postalCode', { description: 'Postal code.' }),
    address: t.exposeString('address', { description: 'Street address.' }),
    phone: t.exposeString('phone', { nullable: true, description: 'Phone number; null when not published.' }),
    openingHours: t.exposeString('openingHours', { description: 'Opening hours, free text.' }),
  }),
});

builder.queryFields((t) => ({
  publications: t.field({
    type: [Publication],
    description: `All publications, ordered by code (reference data: at most ${REFERENCE_LIST_BOUNDS.publications}). Public.`,
    ...listSize(REFERENCE_LIST_BOUNDS.publications),
    authScopes: { public: true },
    resolve: (_root, _args, context) => listPublications(context.db),
  }),
  counters: t.field({
    type: [Counter],
    description: `The Espaces Wallonie counters, ordered by code (reference data: at most ${REFERENCE_LIST_BOUNDS.counters}). Public.`,
    ...listSize(REFERENCE_LIST_BOUNDS.counters),
    authScopes: { public: true },
    resolve: (_root, _args, context) => listCounters(context.db),
  }),
}));

import { REFERENCE_LIST_BOUNDS } from '../../domain/reference-bounds.js';
import { SlotUnavailableError } from '../../domain/errors.js';
import { pickLabel } from '../../domain/labels.js';
import type { Language } from '../../domain/vocabulary.js';
import {
  findAvailableSlots,
  type FreeSlot,
  listResources,
  MAX_SLOTS,
  MAX_SLOTS_PER_RESOURCE,
  NEAREST_SLOTS,
  type ResourceRow,
  resourceDetailsByIds,
  resourcesByIds,
} from '../../services/appointments/availability.js';
import { builder } from '../builder.js';
import { ErrorInterface } from '../errors.js';
import { listSize } from '../cost.js';
import { LanguageEnum, labelField } from '../language.js';
import { batchLoader } from '../loaders.js';
import type { Context } from '../context.js';
import { Counter } from '../publication.js';
import { Service } from '../service.js';
import { Theme } from '../theme.js';

const PUBLIC = { public: true } as const;

export const BookableResourceKindEnum = builder.enumType('BookableResourceKind', {
  description: 'What a bookable resource is.',
  values: {
    COUNTER: { description: 'An Espace Wallonie’s own reception desks (the first line helps with forms, premiums, orientation).' },
    PERMANENCE: { description: 'A service’s permanence held at an Espace Wallonie (tax, energy, housing advisors), on given days.' },
  } as const,
});

const OpeningWindow = builder.objectRef<{ weekday: number; opensAt: string; closesAt: string }>('OpeningWindow').implement({
  description: 'One opening window of a resource on a weekday, in Brussels time; two on one day make a lunch break.',
  authScopes: PUBLIC,
  fields: (t) => ({
    weekday: t.exposeInt('weekday', { description: 'ISO weekday: 1 = Monday … 7 = Sunday.' }),
    opensAt: t.exposeString('opensAt', { description: 'Opening time, HH:MM.' }),
    closesAt: t.exposeString('closesAt', { description: 'Closing time, HH:MM.' }),
  }),
});

const ResourceTheme = builder.objectRef<{ themeId: string; durationMinutes: number }>('ResourceTheme').implement({
  description: 'A theme a resource receives citizens for, and how long one appointment lasts.',
  authScopes: PUBLIC,
  fields: (t) => ({
    theme: t.field({ type: Theme, description: 'The theme.', resolve: (row) => row.themeId }),
    durationMinutes: t.exposeInt('durationMinutes', { description: 'Length of one appointment for this theme, in minutes.' }),
  }),
});

function detailsOf(resource: ResourceRow, context: Context) {
  return batchLoader(context, 'resourceDetails', (ids) => resourceDetailsByIds(context.db, ids)).load(resource.id);
}

export const BookableResource = builder.loadableNode('BookableResource', {
  description: 'What a citizen books a visit to: an Espace Wallonie’s reception or a service’s permanence held there. Public reference data.',
  authScopes: PUBLIC,
  id: { resolve: (row) => row.id },
  load: (ids: string[], context) => resourcesByIds(context.db, ids),
  sort: (row: ResourceRow) => row.id,
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Stable code, e.g. EW-NAMUR.RECEPTION or EW-LIEGE.TAX.' }),
    kind: t.expose('kind', { type: BookableResourceKindEnum, description: 'Reception or permanence.' }),
    name: labelField(t, 'Its name, e.g. “Permanence fiscale — Espace Wallonie de Liège”.', (row) => row.labels),
    counter: t.field({ type: Counter, description: 'The Espace Wallonie where citizens go.', resolve: (row) => row.counterId }),
    service: t.field({ type: Service, description: 'The service whose staff receive the citizens and manage the day sheet.', resolve: (row) => row.serviceId }),
    desks: t.exposeInt('desks', { description: 'How many appointments can run at the same time.' }),
    openingHours: t.field({
      type: [OpeningWindow],
      description: 'When it receives by appointment, by weekday then time (at most 14 windows). Regional closure days and its own are closed too.',
      ...listSize(14),
      resolve: async (row, _args, context) => (await detailsOf(row, context)).openingHours,
    }),
    themes: t.field({
      type: [ResourceTheme],
      description: `The themes it receives citizens for (at most ${REFERENCE_LIST_BOUNDS.resourceThemes}).`,
      ...listSize(REFERENCE_LIST_BOUNDS.resourceThemes),
      resolve: async (row, _args, context) => (await detailsOf(row, context)).themes,
    }),
  }),
});

/** A free slot, with the language the search asked its names in. */
type SlotOutput = FreeSlot & { language: Language | null };

export const AvailableSlot = builder.objectRef<SlotOutput>('AvailableSlot').implement({
  description: 'A free slot of a resource: book it with bookAppointment(resourceId, start).',
  authScopes: PUBLIC,
  fields: (t) => ({
    resource: t.field({ type: BookableResource, description: 'Where.', resolve: (slot) => slot.resourceId }),
    resourceName: t.string({
      description: 'The resource’s name in the language the search asked (else the viewer’s).',
      resolve: async (slot, _args, context) => {
        const resource = await BookableResource.getDataloader(context).load(slot.resourceId);
        return pickLabel(resource.labels, slot.language ?? context.defaultLanguage);
      },
    }),
    start: t.field({ type: 'DateTime', description: 'When it starts.', resolve: (slot) => slot.start }),
    end: t.field({ type: 'DateTime', description: 'When it ends.', resolve: (slot) => slot.end }),
    freeDesks: t.exposeInt('freeDesks', { description: 'Desks still free at this time (1 means the last one).' }),
    distanceKm: t.exposeFloat('distanceKm', { nullable: true, description: 'Distance from the postal code asked, in km (town centre to town centre); null unless searched by postal code.' }),
  }),
});

builder.objectType(SlotUnavailableError, {
  name: 'SlotUnavailableError',
  description: 'The slot is not free (every desk taken meanwhile, or not a time the resource offers): nothing was booked or moved. The nearest free slots of the same resource and theme are offered.',
  interfaces: [ErrorInterface],
  authScopes: PUBLIC,
  fields: (t) => ({
    nearestSlots: t.field({
      type: [AvailableSlot],
      ...listSize(NEAREST_SLOTS),
      description: `Up to ${NEAREST_SLOTS} free slots closest in time to the one asked, by start; empty when none within two weeks.`,
      resolve: (error) => error.nearestSlots.map((slot) => ({ ...slot, distanceKm: null, language: null })),
    }),
  }),
});

builder.queryFields((t) => ({
  bookableResources: t.field({
    type: [BookableResource],
    description: `Counters and permanences that take appointments, by code; only those receiving citizens for a theme when themeCode is given (at most ${REFERENCE_LIST_BOUNDS.bookableResources}). Public.`,
    authScopes: PUBLIC,
    ...listSize(REFERENCE_LIST_BOUNDS.bookableResources),
    args: { themeCode: t.arg.string({ required: false, description: 'A theme code, e.g. ENERGY.PREMIUMS.' }) },
    resolve: (_root, args, context) => listResources(context.db, args.themeCode),
  }),
  availableSlots: t.field({
    type: [AvailableSlot],
    description:
      'Free appointment slots for a theme: of one resource (resourceId) by start, or near a postal code (postalCode), nearest resource first with its earliest slots. Only opening hours, never a closure day, never in the past, never beyond 60 days. Public.',
    authScopes: PUBLIC,
        args: {
      resourceId: t.arg.globalID({ required: false, for: BookableResource, description: 'The global id of a resource.' }),
      themeCode: t.arg.string({ required: true, description: 'What the appointment is about (e.g. ENERGY.PREMIUMS): sets its length, and which resources receive it.' }),
      postalCode: t.arg.string({ required: false, description: 'Where the citizen lives (four digits): resources are ranked by distance from it.' }),
      from: t.arg({ type: 'DateTime', required: false, description: 'Earliest start; now when omitted or past.' }),
      to: t.arg({ type: 'DateTime', required: false, description: 'Latest start (excluded); two weeks after from when omitted, never beyond 60 days from now.' }),
      count: t.arg.int({ required: false, defaultValue: 20, description: `How many slots, 1 to ${MAX_SLOTS}; 20 when omitted.` }),
      perResource: t.arg.int({ required: false, description: `At most this many slots per resource when searching by place, 1 to ${MAX_SLOTS_PER_RESOURCE}; 5 when omitted.` }),
      language: t.arg({ type: LanguageEnum, required: false, description: 'Language of resourceName; the viewer’s when omitted.' }),
    },
    resolve: async (_root, args, context) => {
      const slots = await findAvailableSlots(
        context.db,
        { resourceId: args.resourceId?.id, themeCode: args.themeCode, postalCode: args.postalCode, from: args.from, to: args.to, count: args.count, perResource: args.perResource },
        context.now,
      );
      return slots.map((slot) => ({ ...slot, language: (args.language as Language | null | undefined) ?? null }));
    },
  }),
}));

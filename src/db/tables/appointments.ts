import { boolean, check, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, time, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import {
  ACTOR_KINDS,
  type ActorKind,
  APPOINTMENT_STATUSES,
  type AppointmentStatus,
  BOOKABLE_RESOURCE_KINDS,
  type BookableResourceKind,
  CHANNELS,
  type Channel,
  type Labels,
} from '../../domain/vocabulary.js';
import { cases } from './cases.js';
import { themes } from './catalogue.js';
import { citizens } from './citizens.js';
import { createdAt, isOneOf, updatedAt } from './columns.js';
import { interactions } from './interactions.js';
import { agents, counters, services } from './organisation.js';

/** Where a postal code lies, roughly (its centroid): enough to find the nearest counter. */
export const postalCodePlaces = pgTable(
  'postal_code_places',
  {
    postalCode: text().primaryKey(),
    city: text().notNull(),
    latitude: doublePrecision().notNull(),
    longitude: doublePrecision().notNull(),
  },
  (table) => [check('postal_code_places_coordinates_check', sql`${table.latitude} between -90 and 90 and ${table.longitude} between -180 and 180`)],
);

/**
 * What a citizen books a visit to: an Espace Wallonie's own reception (COUNTER) or a service's
 * permanence held there (PERMANENCE). The owning service's staff manage its day sheet.
 */
export const bookableResources = pgTable(
  'bookable_resources',
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull().unique(),
    kind: text().$type<BookableResourceKind>().notNull(),
    labels: jsonb().$type<Labels>().notNull(),
    counterId: uuid()
      .notNull()
      .references(() => counters.id, { onDelete: 'restrict' }),
    serviceId: uuid()
      .notNull()
      .references(() => services.id, { onDelete: 'restrict' }),
    /** Appointments that can run at the same time. */
    desks: integer().notNull().default(1),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    check('bookable_resources_kind_check', isOneOf(table.kind, BOOKABLE_RESOURCE_KINDS)),
    check('bookable_resources_desks_check', sql`${table.desks} between 1 and 50`),
    index('bookable_resources_counter_idx').on(table.counterId),
    index('bookable_resources_service_idx').on(table.serviceId),
  ],
);

/** Opening windows of a resource per ISO weekday (1 = Monday), in Brussels time; two rows make a lunch break. */
export const resourceOpeningHours = pgTable(
  'resource_opening_hours',
  {
    resourceId: uuid()
      .notNull()
      .references(() => bookableResources.id, { onDelete: 'cascade' }),
    weekday: integer().notNull(),
    opensAt: time().notNull(),
    closesAt: time().notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.resourceId, table.weekday, table.opensAt] }),
    check('resource_opening_hours_weekday_check', sql`${table.weekday} between 1 and 7`),
    check('resource_opening_hours_range_check', sql`${table.opensAt} < ${table.closesAt}`),
  ],
);

/** The themes a resource receives citizens for, and how long one appointment lasts for each. */
export const resourceThemes = pgTable(
  'resource_themes',
  {
    resourceId: uuid()
      .notNull()
      .references(() => bookableResources.id, { onDelete: 'cascade' }),
    themeId: uuid()
      .notNull()
      .references(() => themes.id, { onDelete: 'restrict' }),
    durationMinutes: integer().notNull().default(20),
  },
  (table) => [
    primaryKey({ columns: [table.resourceId, table.themeId] }),
    check('resource_themes_duration_check', sql`${table.durationMinutes} between 5 and 240`),
    index('resource_themes_theme_idx').on(table.themeId),
  ],
);

/** Days a resource is closed besides the regional closure days (a training day, works, the advisor's leave). */
export const resourceClosureDays = pgTable(
  'resource_closure_days',
  {
    resourceId: uuid()
      .notNull()
      .references(() => bookableResources.id, { onDelete: 'cascade' }),
    day: date({ mode: 'string' }).notNull(),
    reason: text(),
  },
  (table) => [primaryKey({ columns: [table.resourceId, table.day] })],
);

/**
 * A citizen's visit booked at one desk of a resource, always on a case. Two live appointments
 * never overlap on one desk: an exclusion constraint of migration 0016 (btree_gist) refuses it,
 * whatever the number of concurrent writers.
 */
export const appointments = pgTable(
  'appointments',
  {
    id: uuid().primaryKey().defaultRandom(),
    resourceId: uuid()
      .notNull()
      .references(() => bookableResources.id, { onDelete: 'restrict' }),
    desk: integer().notNull(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    citizenId: uuid()
      .notNull()
      .references(() => citizens.id, { onDelete: 'restrict' }),
    themeId: uuid()
      .notNull()
      .references(() => themes.id, { onDelete: 'restrict' }),
    /** How the booking came in: PHONE for the 1718, ONLINE_PROCEDURE for the portal, COUNTER at a desk. */
    channel: text().$type<Channel>().notNull(),
    status: text().$type<AppointmentStatus>().notNull().default('BOOKED'),
    startsAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    endsAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    note: text(),
    bookedByKind: text().$type<ActorKind>().notNull(),
    bookedByAgentId: uuid().references(() => agents.id, { onDelete: 'set null' }),
    /** Who ended it as CANCELLED or NO_SHOW (SYSTEM: the no-show job). */
    endedByKind: text().$type<ActorKind>(),
    endedByAgentId: uuid().references(() => agents.id, { onDelete: 'set null' }),
    cancellationReason: text(),
    checkedInAt: timestamp({ withTimezone: true, precision: 3 }),
    /** The counter visit recorded on the case at check-in. */
    visitInteractionId: uuid().references(() => interactions.id, { onDelete: 'set null' }),
    endedAt: timestamp({ withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    check('appointments_status_check', isOneOf(table.status, APPOINTMENT_STATUSES)),
    check('appointments_channel_check', isOneOf(table.channel, CHANNELS)),
    check('appointments_booked_by_kind_check', isOneOf(table.bookedByKind, ACTOR_KINDS)),
    check('appointments_ended_by_kind_check', isOneOf(table.endedByKind, ACTOR_KINDS)),
    check('appointments_desk_check', sql`${table.desk} >= 1`),
    check('appointments_range_check', sql`${table.startsAt} < ${table.endsAt}`),
    check('appointments_cancellation_reason_check', sql`${table.status} <> 'CANCELLED' or ${table.cancellationReason} is not null`),
    // The day sheet and the free-slot search: a resource's appointments by start.
    index('appointments_resource_starts_idx').on(table.resourceId, table.startsAt),
    index('appointments_case_starts_idx').on(table.caseId, table.startsAt),
    index('appointments_citizen_starts_idx').on(table.citizenId, table.startsAt),
    // The reminder list of a day at every resource, and the statistics of a period.
    index('appointments_starts_idx').on(table.startsAt),
    // The no-show job: booked appointments by end.
    index('appointments_booked_ends_idx').on(table.endsAt).where(sql`${table.status} = 'BOOKED'`),
    index('appointments_visit_interaction_idx').on(table.visitInteractionId),
  ],
);

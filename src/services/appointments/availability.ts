import { and, asc, eq, gt, inArray, lt, ne } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import {
  appointments,
  bookableResources,
  closureDays,
  counters,
  postalCodePlaces,
  resourceClosureDays,
  resourceOpeningHours,
  resourceThemes,
} from '../../db/tables/index.js';
import { BOOKING_HORIZON_DAYS, type BookableSchedule, DEFAULT_APPOINTMENT_MINUTES, freeSlotsAmong, type HeldDesk, horizonEnd, type Slot, slotsOf } from '../../domain/appointment-slots.js';
import { minutesOfTime } from '../../domain/business-calendar.js';
import { type FieldProblem, type OfferedSlot, ValidationError } from '../../domain/errors.js';
import { isUuid } from '../../domain/ids.js';
import { BELGIAN_POSTAL_CODE, kilometresBetween, placeOfPostalCode } from '../../domain/places.js';
import { findTheme } from '../cases.js';

export type ResourceRow = typeof bookableResources.$inferSelect;

/** Appointment statuses that hold a desk (the exclusion constraint of migration 0016 covers the same). */
export const DESK_HOLDING_STATUSES = ['BOOKED', 'CHECKED_IN', 'DONE'] as const;

const DAY = 86_400_000;
const MINUTE = 60_000;
/** The longest appointment a resource may give a theme (resource_themes_duration_check). */
export const LONGEST_APPOINTMENT_MS = 240 * MINUTE;
const DEFAULT_WINDOW_DAYS = 14;
export const MAX_SLOTS = 100;
export const MAX_SLOTS_PER_RESOURCE = 50;
/** Free slots offered instead of one that is not free. */
export const NEAREST_SLOTS = 5;

export interface ResourcePlan {
  resource: ResourceRow;
  schedule: BookableSchedule;
  /** Minutes of one appointment per theme id the resource serves. */
  minutesByTheme: Map<string, number>;
}

/** The resources' opening windows, themes and closure days (their own and the regional ones). */
export async function loadResourcePlans(db: Executor, resources: readonly ResourceRow[]): Promise<Map<string, ResourcePlan>> {
  const ids = resources.map((resource) => resource.id);
  if (ids.length === 0) return new Map();
  const [hours, served, ownClosures, regionalClosures] = await Promise.all([
    db.select().from(resourceOpeningHours).where(inArray(resourceOpeningHours.resourceId, ids)),
    db.select().from(resourceThemes).where(inArray(resourceThemes.resourceId, ids)),
    db.select().from(resourceClosureDays).where(inArray(resourceClosureDays.resourceId, ids)),
    db.select({ day: closureDays.day }).from(closureDays),
  ]);
  const plans = new Map<string, ResourcePlan>();
  for (const resource of resources) {
    plans.set(resource.id, {
      resource,
      schedule: {
        openingHours: hours
          .filter((row) => row.resourceId === resource.id)
          .map((row) => ({ weekday: row.weekday, opensAt: minutesOfTime(row.opensAt), closesAt: minutesOfTime(row.closesAt) })),
        closureDays: new Set([...regionalClosures.map((row) => row.day), ...ownClosures.filter((row) => row.resourceId === resource.id).map((row) => row.day)]),
      },
      minutesByTheme: new Map(served.filter((row) => row.resourceId === resource.id).map((row) => [row.themeId, row.durationMinutes])),
    });
  }
  return plans;
}

export async function findActiveResource(db: Executor, resourceId: string, path: string[]): Promise<ResourceRow> {
  const [resource] = isUuid(resourceId) ? await db.select().from(bookableResources).where(eq(bookableResources.id, resourceId)) : [];
  if (!resource?.active) throw new ValidationError([{ path, message: 'No bookable resource has this id.' }]);
  return resource;
}


/** Desks of a resource held by live appointments overlapping [start, end), leaving one appointment out (the one being moved). */
export async function desksTaken(db: Executor, resourceId: string, slot: Slot, leavingOut?: string): Promise<Set<number>> {
  const rows = await db
    .select({ desk: appointments.desk })
    .from(appointments)
    .where(
      and(
        eq(appointments.resourceId, resourceId),
        inArray(appointments.status, [...DESK_HOLDING_STATUSES]),
        lt(appointments.startsAt, slot.end),
        gt(appointments.endsAt, slot.start),
        leavingOut ? ne(appointments.id, leavingOut) : undefined,
      ),
    );
  return new Set(rows.map((row) => row.desk));
}

export interface FreeSlot extends OfferedSlot {
  /** From the place asked, in km; null when asked by resource. */
  distanceKm: number | null;
}

/**
 * Desks held by live appointments of the resources that end after `after` and start before
 * `before` plus the longest appointment (those that can reach a slot starting before `before`), by start.
 */
export function heldDesksOf(db: Executor, resourceIds: readonly string[], after: Date, before: Date): Promise<(HeldDesk & { resourceId: string })[]> {
  return db
    .select({ resourceId: appointments.resourceId, desk: appointments.desk, start: appointments.startsAt, end: appointments.endsAt })
    .from(appointments)
    .where(
      and(
        inArray(appointments.resourceId, [...resourceIds]),
        inArray(appointments.status, [...DESK_HOLDING_STATUSES]),
        gt(appointments.endsAt, after),
        lt(appointments.startsAt, new Date(before.getTime() + LONGEST_APPOINTMENT_MS)),
      ),
    )
    .orderBy(asc(appointments.startsAt));
}

/** The free slots of each resource for one theme in [from, to), by start. */
async function freeSlotsOf(db: Executor, plans: readonly ResourcePlan[], themeId: string, from: Date, to: Date, now: Date): Promise<Map<string, FreeSlot[]>> {
  const result = new Map<string, FreeSlot[]>();
  if (plans.length === 0) return result;
  const held = await heldDesksOf(
    db,
    plans.map((plan) => plan.resource.id),
    new Date(from.getTime() - LONGEST_APPOINTMENT_MS),
    to,
  );
  for (const plan of plans) {
    const slots = slotsOf(plan.schedule, { durationMinutes: plan.minutesByTheme.get(themeId) ?? DEFAULT_APPOINTMENT_MINUTES, from, to, now, horizonDays: BOOKING_HORIZON_DAYS });
    const ofResource = held.filter((row) => row.resourceId === plan.resource.id);
    result.set(
      plan.resource.id,
      [...freeSlotsAmong(slots, ofResource, plan.resource.desks)].map(({ slot, freeDesks }) => ({ resourceId: plan.resource.id, start: slot.start, end: slot.end, freeDesks, distanceKm: null })),
    );
  }
  return result;
}

export interface SlotSearch {
  resourceId?: string | null;
  themeCode: string;
  postalCode?: string | null;
  from?: Date | null;
  to?: Date | null;
  count?: number | null;
  perResource?: number | null;
}

function checkSearch(search: SlotSearch, now: Date): { problems: FieldProblem[]; from: Date; to: Date; count: number; perResource: number } {
  const problems: FieldProblem[] = [];
  if (search.resourceId && search.postalCode) problems.push({ path: ['postalCode'], message: 'Give resourceId or postalCode, not both.' });
  if (!search.resourceId && !search.postalCode) problems.push({ path: ['resourceId'], message: 'Give resourceId, or postalCode to rank the resources by distance.' });
  if (search.postalCode && !BELGIAN_POSTAL_CODE.test(search.postalCode)) problems.push({ path: ['postalCode'], message: 'A Belgian postal code: four digits.' });
  // A start in the past means from now on; the default window is two weeks from there.
  const from = new Date(Math.max((search.from ?? now).getTime(), now.getTime()));
  const horizon = horizonEnd(now, BOOKING_HORIZON_DAYS).getTime();
  if (from.getTime() >= horizon) problems.push({ path: ['from'], message: `Beyond the booking horizon: slots are offered up to ${BOOKING_HORIZON_DAYS} days ahead.` });
  const to = search.to ?? new Date(Math.min(from.getTime() + DEFAULT_WINDOW_DAYS * DAY, horizon));
  if (search.to && search.to.getTime() <= from.getTime()) problems.push({ path: ['to'], message: 'Must be after from (and after now).' });
  const count = search.count ?? 20;
  if (!Number.isInteger(count) || count < 1 || count > MAX_SLOTS) problems.push({ path: ['count'], message: `Between 1 and ${MAX_SLOTS}.` });
  const perResource = search.perResource ?? 5;
  if (!Number.isInteger(perResource) || perResource < 1 || perResource > MAX_SLOTS_PER_RESOURCE) problems.push({ path: ['perResource'], message: `Between 1 and ${MAX_SLOTS_PER_RESOURCE}.` });
  return { problems, from, to, count, perResource };
}

/**
 * Free slots: of one resource by start, or for a theme near a postal code, nearest resource
 * first (at most `perResource` slots each, earliest first). Business time only, never on a
 * closure day, in the past or beyond the booking horizon.
 */
export async function findAvailableSlots(db: Executor, search: SlotSearch, now: Date): Promise<FreeSlot[]> {
  const { problems, from, to, count, perResource } = checkSearch(search, now);
  if (problems.length > 0) throw new ValidationError(problems);
  const theme = await findTheme(db, search.themeCode, ['themeCode']);

  if (search.resourceId) {
    const resource = await findActiveResource(db, search.resourceId, ['resourceId']);
    const plans = await loadResourcePlans(db, [resource]);
    const plan = plans.get(resource.id)!;
    if (!plan.minutesByTheme.has(theme.id)) throw new ValidationError([{ path: ['themeCode'], message: 'This resource does not receive citizens for this theme.' }]);
    const slots = await freeSlotsOf(db, [plan], theme.id, from, to, now);
    return (slots.get(resource.id) ?? []).slice(0, count);
  }

  const places = await db.select().from(postalCodePlaces);
  const origin = placeOfPostalCode(search.postalCode!, places);
  if (!origin) throw new ValidationError([{ path: ['postalCode'], message: 'No known place near this postal code.' }]);
  const candidates = await db
    .select({ resource: bookableResources, postalCode: counters.postalCode })
    .from(bookableResources)
    .innerJoin(resourceThemes, eq(resourceThemes.resourceId, bookableResources.id))
    .innerJoin(counters, eq(counters.id, bookableResources.counterId))
    .where(and(eq(resourceThemes.themeId, theme.id), eq(bookableResources.active, true)));
  const distanceOf = new Map(
    candidates.map((candidate) => {
      const place = places.find((known) => known.postalCode === candidate.postalCode);
      return [candidate.resource.id, place ? Math.round(kilometresBetween(origin, place) * 10) / 10 : Number.POSITIVE_INFINITY];
    }),
  );
  const plans = await loadResourcePlans(
    db,
    candidates.map((candidate) => candidate.resource),
  );
  const slots = await freeSlotsOf(db, [...plans.values()], theme.id, from, to, now);
  const nearestFirst = [...plans.keys()].sort((a, b) => distanceOf.get(a)! - distanceOf.get(b)! || plans.get(a)!.resource.code.localeCompare(plans.get(b)!.resource.code));
  return nearestFirst
    .flatMap((resourceId) => (slots.get(resourceId) ?? []).slice(0, perResource).map((slot) => ({ ...slot, distanceKm: Number.isFinite(distanceOf.get(resourceId)!) ? distanceOf.get(resourceId)! : null })))
    .slice(0, count);
}

/** The free slots of a resource for a theme closest in time to `wanted` (offered when it is not free), by start. */
export async function nearestFreeSlots(db: Executor, plan: ResourcePlan, themeId: string, wanted: Date, now: Date, count = NEAREST_SLOTS): Promise<FreeSlot[]> {
  const from = new Date(Math.max(now.getTime(), wanted.getTime() - 7 * DAY));
  const to = new Date(Math.max(wanted.getTime(), now.getTime()) + 14 * DAY);
  const slots = (await freeSlotsOf(db, [plan], themeId, from, to, now)).get(plan.resource.id) ?? [];
  return slots
    .sort((a, b) => Math.abs(a.start.getTime() - wanted.getTime()) - Math.abs(b.start.getTime() - wanted.getTime()))
    .slice(0, count)
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}

export function resourcesByIds(db: Executor, ids: readonly string[]): Promise<ResourceRow[]> {
  const valid = ids.filter(isUuid);
  return valid.length === 0 ? Promise.resolve([]) : db.select().from(bookableResources).where(inArray(bookableResources.id, valid));
}

/** Active resources, by code; those receiving citizens for one theme when a code is given. */
export async function listResources(db: Executor, themeCode?: string | null): Promise<ResourceRow[]> {
  if (!themeCode) return db.select().from(bookableResources).where(eq(bookableResources.active, true)).orderBy(bookableResources.code);
  const theme = await findTheme(db, themeCode, ['themeCode']);
  const rows = await db
    .select({ resource: bookableResources })
    .from(bookableResources)
    .innerJoin(resourceThemes, eq(resourceThemes.resourceId, bookableResources.id))
    .where(and(eq(resourceThemes.themeId, theme.id), eq(bookableResources.active, true)))
    .orderBy(bookableResources.code);
  return rows.map((row) => row.resource);
}

export interface ResourceDetails {
  openingHours: { weekday: number; opensAt: string; closesAt: string }[];
  themes: { themeId: string; durationMinutes: number }[];
}

/** Opening windows (by weekday and time) and themes of each resource, in the order of the ids. */
export async function resourceDetailsByIds(db: Executor, ids: readonly string[]): Promise<ResourceDetails[]> {
  const valid = ids.filter(isUuid);
  const [hours, served] =
    valid.length === 0
      ? [[], []]
      : await Promise.all([
          db.select().from(resourceOpeningHours).where(inArray(resourceOpeningHours.resourceId, valid)).orderBy(resourceOpeningHours.weekday, resourceOpeningHours.opensAt),
          db.select().from(resourceThemes).where(inArray(resourceThemes.resourceId, valid)),
        ]);
  return ids.map((id) => ({
    openingHours: hours.filter((row) => row.resourceId === id).map((row) => ({ weekday: row.weekday, opensAt: row.opensAt.slice(0, 5), closesAt: row.closesAt.slice(0, 5) })),
    themes: served.filter((row) => row.resourceId === id).map((row) => ({ themeId: row.themeId, durationMinutes: row.durationMinutes })),
  }));
}

import { and, asc, eq, sql } from 'drizzle-orm';
import { type Executor, selectRows } from '../../db/client.js';
import { anyOf } from '../../db/lists.js';
import { bookableResources, themes } from '../../db/tables/index.js';
import { BOOKING_HORIZON_DAYS, firstFreeSlot, type HeldDesk, slotsOf } from '../../domain/appointment-slots.js';
import { brusselsDayBounds } from '../../domain/business-calendar.js';
import { ForbiddenError, ValidationError } from '../../domain/errors.js';
import { isUuid } from '../../domain/ids.js';
import { appointmentRangeProblem, noShowRate } from '../../domain/statistics.js';
import type { Viewer } from '../../domain/viewer.js';
import { statisticsReader } from '../statistics.js';
import { heldDesksOf, loadResourcePlans, type ResourcePlan, type ResourceRow } from './availability.js';

// The figures a manager needs to open another permanence (issue 19): appointments per resource
// and ISO week, counted by Postgres in one grouped statement, and the lead time to the next free
// slot per theme, from the same slot rule as availableSlots. Counts and instants only: no citizen.

const HOUR = 3_600_000;
const DAY = 86_400_000;

export interface AppointmentCounts {
  /** Every appointment starting in the period, whatever its status: the sum of the five below. */
  appointments: number;
  booked: number;
  checkedIn: number;
  done: number;
  cancelled: number;
  noShow: number;
  noShowRate: number | null;
}

export interface AppointmentWeekRow extends AppointmentCounts {
  /** Monday opening the ISO week, YYYY-MM-DD, Brussels time. */
  weekStart: string;
  /** The ISO week, e.g. 2027-W02. */
  week: string;
}

export interface ResourceAppointmentRow extends AppointmentCounts {
  resourceId: string;
  weeks: AppointmentWeekRow[];
}

export interface AppointmentFigures extends AppointmentCounts {
  resources: ResourceAppointmentRow[];
}

export interface ThemeLeadTimeRow {
  themeId: string;
  /** Active resources in scope receiving citizens for the theme. */
  resources: number;
  /** The earliest free slot over those resources; null when none within the booking horizon. */
  nextFreeSlot: { resourceId: string; start: Date; end: Date; freeDesks: number } | null;
  leadTimeHours: number | null;
}

export interface AppointmentStatisticsRequest {
  /** First day, YYYY-MM-DD, Brussels time. */
  from: string;
  /** Last day, included. */
  to: string;
  resourceId?: string | null;
}

/** What a viewer may count: the period, and the resources in scope (all, one service's, or one). */
export interface AppointmentStatisticsScope {
  from: string;
  to: string;
  serviceId: string | undefined;
  resourceId: string | undefined;
}

/**
 * Checks the viewer and the request, as caseStatistics does: supervisors and admins see every
 * resource, a service account only its own service's; the period is a year at most.
 */
export async function appointmentStatisticsScope(db: Executor, viewer: Viewer, request: AppointmentStatisticsRequest): Promise<AppointmentStatisticsScope> {
  const { serviceId } = statisticsReader(viewer);
  const problem = appointmentRangeProblem(request.from, request.to);
  if (problem) throw new ValidationError([{ path: ['to'], message: problem }]);
  if (request.resourceId == null) return { from: request.from, to: request.to, serviceId, resourceId: undefined };
  // Inactive resources too: their past appointments still count.
  const [resource] = isUuid(request.resourceId) ? await db.select({ id: bookableResources.id, serviceId: bookableResources.serviceId }).from(bookableResources).where(eq(bookableResources.id, request.resourceId)) : [];
  if (!resource) throw new ValidationError([{ path: ['resourceId'], message: 'No bookable resource has this id.' }]);
  if (serviceId && resource.serviceId !== serviceId) throw new ForbiddenError('A service account reads the figures of its own service’s resources only.');
  return { from: request.from, to: request.to, serviceId, resourceId: resource.id };
}

function inScope(scope: AppointmentStatisticsScope) {
  return and(scope.serviceId ? eq(bookableResources.serviceId, scope.serviceId) : undefined, scope.resourceId ? eq(bookableResources.id, scope.resourceId) : undefined);
}

const count = (value: unknown) => Number(value ?? 0);

function countsOf(rows: readonly Omit<AppointmentCounts, 'noShowRate' | 'appointments'>[]): AppointmentCounts {
  const sum = (pick: (row: Omit<AppointmentCounts, 'noShowRate' | 'appointments'>) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const counts = { booked: sum((row) => row.booked), checkedIn: sum((row) => row.checkedIn), done: sum((row) => row.done), cancelled: sum((row) => row.cancelled), noShow: sum((row) => row.noShow) };
  return { appointments: counts.booked + counts.checkedIn + counts.done + counts.cancelled + counts.noShow, ...counts, noShowRate: noShowRate(counts) };
}

interface WeekCountRow {
  resourceId: string;
  weekStart: string;
  week: string;
  booked: string | number;
  checkedIn: string | number;
  done: string | number;
  cancelled: string | number;
  noShow: string | number;
}

/**
 * Appointments starting in the period per resource and ISO week (Brussels time), by status, in
 * one grouped statement; per resource and over the period, the sums of those rows. Every
 * resource in scope is listed, by code, even without appointments (an idle permanence is a
 * figure too); inactive ones only when they had appointments. Weeks without appointments are
 * left out. An appointment counts at its current resource and start (after any move).
 */
export async function appointmentFigures(db: Executor, scope: AppointmentStatisticsScope): Promise<AppointmentFigures> {
  const start = brusselsDayBounds(scope.from).start;
  const end = brusselsDayBounds(scope.to).end;
  // date_trunc of the Brussels wall-clock time: the Monday of the ISO week the appointment is in.
  const weekStart = sql`date_trunc('week', a.starts_at at time zone 'Europe/Brussels')::date`;
  const [weekRows, resources] = await Promise.all([
    selectRows<WeekCountRow>(
      db,
      sql`select a.resource_id as "resourceId", ${weekStart}::text as "weekStart", to_char(${weekStart}, 'IYYY-"W"IW') as "week",
            count(*) filter (where a.status = 'BOOKED') as "booked",
            count(*) filter (where a.status = 'CHECKED_IN') as "checkedIn",
            count(*) filter (where a.status = 'DONE') as "done",
            count(*) filter (where a.status = 'CANCELLED') as "cancelled",
            count(*) filter (where a.status = 'NO_SHOW') as "noShow"
          from appointments as a join bookable_resources as r on r.id = a.resource_id
          where a.starts_at >= ${start.toISOString()}::timestamptz and a.starts_at < ${end.toISOString()}::timestamptz
            ${scope.serviceId ? sql`and r.service_id = ${scope.serviceId}::uuid` : sql``}
            ${scope.resourceId ? sql`and a.resource_id = ${scope.resourceId}::uuid` : sql``}
          group by a.resource_id, ${weekStart}
          order by a.resource_id, ${weekStart}`,
    ),
    db
      .select({ id: bookableResources.id, code: bookableResources.code, active: bookableResources.active })
      .from(bookableResources)
      .where(inScope(scope))
      .orderBy(asc(bookableResources.code)),
  ]);
  const weeksOf = new Map<string, AppointmentWeekRow[]>();
  for (const row of weekRows) {
    const counts = { booked: count(row.booked), checkedIn: count(row.checkedIn), done: count(row.done), cancelled: count(row.cancelled), noShow: count(row.noShow) };
    const week: AppointmentWeekRow = { weekStart: row.weekStart, week: row.week, ...countsOf([counts]) };
    const weeks = weeksOf.get(row.resourceId);
    if (weeks) weeks.push(week);
    else weeksOf.set(row.resourceId, [week]);
  }
  const rows = resources
    .filter((resource) => resource.active || weeksOf.has(resource.id))
    .map((resource) => {
      const weeks = weeksOf.get(resource.id) ?? [];
      return { resourceId: resource.id, ...countsOf(weeks), weeks };
    });
  return { ...countsOf(rows), resources: rows };
}

/**
 * The first free slot of a resource for a theme starting before `until`. Cutting slots costs
 * (two time-zone look-ups each), and the first free one is usually within days: look a day
 * ahead, then twice as far each time.
 */
function earliestFreeSlot(plan: ResourcePlan, minutes: number, held: readonly HeldDesk[], now: Date, until: Date) {
  for (let from = now, span = DAY; from < until; from = new Date(from.getTime() + span), span *= 2) {
    const to = new Date(Math.min(from.getTime() + span, until.getTime()));
    const free = firstFreeSlot(slotsOf(plan.schedule, { durationMinutes: minutes, from, to, now, horizonDays: BOOKING_HORIZON_DAYS }), held, plan.resource.desks);
    if (free) return free;
  }
  return null;
}

/**
 * For each theme an active resource in scope receives citizens for, by theme code: the earliest
 * free slot over those resources from `now` (the request's time), within the booking horizon,
 * and how long until it starts. Slots follow the same rule as availableSlots (opening hours,
 * closure days, public holidays, the theme's length, desks held by live appointments).
 */
export async function themeLeadTimes(db: Executor, scope: AppointmentStatisticsScope, now: Date): Promise<ThemeLeadTimeRow[]> {
  const resources: ResourceRow[] = await db
    .select()
    .from(bookableResources)
    .where(and(eq(bookableResources.active, true), inScope(scope)));
  if (resources.length === 0) return [];
  const plans = await loadResourcePlans(db, resources);
  const horizon = new Date(now.getTime() + BOOKING_HORIZON_DAYS * DAY);
  const themeIds = [...new Set([...plans.values()].flatMap((plan) => [...plan.minutesByTheme.keys()]))];
  if (themeIds.length === 0) return [];
  const [held, themeRows] = await Promise.all([
    heldDesksOf(
      db,
      resources.map((resource) => resource.id),
      now,
      horizon,
    ),
    db
      .select({ id: themes.id, code: themes.code })
      .from(themes)
      .where(anyOf(themes.id, themeIds))
      .orderBy(asc(themes.code)),
  ]);
  const heldBy = new Map<string, HeldDesk[]>();
  for (const row of held) {
    const ofResource = heldBy.get(row.resourceId);
    if (ofResource) ofResource.push(row);
    else heldBy.set(row.resourceId, [row]);
  }
  const ordered = [...plans.values()].sort((a, b) => a.resource.code.localeCompare(b.resource.code));
  return themeRows.map((theme) => {
    let best: ThemeLeadTimeRow['nextFreeSlot'] = null;
    let serving = 0;
    for (const plan of ordered) {
      const minutes = plan.minutesByTheme.get(theme.id);
      if (minutes === undefined) continue;
      serving++;
      // Only slots before the best found so far can beat it; ties go to the first resource by code.
      const free = earliestFreeSlot(plan, minutes, heldBy.get(plan.resource.id) ?? [], now, best ? best.start : horizon);
      if (free) best = { resourceId: plan.resource.id, start: free.slot.start, end: free.slot.end, freeDesks: free.freeDesks };
    }
    return { themeId: theme.id, resources: serving, nextFreeSlot: best, leadTimeHours: best ? (best.start.getTime() - now.getTime()) / HOUR : null };
  });
}

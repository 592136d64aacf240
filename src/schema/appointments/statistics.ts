import { BOOKING_HORIZON_DAYS } from '../../domain/appointment-slots.js';
import { REFERENCE_LIST_BOUNDS } from '../../domain/reference-bounds.js';
import { MAX_APPOINTMENT_RANGE_DAYS, MAX_APPOINTMENT_WEEKS } from '../../domain/statistics.js';
import {
  type AppointmentCounts,
  type AppointmentFigures,
  appointmentFigures,
  type AppointmentStatisticsScope,
  appointmentStatisticsScope,
  type AppointmentWeekRow,
  type ResourceAppointmentRow,
  type ThemeLeadTimeRow,
  themeLeadTimes,
} from '../../services/appointments/statistics.js';
import { builder, type Types } from '../builder.js';
import type { Context } from '../context.js';
import { listSize } from '../cost.js';
import { Theme } from '../theme.js';
import { AvailableSlot, BookableResource } from './resource.js';

// Appointment figures for managers (issue 19), beside the case statistics and under the same
// rule: supervisors and admins, or a service account for its own service's resources. Counts,
// resources and themes only: nothing about a citizen.

const READERS = { $any: { supervisor: true, serviceAccount: true } } as const;
const WHO = 'Supervisors and admins; a service account gets its own service’s resources only.';

/** The query's answer: each part is read once, when a field asks for it. */
interface AppointmentStatisticsResult {
  now: Date;
  figures: () => Promise<AppointmentFigures>;
  leadTimes: () => Promise<ThemeLeadTimeRow[]>;
}

function once<T>(read: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => (result ??= read());
}

function resultOf(context: Context, scope: AppointmentStatisticsScope): AppointmentStatisticsResult {
  return {
    now: context.now,
    figures: once(() => appointmentFigures(context.db, scope)),
    leadTimes: once(() => themeLeadTimes(context.db, scope, context.now)),
  };
}

/** The counts of a group (the period, a resource, a week), `where` saying which in words. */
function countFields<Parent>(t: PothosSchemaTypes.ObjectFieldBuilder<Types, Parent>, where: string, countsOf: (parent: Parent) => AppointmentCounts | Promise<AppointmentCounts>) {
  const counted = (description: string, pick: (counts: AppointmentCounts) => number) => t.int({ description, resolve: async (parent) => pick(await countsOf(parent)) });
  return {
    appointments: counted(`Appointments starting ${where}, whatever their status: booked + checkedIn + done + cancelled + noShow.`, (counts) => counts.appointments),
    booked: counted('Of those, the ones still BOOKED: upcoming, or past and not marked yet (the no-show job marks them an hour after their end).', (counts) => counts.booked),
    checkedIn: counted('Of those, the ones CHECKED_IN: the citizen came, the appointment is not closed yet.', (counts) => counts.checkedIn),
    done: counted('Of those, the ones DONE.', (counts) => counts.done),
    cancelled: counted('Of those, the ones CANCELLED.', (counts) => counts.cancelled),
    noShow: counted('Of those, the ones NO_SHOW: marked by staff, or by Guichet an hour after the end.', (counts) => counts.noShow),
    noShowRate: t.float({
      nullable: true,
      description: `noShow / (done + checkedIn + noShow) ${where}: the share of the appointments whose outcome is known where nobody came, between 0 and 1; null when there is none.`,
      resolve: async (parent) => (await countsOf(parent)).noShowRate,
    }),
  };
}

const AppointmentWeek = builder.objectRef<AppointmentWeekRow>('AppointmentWeek').implement({
  description: 'The appointments of one resource starting in one ISO week (Monday to Sunday, Brussels time), by status.',
  authScopes: READERS,
  fields: (t) => ({
    weekStart: t.field({ type: 'Date', description: 'The Monday opening the week.', resolve: (row) => row.weekStart }),
    week: t.exposeString('week', { description: 'The ISO week, e.g. 2027-W02 (as PERIOD_WEEK in the case statistics).' }),
    ...countFields(t, 'at this resource that week (within the period asked: the first and last weeks may be partial)', (row) => row),
  }),
});

const ResourceAppointmentStatistics = builder.objectRef<ResourceAppointmentRow>('ResourceAppointmentStatistics').implement({
  description: 'The appointments of one counter or permanence in the period, in total and per ISO week.',
  authScopes: READERS,
  fields: (t) => ({
    resource: t.field({ type: BookableResource, description: 'The counter or permanence.', resolve: (row) => row.resourceId }),
    ...countFields(t, 'at this resource in the period', (row) => row),
    weeks: t.field({
      type: [AppointmentWeek],
      description: `Its weeks with at least one appointment starting in the period, by week (at most ${MAX_APPOINTMENT_WEEKS}).`,
      ...listSize(MAX_APPOINTMENT_WEEKS),
      resolve: (row) => row.weeks,
    }),
  }),
});

const ThemeLeadTime = builder.objectRef<ThemeLeadTimeRow>('ThemeLeadTime').implement({
  description:
    'How soon a citizen can be received for a theme: the earliest free slot over every active resource (in your scope) that receives citizens for it, as availableSlots would offer it now.',
  authScopes: READERS,
  fields: (t) => ({
    theme: t.field({ type: Theme, description: 'The theme.', resolve: (row) => row.themeId }),
    resources: t.exposeInt('resources', { description: 'Active resources receiving citizens for it (at least 1).' }),
    nextFreeSlot: t.field({
      type: AvailableSlot,
      nullable: true,
      description: `The earliest free slot for it, the first resource by code on a tie; null when every slot within the ${BOOKING_HORIZON_DAYS}-day booking horizon is taken.`,
      resolve: (row) => (row.nextFreeSlot ? { ...row.nextFreeSlot, distanceKm: null, language: null } : null),
    }),
    leadTimeHours: t.exposeFloat('leadTimeHours', { nullable: true, description: 'Hours from now (the request’s time) to the start of nextFreeSlot; null when there is none.' }),
    leadTimeDays: t.float({
      nullable: true,
      description: 'The same in days of 24 hours; null when there is none.',
      resolve: (row) => (row.leadTimeHours === null ? null : row.leadTimeHours / 24),
    }),
  }),
});

const AppointmentStatistics = builder.objectRef<AppointmentStatisticsResult>('AppointmentStatistics').implement({
  description:
    'Appointment figures: per resource and ISO week over the period, with the no-show rate, and the lead time to the next free slot per theme from now. Counts an appointment at its current resource and start (after any move). Supervisors and admins; a service account sees its own service’s resources only.',
  authScopes: READERS,
  fields: (t) => ({
    ...countFields(t, 'in the period, over every resource in scope', (result) => result.figures()),
    resources: t.field({
      type: [ResourceAppointmentStatistics],
      description: `Every active resource in scope, and inactive ones that had appointments in the period, by code; a resource without appointments has zeros (at most ${REFERENCE_LIST_BOUNDS.bookableResources}).`,
      ...listSize(REFERENCE_LIST_BOUNDS.bookableResources),
      resolve: async (result) => (await result.figures()).resources,
    }),
    leadTimes: t.field({
      type: [ThemeLeadTime],
      description: `One per theme that an active resource in scope receives citizens for, by theme code (at most ${REFERENCE_LIST_BOUNDS.themes}). Independent of from and to: measured from now.`,
      ...listSize(REFERENCE_LIST_BOUNDS.themes),
      resolve: (result) => result.leadTimes(),
    }),
    asOf: t.field({ type: 'DateTime', description: 'The instant lead times are measured from: the time of the request.', resolve: (result) => result.now }),
  }),
});

builder.queryField('appointmentStatistics', (t) =>
  t.field({
    type: AppointmentStatistics,
    description: `Appointments per resource and ISO week, their outcome and no-show rate, and the lead time to the next free slot per theme: what a manager needs to open another permanence. ${WHO}`,
    authScopes: READERS,
    args: {
      from: t.arg({ type: 'Date', required: true, description: 'First day, Brussels time: appointments starting from its midnight count.' }),
      to: t.arg({ type: 'Date', required: true, description: `Last day, included; the period covers at most ${MAX_APPOINTMENT_RANGE_DAYS} days.` }),
      resourceId: t.arg.globalID({ required: false, for: BookableResource, description: 'The global id of a resource: only this resource (its weeks and its themes’ lead times); every resource in scope when omitted.' }),
    },
    resolve: async (_root, args, context) =>
      resultOf(context, await appointmentStatisticsScope(context.db, context.viewer, { from: args.from, to: args.to, resourceId: args.resourceId?.id })),
  }),
);

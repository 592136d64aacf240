import { APPOINTMENT_STATUSES, type AppointmentStatus } from '../../domain/vocabulary.js';
import { appointmentCaseSummaries, type AppointmentRow, listAppointments, readableAppointmentsByIds } from '../../services/appointments/reads.js';
import { readableInteractionsByIds } from '../../services/case-reads.js';
import { Agent } from '../agent.js';
import { builder } from '../builder.js';
import { Case, logRepresentativeReads } from '../case.js';
import { ActorKindEnum } from '../case-event.js';
import { Citizen } from '../citizen.js';
import { ChannelEnum } from '../enums.js';
import { Interaction } from '../interaction.js';
import { vocabularyLabelField } from '../language.js';
import type { Context } from '../context.js';
import { batchLoader, rowsByIdLoader } from '../loaders.js';
import { toConnection } from '../pagination.js';
import { Theme } from '../theme.js';
import { BookableResource } from './resource.js';

const STAFF = { staff: true } as const;
const CITIZEN = { citizen: true } as const;
const STAFF_OR_CITIZEN = { $any: { staff: true, citizen: true } } as const;

const APPOINTMENT_STATUS_DESCRIPTIONS: Record<AppointmentStatus, string> = {
  BOOKED: 'Booked: the desk is held for the citizen.',
  CHECKED_IN: 'The citizen arrived; a counter visit was recorded on the case.',
  DONE: 'It took place and is over.',
  CANCELLED: 'Cancelled by the citizen or staff, with a reason; the desk is free again.',
  NO_SHOW: 'Nobody came: marked by staff, or automatically an hour after its end.',
};

export const AppointmentStatusEnum = builder.enumType('AppointmentStatus', {
  description: 'Where an appointment stands: BOOKED → CHECKED_IN → DONE, or CANCELLED, or NO_SHOW.',
  values: Object.fromEntries(APPOINTMENT_STATUSES.map((status) => [status, { description: APPOINTMENT_STATUS_DESCRIPTIONS[status] }])) as Record<AppointmentStatus, { description: string }>,
});


function caseSummary(row: AppointmentRow, context: Context) {
  return batchLoader(context, 'appointmentCaseSummaries', async (caseIds) => {
    const summaries = await appointmentCaseSummaries(context.db, context.viewer, caseIds, context.now);
    return caseIds.map((id) => summaries.find((summary) => summary.id === id)!);
  }).load(row.caseId);
}

export const Appointment = builder.loadableNode('Appointment', {
  description:
    'A citizen’s visit booked at one desk of a counter or permanence, always on a case. Readable by the citizen (their own), the staff of the resource’s service (its day sheet), and staff who may read the case.',
  authScopes: STAFF_OR_CITIZEN,
  id: { resolve: (row) => row.id },
  load: async (ids: string[], context) => {
    const rows = await readableAppointmentsByIds(context.db, context.viewer, ids, context.now);
    await logRepresentativeReads(context, rows.map((row) => ({ caseId: row.caseId, citizenId: row.citizenId })));
    return rows;
  },
  sort: (row: AppointmentRow) => row.id,
  fields: (t) => ({
    status: t.expose('status', { type: AppointmentStatusEnum, description: 'Where it stands.' }),
    statusLabel: vocabularyLabelField(t, 'APPOINTMENT_STATUS', 'The status in words, in the asked language.', (row) => row.status),
    resource: t.field({ type: BookableResource, description: 'Where: the counter or permanence.', resolve: (row) => row.resourceId }),
    desk: t.exposeInt('desk', { nullable: true, authScopes: STAFF, description: 'The desk number at the resource (1 to its desks). Staff only. A citizen gets null and a FORBIDDEN error.' }),
    start: t.field({ type: 'DateTime', description: 'When it starts.', resolve: (row) => row.startsAt }),
    end: t.field({ type: 'DateTime', description: 'When it ends.', resolve: (row) => row.endsAt }),
    theme: t.field({ type: Theme, description: 'What it is about.', resolve: (row) => row.themeId }),
    channel: t.expose('channel', { type: ChannelEnum, description: 'How it was booked: PHONE (the 1718), ONLINE_PROCEDURE (the portal), COUNTER (at a desk), …' }),
    note: t.exposeString('note', { nullable: true, description: 'What the citizen should bring or what it is about, as noted when booking; null when none.' }),
    case: t.field({ type: Case, nullable: true, description: 'The case it belongs to; null when you may not read the case.', resolve: (row) => row.caseId }),
    citizen: t.field({ type: Citizen, nullable: true, description: 'Who comes; null when you may not read the citizen.', resolve: (row) => row.citizenId }),
    bookedByKind: t.expose('bookedByKind', { type: ActorKindEnum, description: 'Who booked it.' }),
    bookedBy: t.field({ type: Agent, nullable: true, authScopes: STAFF, description: 'The agent who booked it; null otherwise. Staff only.', resolve: (row) => row.bookedByAgentId }),
    cancellationReason: t.exposeString('cancellationReason', { nullable: true, description: 'Why it was cancelled; null unless CANCELLED.' }),
    endedByKind: t.expose('endedByKind', { type: ActorKindEnum, nullable: true, description: 'Who cancelled it or marked it a no-show; null otherwise.' }),
    checkedInAt: t.field({ type: 'DateTime', nullable: true, description: 'When the citizen was checked in; null before.', resolve: (row) => row.checkedInAt }),
    visit: t.field({
      type: Interaction,
      nullable: true,
      authScopes: STAFF,
      description: 'The counter visit recorded on the case at check-in; null before, and when you may not read the case. Staff only.',
      resolve: (row, _args, context) =>
        row.visitInteractionId
          ? rowsByIdLoader(context, 'appointmentVisits', (ids) => readableInteractionsByIds(context.db, context.viewer, ids, context.now)).load(row.visitInteractionId)
          : null,
    }),
    caseReference: t.string({
      authScopes: STAFF,
      nullable: true,
      description: 'The reference of its case, for the day sheet (the case itself may not be yours to read). Staff only.',
      resolve: async (row, _args, context) => (await caseSummary(row, context)).reference,
    }),
    caseSubject: t.string({
      authScopes: STAFF,
      nullable: true,
      description: 'The subject of its case, for the day sheet; null for a confidential case you may not read. Staff only.',
      resolve: async (row, _args, context) => (await caseSummary(row, context)).subject,
    }),
    bookedAt: t.field({ type: 'DateTime', description: 'When it was booked.', resolve: (row) => row.createdAt }),
  }),
});


const AppointmentConnection = builder.connectionObject(
  { type: Appointment, name: 'AppointmentConnection', description: 'A page of appointments.', authScopes: STAFF_OR_CITIZEN },
  { name: 'AppointmentEdge', description: 'An appointment and its cursor.', authScopes: STAFF_OR_CITIZEN },
);

builder.objectFields(Case, (t) => ({
  appointments: t.connection(
    {
      type: Appointment,
      authScopes: STAFF_OR_CITIZEN,
      description: 'The case’s appointments, by start; only those you may read.',
      resolve: async (row, args, context) => toConnection(await listAppointments(context.db, context.viewer, { caseId: row.id }, args, context.limits.maxPageSize, context.now)),
    },
    AppointmentConnection,
  ),
}));

const DaySheetFilter = builder.inputType('AppointmentFilter', {
  description: 'Which appointments of the day sheet: one resource, one day.',
  fields: (t) => ({
    resourceId: t.globalID({ required: true, for: BookableResource, description: 'The global id of the resource.' }),
    day: t.field({ type: 'Date', required: true, description: 'The day, Brussels time.' }),
    status: t.field({ type: [AppointmentStatusEnum], required: false, description: 'Only appointments in any of these statuses; all when omitted.' }),
  }),
});

/** The signed-in citizen's own id: their appointments, not those of people they represent. */
const ownId = (context: Context) => (context.viewer.kind === 'citizen' ? context.viewer.citizenId : undefined);

builder.queryFields((t) => ({
  myAppointments: t.connection({
    type: Appointment,
    authScopes: CITIZEN,
    description: 'The signed-in citizen’s appointments, by start; upcoming ones only unless includePast. Citizens only.',
    args: {
      status: t.arg({ type: [AppointmentStatusEnum], required: false, description: 'Only appointments in any of these statuses.' }),
      includePast: t.arg.boolean({ required: false, defaultValue: false, description: 'Also those that ended; false when omitted.' }),
    },
    resolve: async (_root, args, context) =>
      toConnection(
        await listAppointments(
          context.db,
          context.viewer,
          { citizenId: ownId(context), statuses: args.status ?? undefined, endingAfter: args.includePast ? undefined : context.now },
          args,
          context.limits.maxPageSize,
          context.now,
        ),
      ),
  }, AppointmentConnection),
  appointments: t.connection({
    type: Appointment,
    authScopes: STAFF,
    description:
      'A resource’s day sheet: its appointments of one day (Brussels time), by start, with the citizen, the case’s reference and subject. The resource’s service sees them all; other staff only those of cases they may read. Staff only.',
    args: { filter: t.arg({ type: DaySheetFilter, required: true, description: 'The resource, the day and the statuses.' }) },
    resolve: async (_root, { filter, ...page }, context) =>
      toConnection(
        await listAppointments(context.db, context.viewer, { resourceId: filter.resourceId.id, day: filter.day, statuses: filter.status ?? undefined }, page, context.limits.maxPageSize, context.now),
      ),
  }, AppointmentConnection),
  appointmentsDue: t.connection({
    type: Appointment,
    authScopes: STAFF,
    description:
      'The booked appointments of one day (Brussels time) at every resource you may read, by start: the daily list a reminder sender (SMS, e-mail) works from. Staff and service accounts only.',
    args: { date: t.arg({ type: 'Date', required: true, description: 'The day, Brussels time.' }) },
    resolve: async (_root, args, context) => toConnection(await listAppointments(context.db, context.viewer, { day: args.date, statuses: ['BOOKED'] }, args, context.limits.maxPageSize, context.now)),
  }, AppointmentConnection),
}));

import { and, eq, gt, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { appointments, bookableResources, cases } from '../../db/tables/index.js';
import { brusselsDayBounds } from '../../domain/business-calendar.js';
import { isUuid } from '../../domain/ids.js';
import type { Viewer } from '../../domain/viewer.js';
import type { AppointmentStatus } from '../../domain/vocabulary.js';
import { readableCases } from '../case-access.js';
import { COUNT, countOf, type CountedPage, emptyPage, type PageRequest, readPageRequest, toPage } from '../pagination.js';

export type AppointmentRow = typeof appointments.$inferSelect;

/**
 * The appointments a viewer may read, as a predicate on `appointments` joined with `cases` and
 * `bookable_resources`: a citizen their own; staff those of cases they may read (the case
 * access rule) and every appointment at a resource of their service (its day sheet). Reading an
 * appointment does not open its case: `Appointment.case` still follows the case access rule,
 * and the day sheet gets the case's reference and subject (not a confidential one's) instead.
 */
export function readableAppointments(viewer: Viewer, now: Date): SQL {
  if (viewer.kind === 'citizen') return sql`(${appointments.citizenId} = ${viewer.citizenId} or ${readableCases(viewer, now)})`;
  if (viewer.kind === 'anonymous') return sql`false`;
  return sql`(${bookableResources.serviceId} = ${viewer.serviceId} or ${readableCases(viewer, now)})`;
}

function readableFrom(db: Executor) {
  return db
    .select({ appointment: appointments })
    .from(appointments)
    .innerJoin(cases, eq(cases.id, appointments.caseId))
    .innerJoin(bookableResources, eq(bookableResources.id, appointments.resourceId));
}

export async function readableAppointmentsByIds(db: Executor, viewer: Viewer, ids: readonly string[], now: Date): Promise<AppointmentRow[]> {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return [];
  const rows = await readableFrom(db).where(and(inArray(appointments.id, valid), readableAppointments(viewer, now)));
  return rows.map((row) => row.appointment);
}

export interface AppointmentFilter {
  resourceId?: string;
  caseId?: string;
  citizenId?: string;
  /** A Brussels calendar day, YYYY-MM-DD. */
  day?: string;
  statuses?: readonly AppointmentStatus[];
  /** Only appointments that end after this instant. */
  endingAfter?: Date;
}

/** Readable appointments matching the filter, by start then id. */
export async function listAppointments(db: Executor, viewer: Viewer, filter: AppointmentFilter, request: PageRequest, maxPageSize: number, now: Date): Promise<CountedPage<AppointmentRow>> {
  const { limit, after } = readPageRequest(request, maxPageSize, ['timestamp', 'uuid']);
  for (const id of [filter.resourceId, filter.caseId, filter.citizenId]) if (id !== undefined && !isUuid(id)) return emptyPage();
  const day = filter.day ? brusselsDayBounds(filter.day) : undefined;
  const matching = and(
    readableAppointments(viewer, now),
    filter.resourceId ? eq(appointments.resourceId, filter.resourceId) : undefined,
    filter.caseId ? eq(appointments.caseId, filter.caseId) : undefined,
    filter.citizenId ? eq(appointments.citizenId, filter.citizenId) : undefined,
    day ? and(gte(appointments.startsAt, day.start), lt(appointments.startsAt, day.end)) : undefined,
    filter.statuses?.length ? inArray(appointments.status, [...filter.statuses]) : undefined,
    filter.endingAfter ? gt(appointments.endsAt, filter.endingAfter) : undefined,
  );
  const rows = await readableFrom(db)
    .where(and(matching, after ? sql`(${appointments.startsAt}, ${appointments.id}) > (${after[0]}::timestamptz, ${String(after[1])}::uuid)` : undefined))
    .orderBy(appointments.startsAt, appointments.id)
    .limit(limit + 1);
  return toPage(
    rows.map((row) => row.appointment),
    limit,
    (appointment) => [appointment.startsAt.toISOString(), appointment.id],
    () =>
      countOf(
        db
          .select(COUNT)
          .from(appointments)
          .innerJoin(cases, eq(cases.id, appointments.caseId))
          .innerJoin(bookableResources, eq(bookableResources.id, appointments.resourceId))
          .where(matching),
      ),
  );
}

export interface AppointmentCaseSummary {
  id: string;
  reference: string;
  /** Null for a confidential case the viewer may not read. */
  subject: string | null;
}

/** Reference and subject of the cases of appointments the viewer reads, for the day sheet. */
export async function appointmentCaseSummaries(db: Executor, viewer: Viewer, caseIds: readonly string[], now: Date): Promise<AppointmentCaseSummary[]> {
  const valid = caseIds.filter(isUuid);
  if (valid.length === 0) return [];
  return db
    .select({
      id: cases.id,
      reference: cases.reference,
      subject: sql<string | null>`case when ${cases.confidentiality} = 'CONFIDENTIAL' and not ${readableCases(viewer, now)} then null else ${cases.subject} end`,
    })
    .from(cases)
    .where(inArray(cases.id, valid));
}

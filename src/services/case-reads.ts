import { and, asc, type Column, desc, eq, getTableColumns, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Executor, selectRows } from '../db/client.js';
import { jsonObjectOf, jsonObjectOrNullOf, rowFromJson } from '../db/json-rows.js';
import { anyOf } from '../db/lists.js';
import {
  agents,
  caseEvents,
  cases,
  citizens,
  chatSessions,
  counterVisits,
  emailMessages,
  handoffs,
  interactions,
  letters,
  messages,
  notes,
  onlineSubmissions,
  phoneCalls,
  themes,
} from '../db/tables/index.js';
import { OPEN_STATUSES } from '../domain/case-lifecycle.js';
import { NotFoundError, ValidationError } from '../domain/errors.js';
import { isUuid, uuidOrNil, wellFormedUuids } from '../domain/ids.js';
import type { SlaState } from '../domain/sla.js';
import type { Viewer } from '../domain/viewer.js';
import type { CaseStatus, Channel, Line } from '../domain/vocabulary.js';
import { readableCases } from './case-access.js';
import { endedMandateOverCase, requireActingMandate } from './mandates/acting.js';
import { type CitizenRow, readableCitizens } from './citizens.js';
import type { AgentRow } from './people.js';
import { inThemeBranch } from './reference-data.js';
import type { CaseEventRow } from './case-events.js';
import { COUNT, countOf, type CountedPage, type KeyPart, type Page, type PageRequest, readPageRequest, toPage } from './pagination.js';

/** A case as read; `related` holds what a read planned from the selection fetched with it. */
export type CaseRow = Omit<typeof cases.$inferSelect, 'searchVector'> & { related?: RelatedOfCase };
export type NoteRow = typeof notes.$inferSelect;
export type HandoffRow = typeof handoffs.$inferSelect;

/** Every column but the search vector, which only the database reads. */
const { searchVector: _searchVector, ...readableColumns } = getTableColumns(cases);
export const caseColumns = readableColumns;

/** A relation asked, and the columns of its rows the request reads (all when omitted). */
export interface RelationAsked {
  columns?: readonly string[];
}

/**
 * The relations of each case a read asks for, read in the case's own statement instead of one
 * more per relation; what is left out is read by loaders as before.
 */
export interface CaseRelations {
  /** The case columns the request reads (its id and sort key are always read); all when omitted. */
  columns?: readonly (keyof CaseRow)[];
  citizen?: RelationAsked;
  referent?: RelationAsked;
  assignee?: RelationAsked;
  /** The newest interactions, `count` of them (1 to 10). */
  latestInteractions?: RelationAsked & { count: number };
  handoffs?: RelationAsked & { openOnly: boolean };
  /** A page of the timeline: its size, the position it starts after, and whether only citizen-visible events count. */
  timeline?: RelationAsked & { limit: number; after: number | undefined; citizenVisibleOnly: boolean };
}

/** What was read with a case; a relation left out of `CaseRelations` is undefined here. */
export interface RelatedOfCase {
  citizen?: CitizenRow | null;
  referent?: AgentRow | null;
  assignee?: AgentRow | null;
  latestInteractions?: { count: number; rows: InteractionRow[] };
  handoffs?: { openOnly: boolean; rows: HandoffRow[] };
  timeline?: { limit: number; after: number | undefined; page: Page<CaseEventRow> };
}

const referents = alias(agents, 'referent');
const assignees = alias(agents, 'assignee');

const citizenColumns = getTableColumns(citizens);
const agentColumns = getTableColumns(agents);
const interactionColumns = getTableColumns(interactions);
const handoffColumns = getTableColumns(handoffs);
const eventColumns = getTableColumns(caseEvents);

/** The key and JSON value of a to-one relation, null when the join found no row. */
const toOneJson = (key: string, table: string, columns: Record<string, Column>, asked: RelationAsked) =>
  sql.raw(`'${key}', ${jsonObjectOrNullOf(table, columns, asked.columns && ['id', ...asked.columns])}`);

/**
 * The selection of cases with the relations asked, as one JSON object per case built by
 * Postgres: the to-one relations joined (under their own access rule), the to-many ones as arrays
 * with their own order and limit, each with only the columns the request reads. JavaScript then
 * parses one value per case instead of mapping every column of every joined row.
 */
function listedCaseQuery(db: Executor, viewer: Viewer, relations: CaseRelations, sortColumn: keyof CaseRow, now: Date) {
  const { latestInteractions: latest, handoffs: handoffsAsked, timeline } = relations;
  const parts: SQL[] = [sql.raw(`'case', ${jsonObjectOf('cases', caseColumns, relations.columns && ['id', sortColumn, ...relations.columns])}`)];
  if (relations.citizen) parts.push(toOneJson('citizen', 'citizens', citizenColumns, relations.citizen));
  if (relations.referent) parts.push(toOneJson('referent', 'referent', agentColumns, relations.referent));
  if (relations.assignee) parts.push(toOneJson('assignee', 'assignee', agentColumns, relations.assignee));
  if (latest) {
    // The channel tells an interaction's GraphQL type.
    const row = sql.raw(jsonObjectOf('interactions', interactionColumns, latest.columns && ['id', 'channel', ...latest.columns]));
    parts.push(sql`'latestInteractions', (select coalesce(json_agg(latest.row order by latest.rank), '[]') from (
      select ${row} as row, row_number() over (order by ${interactions.occurredAt} desc, ${interactions.id} desc) as rank
      from ${interactions} where ${interactions.caseId} = ${cases.id} order by ${interactions.occurredAt} desc, ${interactions.id} desc limit ${latest.count}) as latest)`);
  }
  if (timeline) {
    // The position is the page's cursor.
    const row = sql.raw(jsonObjectOf('case_events', eventColumns, timeline.columns && ['position', ...timeline.columns]));
    parts.push(sql`'timeline', (select coalesce(json_agg(page.row order by page.position), '[]') from (
      select ${row} as row, ${caseEvents.position} as position from ${caseEvents}
      where ${caseEvents.caseId} = ${cases.id}${timeline.citizenVisibleOnly ? sql` and ${caseEvents.visibility} = 'CITIZEN'` : sql``}${
        timeline.after !== undefined ? sql` and ${caseEvents.position} > ${timeline.after}` : sql``
      }
      order by ${caseEvents.position} limit ${timeline.limit + 1}) as page)`);
  }
  if (handoffsAsked) {
    const row = sql.raw(jsonObjectOf('handoffs', handoffColumns, handoffsAsked.columns && ['id', ...handoffsAsked.columns]));
    parts.push(sql`'handoffs', (select coalesce(json_agg(${row} order by ${handoffs.requestedAt}, ${handoffs.id}), '[]')
      from ${handoffs} where ${handoffs.caseId} = ${cases.id}${handoffsAsked.openOnly ? sql` and ${handoffs.status} in ('REQUESTED', 'ACCEPTED')` : sql``})`);
  }
  return (
    db
      .select({ listed: sql<ListedJson>`json_build_object(${sql.join(parts, sql`, `)})` })
      .from(cases)
      // Postgres drops a left join on a unique key whose columns are not selected: the joins of
      // relations not asked cost nothing.
      .leftJoin(citizens, and(eq(citizens.id, cases.citizenId), readableCitizens(viewer, now)))
      .leftJoin(referents, eq(referents.id, cases.referentAgentId))
      .leftJoin(assignees, eq(assignees.id, cases.assigneeAgentId))
  );
}

type JsonRow = Record<string, unknown>;
type ListedJson = {
  case: JsonRow;
  citizen?: JsonRow | null;
  referent?: JsonRow | null;
  assignee?: JsonRow | null;
  latestInteractions?: JsonRow[];
  handoffs?: JsonRow[];
  timeline?: JsonRow[];
};

const optionalRow = <Row>(columns: Record<string, Column>, json: JsonRow | null | undefined) => (json ? rowFromJson<Row>(columns, json) : null);

function listedCase(json: ListedJson, relations: CaseRelations): CaseRow {
  const related: RelatedOfCase = {};
  if (relations.citizen) related.citizen = optionalRow<CitizenRow>(citizenColumns, json.citizen);
  if (relations.referent) related.referent = optionalRow<AgentRow>(agentColumns, json.referent);
  if (relations.assignee) related.assignee = optionalRow<AgentRow>(agentColumns, json.assignee);
  if (relations.latestInteractions) {
    related.latestInteractions = { count: relations.latestInteractions.count, rows: json.latestInteractions!.map((row) => rowFromJson<InteractionRow>(interactionColumns, row)) };
  }
  if (relations.handoffs) related.handoffs = { openOnly: relations.handoffs.openOnly, rows: json.handoffs!.map((row) => rowFromJson<HandoffRow>(handoffColumns, row)) };
  if (relations.timeline) {
    const { limit, after } = relations.timeline;
    const events = json.timeline!.map((row) => rowFromJson<CaseEventRow>(eventColumns, row));
    related.timeline = { limit, after, page: toPage(events, limit, (event) => [event.position]) };
  }
  const row = rowFromJson<CaseRow>(caseColumns, json.case);
  row.related = related;
  return row;
}

/**
 * Loads a case the viewer may read, by id or by reference, and locks it until the transaction
 * ends, so that two writers of one case take turns. A case the viewer may not read is not found,
 * like a missing one, unless a mandate of theirs reached it and ended (refused with its end
 * date). A representative changes a case only with a mandate that allows acting.
 */
export async function findReadableCaseForUpdate(tx: Executor, viewer: Viewer, key: string | { reference: string }, now: Date): Promise<CaseRow> {
  const match = typeof key === 'string' ? (isUuid(key) ? eq(cases.id, key) : undefined) : eq(cases.reference, key.reference.trim());
  const [row] = match ? await tx.select(caseColumns).from(cases).where(and(match, readableCases(viewer, now))).for('update', { of: cases }) : [];
  if (!row) throw (match && viewer.kind === 'citizen' && (await endedMandateOverCase(tx, viewer.citizenId, match, now))) || new NotFoundError('Case');
  if (viewer.kind === 'citizen' && row.citizenId !== viewer.citizenId) await requireActingMandate(tx, viewer.citizenId, row.id, now);
  return row;
}

export function readableCasesByIds(db: Executor, viewer: Viewer, ids: readonly string[], now: Date): Promise<CaseRow[]> {
  return db.select(caseColumns).from(cases).where(and(anyOf(cases.id, wellFormedUuids(ids)), readableCases(viewer, now)));
}

/** One case the viewer may read, by id or by reference, with the relations asked; undefined when missing or not readable. */
export async function findReadableCase(db: Executor, viewer: Viewer, key: { id: string } | { reference: string }, now: Date, relations: CaseRelations = {}): Promise<CaseRow | undefined> {
  const match = 'id' in key ? eq(cases.id, uuidOrNil(key.id)) : eq(cases.reference, key.reference.trim());
  const [row] = await listedCaseQuery(db, viewer, relations, 'id', now).where(and(match, readableCases(viewer, now)));
  return row && listedCase(row.listed, relations);
}

export interface CaseFilter {
  statuses?: CaseStatus[];
  serviceId?: string;
  themeCode?: string;
  channels?: Channel[];
  lines?: Line[];
  assigneeId?: string;
  referentId?: string;
  citizenId?: string;
  createdFrom?: Date;
  createdTo?: Date;
  overdue?: boolean;
  slaState?: SlaState;
  search?: string;
  /** Cases with a handoff to this service (of `handoffStatus` when given, else an open one). */
  handedOffTo?: string;
  handoffStatus?: HandoffRow['status'];
}

export type CaseOrderField = 'CREATED_AT' | 'UPDATED_AT' | 'DUE_AT' | 'PRIORITY';
export interface CaseOrder {
  field: CaseOrderField;
  direction: 'ASC' | 'DESC';
}

const MAX_SEARCH_LENGTH = 200;

interface OrderKey {
  /** The column the order reads. */
  column: keyof CaseRow;
  /** The sort expression, as indexed on the cases table. */
  expression: SQL;
  /** Its value for a row, as carried in a cursor. */
  valueOf(row: CaseRow): string | number;
  cast: 'timestamptz' | 'smallint';
  part: KeyPart;
}

/** Cases without a due date come last in both directions: they count as due at +∞ or −∞. */
function dueKey(direction: 'ASC' | 'DESC'): OrderKey {
  const never = direction === 'ASC' ? 'infinity' : '-infinity';
  return {
    column: 'dueAt',
    expression: sql`coalesce(${cases.dueAt}, ${sql.raw(`'${never}'`)}::timestamptz)`,
    valueOf: (row) => row.dueAt?.toISOString() ?? never,
    cast: 'timestamptz',
    part: 'timestamp',
  };
}

function orderKey(order: CaseOrder): OrderKey {
  switch (order.field) {
    case 'CREATED_AT':
      return { column: 'createdAt', expression: sql`${cases.createdAt}`, valueOf: (row) => row.createdAt.toISOString(), cast: 'timestamptz', part: 'timestamp' };
    case 'UPDATED_AT':
      return { column: 'updatedAt', expression: sql`${cases.updatedAt}`, valueOf: (row) => row.updatedAt.toISOString(), cast: 'timestamptz', part: 'timestamp' };
    case 'DUE_AT':
      return dueKey(order.direction);
    case 'PRIORITY':
      return { column: 'priorityRank', expression: sql`${cases.priorityRank}`, valueOf: (row) => row.priorityRank, cast: 'smallint', part: 'integer' };
  }
}

/**
 * The SQL of domain/sla.ts slaState: the clock is the resolution time of a settled case, the
 * start of the wait of a case waiting for the citizen, else now. Cancelled cases have no state.
 */
function slaCondition(state: SlaState, now: Date): SQL {
  const clock = sql`(case when ${cases.status} in ('RESOLVED', 'CLOSED') then ${cases.resolvedAt} else coalesce(${cases.waitingSince}, ${now.toISOString()}::timestamptz) end)`;
  const measured = sql`${cases.dueAt} is not null and ${cases.status} <> 'CANCELLED'`;
  switch (state) {
    case 'BREACHED':
      return sql`(${measured} and ${clock} > ${cases.dueAt})`;
    case 'AT_RISK':
      return sql`(${measured} and ${clock} <= ${cases.dueAt} and ${clock} >= coalesce(${cases.atRiskAt}, ${cases.dueAt}))`;
    case 'ON_TRACK':
      return sql`(${measured} and ${clock} < coalesce(${cases.atRiskAt}, ${cases.dueAt}))`;
  }
}

/**
 * The condition of a search: the words as case_search_query reads them, or, when some word is
 * in no case and close to words that are (a typo), the query with those words corrected
 * (migrations/0014), computed first in a statement of its own. Either way the page statement
 * keeps a stable expression of its parameters rather than a constant tsquery: the planner
 * estimates its rows from the column's statistics and prices it per row, so that a rare word is
 * read through the GIN index instead of walking an order index over every case (a constant
 * made a LIMIT 21 page walk cases_created_at_id_idx for 1.1 s at bench scale).
 */
async function searchCondition(db: Executor, search: string): Promise<SQL> {
  if (search.length > MAX_SEARCH_LENGTH) throw new ValidationError([{ path: ['filter', 'search'], message: `At most ${MAX_SEARCH_LENGTH} characters.` }]);
  const [row] = await selectRows<{ corrected: string | null }>(db, sql`select case_search_query_correcting(${search})::text as corrected`);
  return row?.corrected ? sql`${cases.searchVector} @@ case_search_tsquery(${row.corrected})` : sql`${cases.searchVector} @@ case_search_query(${search})`;
}

function filterConditions(filter: CaseFilter, now: Date, search?: SQL): SQL[] {
  const conditions: SQL[] = [];
  if (filter.statuses?.length) conditions.push(inArray(cases.status, filter.statuses));
  if (filter.serviceId) conditions.push(eq(cases.serviceId, uuidOrNil(filter.serviceId)));
  if (filter.channels?.length) conditions.push(inArray(cases.originChannel, filter.channels));
  if (filter.lines?.length) conditions.push(inArray(cases.currentLine, filter.lines));
  if (filter.assigneeId) conditions.push(eq(cases.assigneeAgentId, uuidOrNil(filter.assigneeId)));
  if (filter.referentId) conditions.push(eq(cases.referentAgentId, uuidOrNil(filter.referentId)));
  if (filter.citizenId) conditions.push(eq(cases.citizenId, uuidOrNil(filter.citizenId)));
  if (filter.createdFrom) conditions.push(sql`${cases.createdAt} >= ${filter.createdFrom.toISOString()}`);
  if (filter.createdTo) conditions.push(sql`${cases.createdAt} < ${filter.createdTo.toISOString()}`);
  if (filter.themeCode) conditions.push(inArray(cases.themeId, sql`(select ${themes.id} from ${themes} where ${inThemeBranch(filter.themeCode)})`));
  if (filter.overdue !== undefined) {
    const overdue = sql`(${inArray(cases.status, [...OPEN_STATUSES])} and ${slaCondition('BREACHED', now)})`;
    conditions.push(filter.overdue ? overdue : sql`not coalesce(${overdue}, false)`);
  }
  if (filter.slaState) conditions.push(slaCondition(filter.slaState, now));
  if (filter.handedOffTo || filter.handoffStatus) {
    const statuses: HandoffRow['status'][] = filter.handoffStatus ? [filter.handoffStatus] : ['REQUESTED', 'ACCEPTED'];
    conditions.push(
      sql`exists (select 1 from ${handoffs} where ${handoffs.caseId} = ${cases.id} and ${inArray(handoffs.status, statuses)}${
        filter.handedOffTo ? sql` and ${handoffs.toServiceId} = ${uuidOrNil(filter.handedOffTo)}` : sql``
      })`,
    );
  }
  if (search) conditions.push(search);
  return conditions;
}

/** The inbox: readable cases matching the filter, in the asked order, a keyset page at a time. */
export async function listCases(
  db: Executor,
  viewer: Viewer,
  filter: CaseFilter,
  order: CaseOrder,
  request: PageRequest,
  maxPageSize: number,
  now: Date,
  relations: CaseRelations = {},
): Promise<CountedPage<CaseRow>> {
  const key = orderKey(order);
  const { limit, after } = readPageRequest(request, maxPageSize, [key.part, 'uuid']);
  const search = filter.search?.trim();
  const conditions = [readableCases(viewer, now), ...filterConditions(filter, now, search ? await searchCondition(db, search) : undefined)];
  const base = [...conditions];
  if (after) {
    const comparison = order.direction === 'ASC' ? sql`>` : sql`<`;
    conditions.push(sql`(${key.expression}, ${cases.id}) ${comparison} (${after[0]}::${sql.raw(key.cast)}, ${String(after[1])}::uuid)`);
  }
  const direction = order.direction === 'ASC' ? asc : desc;
  const listed = await listedCaseQuery(db, viewer, relations, key.column, now)
    .where(and(...conditions))
    .orderBy(direction(key.expression), direction(cases.id))
    .limit(limit + 1);
  const rows = listed.map((row) => listedCase(row.listed, relations));
  return toPage(rows, limit, (row) => [key.valueOf(row), row.id], () => countOf(db.select(COUNT).from(cases).where(and(...base))));
}

// Relations of cases, batched per request: one statement for all the cases of a page.

export type InteractionRow = typeof interactions.$inferSelect;

/** Interactions by id, on cases the viewer may read (a counter visit of an appointment, the contact a document came with). */
export async function readableInteractionsByIds(db: Executor, viewer: Viewer, ids: readonly string[], now: Date): Promise<InteractionRow[]> {
  const valid = wellFormedUuids(ids);
  if (valid.length === 0) return [];
  const rows = await db
    .select({ interaction: interactions })
    .from(interactions)
    .innerJoin(cases, eq(cases.id, interactions.caseId))
    .where(and(anyOf(interactions.id, valid), readableCases(viewer, now)));
  return rows.map((row) => row.interaction);
}

/** The table holding each channel's details, one row per interaction of that channel. */
const DETAILS_OF_CHANNEL = {
  PHONE: phoneCalls,
  EMAIL: emailMessages,
  CHAT: chatSessions,
  COUNTER: counterVisits,
  ONLINE_PROCEDURE: onlineSubmissions,
  LETTER: letters,
} as const;

export type InteractionDetails = { [C in Channel]: (typeof DETAILS_OF_CHANNEL)[C]['$inferSelect'] };

/**
 * The details of interactions of one channel, in the order of `interactionIds`. Read apart from
 * the interactions themselves, only when a detail field is asked: lists of interactions (the
 * inbox's latest three) then need no join of the six detail tables.
 */
export async function interactionDetailsByIds<C extends Channel>(db: Executor, channel: C, interactionIds: readonly string[]): Promise<(InteractionDetails[C] | undefined)[]> {
  const table = DETAILS_OF_CHANNEL[channel] as typeof phoneCalls;
  const rows = (await db.select().from(table).where(anyOf(table.interactionId, wellFormedUuids(interactionIds)))) as unknown as InteractionDetails[C][];
  const byId = new Map(rows.map((row) => [row.interactionId, row]));
  return interactionIds.map((id) => byId.get(id));
}

/**
 * A page of interactions for each case, oldest first (or newest first), in one statement: a
 * window numbers each case's interactions and keeps `limit + 1` of them.
 */
export async function interactionPagesByCaseIds(
  db: Executor,
  caseIds: readonly string[],
  options: { limit: number; after?: (string | number)[]; newestFirst?: boolean },
): Promise<Page<InteractionRow>[]> {
  const ids = wellFormedUuids(caseIds);
  if (ids.length === 0) return caseIds.map(() => toPage([], options.limit, () => []));
  const order = options.newestFirst ? sql`desc` : sql`asc`;
  const afterCondition = options.after
    ? sql`and (i.occurred_at, i.id) ${options.newestFirst ? sql`<` : sql`>`} (${String(options.after[0])}::timestamptz, ${String(options.after[1])}::uuid)`
    : sql``;
  const numbered = sql`(select i.id, row_number() over (partition by i.case_id order by i.occurred_at ${order}, i.id ${order}) as rank
    from ${interactions} i where i.case_id = any(${sql.param(ids)}::uuid[]) ${afterCondition})`;
  const rows = await db
    .select(getTableColumns(interactions))
    .from(interactions)
    .innerJoin(sql`${numbered} as numbered`, sql`numbered.id = ${interactions.id}`)
    .where(sql`numbered.rank <= ${options.limit + 1}`)
    .orderBy(options.newestFirst ? desc(interactions.occurredAt) : asc(interactions.occurredAt), options.newestFirst ? desc(interactions.id) : asc(interactions.id));
  return caseIds.map((caseId) =>
    toPage(
      rows.filter((row) => row.caseId === caseId),
      options.limit,
      (row) => [row.occurredAt.toISOString(), row.id],
    ),
  );
}

/** A page of each case's timeline in cursor order; citizens get the citizen-visible events only. */
export async function timelinePagesByCaseIds(
  db: Executor,
  caseIds: readonly string[],
  options: { limit: number; after?: number; citizenVisibleOnly: boolean },
): Promise<Page<CaseEventRow>[]> {
  const ids = wellFormedUuids(caseIds);
  if (ids.length === 0) return caseIds.map(() => toPage([], options.limit, () => []));
  const rows = await db
    .select({ event: caseEvents })
    .from(caseEvents)
    .innerJoin(
      sql`(select e.position, row_number() over (partition by e.case_id order by e.position) as rank
        from ${caseEvents} e
        where e.case_id = any(${sql.param(ids)}::uuid[])
        ${options.citizenVisibleOnly ? sql`and e.visibility = 'CITIZEN'` : sql``}
        ${options.after !== undefined ? sql`and e.position > ${options.after}` : sql``}) as numbered`,
      sql`numbered.position = ${caseEvents.position}`,
    )
    .where(sql`numbered.rank <= ${options.limit + 1}`)
    .orderBy(asc(caseEvents.position));
  return caseIds.map((caseId) =>
    toPage(
      rows.filter((row) => row.event.caseId === caseId).map((row) => row.event),
      options.limit,
      (event) => [event.position],
    ),
  );
}

/** A page of each case's internal notes, oldest first. */
export function notePagesByCaseIds(db: Executor, caseIds: readonly string[], options: { limit: number; after?: (string | number)[] }): Promise<Page<NoteRow>[]> {
  return createdOrderPagesByCaseIds(db, notes, caseIds, options);
}

/** A page of each case's messages with the citizen, oldest first. */
export function messagePagesByCaseIds(
  db: Executor,
  caseIds: readonly string[],
  options: { limit: number; after?: (string | number)[] },
): Promise<Page<typeof messages.$inferSelect>[]> {
  return createdOrderPagesByCaseIds(db, messages, caseIds, options);
}

/** The tables of what a case holds in a list that grows: each row has a case id. */
const ROWS_OF_CASE = { interactions, caseEvents, notes, messages } as const;

/**
 * How many rows of `table` each case holds, in the order of `caseIds`, in one statement; only
 * citizen-visible events with `citizenVisibleOnly`. The caller has checked that the viewer
 * reads these cases: a case's rows are readable with the case.
 */
export async function rowCountsByCaseIds(
  db: Executor,
  table: keyof typeof ROWS_OF_CASE,
  caseIds: readonly string[],
  options: { citizenVisibleOnly?: boolean } = {},
): Promise<number[]> {
  const ids = wellFormedUuids(caseIds);
  if (ids.length === 0) return caseIds.map(() => 0);
  const rows = await selectRows<{ caseId: string; count: number }>(
    db,
    sql`select case_id as "caseId", count(*)::int as count from ${ROWS_OF_CASE[table]}
      where case_id = any(${sql.param(ids)}::uuid[]) ${options.citizenVisibleOnly ? sql`and visibility = 'CITIZEN'` : sql``}
      group by case_id`,
  );
  const byCase = new Map(rows.map((row) => [row.caseId, Number(row.count)]));
  return caseIds.map((caseId) => byCase.get(caseId) ?? 0);
}

/**
 * A page of each case's notes or messages, oldest first, in one statement: a window numbers each
 * case's rows by (created_at, id) and keeps `limit + 1` of them.
 */
async function createdOrderPagesByCaseIds<Table extends typeof notes | typeof messages>(
  db: Executor,
  table: Table,
  caseIds: readonly string[],
  options: { limit: number; after?: (string | number)[] },
): Promise<Page<Table['$inferSelect']>[]> {
  type Row = Table['$inferSelect'];
  const keyOf = (row: Row) => [row.createdAt.toISOString(), row.id];
  const ids = wellFormedUuids(caseIds);
  if (ids.length === 0) return caseIds.map(() => toPage<Row>([], options.limit, keyOf));
  const afterCondition = options.after ? sql`and (r.created_at, r.id) > (${String(options.after[0])}::timestamptz, ${String(options.after[1])}::uuid)` : sql``;
  const numbered = sql`(select r.id, row_number() over (partition by r.case_id order by r.created_at, r.id) as rank
    from ${table} r where r.case_id = any(${sql.param(ids)}::uuid[]) ${afterCondition})`;
  const source = table as typeof notes;
  const rows = (await db
    .select(getTableColumns(source))
    .from(source)
    .innerJoin(sql`${numbered} as numbered`, sql`numbered.id = ${source.id}`)
    .where(sql`numbered.rank <= ${options.limit + 1}`)
    .orderBy(asc(source.createdAt), asc(source.id))) as Row[];
  return caseIds.map((caseId) =>
    toPage(
      rows.filter((row) => row.caseId === caseId),
      options.limit,
      keyOf,
    ),
  );
}

export async function handoffsByCaseIds(db: Executor, caseIds: readonly string[], openOnly: boolean): Promise<HandoffRow[][]> {
  const rows = await db
    .select()
    .from(handoffs)
    .where(and(anyOf(handoffs.caseId, wellFormedUuids(caseIds)), openOnly ? inArray(handoffs.status, ['REQUESTED', 'ACCEPTED']) : undefined))
    .orderBy(asc(handoffs.requestedAt), asc(handoffs.id));
  return caseIds.map((caseId) => rows.filter((row) => row.caseId === caseId));
}

import { ConflictError, InvalidTransitionError, NotFoundError, ValidationError } from '../domain/errors.js';
import type { GraphQLResolveInfo } from 'graphql';
import {
  type CaseRelations,
  type CaseRow,
  findReadableCase,
  handoffsByCaseIds,
  interactionPagesByCaseIds,
  listCases,
  notePagesByCaseIds,
  type NoteRow,
  readableCasesByIds,
  rowCountsByCaseIds,
  timelinePagesByCaseIds,
} from '../services/case-reads.js';
import { addNote, assignCase, openCase, transitionCase, updateCase } from '../services/cases.js';
import { type Page, type PageRequest, readPageRequest } from '../services/pagination.js';
import { stepsByIds } from '../services/reference-data.js';
import { recordRepresentativeReads } from '../services/mandates/acting.js';
import { Agent, COLUMNS_OF_AGENT_FIELD } from './agent.js';
import { builder } from './builder.js';
import { CaseEvent, COLUMNS_OF_CASE_EVENT_FIELD } from './case-event.js';
import { Citizen, COLUMNS_OF_CITIZEN_FIELD } from './citizen.js';
import { CaseStatusEnum, ChannelEnum, ConfidentialityEnum, LineEnum, PriorityEnum, ResolutionEnum, SlaStateEnum } from './enums.js';
import { slaState } from '../domain/sla.js';
import { COLUMNS_OF_HANDOFF_FIELD, Handoff, HandoffStatusEnum } from './handoff.js';
import { COLUMNS_OF_INTERACTION_FIELD, Interaction } from './interaction.js';
import { LanguageEnum, vocabularyLabelField } from './language.js';
import { batchLoader } from './loaders.js';
import { Note } from './note.js';
import { toConnection } from './pagination.js';
import { Procedure, ProcedureStep } from './procedure.js';
import type { Context } from './context.js';
import { type ColumnsOfField, columnsAsked, fieldsAskedAt, fieldsAskedBelow, sameArgumentsOf } from './selection.js';
import { Service } from './service.js';
import { Theme } from './theme.js';

const STAFF = { staff: true } as const;
/** Citizens read their own cases, without the fields marked STAFF (internal work). */
const STAFF_OR_OWNER = { $any: { staff: true, citizen: true } } as const;
const MAX_LATEST_INTERACTIONS = 10;
const isLatestInteractionsCount = (count: unknown): count is number => Number.isInteger(count) && (count as number) >= 1 && (count as number) <= MAX_LATEST_INTERACTIONS;

/**
 * The columns of its row each field of Case reads (its id and sort key are always read). A field
 * not listed here (added by another area, or new) makes a read take every column.
 */
const COLUMNS_OF_CASE_FIELD: ColumnsOfField<CaseRow> = {
  __typename: [],
  id: [],
  reference: ['reference'],
  subject: ['subject'],
  description: ['description'],
  status: ['status'],
  statusLabel: ['status'],
  resolution: ['resolution'],
  priority: ['priority'],
  originChannel: ['originChannel'],
  originChannelLabel: ['originChannel'],
  language: ['language'],
  currentLine: ['currentLine'],
  service: ['serviceId'],
  theme: ['themeId'],
  citizen: ['citizenId'],
  referent: ['referentAgentId'],
  assignee: ['assigneeAgentId'],
  procedure: ['procedureId'],
  procedureStep: ['procedureStepId'],
  confidentiality: ['confidentiality'],
  dueAt: ['dueAt'],
  firstResponseDueAt: ['firstResponseDueAt'],
  slaState: ['status', 'dueAt', 'atRiskAt', 'waitingSince', 'resolvedAt'],
  waitingSince: ['waitingSince'],
  resolvedAt: ['resolvedAt'],
  closedAt: ['closedAt'],
  createdAt: ['createdAt'],
  updatedAt: ['updatedAt'],
  version: ['version'],
  latestInteractions: [],
  handoffs: [],
  notes: [],
  interactions: [],
  timeline: [],
};

/** The timeline page asked: its size and the position it starts after; throws a ValidationError for bad arguments. */
function timelinePageAsked(args: PageRequest, context: Context): { limit: number; after: number | undefined } {
  const { limit, after } = readPageRequest(args, context.limits.maxPageSize, ['integer']);
  return { limit, after: after ? Number(after[0]) : undefined };
}

const attempt = <T>(read: () => T): T | undefined => {
  try {
    return read();
  } catch {
    return undefined;
  }
};

/** The relations the request shows of a case, or of each case of a list, read with it (one statement). */
export function caseRelationsAsked(info: GraphQLResolveInfo, path: readonly string[], context: Context): CaseRelations {
  const asked = fieldsAskedAt(info, path);
  // What is asked of each relation, from the occurrences of its field found above.
  const below = (field: string, ...rest: string[]) => fieldsAskedBelow(info, asked.get(field) ?? [], rest);
  const columns = columnsAsked(asked, COLUMNS_OF_CASE_FIELD);
  // A citizen's reads of cases not their own are logged (loggedReads): whose case it is is always read.
  const relations: CaseRelations = { columns: columns && context.viewer.kind === 'citizen' ? [...columns, 'citizenId'] : columns };
  if (asked.has('citizen')) relations.citizen = { columns: columnsAsked(below('citizen'), COLUMNS_OF_CITIZEN_FIELD) };
  if (asked.has('referent')) relations.referent = { columns: columnsAsked(below('referent'), COLUMNS_OF_AGENT_FIELD) };
  if (asked.has('assignee')) relations.assignee = { columns: columnsAsked(below('assignee'), COLUMNS_OF_AGENT_FIELD) };
  const latest = asked.get('latestInteractions');
  const count = latest && sameArgumentsOf(info, 'Case', latest)?.count;
  if (isLatestInteractionsCount(count)) {
    relations.latestInteractions = { count, columns: columnsAsked(below('latestInteractions'), COLUMNS_OF_INTERACTION_FIELD) };
  }
  const handoffs = asked.get('handoffs');
  const handoffArguments = handoffs && sameArgumentsOf(info, 'Case', handoffs);
  if (handoffArguments) relations.handoffs = { openOnly: Boolean(handoffArguments.openOnly), columns: columnsAsked(below('handoffs'), COLUMNS_OF_HANDOFF_FIELD) };
  const timeline = asked.get('timeline');
  const timelineArguments = timeline && sameArgumentsOf(info, 'Case', timeline);
  // Bad page arguments are the timeline field's own error, raised when it resolves.
  const page = timelineArguments && attempt(() => timelinePageAsked(timelineArguments, context));
  if (page) relations.timeline = { ...page, citizenVisibleOnly: context.viewer.kind === 'citizen', columns: columnsAsked(below('timeline', 'edges', 'node'), COLUMNS_OF_CASE_EVENT_FIELD) };
  return relations;
}

/**
 * Cases of someone else that a citizen reads as their representative, through the case or what
 * hangs on it (a document, an appointment), are logged (once per case and request) before they
 * are returned; staff reads of cases are not, nor a citizen's own.
 */
export async function logRepresentativeReads(context: Context, reads: readonly { caseId: string | null; citizenId: string | null }[]): Promise<void> {
  const { viewer } = context;
  if (viewer.kind !== 'citizen') return;
  const representedCaseIds = reads.flatMap((read) => (read.caseId && read.citizenId !== viewer.citizenId ? [read.caseId] : []));
  const logger = batchLoader(context, 'representativeReads', async (caseIds) => {
    await recordRepresentativeReads(context.db, viewer.citizenId, caseIds, context.requestId, context.now);
    return caseIds.map(() => true);
  });
  await Promise.all(representedCaseIds.map((id) => logger.load(id)));
}

export async function loggedReads<Row extends CaseRow | undefined>(context: Context, rows: Row[]): Promise<Row[]> {
  await logRepresentativeReads(context, rows.flatMap((row) => (row ? [{ caseId: row.id, citizenId: row.citizenId }] : [])));
  return rows;
}

export const Case = builder.loadableNode('Case', {
  description:
    'The single-window case: every contact about one question, whatever the channel, with its history. Agents read cases their role and service allow (first line: all but confidential ones and themes excluded from it; back offices and service accounts: their service’s and those handed to it; supervisors and admins: all); a citizen reads their own cases and those a mandate in force lets them reach for someone else, without the internal fields (each such read is in that person’s access log). A case you may not read is reported exactly like a missing one.',
  authScopes: STAFF_OR_OWNER,
  id: { resolve: (row) => row.id },
  load: async (ids: string[], context) => loggedReads(context, await readableCasesByIds(context.db, context.viewer, ids, context.now)),
  sort: (row: CaseRow) => row.id,
  fields: (t) => ({
    reference: t.exposeString('reference', { description: 'Human reference read out to the citizen, e.g. 1718-2026-000123.' }),
    subject: t.exposeString('subject', { description: 'What the case is about, in a line.' }),
    description: t.exposeString('description', { nullable: true, description: 'Longer description; null when none.' }),
    status: t.expose('status', { type: CaseStatusEnum, description: 'Where the case stands.' }),
    statusLabel: vocabularyLabelField(t, 'CASE_STATUS', 'The status in words, in the asked language.', (row) => row.status),
    resolution: t.expose('resolution', { type: ResolutionEnum, nullable: true, description: 'How it was settled; null unless RESOLVED or CLOSED.' }),
    priority: t.expose('priority', { type: PriorityEnum, description: 'How urgent it is.' }),
    originChannel: t.expose('originChannel', { type: ChannelEnum, description: 'The channel of the contact that opened it.' }),
    originChannelLabel: vocabularyLabelField(t, 'CHANNEL', 'The origin channel in words, in the asked language.', (row) => row.originChannel),
    language: t.expose('language', { type: LanguageEnum, description: 'Language of the exchanges with the citizen.' }),
    currentLine: t.expose('currentLine', { type: LineEnum, description: 'The line that works on it now.' }),
    service: t.field({ type: Service, description: 'The service that works on it now.', resolve: (row, _args, context) => context.referenceCache.loadedService(row.serviceId) ?? row.serviceId }),
    theme: t.field({ type: Theme, description: 'What it is about.', resolve: (row, _args, context) => context.referenceCache.loadedTheme(row.themeId) ?? row.themeId }),
    citizen: t.field({
      type: Citizen,
      nullable: true,
      description: 'The citizen; null for an anonymous information contact.',
      resolve: (row) => (row.related?.citizen !== undefined ? row.related.citizen : row.citizenId),
    }),
    referent: t.field({
      type: Agent,
      authScopes: STAFF,
      nullable: true,
      description: 'The citizen’s single referent, kept across handoffs; null when none was named. Staff only. A citizen gets null and a FORBIDDEN error.',
      resolve: (row) => (row.related?.referent !== undefined ? row.related.referent : row.referentAgentId),
    }),
    assignee: t.field({
      type: Agent,
      authScopes: STAFF,
      nullable: true,
      description: 'Who works on it now; null when unassigned. Staff only. A citizen gets null and a FORBIDDEN error.',
      resolve: (row) => (row.related?.assignee !== undefined ? row.related.assignee : row.assigneeAgentId),
    }),
    procedure: t.field({ type: Procedure, nullable: true, description: 'The linked online procedure; null when none.', resolve: (row) => row.procedureId }),
    procedureStep: t.loadable({
      type: ProcedureStep,
      nullable: true,
      description: 'The current step of the linked procedure; null when none.',
      load: (ids: string[], context) => stepsByIds(context.db, ids),
      sort: (step) => step.id,
      resolve: (row) => row.procedureStepId,
    }),
    confidentiality: t.expose('confidentiality', { type: ConfidentialityEnum, authScopes: STAFF, nullable: true, description: 'Who may read it. Staff only. A citizen gets null and a FORBIDDEN error.' }),
    dueAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it should be resolved, in business time from its opening (RESOLUTION policy), pushed by the business time spent waiting for the citizen; null when no deadline applies.',
      resolve: (row) => row.dueAt,
    }),
    firstResponseDueAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the first answer to the citizen is due (business time); null when no policy applies to the channel.',
      resolve: (row) => row.firstResponseDueAt,
    }),
    slaState: t.field({
      type: SlaStateEnum,
      nullable: true,
      description: 'Where the resolution deadline stands: judged at the resolution for a settled case, frozen while waiting for the citizen; null without a deadline or when cancelled.',
      resolve: (row, _args, context) =>
        row.status === 'CANCELLED'
          ? null
          : slaState({ dueAt: row.dueAt, atRiskAt: row.atRiskAt, waitingSince: row.waitingSince, settledAt: row.status === 'RESOLVED' || row.status === 'CLOSED' ? row.resolvedAt : null }, context.now),
    }),
    waitingSince: t.field({ type: 'DateTime', nullable: true, description: 'Since when the case waits for the citizen (the SLA clock stands still); null otherwise.', resolve: (row) => row.waitingSince }),
    resolvedAt: t.field({ type: 'DateTime', nullable: true, description: 'When it was resolved; null when not resolved.', resolve: (row) => row.resolvedAt }),
    closedAt: t.field({ type: 'DateTime', nullable: true, description: 'When it was closed; null when not closed.', resolve: (row) => row.closedAt }),
    createdAt: t.field({ type: 'DateTime', description: 'When it was opened.', resolve: (row) => row.createdAt }),
    updatedAt: t.field({ type: 'DateTime', description: 'When anything on it last changed.', resolve: (row) => row.updatedAt }),
    version: t.exposeInt('version', { description: 'Increases with every change of the case’s own fields; updateCase, transitionCase and assignCase must send it.' }),
    latestInteractions: t.field({
      type: [Interaction],
      authScopes: STAFF,
      nullable: true,
      description: `The most recent interactions, newest first (count 1 to ${MAX_LATEST_INTERACTIONS}). Staff only. A citizen gets null and a FORBIDDEN error.`,
      args: { count: t.arg.int({ required: false, defaultValue: 3, description: `How many, 1 to ${MAX_LATEST_INTERACTIONS}; 3 when omitted.` }) },
      // Not async: an answer read with the case is given at once, without a promise.
      resolve: (row, args, context) => {
        const count = args.count ?? 3;
        if (!isLatestInteractionsCount(count)) {
          throw new ValidationError([{ path: ['count'], message: `Between 1 and ${MAX_LATEST_INTERACTIONS}.` }]);
        }
        if (row.related?.latestInteractions?.count === count) return row.related.latestInteractions.rows;
        const pages = batchLoader(context, `latestInteractions:${count}`, (caseIds) =>
          interactionPagesByCaseIds(context.db, caseIds, { limit: count, newestFirst: true }),
        );
        return pages.load(row.id).then((page) => page.rows);
      },
    }),
    handoffs: t.field({
      type: [Handoff],
      authScopes: STAFF,
      nullable: true,
      description:
        'Handoffs of this case, oldest first; only open ones (REQUESTED, ACCEPTED) with openOnly. A list, not a connection: a case has at most one open handoff at a time and a handful over its life. Staff only. A citizen gets null and a FORBIDDEN error.',
      args: { openOnly: t.arg.boolean({ required: false, defaultValue: false, description: 'Only handoffs still open.' }) },
      resolve: (row, args, context) => {
        const openOnly = Boolean(args.openOnly);
        if (row.related?.handoffs?.openOnly === openOnly) return row.related.handoffs.rows;
        return batchLoader(context, `handoffs:${openOnly}`, (caseIds) => handoffsByCaseIds(context.db, caseIds, openOnly)).load(row.id);
      },
    }),
  }),
});

/**
 * How many rows of a case's growing list each case holds: one statement for every case of the
 * request whose total is asked. The case itself was read under the access rule.
 */
export function caseRowCount(context: Context, table: Parameters<typeof rowCountsByCaseIds>[1], caseId: string, citizenVisibleOnly = false): Promise<number> {
  return batchLoader(context, `count:${table}:${citizenVisibleOnly}`, (caseIds) => rowCountsByCaseIds(context.db, table, caseIds, { citizenVisibleOnly })).load(caseId);
}

/**
 * A connection of a case's rows in (time, id) order: the pages of every case of the request in
 * one statement, counted only when totalCount is asked.
 */
export function casePage<Row>(
  table: 'interactions' | 'notes' | 'messages',
  pagesByCaseIds: (db: Context['db'], caseIds: readonly string[], options: { limit: number; after?: (string | number)[] }) => Promise<Page<Row>[]>,
) {
  return async (row: CaseRow, args: PageRequest, context: Context) => {
    const { limit, after } = readPageRequest(args, context.limits.maxPageSize, ['timestamp', 'uuid']);
    const loader = batchLoader(context, `${table}:${limit}:${args.after ?? ''}`, (caseIds) => pagesByCaseIds(context.db, caseIds, { limit, after }));
    return toConnection(await loader.load(row.id), () => caseRowCount(context, table, row.id));
  };
}

// Connections of a case: the first page of every case in a list comes in one statement.
builder.objectFields(Case, (t) => ({
  interactions: t.connection(
    {
      type: Interaction,
      authScopes: STAFF,
      nullable: true,
      description: 'Every interaction, oldest first. Staff only. A citizen gets null and a FORBIDDEN error.',
      resolve: casePage('interactions', interactionPagesByCaseIds),
    },
    { name: 'InteractionConnection', description: 'A page of interactions.', authScopes: STAFF },
    { name: 'InteractionEdge', description: 'An interaction and its cursor.', authScopes: STAFF },
  ),
  timeline: t.connection(
    {
      type: CaseEvent,
      authScopes: STAFF_OR_OWNER,
      description: 'Every change of the case in order (the case events); a citizen gets the citizen-visible ones only.',
      // Not async: a page read with the case is given at once, without a promise.
      resolve: (row, args, context) => {
        const { limit, after } = timelinePageAsked(args, context);
        const citizenVisibleOnly = context.viewer.kind === 'citizen';
        const totalCount = () => caseRowCount(context, 'caseEvents', row.id, citizenVisibleOnly);
        const planned = row.related?.timeline;
        if (planned && planned.limit === limit && planned.after === after) return toConnection(planned.page, totalCount);
        const loader = batchLoader(context, `timeline:${limit}:${args.after ?? ''}`, (caseIds) =>
          timelinePagesByCaseIds(context.db, caseIds, { limit, after, citizenVisibleOnly }),
        );
        return loader.load(row.id).then((page) => toConnection(page, totalCount));
      },
    },
    { name: 'CaseEventConnection', description: 'A page of case events.', authScopes: STAFF_OR_OWNER },
    { name: 'CaseEventEdge', description: 'A case event and its cursor.', authScopes: STAFF_OR_OWNER },
  ),
  notes: t.connection(
    {
      type: Note,
      authScopes: STAFF,
      nullable: true,
      description: 'Internal notes, oldest first, never shown to the citizen. Staff only. A citizen gets null and a FORBIDDEN error.',
      resolve: casePage('notes', notePagesByCaseIds),
    },
    { name: 'NoteConnection', description: 'A page of internal notes.', authScopes: STAFF },
    { name: 'NoteEdge', description: 'A note and its cursor.', authScopes: STAFF },
  ),
}));

const CaseOrderFieldEnum = builder.enumType('CaseOrderField', {
  description: 'What the inbox is sorted by; ties are broken by id.',
  values: {
    CREATED_AT: { description: 'When the case was opened.' },
    UPDATED_AT: { description: 'When it last changed.' },
    DUE_AT: { description: 'Its due date; cases without one come last in either direction.' },
    PRIORITY: { description: 'LOW < NORMAL < HIGH < URGENT.' },
  } as const,
});
const SortDirectionEnum = builder.enumType('SortDirection', {
  description: 'Ascending or descending.',
  values: { ASC: { description: 'Smallest first.' }, DESC: { description: 'Largest first.' } } as const,
});

const CaseOrderInput = builder.inputType('CaseOrder', {
  description: 'Sort order of the inbox.',
  fields: (t) => ({
    field: t.field({ type: CaseOrderFieldEnum, required: true, description: 'What to sort by.' }),
    direction: t.field({ type: SortDirectionEnum, required: false, defaultValue: 'DESC', description: 'DESC when omitted.' }),
  }),
});

const CaseFilterInput = builder.inputType('CaseFilter', {
  description: 'Criteria of the inbox; all given ones must match.',
  fields: (t) => ({
    statuses: t.field({ type: [CaseStatusEnum], required: false, description: 'Any of these statuses.' }),
    serviceId: t.globalID({ required: false, for: Service, description: 'The global id of a service: the cases it works on now.' }),
    themeCode: t.string({ required: false, description: 'Cases of this theme or its sub-themes.' }),
    channels: t.field({ type: [ChannelEnum], required: false, description: 'Cases opened on any of these channels.' }),
    lines: t.field({ type: [LineEnum], required: false, description: 'Cases at any of these lines now.' }),
    assigneeId: t.globalID({ required: false, for: Agent, description: 'The global id of an agent: the cases assigned to them.' }),
    referentId: t.globalID({ required: false, for: Agent, description: 'The global id of an agent: the cases whose referent they are.' }),
    citizenId: t.globalID({ required: false, for: Citizen, description: 'The global id of a citizen: their cases.' }),
    createdFrom: t.field({ type: 'DateTime', required: false, description: 'Opened at or after this instant.' }),
    createdTo: t.field({ type: 'DateTime', required: false, description: 'Opened before this instant.' }),
    overdue: t.boolean({ required: false, description: 'true: open cases past their due date (slaState BREACHED); false: all others.' }),
    slaState: t.field({ type: SlaStateEnum, required: false, description: 'Cases whose resolution deadline is in this state now.' }),
    search: t.string({ required: false, description: 'Words searched in the reference, subject, description and interaction summaries (at most 200 characters); accents and French/German word forms do not matter, and a word that no case contains also finds its closest spellings in the cases (one typo forgiven: a letter left out, added, replaced or two swapped; two in words of 8 letters or more).' }),
    handedOffTo: t.globalID({ required: false, for: Service, description: 'The global id of a service: the cases with a handoff to it (open, or of handoffStatus).' }),
    handoffStatus: t.field({ type: HandoffStatusEnum, required: false, description: 'With handedOffTo: the handoff’s status; alone: cases with a handoff in this status.' }),
  }),
});

builder.queryFields((t) => ({
  case: t.field({
    type: Case,
    nullable: true,
    description: 'One case by global id (a citizen: one of their own, or of someone they represent). A case you may not read gives NOT_FOUND exactly like a missing one.',
    authScopes: STAFF_OR_OWNER,
    args: { id: t.arg.globalID({ required: true, for: Case, description: 'The global id of the case.' }) },
    resolve: async (_root, args, context, info) => {
      const [row] = await loggedReads(context, [await findReadableCase(context.db, context.viewer, { id: args.id.id }, context.now, caseRelationsAsked(info, [], context))]);
      if (!row) throw new NotFoundError('Case');
      return row;
    },
  }),
  caseByReference: t.field({
    type: Case,
    nullable: true,
    description: 'One case by its reference (1718-YYYY-NNNNNN), under the same rules as case(id:).',
    authScopes: STAFF_OR_OWNER,
    args: { reference: t.arg.string({ required: true, description: 'The reference, e.g. 1718-2026-000123.' }) },
    resolve: async (_root, args, context, info) => {
      const [row] = await loggedReads(context, [await findReadableCase(context.db, context.viewer, { reference: args.reference }, context.now, caseRelationsAsked(info, [], context))]);
      if (!row) throw new NotFoundError('Case');
      return row;
    },
  }),
  cases: t.connection(
    {
      type: Case,
      description: 'The inbox: cases you may read that match the filter, sorted (newest first by default), a keyset page at a time: no case is repeated or skipped across pages while new cases arrive.',
      authScopes: STAFF,
      args: {
        filter: t.arg({ type: CaseFilterInput, required: false, description: 'Criteria; none gives every readable case.' }),
        orderBy: t.arg({ type: CaseOrderInput, required: false, description: 'Sort order; CREATED_AT DESC when omitted.' }),
      },
      resolve: async (_root, args, context, info) => {
        const filter = args.filter ?? {};
        const page = await listCases(
          context.db,
          context.viewer,
          {
            statuses: filter.statuses ?? undefined,
            serviceId: filter.serviceId?.id,
            themeCode: filter.themeCode ?? undefined,
            channels: filter.channels ?? undefined,
            lines: filter.lines ?? undefined,
            assigneeId: filter.assigneeId?.id,
            referentId: filter.referentId?.id,
            citizenId: filter.citizenId?.id,
            createdFrom: filter.createdFrom ?? undefined,
            createdTo: filter.createdTo ?? undefined,
            overdue: filter.overdue ?? undefined,
            slaState: filter.slaState ?? undefined,
            search: filter.search ?? undefined,
            handedOffTo: filter.handedOffTo?.id,
            handoffStatus: filter.handoffStatus ?? undefined,
          },
          { field: args.orderBy?.field ?? 'CREATED_AT', direction: args.orderBy?.direction ?? 'DESC' },
          args,
          context.limits.maxPageSize,
          context.now,
          caseRelationsAsked(info, ['edges', 'node'], context),
        );
        return toConnection(page);
      },
    },
    { name: 'CaseConnection', description: 'A page of cases.', authScopes: STAFF },
    { name: 'CaseEdge', description: 'A case and its cursor.', authScopes: STAFF },
  ),
}));

// Commands. Each takes one input and returns <Name>Success or a typed error.

const CasePayload = (name: string, description: string) =>
  builder.objectRef<{ case: CaseRow }>(name).implement({
    description,
    authScopes: STAFF,
    fields: (t) => ({ case: t.field({ type: Case, description: 'The case after the change.', resolve: (result) => result.case }) }),
  });

const OpenCaseSuccess = builder.objectRef<{ case: CaseRow; trackingCode: string }>('OpenCaseSuccess').implement({
  description: 'The case was opened.',
  authScopes: STAFF,
  fields: (t) => ({
    case: t.field({ type: Case, description: 'The new case.', resolve: (result) => result.case }),
    trackingCode: t.exposeString('trackingCode', {
      description: 'Code for the citizen to follow the case on the portal without logging in. Shown only now: it is stored hashed.',
    }),
  }),
});

const OpenCaseInput = builder.inputType('OpenCaseInput', {
  description: 'A case opened directly, without recording a contact (registerContact opens one with its first contact).',
  fields: (t) => ({
    themeCode: t.string({ required: true, description: 'Theme code; themes excluded from the first line cannot be opened there.' }),
    subject: t.string({ required: true, description: 'What it is about, 1 to 200 characters.' }),
    description: t.string({ required: false, description: 'Longer description, at most 10,000 characters.' }),
    originChannel: t.field({ type: ChannelEnum, required: true, description: 'The channel the question came by.' }),
    citizenId: t.globalID({ required: false, for: Citizen, description: 'The global id of the citizen; omitted for an anonymous question.' }),
    priority: t.field({ type: PriorityEnum, required: false, description: 'NORMAL when omitted.' }),
    confidentiality: t.field({ type: ConfidentialityEnum, required: false, description: 'NORMAL when omitted.' }),
    language: t.field({ type: LanguageEnum, required: false, description: 'FR when omitted.' }),
    referentId: t.globalID({ required: false, for: Agent, description: 'The global id of the referent; the agent opening the case when omitted.' }),
    dueAt: t.field({ type: 'DateTime', required: false, description: 'When it should be settled; none when omitted.' }),
  }),
});

builder.mutationField('openCase', (t) =>
  t.field({
    type: OpenCaseSuccess,
    description: 'Opens a case at the viewer’s service and line; the viewer (or the named agent) becomes the referent.',
    authScopes: STAFF,
    errors: { types: [ValidationError, NotFoundError], directResult: true },
    args: { input: t.arg({ type: OpenCaseInput, required: true, description: 'The new case.' }) },
    resolve: async (_root, { input }, context) => {
      const { row, trackingCode } = await openCase(
        context.db,
        context.viewer,
        context.vault,
        { ...input, citizenId: input.citizenId?.id, referentId: input.referentId?.id },
        context.now,
      );
      return { case: row, trackingCode };
    },
  }),
);

const UpdateCaseInput = builder.inputType('UpdateCaseInput', {
  description: 'Changes to a case’s own fields; omitted fields stay as they are.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: Case, description: 'The global id of the case.' }),
    version: t.int({ required: true, description: 'The version you read; a stale one gives ConflictError and changes nothing.' }),
    subject: t.string({ required: false, description: 'New subject, 1 to 200 characters.' }),
    description: t.string({ required: false, description: 'New description (null clears it).' }),
    priority: t.field({ type: PriorityEnum, required: false, description: 'New priority.' }),
    confidentiality: t.field({ type: ConfidentialityEnum, required: false, description: 'New confidentiality.' }),
    themeCode: t.string({ required: false, description: 'New theme.' }),
    dueAt: t.field({ type: 'DateTime', required: false, description: 'New due date (null clears it).' }),
  }),
});

builder.mutationField('updateCase', (t) =>
  t.field({
    type: CasePayload('UpdateCaseSuccess', 'The case was changed.'),
    description: 'Changes a case’s subject, description, priority, confidentiality, theme or due date.',
    authScopes: STAFF,
    errors: { types: [ValidationError, NotFoundError, ConflictError], directResult: true },
    args: { input: t.arg({ type: UpdateCaseInput, required: true, description: 'The changes.' }) },
    resolve: async (_root, { input }, context) => ({
      case: await updateCase(context.db, context.viewer, { ...input, id: input.id.id }, context.now),
    }),
  }),
);

const TransitionCaseInput = builder.inputType('TransitionCaseInput', {
  description: 'A move of the case lifecycle.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: Case, description: 'The global id of the case.' }),
    version: t.int({ required: true, description: 'The version you read.' }),
    to: t.field({ type: CaseStatusEnum, required: true, description: 'The target status; HANDED_OFF is reached through handoffs only.' }),
    resolution: t.field({ type: ResolutionEnum, required: false, description: 'Required when moving to RESOLVED, refused otherwise.' }),
  }),
});

builder.mutationField('transitionCase', (t) =>
  t.field({
    type: CasePayload('TransitionCaseSuccess', 'The case moved.'),
    description:
      'Moves a case along its lifecycle: NEW → IN_PROGRESS ⇄ WAITING_FOR_CITIZEN → RESOLVED → CLOSED, reopen RESOLVED → IN_PROGRESS, or CANCELLED. Only the service that holds the case may (the receiving service once it accepted a handoff, the referent’s otherwise), or a supervisor; others get FORBIDDEN. Resolving a case whose handoff the holder accepted completes that handoff (completion RESOLVED); cancelling a case cancels its open handoff.',
    authScopes: STAFF,
    errors: { types: [InvalidTransitionError, ValidationError, NotFoundError, ConflictError], directResult: true },
    args: { input: t.arg({ type: TransitionCaseInput, required: true, description: 'The move.' }) },
    resolve: async (_root, { input }, context) => ({
      case: await transitionCase(context.db, context.viewer, { ...input, id: input.id.id }, context.now),
    }),
  }),
);

const AssignCaseInput = builder.inputType('AssignCaseInput', {
  description: 'Who works on the case.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: Case, description: 'The global id of the case.' }),
    version: t.int({ required: true, description: 'The version you read.' }),
    assigneeId: t.globalID({ required: false, for: Agent, description: 'The global id of the agent; null or omitted unassigns.' }),
  }),
});

builder.mutationField('assignCase', (t) =>
  t.field({
    type: CasePayload('AssignCaseSuccess', 'The case was (un)assigned.'),
    description: 'Assigns a case to an agent, or unassigns it.',
    authScopes: STAFF,
    errors: { types: [ValidationError, NotFoundError, ConflictError], directResult: true },
    args: { input: t.arg({ type: AssignCaseInput, required: true, description: 'The assignment.' }) },
    resolve: async (_root, { input }, context) => ({
      case: await assignCase(context.db, context.viewer, { id: input.id.id, version: input.version, assigneeId: input.assigneeId?.id ?? null }, context.now),
    }),
  }),
);

const AddNoteInput = builder.inputType('AddNoteInput', {
  description: 'An internal note.',
  fields: (t) => ({
    caseId: t.globalID({ required: true, for: Case, description: 'The global id of the case.' }),
    body: t.string({ required: true, description: 'The text, 1 to 10,000 characters; stored as given.' }),
  }),
});

const AddNoteSuccess = builder.objectRef<{ note: NoteRow; case: CaseRow }>('AddNoteSuccess').implement({
  description: 'The note was added.',
  authScopes: STAFF,
  fields: (t) => ({
    note: t.field({ type: Note, description: 'The new note.', resolve: (result) => result.note }),
    case: t.field({ type: Case, description: 'The case.', resolve: (result) => result.case }),
  }),
});

builder.mutationField('addNote', (t) =>
  t.field({
    type: AddNoteSuccess,
    description: 'Adds an internal note to a case (never shown to the citizen).',
    authScopes: STAFF,
    errors: { types: [ValidationError, NotFoundError], directResult: true },
    args: { input: t.arg({ type: AddNoteInput, required: true, description: 'The note.' }) },
    resolve: (_root, { input }, context) => addNote(context.db, context.viewer, { caseId: input.caseId.id, body: input.body }, context.now),
  }),
);

builder.objectFields(Citizen, (t) => ({
  cases: t.connection(
    {
      type: Case,
      description: 'The citizen’s cases you may read, newest first. Staff only. A citizen gets null and a FORBIDDEN error.',
      authScopes: STAFF,
      nullable: true,
      resolve: async (citizen, args, context, info) =>
        toConnection(
          await listCases(
            context.db,
            context.viewer,
            { citizenId: citizen.id },
            { field: 'CREATED_AT', direction: 'DESC' },
            args,
            context.limits.maxPageSize,
            context.now,
            caseRelationsAsked(info, ['edges', 'node'], context),
          ),
        ),
    },
    { name: 'CitizenCaseConnection', description: 'A page of a citizen’s cases.', authScopes: STAFF },
    { name: 'CitizenCaseEdge', description: 'A case and its cursor.', authScopes: STAFF },
  ),
}));

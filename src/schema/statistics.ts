import type { ObjectRef } from '@pothos/core';
import { type CsvValue, toCsv } from '../domain/csv.js';
import {
  caseStatistics,
  type CaseStatisticsRow,
  contactStatistics,
  type ContactStatisticsRow,
  staffing,
  type StaffingRow,
  type StatisticsKey,
} from '../services/statistics.js';
import { builder, type Types } from './builder.js';
import { ChannelEnum, LineEnum } from './enums.js';
import { LanguageEnum } from './language.js';
import { Service } from './service.js';
import { Theme } from './theme.js';
import { REFERENCE_LIST_BOUNDS } from '../domain/reference-bounds.js';
import { type StatisticsDimension, statisticsDaysRead, statisticsRowBound } from '../domain/statistics.js';
import { type CostExtensions, listSize } from './cost.js';

// Figures for parliaments and managers, computed in SQL over the whole history (see
// services/statistics.ts). Each result has its rows and the same rows as CSV.

const READERS = { $any: { supervisor: true, serviceAccount: true } } as const;
const WHO = 'Supervisors and admins; a service account gets its own service’s figures only.';

const StatisticsDimensionEnum = builder.enumType('StatisticsDimension', {
  description: 'A grouping of statistics rows. At most one PERIOD_*; rows come in the same order whatever order the groupings are given in.',
  values: {
    PERIOD_YEAR: { description: 'Calendar year (Brussels time), e.g. 2026.' },
    PERIOD_MONTH: { description: 'Month, e.g. 2026-03.' },
    PERIOD_WEEK: { description: 'ISO week, e.g. 2026-W10.' },
    PERIOD_DAY: { description: 'Day, e.g. 2026-03-02.' },
    CHANNEL: { description: 'The contact’s channel; for case figures, the channel the case was opened by.' },
    THEME: { description: 'The case’s theme.' },
    SERVICE: { description: 'The case’s service; for handoff figures, the service that handed off.' },
    LINE: { description: 'The case’s line; for handoff figures, the line that handed off.' },
    LANGUAGE: { description: 'The case’s language.' },
  } as const,
});

const keyDescription = (what: string) => `${what}; null unless grouped by it.`;

/** The dimension fields of every statistics row. */
function keyFields<Row extends StatisticsKey>(t: PothosSchemaTypes.ObjectFieldBuilder<Types, Row>) {
  return {
    period: t.string({ nullable: true, description: keyDescription('The period'), resolve: (row) => row.period ?? null }),
    channel: t.field({ type: ChannelEnum, nullable: true, description: keyDescription('The channel'), resolve: (row) => row.channel ?? null }),
    theme: t.field({ type: Theme, nullable: true, description: keyDescription('The theme'), resolve: (row) => row.themeId ?? null }),
    service: t.field({ type: Service, nullable: true, description: keyDescription('The service'), resolve: (row) => row.serviceId ?? null }),
    line: t.field({ type: LineEnum, nullable: true, description: keyDescription('The line'), resolve: (row) => row.line ?? null }),
    language: t.field({ type: LanguageEnum, nullable: true, description: keyDescription('The language'), resolve: (row) => row.language ?? null }),
  };
}

const KEY_HEADER = ['period', 'channel', 'theme', 'service', 'line', 'language'];
const keyValues = (row: StatisticsKey): CsvValue[] => [row.period, row.channel, row.themeCode, row.serviceCode, row.line, row.language];

/** A result type: its rows, and the same rows as CSV. */
function resultType<Row>(name: string, description: string, RowType: ObjectRef<Types, Row>, csv: (rows: Row[]) => string) {
  return builder.objectRef<Row[]>(name).implement({
    description,
    authScopes: READERS,
    fields: (t) => ({
      // The statistics field counted its rows: each row once here, and the CSV as one row more.
      rows: t.field({
        type: [RowType],
        description: 'One row per group, in the order of the groupings’ declaration (period first).',
        ...listSize(1),
        resolve: (rows) => rows,
      }),
      csv: t.string({
        description: 'The rows as CSV (RFC 4180, header first; themes and services by code), for spreadsheets.',
        extensions: { ownCost: 1 } satisfies CostExtensions,
        resolve: (rows) => csv(rows),
      }),
    }),
  });
}

const CONTACT_MEASURES = [
  'inboundInteractions',
  'outboundInteractions',
  'casesOpened',
  'casesResolved',
  'answeredCalls',
  'abandonedCalls',
  'averageWaitSeconds',
  'averageTalkSeconds',
] as const satisfies readonly (keyof ContactStatisticsRow)[];

const ContactStatisticsRowType = builder.objectRef<ContactStatisticsRow>('ContactStatisticsRow').implement({
  description: 'Contacts, cases opened and resolved, and call figures of one group.',
  authScopes: READERS,
  fields: (t) => ({
    ...keyFields(t),
    inboundInteractions: t.exposeInt('inboundInteractions', { description: 'Contacts from citizens, all channels (by the day they happened).' }),
    outboundInteractions: t.exposeInt('outboundInteractions', { description: 'Contacts to citizens (call-backs, answers).' }),
    casesOpened: t.exposeInt('casesOpened', { description: 'Cases opened in the period.' }),
    casesResolved: t.exposeInt('casesResolved', { description: 'Cases resolved in the period (their latest resolution).' }),
    answeredCalls: t.exposeInt('answeredCalls', { description: 'Inbound phone calls answered.' }),
    abandonedCalls: t.exposeInt('abandonedCalls', { description: 'Inbound phone calls the caller hung up on before an answer.' }),
    averageWaitSeconds: t.exposeFloat('averageWaitSeconds', { nullable: true, description: 'Average wait of the calls whose wait is known; null when none is.' }),
    averageTalkSeconds: t.exposeFloat('averageTalkSeconds', { nullable: true, description: 'Average talk time of the calls whose talk time is known; null when none is.' }),
  }),
});

const CASE_MEASURES = [
  'casesOpened',
  'casesResolved',
  'firstContactResolutionRate',
  'resolvedAtSecondLine',
  'resolvedAtThirdLine',
  'handedOffRate',
  'handoffsRequested',
  'handoffsRejected',
  'handoffRejectionRate',
  'medianResolutionBusinessHours',
  'p90ResolutionBusinessHours',
  'slaComplianceRate',
  'backlog',
] as const satisfies readonly (keyof CaseStatisticsRow)[];

const CaseStatisticsRowType = builder.objectRef<CaseStatisticsRow>('CaseStatisticsRow').implement({
  description:
    'Case figures of one group. Rates are shares between 0 and 1, null when there is nothing to divide. Resolution figures are over the cases resolved in the period, handoff figures over the handoffs requested in it.',
  authScopes: READERS,
  fields: (t) => ({
    ...keyFields(t),
    casesOpened: t.exposeInt('casesOpened', { description: 'Cases opened in the period.' }),
    casesResolved: t.exposeInt('casesResolved', { description: 'Cases resolved in the period.' }),
    firstContactResolutionRate: t.exposeFloat('firstContactResolutionRate', {
      nullable: true,
      description: 'Share of the resolved cases settled by the first line at the first contact: never handed off, one interaction at most.',
    }),
    resolvedAtSecondLine: t.exposeInt('resolvedAtSecondLine', {
      description: 'Of the cases resolved in the period, those a second-line service resolved itself (after accepting a handoff, or its own cases).',
    }),
    resolvedAtThirdLine: t.exposeInt('resolvedAtThirdLine', { description: 'Of the cases resolved in the period, those a third-line service resolved itself.' }),
    handedOffRate: t.exposeFloat('handedOffRate', { nullable: true, description: 'Share of the resolved cases that were handed off at least once.' }),
    handoffsRequested: t.exposeInt('handoffsRequested', { description: 'Handoffs requested in the period.' }),
    handoffsRejected: t.exposeInt('handoffsRejected', { description: 'Of those, the ones rejected by the receiving service.' }),
    handoffRejectionRate: t.exposeFloat('handoffRejectionRate', {
      nullable: true,
      description: 'Rejected among the answered (accepted, completed or rejected) handoffs: the ping-pong measure.',
    }),
    medianResolutionBusinessHours: t.exposeFloat('medianResolutionBusinessHours', {
      nullable: true,
      description: 'Median time from opening to resolution, in business hours (opening hours, holidays and closure days excluded).',
    }),
    p90ResolutionBusinessHours: t.exposeFloat('p90ResolutionBusinessHours', { nullable: true, description: '90th percentile of the same.' }),
    slaComplianceRate: t.exposeFloat('slaComplianceRate', { nullable: true, description: 'Share of the resolved cases with a due date resolved by it.' }),
    backlog: t.exposeInt('backlog', { description: 'Cases open at the end of the period (or of the range when not grouped by period).' }),
  }),
});

const StaffingRowType = builder.objectRef<StaffingRow>('StaffingRow').implement({
  description: 'Agents of one service who recorded contacts in the period (agents counted in the service they belong to now).',
  authScopes: READERS,
  fields: (t) => ({
    service: t.field({ type: Service, description: 'The service.', resolve: (row) => row.serviceId }),
    line: t.expose('line', { type: LineEnum, description: 'Its line.' }),
    activeAgents: t.exposeInt('activeAgents', { description: 'Agents who recorded at least one contact.' }),
    agentDays: t.exposeInt('agentDays', { description: 'Days on which an agent recorded at least one contact, summed over agents.' }),
    contacts: t.exposeInt('contacts', { description: 'Contacts those agents recorded.' }),
    contactsPerAgentDay: t.exposeFloat('contactsPerAgentDay', { nullable: true, description: 'contacts / agentDays: the FTE question’s figure.' }),
  }),
});

const ContactStatistics = resultType('ContactStatistics', 'Contact figures, grouped as asked.', ContactStatisticsRowType, (rows) =>
  toCsv([...KEY_HEADER, ...CONTACT_MEASURES], rows.map((row) => [...keyValues(row), ...CONTACT_MEASURES.map((measure) => row[measure])])),
);
const CaseStatistics = resultType('CaseStatistics', 'Case figures, grouped as asked.', CaseStatisticsRowType, (rows) =>
  toCsv([...KEY_HEADER, ...CASE_MEASURES], rows.map((row) => [...keyValues(row), ...CASE_MEASURES.map((measure) => row[measure])])),
);
const STAFFING_MEASURES = ['activeAgents', 'agentDays', 'contacts', 'contactsPerAgentDay'] as const satisfies readonly (keyof StaffingRow)[];
const Staffing = resultType('Staffing', 'Staffing figures per service.', StaffingRowType, (rows) =>
  toCsv(['service', 'line', ...STAFFING_MEASURES], rows.map((row) => [row.serviceCode, row.line, ...STAFFING_MEASURES.map((measure) => row[measure])])),
);

builder.queryFields((t) => {
  const rangeArgs = {
    from: t.arg({ type: 'Date', required: true, description: 'First day, Brussels time.' }),
    to: t.arg({ type: 'Date', required: true, description: 'Last day, included; at most 7,400 days after from.' }),
  };
  // Priced by the rows it can answer, and at least by the daily rollup rows of its range that it reads.
  const rowBound = listSize(
    (args) => statisticsRowBound({ from: String(args.from), to: String(args.to), groupBy: (args.groupBy as StatisticsDimension[] | null) ?? [] }),
    { ownCost: (args) => statisticsDaysRead(String(args.from), String(args.to)) },
  );
  const groupBy = t.arg({ type: [StatisticsDimensionEnum], required: false, defaultValue: [], description: 'Groupings; none gives one row for the whole range.' });
  return {
    contactStatistics: t.field({
      type: ContactStatistics,
      description: `Contacts (inbound, outbound), cases opened and resolved, answered and abandoned calls, average wait and talk time. ${WHO}`,
      authScopes: READERS,
      args: { ...rangeArgs, groupBy },
      ...rowBound,
      resolve: (_root, args, context) => contactStatistics(context.db, context.viewer, { from: args.from, to: args.to, groupBy: args.groupBy ?? [] }),
    }),
    caseStatistics: t.field({
      type: CaseStatistics,
      description: `First-contact resolution, handoff and rejection rates, resolution time in business hours, SLA compliance and backlog. ${WHO}`,
      authScopes: READERS,
      args: { ...rangeArgs, groupBy },
      ...rowBound,
      resolve: (_root, args, context) => caseStatistics(context.db, context.viewer, { from: args.from, to: args.to, groupBy: args.groupBy ?? [] }),
    }),
    staffing: t.field({
      type: Staffing,
      description: `Active agents per service and line, and contacts per agent-day, from the contacts agents recorded. ${WHO}`,
      authScopes: READERS,
      args: rangeArgs,
      ...listSize(REFERENCE_LIST_BOUNDS.services),
      resolve: (_root, args, context) => staffing(context.db, context.viewer, { from: args.from, to: args.to }),
    }),
  };
});

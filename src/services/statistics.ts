import { type SQL, sql } from 'drizzle-orm';
import { type Executor, selectRows } from '../db/client.js';
import { anyOf } from '../db/lists.js';
import { services, themes } from '../db/tables/index.js';
import { ForbiddenError, ValidationError } from '../domain/errors.js';
import {
  normaliseGroupBy,
  PERIOD_DIMENSIONS,
  type PeriodDimension,
  rangeProblem,
  rate,
  type StatisticsDimension,
  type StatisticsRequest,
} from '../domain/statistics.js';
import type { Viewer } from '../domain/viewer.js';
import type { Channel, Language, Line } from '../domain/vocabulary.js';
import { brusselsDay, catchUpStatistics } from './statistics-rollup.js';

// The figures a parliament and a contact-centre manager ask for, all aggregated in SQL: contact
// counts from the daily rollup (statistics-rollup.ts), case figures from the cases and handoffs
// of the period (indexed by their dates). Only aggregated rows reach Node, where the sources of
// one grouping are merged and the backlog is accumulated period by period.

/** More rows than anyone reads in a table: narrow the range or the grouping. */
const MAX_ROWS = 10_000;

/** The grouped dimensions of a row; those not grouped by are absent. */
export interface StatisticsKey {
  period?: string;
  channel?: Channel;
  themeId?: string;
  themeCode?: string;
  serviceId?: string;
  serviceCode?: string;
  line?: Line;
  language?: Language;
}

export interface ContactStatisticsRow extends StatisticsKey {
  inboundInteractions: number;
  outboundInteractions: number;
  casesOpened: number;
  casesResolved: number;
  answeredCalls: number;
  abandonedCalls: number;
  averageWaitSeconds: number | null;
  averageTalkSeconds: number | null;
}

export interface CaseStatisticsRow extends StatisticsKey {
  casesOpened: number;
  casesResolved: number;
  firstContactResolutionRate: number | null;
  resolvedAtSecondLine: number;
  resolvedAtThirdLine: number;
  handedOffRate: number | null;
  handoffsRequested: number;
  handoffsRejected: number;
  handoffRejectionRate: number | null;
  medianResolutionBusinessHours: number | null;
  p90ResolutionBusinessHours: number | null;
  slaComplianceRate: number | null;
  backlog: number;
}

export interface StaffingRow {
  serviceId: string;
  serviceCode: string;
  line: Line;
  activeAgents: number;
  agentDays: number;
  contacts: number;
  contactsPerAgentDay: number | null;
}

/** Where one source of figures keeps each dimension. */
interface DimensionColumns {
  day: SQL;
  channel: SQL;
  theme: SQL;
  service: SQL;
  line: SQL;
  language: SQL;
}

const PERIOD_FORMATS: Record<PeriodDimension, string> = {
  PERIOD_YEAR: 'YYYY',
  PERIOD_MONTH: 'YYYY-MM',
  PERIOD_WEEK: 'IYYY-"W"IW',
  PERIOD_DAY: 'YYYY-MM-DD',
};

const KEY_OF: Record<Exclude<StatisticsDimension, PeriodDimension>, { key: keyof StatisticsKey; column: keyof DimensionColumns }> = {
  CHANNEL: { key: 'channel', column: 'channel' },
  THEME: { key: 'themeId', column: 'theme' },
  SERVICE: { key: 'serviceId', column: 'service' },
  LINE: { key: 'line', column: 'line' },
  LANGUAGE: { key: 'language', column: 'language' },
};

function isPeriod(dimension: StatisticsDimension): dimension is PeriodDimension {
  return (PERIOD_DIMENSIONS as readonly string[]).includes(dimension);
}

/** `select` items naming each grouped dimension as its key. */
function keyColumns(dimensions: readonly StatisticsDimension[], columns: DimensionColumns): SQL[] {
  return dimensions.map((dimension) =>
    isPeriod(dimension)
      ? sql`to_char(${columns.day}, ${PERIOD_FORMATS[dimension]}) as "period"`
      : sql`${columns[KEY_OF[dimension].column]}::text as ${sql.identifier(KEY_OF[dimension].key)}`,
  );
}

interface Scope {
  dimensions: StatisticsDimension[];
  from: string;
  to: string;
  /** A service account sees its own service's figures only. */
  serviceId: string | undefined;
}

/** Who reads statistics: supervisors and admins every figure, a service account its own service's (the id returned). */
export function statisticsReader(viewer: Viewer): { serviceId: string | undefined } {
  const allowed = viewer.kind === 'service' || (viewer.kind === 'agent' && (viewer.role === 'SUPERVISOR' || viewer.role === 'ADMIN'));
  if (!allowed) throw new ForbiddenError('Statistics are for supervisors, admins and service accounts.');
  return { serviceId: viewer.kind === 'service' ? viewer.serviceId : undefined };
}

function scopeOf(viewer: Viewer, request: StatisticsRequest): Scope {
  const { serviceId } = statisticsReader(viewer);
  const grouping = normaliseGroupBy(request.groupBy);
  const problems = [
    ...('problem' in grouping ? [{ path: ['groupBy'], message: grouping.problem }] : []),
    ...(rangeProblem(request.from, request.to) ? [{ path: ['to'], message: rangeProblem(request.from, request.to)! }] : []),
  ];
  if (problems.length > 0 || 'problem' in grouping) throw new ValidationError(problems);
  return { dimensions: grouping.dimensions, from: request.from, to: request.to, serviceId };
}

/** Brussels midnight opening `day`, as an instant. */
const startOf = (day: string) => sql`(${day}::date)::timestamp at time zone 'Europe/Brussels'`;
/** Brussels midnight closing `day`. */
const endOf = (day: string) => sql`(${day}::date + 1)::timestamp at time zone 'Europe/Brussels'`;

type Measures = Record<string, SQL>;
type Grouped = StatisticsKey & Record<string, unknown>;

/** One grouped aggregate: the keys of `dimensions` and the measures, at most MAX_ROWS + 1 rows. */
async function aggregate(db: Executor, scope: Scope, columns: DimensionColumns, from: SQL, where: SQL[], measures: Measures, dimensions = scope.dimensions): Promise<Grouped[]> {
  const items = [...keyColumns(dimensions, columns), ...Object.entries(measures).map(([name, expression]) => sql`${expression} as ${sql.identifier(name)}`)];
  const conditions = [...where, ...(scope.serviceId ? [sql`${columns.service} = ${scope.serviceId}::uuid`] : [])];
  const groupBy = dimensions.length > 0 ? sql` group by ${sql.join(dimensions.map((_, index) => sql.raw(String(index + 1))), sql`, `)}` : sql``;
  return selectRows<Grouped>(db, sql`select ${sql.join(items, sql`, `)} from ${from} where ${sql.join(conditions, sql` and `)}${groupBy} limit ${MAX_ROWS + 1}`);
}

const ROLLUP: DimensionColumns = {
  day: sql`r.day`,
  channel: sql`r.channel`,
  theme: sql`r.theme_id`,
  service: sql`r.service_id`,
  line: sql`r.line`,
  language: sql`r.language`,
};

const casesBy = (instant: SQL): DimensionColumns => ({
  day: brusselsDay(instant),
  channel: sql`c.origin_channel`,
  theme: sql`c.theme_id`,
  service: sql`c.service_id`,
  line: sql`c.current_line`,
  language: sql`c.language`,
});

/** Handoffs count for the line and service that handed off. */
const HANDOFFS: DimensionColumns = { ...casesBy(sql`h.requested_at`), service: sql`h.from_service_id`, line: sql`h.from_line` };

const keyString = (row: StatisticsKey) => [row.period, row.channel, row.themeId, row.serviceId, row.line, row.language].map((value) => value ?? '').join('\u0000');

function keyOf(row: Grouped): StatisticsKey {
  const key: StatisticsKey = {};
  for (const name of ['period', 'channel', 'themeId', 'serviceId', 'line', 'language'] as const) {
    if (row[name] !== undefined) (key as Record<string, unknown>)[name] = row[name];
  }
  return key;
}

/** Merges grouped rows of several sources into one row per key, starting from `empty`. */
function merge<Row extends StatisticsKey>(empty: () => Omit<Row, keyof StatisticsKey>, sources: Grouped[][], apply: (row: Row, source: number, values: Grouped) => void): Map<string, Row> {
  const rows = new Map<string, Row>();
  sources.forEach((source, index) => {
    for (const values of source) {
      const key = keyString(values);
      let row = rows.get(key);
      if (!row) {
        row = { ...keyOf(values), ...empty() } as Row;
        rows.set(key, row);
      }
      apply(row, index, values);
    }
  });
  if (rows.size > MAX_ROWS) throw new ValidationError([{ path: ['groupBy'], message: `More than ${MAX_ROWS} rows: narrow the range or the grouping.` }]);
  return rows;
}

/** Rows in the order of the canonical dimensions, whatever order the grouping was asked in. */
function sorted<Row extends StatisticsKey>(rows: Iterable<Row>): Row[] {
  return [...rows].sort((a, b) => (keyString(a) < keyString(b) ? -1 : keyString(a) > keyString(b) ? 1 : 0));
}

/** Adds theme and service codes (for CSV and humans) in two small look-ups. */
async function withCodes<Row extends StatisticsKey>(db: Executor, rows: Row[]): Promise<Row[]> {
  const themeIds = [...new Set(rows.flatMap((row) => (row.themeId ? [row.themeId] : [])))];
  const serviceIds = [...new Set(rows.flatMap((row) => (row.serviceId ? [row.serviceId] : [])))];
  const [themeRows, serviceRows] = await Promise.all([
    themeIds.length > 0 ? db.select({ id: themes.id, code: themes.code }).from(themes).where(anyOf(themes.id, themeIds)) : [],
    serviceIds.length > 0 ? db.select({ id: services.id, code: services.code }).from(services).where(anyOf(services.id, serviceIds)) : [],
  ]);
  const themeCodes = new Map(themeRows.map((row) => [row.id, row.code]));
  const serviceCodes = new Map(serviceRows.map((row) => [row.id, row.code]));
  return rows.map((row) => ({
    ...row,
    ...(row.themeId ? { themeCode: themeCodes.get(row.themeId) } : {}),
    ...(row.serviceId ? { serviceCode: serviceCodes.get(row.serviceId) } : {}),
  }));
}

const count = (value: unknown) => Number(value ?? 0);

const CHANNEL_TOTALS: DimensionColumns = { ...ROLLUP, theme: sql`null`, service: sql`null`, line: sql`null`, language: sql`null` };

const contactFigures = (values: Grouped) => ({
  answeredCalls: count(values.answered),
  abandonedCalls: count(values.abandoned),
  averageWaitSeconds: rate(count(values.waitSeconds), count(values.waitsKnown)),
  averageTalkSeconds: rate(count(values.talkSeconds), count(values.talksKnown)),
});

/** Contacts (from the rollups), cases opened and resolved, and call figures, grouped as asked. */
export async function contactStatistics(db: Executor, viewer: Viewer, request: StatisticsRequest): Promise<ContactStatisticsRow[]> {
  const scope = scopeOf(viewer, request);
  await catchUpStatistics(db);
  if (!scope.serviceId && scope.dimensions.every((dimension) => isPeriod(dimension) || dimension === 'CHANNEL')) {
    // By period and channel only: a few thousand rows per ten years, whatever the history's size.
    const rows = await aggregate(db, scope, CHANNEL_TOTALS, sql`channel_daily_counts as r`, [sql`r.day between ${scope.from}::date and ${scope.to}::date`], {
      inbound: sql`sum(r.inbound)`,
      outbound: sql`sum(r.outbound)`,
      opened: sql`sum(r.cases_opened)`,
      resolved: sql`sum(r.cases_resolved)`,
      answered: sql`sum(r.answered_calls)`,
      abandoned: sql`sum(r.abandoned_calls)`,
      waitSeconds: sql`sum(r.wait_seconds)`,
      waitsKnown: sql`sum(r.waits_known)`,
      talkSeconds: sql`sum(r.talk_seconds)`,
      talksKnown: sql`sum(r.talks_known)`,
    });
    return sorted(
      rows.map((values) => ({
        ...keyOf(values),
        inboundInteractions: count(values.inbound),
        outboundInteractions: count(values.outbound),
        casesOpened: count(values.opened),
        casesResolved: count(values.resolved),
        ...contactFigures(values),
      })),
    );
  }
  const [contacts, opened, resolved] = await Promise.all([
    aggregate(db, scope, ROLLUP, sql`contact_daily_counts as r`, [sql`r.day between ${scope.from}::date and ${scope.to}::date`], {
      inbound: sql`sum(r.interactions) filter (where r.direction = 'INBOUND')`,
      outbound: sql`sum(r.interactions) filter (where r.direction = 'OUTBOUND')`,
      answered: sql`sum(r.answered_calls)`,
      abandoned: sql`sum(r.abandoned_calls)`,
      waitSeconds: sql`sum(r.wait_seconds)`,
      waitsKnown: sql`sum(r.waits_known)`,
      talkSeconds: sql`sum(r.talk_seconds)`,
      talksKnown: sql`sum(r.talks_known)`,
    }),
    aggregate(db, scope, casesBy(sql`c.created_at`), sql`cases as c`, [sql`c.created_at >= ${startOf(scope.from)} and c.created_at < ${endOf(scope.to)}`], { opened: sql`count(*)` }),
    aggregate(db, scope, casesBy(sql`c.resolved_at`), sql`cases as c`, [sql`c.resolved_at >= ${startOf(scope.from)} and c.resolved_at < ${endOf(scope.to)}`], { resolved: sql`count(*)` }),
  ]);
  const rows = merge<ContactStatisticsRow>(
    () => ({ inboundInteractions: 0, outboundInteractions: 0, casesOpened: 0, casesResolved: 0, answeredCalls: 0, abandonedCalls: 0, averageWaitSeconds: null, averageTalkSeconds: null }),
    [contacts, opened, resolved],
    (row, source, values) => {
      if (source === 1) row.casesOpened = count(values.opened);
      else if (source === 2) row.casesResolved = count(values.resolved);
      else {
        row.inboundInteractions = count(values.inbound);
        row.outboundInteractions = count(values.outbound);
        Object.assign(row, contactFigures(values));
      }
    },
  );
  return withCodes(db, sorted(rows.values()));
}

const noCaseFigures = (): Omit<CaseStatisticsRow, keyof StatisticsKey> => ({
  casesOpened: 0,
  casesResolved: 0,
  firstContactResolutionRate: null,
  resolvedAtSecondLine: 0,
  resolvedAtThirdLine: 0,
  handedOffRate: null,
  handoffsRequested: 0,
  handoffsRejected: 0,
  handoffRejectionRate: null,
  medianResolutionBusinessHours: null,
  p90ResolutionBusinessHours: null,
  slaComplianceRate: null,
  backlog: 0,
});

/** Of a resolved case `c`: resolved by the first line, never handed off, at its only interaction. */
export const RESOLVED_AT_FIRST_CONTACT = sql`c.current_line = 'FIRST'
  and not exists (select 1 from handoffs as hh where hh.case_id = c.id)
  and (select count(*) from interactions as ii where ii.case_id = c.id) <= 1`;

/**
 * Per period (of opening, resolution or handoff, each figure its own), the figures of the
 * manager's morning: first-contact resolution, handoffs and their rejections, resolution time
 * in business hours, SLA compliance, and the backlog (open cases) at the end of each period.
 */
export async function caseStatistics(db: Executor, viewer: Viewer, request: StatisticsRequest): Promise<CaseStatisticsRow[]> {
  const scope = scopeOf(viewer, request);
  const start = startOf(scope.from);
  const end = endOf(scope.to);
  const withoutPeriod = scope.dimensions.filter((dimension) => !isPeriod(dimension));
  const [opened, resolved, handedOff, openAtStart] = await Promise.all([
    aggregate(db, scope, casesBy(sql`c.created_at`), sql`cases as c`, [sql`c.created_at >= ${start} and c.created_at < ${end}`], { opened: sql`count(*)` }),
    aggregate(db, scope, casesBy(sql`c.resolved_at`), sql`cases as c`, [sql`c.resolved_at >= ${start} and c.resolved_at < ${end}`], {
      resolved: sql`count(*)`,
      atFirstContact: sql`count(*) filter (where ${RESOLVED_AT_FIRST_CONTACT})`,
      // A resolved case stays at the line that resolved it: the receiving line once it accepted a handoff.
      atSecondLine: sql`count(*) filter (where c.current_line = 'SECOND')`,
      atThirdLine: sql`count(*) filter (where c.current_line = 'THIRD')`,
      handedOff: sql`count(*) filter (where exists (select 1 from handoffs as hh where hh.case_id = c.id))`,
      median: sql`percentile_cont(0.5) within group (order by c.resolution_business_seconds)`,
      p90: sql`percentile_cont(0.9) within group (order by c.resolution_business_seconds)`,
      withDue: sql`count(*) filter (where c.due_at is not null)`,
      onTime: sql`count(*) filter (where c.due_at is not null and c.resolved_at <= c.due_at)`,
    }),
    aggregate(db, scope, HANDOFFS, sql`handoffs as h join cases as c on c.id = h.case_id`, [sql`h.requested_at >= ${start} and h.requested_at < ${end}`], {
      requested: sql`count(*)`,
      rejected: sql`count(*) filter (where h.status = 'REJECTED')`,
      answered: sql`count(*) filter (where h.status in ('ACCEPTED', 'COMPLETED', 'REJECTED'))`,
    }),
    aggregate(db, scope, casesBy(sql`c.created_at`), sql`cases as c`, [sql`c.created_at < ${start} and (c.resolved_at is null or c.resolved_at >= ${start})`], { open: sql`count(*)` }, withoutPeriod),
  ]);
  const rows = merge<CaseStatisticsRow>(
    noCaseFigures,
    [opened, resolved, handedOff],
    (row, source, values) => {
      if (source === 0) row.casesOpened = count(values.opened);
      else if (source === 1) {
        row.casesResolved = count(values.resolved);
        row.firstContactResolutionRate = rate(count(values.atFirstContact), row.casesResolved);
        row.resolvedAtSecondLine = count(values.atSecondLine);
        row.resolvedAtThirdLine = count(values.atThirdLine);
        row.handedOffRate = rate(count(values.handedOff), row.casesResolved);
        row.medianResolutionBusinessHours = values.median == null ? null : Number(values.median) / 3600;
        row.p90ResolutionBusinessHours = values.p90 == null ? null : Number(values.p90) / 3600;
        row.slaComplianceRate = rate(count(values.onTime), count(values.withDue));
      } else {
        row.handoffsRequested = count(values.requested);
        row.handoffsRejected = count(values.rejected);
        row.handoffRejectionRate = rate(row.handoffsRejected, count(values.answered));
      }
    },
  );
  const period = scope.dimensions.find(isPeriod);
  addBacklog(rows, period ? await periodsOf(db, period, scope.from, scope.to) : [undefined], openAtStart, opened, resolved);
  return withCodes(db, sorted(rows.values()));
}

/**
 * Backlog at the end of each period: open at the start of the range, plus opened, minus
 * resolved, period by period (a case reopened counts as open again). A combination of the other
 * dimensions with a backlog gets a row for every period, even one without activity.
 */
function addBacklog(rows: Map<string, CaseStatisticsRow>, periods: (string | undefined)[], openAtStart: Grouped[], opened: Grouped[], resolved: Grouped[]): void {
  const change = new Map<string, number>();
  for (const [source, sign] of [[opened, 1], [resolved, -1]] as const) {
    for (const values of source) change.set(keyString(values), (change.get(keyString(values)) ?? 0) + sign * count(values[sign > 0 ? 'opened' : 'resolved']));
  }
  const combinations = new Map<string, StatisticsKey>();
  const atStart = new Map<string, number>();
  for (const values of [...openAtStart, ...opened, ...resolved]) {
    const key = { ...keyOf(values), period: undefined };
    combinations.set(keyString(key), key);
  }
  for (const values of openAtStart) atStart.set(keyString(keyOf(values)), count(values.open));
  for (const [combinationKey, combination] of combinations) {
    let backlog = atStart.get(combinationKey) ?? 0;
    for (const label of periods) {
      const key = keyString({ ...combination, period: label });
      backlog += change.get(key) ?? 0;
      let row = rows.get(key);
      if (!row && backlog !== 0) {
        row = { ...combination, ...noCaseFigures() };
        if (label) row.period = label;
        else delete row.period;
        rows.set(key, row);
        if (rows.size > MAX_ROWS) throw new ValidationError([{ path: ['groupBy'], message: `More than ${MAX_ROWS} rows: narrow the range or the grouping.` }]);
      }
      if (row) row.backlog = backlog;
    }
  }
}

/** The labels of every period from `from` to `to`, by the same to_char as the figures. */
async function periodsOf(db: Executor, period: PeriodDimension, from: string, to: string): Promise<string[]> {
  const rows = await selectRows<{ label: string }>(
    db,
    sql`select distinct to_char(day, ${PERIOD_FORMATS[period]}) as label from generate_series(${from}::date, ${to}::date, interval '1 day') as day order by 1`,
  );
  return rows.map((row) => row.label);
}

/** Agents who recorded contacts in the period, per service and line, and contacts per agent-day. */
export async function staffing(db: Executor, viewer: Viewer, request: Omit<StatisticsRequest, 'groupBy'>): Promise<StaffingRow[]> {
  const scope = scopeOf(viewer, { ...request, groupBy: [] });
  await catchUpStatistics(db);
  const rows = await selectRows<{ serviceId: string; serviceCode: string; line: Line; activeAgents: string | number; agentDays: string | number; contacts: string | number }>(
    db,
    sql`select s.id as "serviceId", s.code as "serviceCode", s.line, count(distinct a.agent_id) as "activeAgents", count(*) as "agentDays", sum(a.contacts) as contacts
        from agent_daily_counts as a join agents as g on g.id = a.agent_id join services as s on s.id = g.service_id
        where a.day between ${scope.from}::date and ${scope.to}::date ${scope.serviceId ? sql`and s.id = ${scope.serviceId}::uuid` : sql``}
        group by s.id, s.code, s.line order by s.line, s.code`,
  );
  return rows.map((row) => ({
    serviceId: row.serviceId,
    serviceCode: row.serviceCode,
    line: row.line,
    activeAgents: count(row.activeAgents),
    agentDays: count(row.agentDays),
    contacts: count(row.contacts),
    contactsPerAgentDay: rate(count(row.contacts), count(row.agentDays)),
  }));
}

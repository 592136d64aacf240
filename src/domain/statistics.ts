// Rules of the statistics queries that need no I/O: which groupings are allowed, in which
// order their rows come, how rates are computed, and how many rows a query can answer.

import { REFERENCE_LIST_BOUNDS } from './reference-bounds.js';
import { CHANNELS, LANGUAGES, LINES } from './vocabulary.js';

export const PERIOD_DIMENSIONS = ['PERIOD_YEAR', 'PERIOD_MONTH', 'PERIOD_WEEK', 'PERIOD_DAY'] as const;
export type PeriodDimension = (typeof PERIOD_DIMENSIONS)[number];

/** Every grouping, in the order rows are sorted by, whatever order the client asked them in. */
export const STATISTICS_DIMENSIONS = [...PERIOD_DIMENSIONS, 'CHANNEL', 'THEME', 'SERVICE', 'LINE', 'LANGUAGE'] as const;
export type StatisticsDimension = (typeof STATISTICS_DIMENSIONS)[number];

/** The widest range a query may cover, in days (a little over 20 years). */
export const MAX_RANGE_DAYS = 7_400;

export interface StatisticsRequest {
  /** First day, YYYY-MM-DD, Brussels time. */
  from: string;
  /** Last day, included. */
  to: string;
  groupBy: StatisticsDimension[];
}

/** The groupings asked, without repeats, in canonical order; or the problem in words. */
export function normaliseGroupBy(groupBy: readonly StatisticsDimension[]): { dimensions: StatisticsDimension[] } | { problem: string } {
  const asked = new Set(groupBy);
  const periods = PERIOD_DIMENSIONS.filter((period) => asked.has(period));
  if (periods.length > 1) return { problem: `At most one period grouping, got ${periods.join(', ')}.` };
  return { dimensions: STATISTICS_DIMENSIONS.filter((dimension) => asked.has(dimension)) };
}

/** Whole days from `from` to `to`, both included; negative when `to` comes first. */
export function daysInRange(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

export function rangeProblem(from: string, to: string): string | null {
  const days = daysInRange(from, to);
  if (days < 1) return '`to` must not come before `from`.';
  if (days > MAX_RANGE_DAYS) return `At most ${MAX_RANGE_DAYS} days.`;
  return null;
}

/** part / whole, or null when there is nothing to divide (a rate of nothing is unknown, not 0). */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** How many rows each non-period grouping may split a period into at most. */
const GROUP_SIZES: Record<Exclude<StatisticsDimension, PeriodDimension>, number> = {
  CHANNEL: CHANNELS.length,
  LANGUAGE: LANGUAGES.length,
  LINE: LINES.length,
  THEME: REFERENCE_LIST_BOUNDS.themes,
  SERVICE: REFERENCE_LIST_BOUNDS.services,
};

/** Periods of each kind that a range of `days` days can touch (a range may start mid-period). */
function periodsIn(period: PeriodDimension, days: number): number {
  switch (period) {
    case 'PERIOD_DAY':
      return days;
    case 'PERIOD_WEEK':
      return Math.ceil(days / 7) + 1;
    case 'PERIOD_MONTH':
      return Math.ceil(days / 28) + 1;
    case 'PERIOD_YEAR':
      return Math.ceil(days / 365) + 1;
  }
}

/** Days of a range a statistics query reads (one rollup row per day at least), within the allowed range. */
export function statisticsDaysRead(from: string, to: string): number {
  const days = daysInRange(from, to);
  return Number.isFinite(days) ? Math.min(Math.max(days, 1), MAX_RANGE_DAYS) : MAX_RANGE_DAYS;
}

/**
 * The most rows a statistics query can answer: the periods of the range times every other
 * grouping's values. The query cost limit counts a statistics field by it, before any work.
 */
export function statisticsRowBound({ from, to, groupBy }: StatisticsRequest): number {
  const days = statisticsDaysRead(from, to);
  let rows = 1;
  for (const dimension of new Set(groupBy)) {
    rows *= (PERIOD_DIMENSIONS as readonly string[]).includes(dimension)
      ? periodsIn(dimension as PeriodDimension, days)
      : GROUP_SIZES[dimension as Exclude<StatisticsDimension, PeriodDimension>];
  }
  return rows;
}

/** The widest range of appointment figures, in days: a year, a leap one included. */
export const MAX_APPOINTMENT_RANGE_DAYS = 366;

/** ISO weeks a range of MAX_APPOINTMENT_RANGE_DAYS days can touch: 52 whole weeks and two days, each in a week of its own. */
export const MAX_APPOINTMENT_WEEKS = periodsIn('PERIOD_WEEK', MAX_APPOINTMENT_RANGE_DAYS);

export function appointmentRangeProblem(from: string, to: string): string | null {
  const days = daysInRange(from, to);
  if (days < 1) return '`to` must not come before `from`.';
  if (days > MAX_APPOINTMENT_RANGE_DAYS) return `At most ${MAX_APPOINTMENT_RANGE_DAYS} days.`;
  return null;
}

/** Appointments that show whether the citizen came: checked in, done, or a no-show. */
export function noShowRate(counts: { noShow: number; done: number; checkedIn: number }): number | null {
  return rate(counts.noShow, counts.noShow + counts.done + counts.checkedIn);
}

// Closure days of the SPW from 2015 (launch of the 1718) to 2035: the Belgian public holidays and
// the extra days of Walloon regional staff. A holiday on a weekend gives staff a compensation day
// taken like annual leave, not an office closure, so weekend dates are left out.
import { closureDaysOfYear } from '../../src/domain/belgian-holidays.js';
import type { ClosureDaySeed } from './types.js';

export const FIRST_CALENDAR_YEAR = 2015;
export const LAST_CALENDAR_YEAR = 2035;

function isWeekend(isoDate: string): boolean {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday === 0 || weekday === 6;
}

function buildClosureDays(firstYear: number, lastYear: number): ClosureDaySeed[] {
  const byDate = new Map<string, ClosureDaySeed>();
  for (let year = firstYear; year <= lastYear; year += 1) {
    for (const day of closureDaysOfYear(year)) {
      if (isWeekend(day.date)) continue;
      const existing = byDate.get(day.date);
      if (existing) {
        // Two holidays on one date (Ascension on 1 May): one closure, both names.
        for (const language of ['fr', 'de', 'nl', 'en'] as const) {
          existing.labels[language] = `${existing.labels[language]} / ${day.labels[language]}`;
        }
        if (day.kind === 'PUBLIC_HOLIDAY') existing.kind = 'PUBLIC_HOLIDAY';
        continue;
      }
      byDate.set(day.date, { date: day.date, labels: { ...day.labels }, kind: day.kind });
    }
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export const closureDays: ClosureDaySeed[] = buildClosureDays(FIRST_CALENDAR_YEAR, LAST_CALENDAR_YEAR);

// Closure days kept in the database: the extra days of Walloon regional staff from 2015 (launch
// of the 1718) to 2035. The legal public holidays come from the holiday library at run time.
// A day on a weekend gives staff a compensation day taken like annual leave, not an office
// closure, so weekend dates are left out.
import { regionalDays } from '../../src/domain/holidays.js';
import type { ClosureDaySeed } from './types.js';

export const FIRST_CALENDAR_YEAR = 2015;
export const LAST_CALENDAR_YEAR = 2035;

function isWeekend(isoDate: string): boolean {
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

export const closureDays: ClosureDaySeed[] = Array.from({ length: LAST_CALENDAR_YEAR - FIRST_CALENDAR_YEAR + 1 }, (_, index) =>
  regionalDays(FIRST_CALENDAR_YEAR + index),
)
  .flat()
  .filter((day) => !isWeekend(day.date))
  .map((day) => ({ date: day.date, labels: day.labels, kind: 'REGIONAL_HOLIDAY' as const }));

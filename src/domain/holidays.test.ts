import { describe, it, expect } from 'vitest';
import { publicHolidays, regionalDays } from './holidays.js';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

function weekdayOf(isoDate: string): (typeof WEEKDAYS)[number] {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
}

// The 2024–2027 table of the reference fact sheet (§7), with the weekday it gives.
const TABLE: Record<number, Record<string, [string, (typeof WEEKDAYS)[number]]>> = {
  2024: {
    NEW_YEAR: ['2024-01-01', 'Mon'],
    EASTER_MONDAY: ['2024-04-01', 'Mon'],
    LABOUR_DAY: ['2024-05-01', 'Wed'],
    ASCENSION: ['2024-05-09', 'Thu'],
    WHIT_MONDAY: ['2024-05-20', 'Mon'],
    NATIONAL_DAY: ['2024-07-21', 'Sun'],
    ASSUMPTION: ['2024-08-15', 'Thu'],
    FWB_DAY: ['2024-09-27', 'Fri'],
    ALL_SAINTS: ['2024-11-01', 'Fri'],
    ALL_SOULS: ['2024-11-02', 'Sat'],
    ARMISTICE: ['2024-11-11', 'Mon'],
    KINGS_FEAST: ['2024-11-15', 'Fri'],
    CHRISTMAS: ['2024-12-25', 'Wed'],
    SECOND_CHRISTMAS_DAY: ['2024-12-26', 'Thu'],
  },
  2025: {
    NEW_YEAR: ['2025-01-01', 'Wed'],
    EASTER_MONDAY: ['2025-04-21', 'Mon'],
    LABOUR_DAY: ['2025-05-01', 'Thu'],
    ASCENSION: ['2025-05-29', 'Thu'],
    WHIT_MONDAY: ['2025-06-09', 'Mon'],
    NATIONAL_DAY: ['2025-07-21', 'Mon'],
    ASSUMPTION: ['2025-08-15', 'Fri'],
    FWB_DAY: ['2025-09-27', 'Sat'],
    ALL_SAINTS: ['2025-11-01', 'Sat'],
    ALL_SOULS: ['2025-11-02', 'Sun'],
    ARMISTICE: ['2025-11-11', 'Tue'],
    KINGS_FEAST: ['2025-11-15', 'Sat'],
    CHRISTMAS: ['2025-12-25', 'Thu'],
    SECOND_CHRISTMAS_DAY: ['2025-12-26', 'Fri'],
  },
  2026: {
    NEW_YEAR: ['2026-01-01', 'Thu'],
    EASTER_MONDAY: ['2026-04-06', 'Mon'],
    LABOUR_DAY: ['2026-05-01', 'Fri'],
    ASCENSION: ['2026-05-14', 'Thu'],
    WHIT_MONDAY: ['2026-05-25', 'Mon'],
    NATIONAL_DAY: ['2026-07-21', 'Tue'],
    ASSUMPTION: ['2026-08-15', 'Sat'],
    FWB_DAY: ['2026-09-27', 'Sun'],
    ALL_SAINTS: ['2026-11-01', 'Sun'],
    ALL_SOULS: ['2026-11-02', 'Mon'],
    ARMISTICE: ['2026-11-11', 'Wed'],
    KINGS_FEAST: ['2026-11-15', 'Sun'],
    CHRISTMAS: ['2026-12-25', 'Fri'],
    SECOND_CHRISTMAS_DAY: ['2026-12-26', 'Sat'],
  },
  2027: {
    NEW_YEAR: ['2027-01-01', 'Fri'],
    EASTER_MONDAY: ['2027-03-29', 'Mon'],
    LABOUR_DAY: ['2027-05-01', 'Sat'],
    ASCENSION: ['2027-05-06', 'Thu'],
    WHIT_MONDAY: ['2027-05-17', 'Mon'],
    NATIONAL_DAY: ['2027-07-21', 'Wed'],
    ASSUMPTION: ['2027-08-15', 'Sun'],
    FWB_DAY: ['2027-09-27', 'Mon'],
    ALL_SAINTS: ['2027-11-01', 'Mon'],
    ALL_SOULS: ['2027-11-02', 'Tue'],
    ARMISTICE: ['2027-11-11', 'Thu'],
    KINGS_FEAST: ['2027-11-15', 'Mon'],
    CHRISTMAS: ['2027-12-25', 'Sat'],
    SECOND_CHRISTMAS_DAY: ['2027-12-26', 'Sun'],
  },
};

const REGIONAL_KEYS = ['FWB_DAY', 'ALL_SOULS', 'KINGS_FEAST', 'SECOND_CHRISTMAS_DAY'];

describe('publicHolidays (date-holidays) against the fact sheet', () => {
  it.each(Object.keys(TABLE).map(Number))('gives the 10 legal public holidays of %i', (year) => {
    const expected = Object.entries(TABLE[year]!)
      .filter(([key]) => !REGIONAL_KEYS.includes(key))
      .map(([, [date]]) => date)
      .sort();
    expect(publicHolidays(year)).toEqual(expected);
  });

  it('gives dates on the weekday the fact sheet gives', () => {
    for (const year of Object.keys(TABLE).map(Number)) {
      for (const [date, weekday] of Object.values(TABLE[year]!)) expect(weekdayOf(date), date).toBe(weekday);
    }
  });
});

describe('regionalDays', () => {
  it.each(Object.keys(TABLE).map(Number))('gives the four extra days of regional staff in %i', (year) => {
    expect(regionalDays(year).map((day) => [day.key, day.date])).toEqual(REGIONAL_KEYS.map((key) => [key, TABLE[year]![key]![0]]));
  });
});

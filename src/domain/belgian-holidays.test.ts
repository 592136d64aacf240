import { describe, it, expect } from 'vitest';
import { closureDaysOfYear, easterSunday } from './belgian-holidays.js';

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

describe('easterSunday', () => {
  it.each([
    [1818, 3, 22], // earliest possible date
    [1886, 4, 25], // latest possible date
    [1961, 4, 2],
    [2000, 4, 23],
    [2008, 3, 23],
    [2011, 4, 24],
    [2019, 4, 21],
    [2024, 3, 31],
    [2025, 4, 20],
    [2026, 4, 5],
    [2027, 3, 28],
    [2038, 4, 25],
    [2285, 3, 22],
  ])('gives Easter %i as %i/%i', (year, month, day) => {
    expect(easterSunday(year)).toEqual({ month, day });
  });

  it('rejects years before the Gregorian calendar and non-integers', () => {
    expect(() => easterSunday(1500)).toThrow(RangeError);
    expect(() => easterSunday(2024.5)).toThrow(RangeError);
  });
});

describe('closureDaysOfYear', () => {
  const rows = Object.entries(TABLE).flatMap(([year, days]) =>
    Object.entries(days).map(([key, [date, weekday]]) => ({ year: Number(year), key, date, weekday })),
  );

  it.each(rows)('gives $key $year on $date ($weekday)', ({ year, key, date, weekday }) => {
    const day = closureDaysOfYear(year).find((d) => d.key === key);
    expect(day?.date).toBe(date);
    expect(weekdayOf(date)).toBe(weekday);
    expect(day?.kind).toBe(REGIONAL_KEYS.includes(key) ? 'REGIONAL_HOLIDAY' : 'PUBLIC_HOLIDAY');
  });

  it.each([2024, 2025, 2026, 2027])('returns exactly the 14 days of the table for %i', (year) => {
    const days = closureDaysOfYear(year);
    expect(days).toHaveLength(14);
    expect(days.map((d) => d.key).sort()).toEqual(Object.keys(TABLE[year]!).sort());
    expect(days.filter((d) => d.kind === 'PUBLIC_HOLIDAY')).toHaveLength(10);
    expect(days.filter((d) => d.kind === 'REGIONAL_HOLIDAY')).toHaveLength(4);
  });

  it('sorts the days by date and keeps weekend dates', () => {
    for (let year = 2000; year <= 2050; year += 1) {
      const dates = closureDaysOfYear(year).map((d) => d.date);
      expect(dates).toEqual([...dates].sort());
      expect(dates.every((d) => d.startsWith(`${year}-`))).toBe(true);
    }
    expect(closureDaysOfYear(2027).map((d) => d.date)).toContain('2027-05-01'); // a Saturday
  });

  it('keeps both holidays when Ascension falls on 1 May (2008)', () => {
    const onMayDay = closureDaysOfYear(2008).filter((d) => d.date === '2008-05-01');
    expect(onMayDay.map((d) => d.key)).toEqual(['ASCENSION', 'LABOUR_DAY']);
  });

  it('labels every day in the four languages', () => {
    for (const day of closureDaysOfYear(2026)) {
      for (const language of ['fr', 'de', 'nl', 'en'] as const) {
        expect(day.labels[language].trim()).not.toBe('');
      }
    }
  });

  it('returns fresh objects, so callers cannot corrupt later results', () => {
    const first = closureDaysOfYear(2026);
    first[0]!.labels.fr = 'changed';
    expect(closureDaysOfYear(2026)[0]!.labels.fr).toBe('Nouvel An');
  });
});

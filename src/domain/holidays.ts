import Holidays from 'date-holidays';

// Days the contact centre is closed: the Belgian legal public holidays, from a maintained
// holiday library, and the four extra days of Walloon regional staff (circular
// 2002/MINFP/001), which are configuration: they are seeded as closure days in the database.

const belgium = new Holidays('BE');
const publicHolidaysByYear = new Map<number, readonly string[]>();

/** The ISO dates (YYYY-MM-DD) of Belgium's legal public holidays in `year`, weekends included. */
export function publicHolidays(year: number): readonly string[] {
  let dates = publicHolidaysByYear.get(year);
  if (!dates) {
    dates = belgium
      .getHolidays(year)
      .filter((holiday) => holiday.type === 'public')
      .map((holiday) => holiday.date.slice(0, 10))
      .sort();
    publicHolidaysByYear.set(year, dates);
  }
  return dates;
}

export interface RegionalDay {
  date: string;
  key: string;
  labels: { fr: string; de: string; nl: string; en: string };
}

const REGIONAL_DAYS = [
  {
    key: 'FWB_DAY',
    month: 9,
    day: 27,
    labels: {
      fr: 'Fête de la Fédération Wallonie-Bruxelles',
      de: 'Festtag der Föderation Wallonie-Brüssel',
      nl: 'Feestdag van de Federatie Wallonië-Brussel',
      en: 'Wallonia-Brussels Federation Day',
    },
  },
  { key: 'ALL_SOULS', month: 11, day: 2, labels: { fr: 'Jour des défunts', de: 'Allerseelen', nl: 'Allerzielen', en: "All Souls' Day" } },
  { key: 'KINGS_FEAST', month: 11, day: 15, labels: { fr: 'Fête du Roi', de: 'Festtag des Königs', nl: 'Koningsdag', en: "King's Feast" } },
  {
    key: 'SECOND_CHRISTMAS_DAY',
    month: 12,
    day: 26,
    labels: { fr: 'Lendemain de Noël', de: 'Zweiter Weihnachtstag', nl: 'Tweede Kerstdag', en: 'Boxing Day' },
  },
] as const;

/** The extra days of Walloon regional staff in `year` (27 Sep, 2 Nov, 15 Nov, 26 Dec). */
export function regionalDays(year: number): RegionalDay[] {
  return REGIONAL_DAYS.map(({ key, month, day, labels }) => ({
    date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    key,
    labels: { ...labels },
  }));
}

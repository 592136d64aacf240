// Belgian legal public holidays and the extra regulatory days of Walloon regional staff
// (circular 2002/MINFP/001). Pure: the year is the only input; no clock, no I/O.
// A holiday on a weekend is still returned: staff then get a compensation day taken like
// annual leave, so deciding whether the office closes is the business calendar's job.

export type HolidayKind = 'PUBLIC_HOLIDAY' | 'REGIONAL_HOLIDAY';

export interface HolidayLabels {
  fr: string;
  de: string;
  nl: string;
  en: string;
}

export interface ClosureDayOfYear {
  /** ISO date, YYYY-MM-DD. */
  date: string;
  kind: HolidayKind;
  /** Stable key of the holiday, the same every year (e.g. `EASTER_MONDAY`). */
  key: string;
  labels: HolidayLabels;
}

/** Easter Sunday in the Gregorian calendar (anonymous Gregorian / Meeus–Jones–Butcher algorithm). */
export function easterSunday(year: number): { month: number; day: number } {
  if (!Number.isInteger(year) || year < 1583) {
    throw new RangeError(`easterSunday: year must be an integer ≥ 1583, got ${year}`);
  }
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

const DAY_MS = 86_400_000;

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** The ISO date `offsetDays` after the given date (UTC arithmetic, so no DST surprises). */
function shiftedIsoDate(year: number, month: number, day: number, offsetDays: number): string {
  const shifted = new Date(Date.UTC(year, month - 1, day) + offsetDays * DAY_MS);
  return isoDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

interface FixedHoliday {
  key: string;
  kind: HolidayKind;
  month: number;
  day: number;
  labels: HolidayLabels;
}

interface EasterHoliday {
  key: string;
  kind: HolidayKind;
  /** Days after Easter Sunday. */
  offset: number;
  labels: HolidayLabels;
}

const FIXED_HOLIDAYS: readonly FixedHoliday[] = [
  {
    key: 'NEW_YEAR',
    kind: 'PUBLIC_HOLIDAY',
    month: 1,
    day: 1,
    labels: { fr: 'Nouvel An', de: 'Neujahr', nl: 'Nieuwjaar', en: "New Year's Day" },
  },
  {
    key: 'LABOUR_DAY',
    kind: 'PUBLIC_HOLIDAY',
    month: 5,
    day: 1,
    labels: { fr: 'Fête du Travail', de: 'Tag der Arbeit', nl: 'Feest van de Arbeid', en: 'Labour Day' },
  },
  {
    key: 'NATIONAL_DAY',
    kind: 'PUBLIC_HOLIDAY',
    month: 7,
    day: 21,
    labels: { fr: 'Fête nationale', de: 'Nationalfeiertag', nl: 'Nationale feestdag', en: 'Belgian National Day' },
  },
  {
    key: 'ASSUMPTION',
    kind: 'PUBLIC_HOLIDAY',
    month: 8,
    day: 15,
    labels: {
      fr: 'Assomption',
      de: 'Mariä Himmelfahrt',
      nl: 'Onze-Lieve-Vrouw-Hemelvaart',
      en: 'Assumption Day',
    },
  },
  {
    key: 'FWB_DAY',
    kind: 'REGIONAL_HOLIDAY',
    month: 9,
    day: 27,
    labels: {
      fr: 'Fête de la Fédération Wallonie-Bruxelles',
      de: 'Festtag der Föderation Wallonie-Brüssel',
      nl: 'Feestdag van de Federatie Wallonië-Brussel',
      en: 'Wallonia-Brussels Federation Day',
    },
  },
  {
    key: 'ALL_SAINTS',
    kind: 'PUBLIC_HOLIDAY',
    month: 11,
    day: 1,
    labels: { fr: 'Toussaint', de: 'Allerheiligen', nl: 'Allerheiligen', en: "All Saints' Day" },
  },
  {
    key: 'ALL_SOULS',
    kind: 'REGIONAL_HOLIDAY',
    month: 11,
    day: 2,
    labels: { fr: 'Jour des défunts', de: 'Allerseelen', nl: 'Allerzielen', en: "All Souls' Day" },
  },
  {
    key: 'ARMISTICE',
    kind: 'PUBLIC_HOLIDAY',
    month: 11,
    day: 11,
    labels: { fr: 'Armistice', de: 'Waffenstillstand', nl: 'Wapenstilstand', en: 'Armistice Day' },
  },
  {
    key: 'KINGS_FEAST',
    kind: 'REGIONAL_HOLIDAY',
    month: 11,
    day: 15,
    labels: { fr: 'Fête du Roi', de: 'Festtag des Königs', nl: 'Koningsdag', en: "King's Feast" },
  },
  {
    key: 'CHRISTMAS',
    kind: 'PUBLIC_HOLIDAY',
    month: 12,
    day: 25,
    labels: { fr: 'Noël', de: 'Weihnachten', nl: 'Kerstmis', en: 'Christmas Day' },
  },
  {
    key: 'SECOND_CHRISTMAS_DAY',
    kind: 'REGIONAL_HOLIDAY',
    month: 12,
    day: 26,
    labels: {
      fr: 'Lendemain de Noël',
      de: 'Zweiter Weihnachtstag',
      nl: 'Tweede Kerstdag',
      en: 'Boxing Day',
    },
  },
];

const EASTER_HOLIDAYS: readonly EasterHoliday[] = [
  {
    key: 'EASTER_MONDAY',
    kind: 'PUBLIC_HOLIDAY',
    offset: 1,
    labels: { fr: 'Lundi de Pâques', de: 'Ostermontag', nl: 'Paasmaandag', en: 'Easter Monday' },
  },
  {
    key: 'ASCENSION',
    kind: 'PUBLIC_HOLIDAY',
    offset: 39,
    labels: {
      fr: 'Ascension',
      de: 'Christi Himmelfahrt',
      nl: 'Onze-Lieve-Heer-Hemelvaart',
      en: 'Ascension Day',
    },
  },
  {
    key: 'WHIT_MONDAY',
    kind: 'PUBLIC_HOLIDAY',
    offset: 50,
    labels: { fr: 'Lundi de Pentecôte', de: 'Pfingstmontag', nl: 'Pinkstermaandag', en: 'Whit Monday' },
  },
];

/**
 * The 10 legal Belgian public holidays and the 4 extra days of Walloon regional staff
 * (27 Sep, 2 Nov, 15 Nov, 26 Dec) of `year`, sorted by date, weekend dates included.
 * Two holidays may share a date (Ascension fell on 1 May in 2008); both are returned.
 */
export function closureDaysOfYear(year: number): ClosureDayOfYear[] {
  const easter = easterSunday(year);
  const days: ClosureDayOfYear[] = [
    ...FIXED_HOLIDAYS.map((h) => ({
      date: isoDate(year, h.month, h.day),
      kind: h.kind,
      key: h.key,
      labels: { ...h.labels },
    })),
    ...EASTER_HOLIDAYS.map((h) => ({
      date: shiftedIsoDate(year, easter.month, easter.day, h.offset),
      kind: h.kind,
      key: h.key,
      labels: { ...h.labels },
    })),
  ];
  // ISO dates sort lexicographically; the key breaks ties so the order is deterministic.
  return days.sort((x, y) => (x.date === y.date ? x.key.localeCompare(y.key) : x.date < y.date ? -1 : 1));
}

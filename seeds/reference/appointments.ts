// What citizens can book a visit to (issue 19). The Espaces Wallonie receive by appointment for
// information, forms, housing, tax, energy and the Ombudsman (fact sheet §3, [S9]); the tax
// permanences and their weekdays are the 2014 list of the fact sheet ([S10]). Opening hours are
// the sheet's plausible default (Mon–Fri 08:30–12:30 / 13:30–16:30): the real ones were not found.
// Postal code centroids are approximate town centres, enough to rank counters by distance.
import { counters } from './counters.js';
import type { BookableResourceSeed, FullLabels, OpeningWindowSeed, PostalCodePlaceSeed } from './types.js';

export const postalCodePlaces: PostalCodePlaceSeed[] = [
  { postalCode: '1000', city: 'Bruxelles', latitude: 50.8467, longitude: 4.3525 },
  { postalCode: '1300', city: 'Wavre', latitude: 50.7167, longitude: 4.6011 },
  { postalCode: '1340', city: 'Ottignies-Louvain-la-Neuve', latitude: 50.6681, longitude: 4.6119 },
  { postalCode: '1400', city: 'Nivelles', latitude: 50.5976, longitude: 4.3285 },
  { postalCode: '4000', city: 'Liège', latitude: 50.6412, longitude: 5.5718 },
  { postalCode: '4020', city: 'Liège (Outremeuse)', latitude: 50.6389, longitude: 5.5886 },
  { postalCode: '4500', city: 'Huy', latitude: 50.5186, longitude: 5.2399 },
  { postalCode: '4700', city: 'Eupen', latitude: 50.6275, longitude: 6.0364 },
  { postalCode: '4780', city: 'Sankt Vith', latitude: 50.2806, longitude: 6.1275 },
  { postalCode: '4800', city: 'Verviers', latitude: 50.5891, longitude: 5.8623 },
  { postalCode: '4900', city: 'Spa', latitude: 50.4922, longitude: 5.8656 },
  { postalCode: '5000', city: 'Namur', latitude: 50.4669, longitude: 4.8675 },
  { postalCode: '5100', city: 'Jambes', latitude: 50.4556, longitude: 4.8747 },
  { postalCode: '5500', city: 'Dinant', latitude: 50.2606, longitude: 4.9122 },
  { postalCode: '6000', city: 'Charleroi', latitude: 50.4114, longitude: 4.4445 },
  { postalCode: '6600', city: 'Bastogne', latitude: 50.0036, longitude: 5.7181 },
  { postalCode: '6700', city: 'Arlon', latitude: 49.6833, longitude: 5.8167 },
  { postalCode: '6800', city: 'Libramont-Chevigny', latitude: 49.9203, longitude: 5.3794 },
  { postalCode: '6900', city: 'Marche-en-Famenne', latitude: 50.2269, longitude: 5.3442 },
  { postalCode: '7000', city: 'Mons', latitude: 50.4542, longitude: 3.9523 },
  { postalCode: '7100', city: 'La Louvière', latitude: 50.4806, longitude: 4.1875 },
  { postalCode: '7500', city: 'Tournai', latitude: 50.6056, longitude: 3.3878 },
  { postalCode: '7700', city: 'Mouscron', latitude: 50.7436, longitude: 3.2139 },
];

const MORNING_AND_AFTERNOON = (weekdays: number[]): OpeningWindowSeed[] => [
  { weekdays, opensAt: '08:30', closesAt: '12:30' },
  { weekdays, opensAt: '13:30', closesAt: '16:30' },
];
const PERMANENCE_DAY = (weekdays: number[]): OpeningWindowSeed[] => [
  { weekdays, opensAt: '09:00', closesAt: '12:00' },
  { weekdays, opensAt: '13:00', closesAt: '15:30' },
];

function counterLabels(counterCode: string): FullLabels {
  const counter = counters.find((candidate) => candidate.code === counterCode);
  if (!counter) throw new Error(`No counter ${counterCode}.`);
  return { fr: counter.labels.fr, de: counter.labels.de ?? counter.labels.fr, nl: counter.labels.nl ?? counter.labels.fr, en: counter.labels.en ?? counter.labels.fr };
}

function named(what: FullLabels, counterCode: string): FullLabels {
  const place = counterLabels(counterCode);
  return { fr: `${what.fr} — ${place.fr}`, de: `${what.de} — ${place.de}`, nl: `${what.nl} — ${place.nl}`, en: `${what.en} — ${place.en}` };
}

const RECEPTION: FullLabels = { fr: 'Accueil', de: 'Empfang', nl: 'Onthaal', en: 'Reception' };
const TAX_PERMANENCE: FullLabels = { fr: 'Permanence fiscale', de: 'Steuersprechstunde', nl: 'Fiscaal spreekuur', en: 'Tax advice session' };
const ENERGY_PERMANENCE: FullLabels = { fr: 'Permanence énergie', de: 'Energiesprechstunde', nl: 'Energiespreekuur', en: 'Energy advice session' };
const HOUSING_PERMANENCE: FullLabels = { fr: 'Permanence logement', de: 'Wohnungssprechstunde', nl: 'Spreekuur huisvesting', en: 'Housing advice session' };

/** What the first line helps with at the desk: forms, premiums, orientation (not personal tax files). */
const RECEPTION_THEMES = [
  { code: 'INFORMATION.ORIENTATION', minutes: 20 },
  { code: 'INFORMATION.FILE_STATUS', minutes: 20 },
  { code: 'INFORMATION.PUBLICATIONS', minutes: 20 },
  { code: 'HOUSING.PREMIUMS', minutes: 30 },
  { code: 'ENERGY.PREMIUMS', minutes: 30 },
  { code: 'SOCIAL.FAMILY', minutes: 20 },
];

const BUSY_COUNTERS: Record<string, number> = { 'EW-LIEGE': 3, 'EW-NAMUR': 2, 'EW-CHARLEROI': 2 };

const receptions: BookableResourceSeed[] = counters.map((counter) => ({
  code: `${counter.code}.RECEPTION`,
  kind: 'COUNTER',
  labels: named(RECEPTION, counter.code),
  counterCode: counter.code,
  serviceCode: 'SG-1718',
  desks: BUSY_COUNTERS[counter.code] ?? 1,
  hours: MORNING_AND_AFTERNOON([1, 2, 3, 4, 5]),
  themes: RECEPTION_THEMES,
}));

/** The tax permanences by appointment and their weekdays (fact sheet §3, 2014). */
const TAX_DAYS: Record<string, number[]> = {
  'EW-ARLON': [3],
  'EW-CHARLEROI': [4, 5],
  'EW-LA-LOUVIERE': [2, 3],
  'EW-TOURNAI': [3],
  'EW-LIEGE': [3, 5],
  'EW-MONS': [4, 5],
  'EW-NIVELLES': [5],
  'EW-VERVIERS': [2, 4],
};

const TAX_THEMES = [
  { code: 'TAXATION.VEHICLES', minutes: 30 },
  { code: 'TAXATION.PROPERTY', minutes: 30 },
  { code: 'TAXATION.COMPLAINTS', minutes: 45 },
];

const taxPermanences: BookableResourceSeed[] = Object.entries(TAX_DAYS).map(([counterCode, weekdays]) => ({
  code: `${counterCode}.TAX`,
  kind: 'PERMANENCE',
  labels: named(TAX_PERMANENCE, counterCode),
  counterCode,
  serviceCode: 'FIN-TAX',
  desks: 1,
  hours: PERMANENCE_DAY(weekdays),
  themes: TAX_THEMES,
}));

const ENERGY_THEMES = [
  { code: 'ENERGY.PREMIUMS', minutes: 30 },
  { code: 'ENERGY.AUDIT', minutes: 45 },
  { code: 'ENERGY.ADVICE', minutes: 30 },
];
const HOUSING_THEMES = [
  { code: 'HOUSING.PREMIUMS', minutes: 30 },
  { code: 'HOUSING.LOANS', minutes: 45 },
  { code: 'HOUSING.CHEQUE_HABITAT', minutes: 30 },
];

export const bookableResources: BookableResourceSeed[] = [
  ...receptions,
  ...taxPermanences,
  {
    code: 'EW-NAMUR.ENERGY',
    kind: 'PERMANENCE',
    labels: named(ENERGY_PERMANENCE, 'EW-NAMUR'),
    counterCode: 'EW-NAMUR',
    serviceCode: 'TLPE-ENERGY',
    desks: 2,
    hours: PERMANENCE_DAY([2]),
    themes: ENERGY_THEMES,
  },
  {
    code: 'EW-LIEGE.ENERGY',
    kind: 'PERMANENCE',
    labels: named(ENERGY_PERMANENCE, 'EW-LIEGE'),
    counterCode: 'EW-LIEGE',
    serviceCode: 'TLPE-ENERGY',
    desks: 1,
    hours: [{ weekdays: [4], opensAt: '13:00', closesAt: '16:00' }],
    themes: ENERGY_THEMES,
  },
  {
    code: 'EW-CHARLEROI.HOUSING',
    kind: 'PERMANENCE',
    labels: named(HOUSING_PERMANENCE, 'EW-CHARLEROI'),
    counterCode: 'EW-CHARLEROI',
    serviceCode: 'TLPE-HOUSING',
    desks: 1,
    hours: PERMANENCE_DAY([4]),
    themes: HOUSING_THEMES,
  },
  {
    code: 'EW-MONS.HOUSING',
    kind: 'PERMANENCE',
    labels: named(HOUSING_PERMANENCE, 'EW-MONS'),
    counterCode: 'EW-MONS',
    serviceCode: 'TLPE-HOUSING',
    desks: 1,
    hours: PERMANENCE_DAY([1]),
    themes: HOUSING_THEMES,
    closureDays: [{ day: '2027-01-04', reason: 'Formation des conseillers' }],
  },
];

// Ten years of contact-centre history at scale, for benchmarks (statistics, inbox, search).
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/guichet_bench npm run bench:data -- --scale 1
//
// Migrates the database, loads the reference and demo data (seedDatabase), then generates in SQL,
// set-based (INSERT … SELECT over generate_series, no per-row round trip from Node), the history
// of the ten years before 2026-11-01 (Brussels time): at scale 1, 100,000 citizens, 1,000,000
// cases, about 3,000,000 interactions with their channel details, about 300,000 handoffs and the
// case events of all of it. Everything scales linearly with --scale. Every random choice is a
// hash of the row's index (hashint8extended), so two runs give the same rows, ids and instants;
// only the transaction ids of the events differ. See bench/README.md, "History at scale".
//
// Refuses a database that already holds generated history (more than the demo's 1,000 cases or
// 200 citizens) unless --force, which first empties the tables the demo and the generator fill.
//
// Speed: the load is bound by index maintenance (the cases table alone has 20 indexes), so two
// sessions load different tables at once, and foreign keys are verified once after the load
// (one scan per table, every reference looked up) instead of row by row
// (session_replication_role = replica; the constraints themselves are untouched);
// --check-foreign-keys-on-insert keeps the row-by-row checks (slower). The working tables live in
// an UNLOGGED schema, bench_history_work, that exists only while the generator runs: nothing of
// the generator stays in the database.

import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import { type Database, openDatabase } from '../src/db/client.js';
import * as tables from '../src/db/tables/index.js';
import { DEVELOPMENT_DATA_KEY } from '../src/config.js';
import { publicHolidays } from '../src/domain/holidays.js';
import { type BusinessCalendar, businessTimeBetween } from '../src/domain/business-calendar.js';
import { createDataVault } from '../src/services/data-vault.js';
import { rebuildStatistics } from '../src/services/statistics-rollup.js';
import { DEFAULT_DEMO_SIZE } from '../seeds/load-demo.js';
import { seedDatabase } from '../seeds/index.js';
import { FIRST_LINE_SERVICE } from '../seeds/demo-identities.js';

// ---------------------------------------------------------------------------------------------
// The shape of the history.

const CASES_AT_SCALE_1 = 1_000_000;
const CITIZENS_AT_SCALE_1 = 100_000;
/** Brussels dates: the history covers [START, END). */
const HISTORY_START = '2016-11-01';
const HISTORY_END = '2026-11-01';
const TZ = 'Europe/Brussels';
/** The working calendar reaches past END far enough for any drawn resolution date. */
const CALENDAR_FROM = '2016-10-01';
const CALENDAR_TO = '2027-12-31';

/** Volume grows by this factor a year (1718: ~500 calls a day in 2015, 74,334 handled in 2022). */
const YEARLY_GROWTH = 1.04;
/** Monday … Friday: Monday is a call centre's busiest day, Friday its quietest. */
const WEEKDAY_FACTORS = [1.25, 1.05, 1.0, 0.95, 0.8];
/** January … December: quiet summer holidays; September (Heritage Days brochures) is busy. */
const MONTH_FACTORS = [1.1, 1.05, 1.05, 1.0, 1.0, 0.95, 0.75, 0.7, 1.05, 1.05, 1.0, 0.85];
/** Peaks: COVID and the social-emergency line, the energy crisis, the premium reforms of 2025 and 2026. */
const PEAKS: { from: string; to: string; factor: number }[] = [
  { from: '2020-03-16', to: '2020-06-30', factor: 1.35 },
  { from: '2020-10-19', to: '2020-12-31', factor: 1.15 },
  { from: '2022-09-01', to: '2023-03-31', factor: 1.2 },
  { from: '2025-02-14', to: '2025-04-30', factor: 1.4 },
  { from: '2026-09-15', to: '2026-10-31', factor: 1.25 },
];
/** Cases opened per half hour from opening to closing (08:30–17:00), relative. */
const HALF_HOUR_PROFILE = [4, 7, 9, 9, 9, 8, 6, 4, 4, 6, 7, 7, 6, 5, 4, 3, 2];

/** Origin channels, with the weights of seeds/load-demo.ts. */
const CHANNEL_WEIGHTS: [string, number][] = [['PHONE', 40], ['EMAIL', 15], ['CHAT', 8], ['COUNTER', 10], ['ONLINE_PROCEDURE', 20], ['LETTER', 7]];
const LANGUAGE_WEIGHTS: [string, number][] = [['fr', 88], ['de', 9], ['nl', 2], ['en', 1]];
const PRIORITY_WEIGHTS: [string, number][] = [['LOW', 10], ['NORMAL', 75], ['HIGH', 12], ['URGENT', 3]];
/** Resolutions of the cases the first line settles itself; handed-off and procedure cases are HANDLED_BY_BACK_OFFICE. */
const FIRST_LINE_RESOLUTIONS: [string, number][] = [['ANSWERED', 45], ['ORIENTED_TO_SERVICE', 18], ['PROCEDURE_STARTED', 8], ['ORDER_REGISTERED', 8], ['APPOINTMENT_BOOKED', 6]];
/**
 * Themes of the cases that are not online procedures, by top-level code. With the procedures
 * (mostly housing and energy premiums), about half of all cases are on ENERGY or HOUSING.
 */
const ROOT_WEIGHTS: Record<string, number> = {
  ENERGY: 24, HOUSING: 22, INFORMATION: 10, TAXATION: 8, ENVIRONMENT: 8, SOCIAL: 6, TERRITORY: 5,
  AGRICULTURE: 4, MOBILITY: 3, ROADS: 3, EMPLOYMENT: 3, LOCAL_AUTHORITIES: 2, HERITAGE: 2,
};
/** Espaces Wallonie by how busy they are (Liège: 35,000+ visitors a year). German speakers go to Eupen. */
const COUNTER_WEIGHTS: Record<string, number> = {
  'EW-LIEGE': 20, 'EW-CHARLEROI': 14, 'EW-NAMUR': 12, 'EW-MONS': 9, 'EW-TOURNAI': 7, 'EW-VERVIERS': 7,
  'EW-NIVELLES': 7, 'EW-LA-LOUVIERE': 7, 'EW-ARLON': 5, 'EW-BRUXELLES': 4, 'EW-EUPEN': 2,
};
/** Share of cases of a known citizen (online procedures always have one). */
const CITIZEN_SHARE = 0.78;
/** Share of the eligible cases (not procedures, theme with a business service) handed to the second line. */
const HANDOFF_SHARE = 0.4;
/** Share of handoffs first rejected by the second line, then requested again. */
const PING_PONG_SHARE = 0.087;
/** Share of the other first-line cases answered within the first contact (minutes). */
const QUICK_SHARE = 0.7;
/** Share of the slower first-line cases the citizen drops (cancelled). */
const CANCEL_SHARE = 0.08;
/** Cases never finished: the old backlog. */
const STALE_SHARE = 0.004;
/** Resolved cases that the nightly job closes a week after their resolution (the others stay RESOLVED). */
const CLOSE_SHARE = 0.3;
/** Follow-up contacts: inbound (else outbound) and by phone (else e-mail). */
const FOLLOW_UP_INBOUND = 0.5625;
const FOLLOW_UP_PHONE = 0.625;
const ABANDONED_SHARE = 0.05;
/** Whether follow-up k of case i is inbound: the same draw for the interaction and for the case's search document. */
const followUpInbound = (i: string, k: string | number) => `${U(i, `100 + ${k}`)} < ${FOLLOW_UP_INBOUND}`;

const SUBJECTS: Record<string, string[]> = {
  HOUSING: ['Question sur une prime habitation', 'Demande de prêt Rénopack', 'Salubrité du logement loué', 'Allocation de loyer : conditions', 'Chèque habitat : comment en bénéficier ?', 'Logement social : inscription'],
  ENERGY: ['Où en est ma prime énergie ?', 'Conditions de la prime isolation toiture', 'Audit logement : quel auditeur ?', 'Prime chauffage : pièces justificatives', 'Nouveau régime des primes : que change-t-il ?', 'Certificat PEB'],
  ROADS: ['Nid-de-poule sur une route régionale', 'Signalisation endommagée', 'Transport exceptionnel : autorisation'],
  MOBILITY: ['Question sur les limitations de vitesse', 'Immatriculation d’un véhicule', 'Horaires des bus TEC'],
  SOCIAL: ['Personne isolée cherchant une aide', 'Orientation vers le CPAS', 'Allocations familiales : quelle caisse ?', 'Urgence sociale'],
  ENVIRONMENT: ['Déclaration environnementale classe 3', 'Signalement de dépôt clandestin', 'Permis de pêche', 'Pollution d’un cours d’eau'],
  AGRICULTURE: ['Déclaration de superficie', 'Paiement des aides PAC'],
  TAXATION: ['Taxe de circulation : invitation à payer', 'Réduction du précompte immobilier', 'Redevance télévision : arriérés'],
  EMPLOYMENT: ['Subvention APE', 'Chèques-entreprises'],
  TERRITORY: ['Permis d’urbanisme : délais', 'Certificat d’urbanisme'],
  HERITAGE: ['Journées du patrimoine : brochure', 'Bien classé : travaux'],
  LOCAL_AUTHORITIES: ['Tutelle sur une décision communale', 'Coordonnées de ma commune'],
  INFORMATION: ['Abonnement à Vivre la Wallonie', 'Demande de brochure', 'Coordonnées d’un service', 'Réclamation sur un délai de traitement'],
};
const NAMES: Record<string, { given: string[]; family: string[] }> = {
  fr: {
    given: ['Marie', 'Jean', 'Nathalie', 'Luc', 'Françoise', 'Pierre', 'Isabelle', 'Michel', 'Catherine', 'Philippe', 'Martine', 'Alain', 'Anne', 'Christian', 'Sylvie', 'Patrick', 'Monique', 'Jacques', 'Chantal', 'Didier', 'Julie', 'Maxime', 'Laura', 'Hugo', 'Emma', 'Louis', 'Léa', 'Nathan', 'Manon', 'Arthur', 'Chloé', 'Thomas', 'Sarah', 'Nicolas', 'Camille', 'Olivier', 'Pauline', 'Antoine', 'Céline', 'Benoît'],
    family: ['Dupont', 'Lambert', 'Dubois', 'Martin', 'Simon', 'Laurent', 'Lejeune', 'Renard', 'Leroy', 'François', 'Collard', 'Gilson', 'Hubert', 'Delvaux', 'Lemaire', 'Denis', 'Piret', 'Dethier', 'Jacquet', 'Dumont', 'Wilmotte', 'Bastin', 'Gérard', 'Thiry', 'Noël', 'Dessy', 'Lhoest', 'Marchal', 'Hardy', 'Massart', 'Lecomte', 'Mathieu', 'Henrard', 'Gillet', 'Pirson', 'Fontaine', 'Goffin', 'Jadoul', 'Remacle', 'Closset'],
  },
  de: {
    given: ['Hans', 'Ursula', 'Klaus', 'Monika', 'Jürgen', 'Gabriele', 'Stefan', 'Petra', 'Andreas', 'Sabine', 'Lukas', 'Lena', 'Jonas', 'Anna', 'Tim', 'Laura'],
    family: ['Schmitz', 'Kessler', 'Lennertz', 'Cremer', 'Heinen', 'Mreyen', 'Rauw', 'Küpper', 'Brüll', 'Thomé', 'Jost', 'Gennen', 'Margraff', 'Hilligsmann', 'Kohnen', 'Pankert'],
  },
  nl: { given: ['Pieter', 'Els', 'Joris', 'An', 'Wouter', 'Griet', 'Bart', 'Sofie'], family: ['Peeters', 'Janssens', 'Maes', 'Wouters', 'Claes', 'Goossens', 'Jacobs', 'Willems'] },
  en: { given: ['John', 'Emily', 'David', 'Sarah', 'James', 'Olivia'], family: ['Smith', 'Taylor', 'Brown', 'Wilson', 'Evans', 'Walker'] },
};
const CITIES = ['4000 Liège', '5000 Namur', '6000 Charleroi', '7000 Mons', '7500 Tournai', '6700 Arlon', '4800 Verviers', '1400 Nivelles', '7100 La Louvière', '6900 Marche-en-Famenne', '5100 Jambes', '4500 Huy', '1300 Wavre', '6600 Bastogne'];
const GERMAN_CITIES = ['4700 Eupen', '4780 Sankt Vith', '4730 Raeren', '4750 Bütgenbach'];
const STREETS = ['Rue de Fer', 'Rue des Carmes', 'Chaussée de Louvain', 'Rue Haute', 'Avenue de la Gare', 'Rue de la Station', 'Place du Marché', 'Rue du Moulin', 'Rue de l’Église', 'Rue du Centre'];
const GERMAN_STREETS = ['Klötzerbahn', 'Hauptstraße', 'Bergstraße', 'Kirchstraße', 'Aachener Straße'];
const ASSISTANCE = ['ELDERLY', 'REDUCED_MOBILITY', 'NO_INTERNET', 'ISOLATED', 'LANGUAGE'];
const HANDOFF_REASONS = ['Dossier à instruire par le service métier', 'Question technique hors de portée de la première ligne', 'Demande de suivi du dossier par le service compétent', 'Vérification de pièces justificatives'];
const REJECTION_REASONS = ['Information disponible dans la base de connaissances', 'Service non compétent pour cette demande', 'Dossier incomplet : pièces à demander au citoyen'];
const RESPONSES = ['Dossier traité, réponse envoyée au citoyen', 'Décision notifiée au citoyen', 'Paiement effectué', 'Information transmise au citoyen par courrier'];
const SUMMARY_FIRST = 'Premier contact';
const SUMMARY_INBOUND = 'Le citoyen recontacte le service';
const SUMMARY_OUTBOUND = 'Rappel du citoyen';

// ---------------------------------------------------------------------------------------------
// SQL helpers. Every random value is hashint8extended(key, salt) of the row's index: fast and
// the same on every run. Keys: citizen index, case index i, interaction i * 8 + k.

/** A uniform float in [0, 1). */
const U = (key: string, salt: number | string) => `((hashint8extended((${key})::bigint, ${salt}) & 2147483647) / 2147483648.0::float8)`;
/** An integer in [0, n). */
const below = (uniform: string, n: number | string) => `floor(${uniform} * (${n}))::int`;
const hash = (key: string, salt: number | string) => `hashint8extended((${key})::bigint, ${salt})`;
/** A version-4-shaped uuid from two hashes (the 16 bytes of two bigints). */
const uuidV4 = (key: string, salt: number) =>
  `encode(int8send((${hash(key, salt)} & -61441) | 16384) || int8send((${hash(key, salt + 1)} & 4611686018427387903) | -9223372036854775808), 'hex')::uuid`;
/** A version-7-shaped uuid: the instant's Unix milliseconds first, so that ids follow time as the rows do. */
const uuidV7 = (instant: string, key: string, salt: number) =>
  `encode(int8send((floor(extract(epoch from ${instant}) * 1000)::bigint << 16) | 28672 | (${hash(key, salt)} & 4095)) || int8send((${hash(key, salt + 1)} & 4611686018427387903) | -9223372036854775808), 'hex')::uuid`;
const local = (instant: string) => `((${instant}) at time zone '${TZ}')`;
/** The instant at which Brussels clocks show `seconds` after midnight of `date`. */
const atLocal = (date: string, seconds: string) => `(((${date})::timestamp + make_interval(secs => ${seconds})) at time zone '${TZ}')`;
const END = `(timestamp '${HISTORY_END} 00:00' at time zone '${TZ}')`;
const START = `(timestamp '${HISTORY_START} 00:00' at time zone '${TZ}')`;

const quote = (value: string) => `'${value.replaceAll("'", "''")}'`;
const lit = (value: string | number | null | undefined) => (value === null || value === undefined ? 'null' : typeof value === 'string' ? quote(value) : String(value));
const textArray = (values: readonly string[]) => (values.length ? `array[${values.map(quote).join(', ')}]::text[]` : `'{}'::text[]`);
const uuidArray = (values: readonly string[]) => (values.length ? `array[${values.map(quote).join(', ')}]::uuid[]` : `'{}'::uuid[]`);
const floatArray = (values: readonly number[]) => `array[${values.map((v) => v.toPrecision(17)).join(', ')}]::float8[]`;
/** Lower bounds of the normalised cumulative weights: width_bucket(u, bounds) is the 1-based pick. */
function cumulative(weights: readonly number[]): number[] {
  const total = weights.reduce((sum, w) => sum + w, 0);
  let running = 0;
  return weights.map((w) => {
    const start = running / total;
    running += w;
    return start;
  });
}
/** The value a uniform picks among weighted values. */
const pick = (uniform: string, weighted: readonly [string, number][]) =>
  `(${textArray(weighted.map(([value]) => value))})[width_bucket(${uniform}, ${floatArray(cumulative(weighted.map(([, w]) => w)))})]`;
/** An integer in [lo, hi], log-uniform: many short, a few long. */
const logUniform = (uniform: string, lo: number, hi: number) => `floor(${lo} * exp(ln(${(hi + 1) / lo}) * ${uniform}))::int`;
const slug = (name: string) => name.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase();
const profileCum = cumulative(HALF_HOUR_PROFILE);
const profileWidth = HALF_HOUR_PROFILE.map((w) => w / HALF_HOUR_PROFILE.reduce((s, x) => s + x, 0));
/** The fraction of the opening hours at which the x-th fraction of a day's cases opens. */
function profile(x: string): string {
  const bucket = `width_bucket(${x}, ${floatArray(profileCum)})`;
  return `((${bucket} - 1 + (${x} - (${floatArray(profileCum)})[${bucket}]) / (${floatArray(profileWidth)})[${bucket}]) / ${HALF_HOUR_PROFILE.length})`;
}

// ---------------------------------------------------------------------------------------------
// Command line.

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    force: { type: 'boolean', default: false },
    'check-foreign-keys-on-insert': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log('usage: DATABASE_URL=postgres://… npm run bench:data -- [--scale <n>] [--force]');
  process.exit(0);
}
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('bench:data writes millions of rows into a Postgres server: set DATABASE_URL (it does not run on the embedded PGlite).');
  process.exit(1);
}
const scale = Number(args.scale);
if (!Number.isFinite(scale) || scale <= 0 || scale > 20) {
  console.error('--scale must be a number in (0, 20].');
  process.exit(1);
}
const N_CASES = Math.round(CASES_AT_SCALE_1 * scale);
const N_CITIZENS = Math.round(CITIZENS_AT_SCALE_1 * scale);
if (N_CITIZENS < 50) {
  console.error(`--scale ${scale} is too small: use at least 0.0005.`);
  process.exit(1);
}
/** A few very active citizens (a social worker, an energy auditor…), a tenth of frequent ones. */
const VERY_ACTIVE = Math.min(20, Math.floor(N_CITIZENS / 50));
const FREQUENT = Math.max(1, Math.floor((N_CITIZENS - VERY_ACTIVE) / 10));

const started = Date.now();
const elapsed = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
function report(what: string, rows: number | null, since: number) {
  console.log(`${what.padEnd(30)} ${rows === null ? ''.padStart(10) : rows.toLocaleString('en-US').padStart(10)} ${rows === null ? '    ' : 'rows'} ${elapsed(since).padStart(9)}`);
}

type Sql = postgres.Sql;

// ---------------------------------------------------------------------------------------------
// ---------------------------------------------------------------------------------------------
// Reference data the generation draws from, read after seeding.

interface Reference {
  firstLineServiceId: string;
  themes: { code: string; id: string; root: string; toServiceId: string | null; toServiceCode: string | null; toLine: string | null; backOffice: string[]; subjects: string[] }[];
  procedures: { code: string; id: string; themeCode: string; ownerId: string; ownerLine: string; backOffice: string[]; steps: string[]; labels: Record<string, string> }[];
  firstLineAgents: Record<string, string[]>;
  counters: { code: string; id: string }[];
  demoLastNumbers: Map<number, number>;
  holidays: string[];
  calendar: BusinessCalendar;
}

async function readReference(db: Sql): Promise<Reference> {
  const services = await db<{ id: string; code: string; line: string }[]>`select id, code, line from services`;
  const serviceById = new Map(services.map((s) => [s.id, s]));
  const firstLine = services.find((s) => s.code === FIRST_LINE_SERVICE);
  if (!firstLine) throw new Error(`No ${FIRST_LINE_SERVICE} service: the reference data did not load.`);
  const agents = await db<{ id: string; role: string; service_id: string; languages: string[] }[]>`
    select id, role, service_id, languages from agents where active order by login`;
  const backOffice = (serviceId: string | null) => (serviceId ? agents.filter((a) => a.role === 'BACK_OFFICE_AGENT' && a.service_id === serviceId).map((a) => a.id) : []);
  const firstLineAll = agents.filter((a) => a.role === 'FIRST_LINE_AGENT' && a.service_id === firstLine.id);
  if (firstLineAll.length === 0) throw new Error('No first-line agent: the demo data did not load.');
  const firstLineAgents: Record<string, string[]> = {};
  for (const [language] of LANGUAGE_WEIGHTS) {
    const speaking = firstLineAll.filter((a) => a.languages.includes(language)).map((a) => a.id);
    firstLineAgents[language] = speaking.length ? speaking : firstLineAll.map((a) => a.id);
  }
  const themeRows = await db<{ id: string; code: string; default_service_id: string | null }[]>`
    select id, code, default_service_id from themes where not first_line_excluded order by code`;
  const themes = themeRows.map((t) => {
    const root = t.code.split('.')[0]!;
    const target = t.default_service_id && t.default_service_id !== firstLine.id ? (serviceById.get(t.default_service_id) ?? null) : null;
    return {
      code: t.code,
      id: t.id,
      root,
      toServiceId: target?.id ?? null,
      toServiceCode: target?.code ?? null,
      toLine: target?.line ?? null,
      backOffice: backOffice(target?.id ?? null),
      subjects: SUBJECTS[root] ?? SUBJECTS.INFORMATION!,
    };
  });
  const themeCodes = new Set(themes.map((t) => t.code));
  const procedureRows = await db<{ id: string; code: string; theme_code: string; owner_service_id: string; labels: Record<string, string>; steps: string[] | null }[]>`
    select p.id, p.code, t.code as theme_code, p.owner_service_id, p.labels,
      (select array_agg(s.id order by s.position) from procedure_steps s where s.procedure_id = p.id) as steps
    from procedures p join themes t on t.id = p.theme_id
    where p.active order by p.code`;
  const procedures = procedureRows
    .filter((p) => themeCodes.has(p.theme_code))
    .map((p) => ({
      code: p.code,
      id: p.id,
      themeCode: p.theme_code,
      ownerId: p.owner_service_id,
      ownerLine: serviceById.get(p.owner_service_id)?.line ?? 'SECOND',
      backOffice: backOffice(p.owner_service_id),
      steps: p.steps ?? [],
      labels: p.labels,
    }));
  const counters = await db<{ id: string; code: string }[]>`select id, code from counters order by code`;
  const demoLastNumbers = new Map(
    (await db<{ year: number; last_number: number }[]>`select year, last_number from case_reference_counters`).map((r) => [r.year, r.last_number]),
  );
  const closures = (await db<{ day: string }[]>`select day::text as day from closure_days`).map((r) => r.day);
  const holidays = new Set(closures);
  for (let year = Number(CALENDAR_FROM.slice(0, 4)); year <= Number(CALENDAR_TO.slice(0, 4)); year++) {
    for (const day of publicHolidays(year)) holidays.add(day);
  }
  const hours = await db<{ weekday: number; open: number; close: number }[]>`
    select weekday, (extract(epoch from opens_at) / 60)::int as open, (extract(epoch from closes_at) / 60)::int as close from business_hours order by weekday`;
  if (hours.length === 0) throw new Error('No business hours: the reference data did not load.');
  return {
    firstLineServiceId: firstLine.id,
    themes,
    procedures,
    firstLineAgents,
    counters,
    demoLastNumbers,
    holidays: [...holidays].sort(),
    calendar: { openingHours: hours.map((h) => ({ weekday: h.weekday, opensAt: h.open, closesAt: h.close })), closureDays: new Set(closures) },
  };
}

// ---------------------------------------------------------------------------------------------
// Working tables (UNLOGGED, in the bench_history_work schema): the calendar and catalogue, then one
// row per citizen, case and interaction with every value drawn; the inserts into the real tables
// read them. Cases and interactions are built in two halves (by case index), one per session.

function calendarSql(ref: Reference): string {
  const hours = ref.calendar.openingHours.map((h) => `(${h.weekday}, ${h.opensAt * 60}, ${h.closesAt * 60})`).join(', ');
  const demoLast = [...ref.demoLastNumbers].map(([year, last]) => `(${year}, ${last})`).join(', ') || '(0, 0)';
  const peaks = PEAKS.map((p) => `when d between date '${p.from}' and date '${p.to}' then ${p.factor}`).join(' ');
  const weight = `exp(ln(${YEARLY_GROWTH}) * ((d - date '${HISTORY_START}')::float8 / 365.25))
      * (${floatArray(WEEKDAY_FACTORS)})[wd] * (${floatArray(MONTH_FACTORS)})[extract(month from d)::int] * (case ${peaks} else 1 end)`;
  return `
    create unlogged table g_day0 as
    with c1 as (
      select cal.d, cal.wd, coalesce(h.open_s, 0) as open_s, coalesce(h.close_s, 0) as close_s,
        (h.wd is not null and cal.d <> all (array[${ref.holidays.map((d) => `date '${d}'`).join(', ')}]::date[])) as work
      from (select g::date as d, extract(isodow from g)::int as wd from generate_series(date '${CALENDAR_FROM}', date '${CALENDAR_TO}', interval '1 day') g) cal
      left join (values ${hours}) as h(wd, open_s, close_s) on h.wd = cal.wd
    ), c2 as (
      select c1.*,
        -- Business seconds before the day: B(instant) = cum_s + the open seconds of its day up to it.
        coalesce(sum(case when work then close_s - open_s else 0 end) over (order by d rows between unbounded preceding and 1 preceding), 0)::bigint as cum_s,
        min(case when work then d end) over (order by d desc) as next_work,
        max(case when work then d end) over (order by d) as prev_work,
        case when work and d >= date '${HISTORY_START}' and d < date '${HISTORY_END}' then ${weight} else 0 end as w
      from c1
    ), c3 as (
      -- Cases are spread over the working days by cumulative weight: day d opens cases [first_case, case_end).
      select c2.*, floor(${N_CASES}::float8 * sum(w) over (order by d) / sum(w) over ())::int as case_end from c2
    ), c4 as (
      select c3.*, coalesce(lag(case_end) over (order by d), 0) as first_case, extract(year from d)::int as yr from c3
    )
    select d, wd, open_s, close_s, work, cum_s, next_work, prev_work, yr, first_case, case_end - first_case as ncases,
      (first_case >= ${Math.floor(N_CASES / 2)})::int as half,
      -- Reference number of case i: i - ref_base (numbering goes on after the demo's numbers of the year).
      min(first_case) filter (where case_end > first_case) over (partition by yr) - 1
        - coalesce((select last from (values ${demoLast}) as v(year, last) where v.year = yr), 0) as ref_base
    from c4;
    create unlogged table g_day as
    select a.*, n.open_s as nw_open, n.close_s as nw_close, n.cum_s as nw_cum, p.open_s as pw_open, p.close_s as pw_close
    from g_day0 a left join g_day0 n on n.d = a.next_work left join g_day0 p on p.d = a.prev_work
    order by a.d;
    create unique index on g_day (d);
    drop table g_day0;
    analyze g_day;`;
}

function catalogueSql(ref: Reference): string {
  const themeIndex = new Map(ref.themes.map((t, index) => [t.code, index + 1]));
  const themeRows = ref.themes.map(
    (t, index) =>
      `(${index + 1}, ${lit(t.id)}::uuid, ${lit(t.code)}, ${lit(t.toServiceId)}::uuid, ${lit(t.toServiceCode)}, ${lit(t.toLine)}, ${uuidArray(t.backOffice)}, ${textArray(t.subjects)})`,
  );
  const procedureRows = ref.procedures.map(
    (p, index) =>
      `(${index + 1}, ${lit(p.id)}::uuid, ${themeIndex.get(p.themeCode)}, ${lit(p.ownerId)}::uuid, ${lit(p.ownerLine)}, ${uuidArray(p.backOffice)}, ${uuidArray(p.steps)}, ${lit(JSON.stringify(p.labels))}::jsonb)`,
  );
  return `
    create unlogged table g_theme (tidx int primary key, id uuid, code text, to_svc uuid, to_svc_code text, to_line text, to_bo uuid[], subjects text[]);
    insert into g_theme values ${themeRows.join(',\n')};
    create unlogged table g_proc (pidx int primary key, id uuid, tidx int, owner uuid, owner_line text, owner_bo uuid[], steps uuid[], labels jsonb);
    ${procedureRows.length ? `insert into g_proc values ${procedureRows.join(',\n')};` : ''}
    analyze g_theme; analyze g_proc;`;
}

function themeWeights(ref: Reference): number[] {
  // Within a top-level theme each sub-theme weighs twice the top-level one: questions are specific.
  return ref.themes.map((t) => {
    const shares = ref.themes.filter((other) => other.root === t.root).reduce((sum, other) => sum + (other.code === other.root ? 1 : 2), 0);
    return ((ROOT_WEIGHTS[t.root] ?? 1) * (t.code === t.root ? 1 : 2)) / shares;
  });
}

// Housing and energy premiums are most of the online procedures.
const procedureWeights = (ref: Reference) => ref.procedures.map((p) => (/^(ENERGY|HOUSING)\b/.test(p.themeCode) ? 5 : 1));

function citizensSql(): string {
  const languages = LANGUAGE_WEIGHTS.map(([l]) => l);
  const byLanguage = (field: 'given' | 'family', transform: (s: string) => string, uniform: string) =>
    `case lang ${languages.map((l) => `when '${l}' then (${textArray(NAMES[l]![field].map(transform))})[1 + ${below(uniform, NAMES[l]![field].length)}]`).join(' ')} end`;
  const street = (names: string[], cities: string[]) =>
    `(${textArray(names)})[1 + ${below(U('c', 21), names.length)}] || ' ' || (1 + ${below(U('c', 22), 180)}) || ', ' || (${textArray(cities)})[1 + ${below(U('c', 23), cities.length)}]`;
  return `
    create unlogged table g_cit as
    select c as cidx, ${uuidV4('c', 10)} as id, lang,
      ${byLanguage('given', (s) => s, U('c', 12))} as given,
      ${byLanguage('family', (s) => s, U('c', 13))} as family,
      case when ${U('c', 14)} < 0.8 then
        ${byLanguage('given', slug, U('c', 12))} || '.' || ${byLanguage('family', slug, U('c', 13))} || '.' || c || '@example.net' end as email,
      case when ${U('c', 15)} < 0.7 then '04' || (70 + ${below(U('c', 16), 30)}) || lpad(${below(U('c', 17), 1_000_000)}::text, 6, '0') end as phone,
      case when ${U('c', 18)} < 0.6 then case when lang = 'de' then ${street(GERMAN_STREETS, GERMAN_CITIES)} else ${street(STREETS, CITIES)} end end as address,
      case when ${U('c', 19)} < 0.15 then array[(${textArray(ASSISTANCE)})[1 + ${below(U('c', 20), ASSISTANCE.length)}]] else '{}'::text[] end as assistance
    from (select c, ${pick(U('c', 11), LANGUAGE_WEIGHTS)} as lang from generate_series(0, ${N_CITIZENS - 1}) c offset 0) s;
    create unique index on g_cit (cidx);
    analyze g_cit;`;
}

function casesSql(ref: Reference, cal: CalendarArrays, half: number): string {
  const agentPick = (uniform: string) =>
    `case language ${LANGUAGE_WEIGHTS.map(([l]) => `when '${l}' then (${uuidArray(ref.firstLineAgents[l]!)})[1 + ${below(uniform, ref.firstLineAgents[l]!.length)}]`).join(' ')} end`;
  // The summaries of the case's interactions, in order, for its search document.
  const followUps = [1, 2, 3, 4, 5].map((k) => `case when n_int > ${k} then case when ${followUpInbound('i', k)} then ' ${SUMMARY_INBOUND}' else ' ${SUMMARY_OUTBOUND}' end else '' end`).join(' || ');
  const theme = `width_bucket(${U('i', 30)}, ${floatArray(cumulative(themeWeights(ref)))})`;
  const procedure = `width_bucket(${U('i', 30)}, ${floatArray(cumulative(procedureWeights(ref)))})`;
  const citizenClass = `(case when channel = 'ONLINE_PROCEDURE' then ${U('i', 20)} else ${U('i', 20)} / ${CITIZEN_SHARE} end)`;
  return `
    create unlogged table g_case_${half} as
    select i, ${uuidV7('created_at', 'i', 1)} as id, yr, i - ref_base as ref_number,
      '1718-' || yr || '-' || lpad((i - ref_base)::text, greatest(6, length((i - ref_base)::text)), '0') as reference,
      created_at, cday, kind, fate, status, resolution, resolved_at, closed_at,
      case when status = 'CANCELLED' then cancel_at end as cancelled_at,
      case when status = 'WAITING_FOR_CITIZEN' then created_at + (${END} - created_at) * 0.3 end as waiting_since,
      -- Business time from opening to resolution: B(resolved) - B(created) on the working calendar.
      case when status in ('RESOLVED', 'CLOSED') then
        (case when kind = 'Q' then cum_s + least(greatest(tod + quick_seconds - open_s, 0), close_s - open_s)
              else nw_cum + extract(epoch from ${local('resolve_at')}::time)::int - nw_open end)
        - (cum_s + least(greatest(tod - open_s, 0), close_s - open_s)) end as business_seconds,
      tod, open_s, close_s, channel, cidx, citizen_id, cit_email, cit_address, language, theme_id, theme_code,
      case when procedure_id is not null then coalesce(proc_labels ->> language, proc_labels ->> 'fr')
           else subjects[1 + ${below(U('i', 31), 'cardinality(subjects)')}] end as subject,
      ${pick(U('i', 32), PRIORITY_WEIGHTS)} as priority,
      ${U('i', 33)} < 0.03 as confidential,
      procedure_id, owner, owner_line,
      case when procedure_id is not null and cardinality(steps) > 0 then
        case when status in ('RESOLVED', 'CLOSED') then steps[cardinality(steps)]
             else steps[1 + ${below(`least(0.999, extract(epoch from ${END} - created_at) / extract(epoch from resolve_at - created_at))`, 'greatest(cardinality(steps) - 1, 1)')}] end end as step_id,
      case when procedure_id is not null and cardinality(steps) > 0 then steps[1] end as first_step,
      first_agent, referent, to_svc, to_svc_code, to_line, to_agent,
      h_req1, ping_pong, h_rej, h_req2, h_acc, h_done, h1_status, h2_status,
      case when h1_status is not null then ${uuidV4('i', 301)} end as h1_id, case when h2_status is not null then ${uuidV4('i', 303)} end as h2_id,
      1 + ${below(U('i', 34), HANDOFF_REASONS.length)} as reason_idx,
      n_int,
      -- Follow-up contacts stay within the case's life: until its resolution, cancellation or the end.
      case when status in ('RESOLVED', 'CLOSED') and kind <> 'Q' then resolve_at
           when status in ('RESOLVED', 'CLOSED') then least(created_at + interval '10 days', ${END})
           when status = 'CANCELLED' then cancel_at
           when stale then least(created_at + interval '60 days', ${END})
           else ${END} end as fu_end,
      case when procedure_id is not null then '' else ' ${SUMMARY_FIRST}' end || ${followUps} as summaries
    from (
      select l4.*,
        case when status in ('RESOLVED', 'CLOSED') then
          case when kind in ('H', 'P') then 'HANDLED_BY_BACK_OFFICE' else ${pick(U('i', 40), FIRST_LINE_RESOLUTIONS)} end end as resolution,
        case when status in ('RESOLVED', 'CLOSED') then resolve_at end as resolved_at,
        -- The nightly job closes resolved cases after a week.
        case when status = 'CLOSED' then ${atLocal(`(${local('resolve_at')})::date + 7`, '3 * 3600')} end as closed_at,
        -- Interactions per case (1–6, about 3 on average): a quick answer rarely needs more than one.
        case when status = 'NEW' then 1
             when kind = 'Q' then 1 + (${U('i', 41)} > 0.75)::int + (${U('i', 41)} > 0.92)::int
             when kind = 'S' then 2 + ${below(U('i', 41), 5)}
             when kind = 'H' then 3 + ${below(U('i', 41), 4)}
             else 1 + ${below(U('i', 41), 5)} end as n_int
      from (
        select l3.*,
          case when fate = 'CANCELLED' then 'CANCELLED'
               when fate = 'DONE' then case when ${U('i', 50)} < ${CLOSE_SHARE} and resolve_at + interval '8 days' < ${END} then 'CLOSED' else 'RESOLVED' end
               when kind = 'H' then case when h2_status = 'REQUESTED' or h1_status = 'REQUESTED' then 'HANDED_OFF' else 'IN_PROGRESS' end
               when kind = 'P' then case when ${U('i', 51)} < 0.25 then 'WAITING_FOR_CITIZEN' else 'IN_PROGRESS' end
               when ${END} - created_at < interval '3 days' and ${U('i', 51)} < 0.7 then 'NEW'
               when ${U('i', 51)} < 0.3 then 'WAITING_FOR_CITIZEN' else 'IN_PROGRESS' end as status
        from (
          select l2.*,
            case when kind <> 'H' or h_req1 >= ${END} then null
                 when ping_pong and h_rej >= ${END} then 'REQUESTED'
                 when ping_pong then 'REJECTED' end as h1_status,
            case when kind <> 'H' or h_req1 >= ${END} or (ping_pong and h_req2 >= ${END}) then null
                 when fate = 'DONE' then 'COMPLETED'
                 when h_acc < ${END} then 'ACCEPTED' else 'REQUESTED' end as h2_status
          from (
            select l1.*,
              case when cancel_drawn and cancel_at < least(resolve_at, ${END}) then 'CANCELLED'
                   when stale or resolve_at >= ${END} then 'OPEN'
                   else 'DONE' end as fate,
              -- A handoff's timeline is a share of the case's lifetime D (resolution, or drawn beyond the end).
              created_at + make_interval(secs => 600 + ${below(U('i', 60), 6600)}) as h_req1,
              created_at + (resolve_at - created_at) * 0.05 as h_rej,
              case when ping_pong then created_at + (resolve_at - created_at) * 0.08 else created_at + make_interval(secs => 600 + ${below(U('i', 60), 6600)}) end as h_req2,
              created_at + (resolve_at - created_at) * (0.13 + 0.25 * ${U('i', 61)}) as h_acc,
              created_at + (resolve_at - created_at) * 0.95 as h_done
            from (
              select l0.*, ${cal.nwOpen}[${cal.index('cday + life_days')}] as nw_open, ${cal.nwCum}[${cal.index('cday + life_days')}] as nw_cum,
                case when kind = 'Q' then created_at + make_interval(secs => quick_seconds)
                     else ${atLocal(`${cal.nextWork}[${cal.index('cday + life_days')}]`, `${cal.nwOpen}[${cal.index('cday + life_days')}] + floor((${cal.nwClose}[${cal.index('cday + life_days')}] - ${cal.nwOpen}[${cal.index('cday + life_days')}]) * ${U('i', 70)})`)} end as resolve_at
              from (
                select b.*,
                  -- Drawn lifetime: minutes for a quick answer, else days, ending within opening hours.
                  case kind when 'S' then ${logUniform(U('i', 71), 1, 25)} when 'H' then ${logUniform(U('i', 71), 3, 90)}
                            when 'P' then ${logUniform(U('i', 71), 10, 240)} end as life_days,
                  180 + ${below(U('i', 71), 42 * 60)} as quick_seconds,
                  kind in ('S', 'P') and ${U('i', 72)} >= ${1 - STALE_SHARE} as stale,
                  kind in ('Q', 'S') and ${U('i', 72)} < ${CANCEL_SHARE} as cancel_drawn,
                  created_at + make_interval(secs => 3600 * exp(ln(240) * ${U('i', 73)})) as cancel_at,
                  ${U('i', 74)} < ${PING_PONG_SHARE} as ping_pong,
                  case when cardinality(to_bo) > 0 then to_bo[1 + ${below(U('i', 75), 'cardinality(to_bo)')}] end as to_agent,
                  case when kind = 'P' then case when cardinality(owner_bo) > 0 then owner_bo[1 + ${below(U('i', 75), 'cardinality(owner_bo)')}] end
                       else ${agentPick(U('i', 38))} end as referent,
                  ${agentPick(U('i', 38))} as first_agent
                from (
                  select a.*, t.id as theme_id, t.code as theme_code, t.to_svc, t.to_svc_code, t.to_line, t.to_bo, t.subjects,
                    p.id as procedure_id, p.owner, p.owner_line, p.owner_bo, p.steps, p.labels as proc_labels,
                    z.id as citizen_id, z.email as cit_email, z.address as cit_address,
                    coalesce(z.lang, ${pick(U('i', 35), LANGUAGE_WEIGHTS)}) as language,
                    case when a.channel = 'ONLINE_PROCEDURE' then 'P'
                         when t.to_svc is not null and ${U('i', 36)} < ${HANDOFF_SHARE} then 'H'
                         when ${U('i', 37)} < ${QUICK_SHARE} then 'Q' else 'S' end as kind
                  from (
                    select i, d.d as cday, d.open_s, d.close_s, d.cum_s, d.ref_base, d.yr, tod, channel,
                      ${atLocal('d.d', 'tod')} as created_at,
                      case when channel = 'ONLINE_PROCEDURE' or ${U('i', 20)} < ${CITIZEN_SHARE} then
                        case when ${citizenClass} < 0.0128 then ${below(U('i', 21), VERY_ACTIVE)}
                             when ${citizenClass} < 0.3 then ${VERY_ACTIVE} + ${below(U('i', 21), FREQUENT)}
                             else ${VERY_ACTIVE} + ${below(U('i', 21), N_CITIZENS - VERY_ACTIVE)} end end as cidx,
                      case when channel = 'ONLINE_PROCEDURE' then ${procedure} end as pidx,
                      ${theme} as tidx0
                    from (
                      select i, d.*,
                        -- The day's cases open one after the other, following the half-hour profile.
                        floor(d.open_s + (d.close_s - d.open_s) * ${profile(`((i - d.first_case + ${U('i', 2)}) / d.ncases)`)})::int as tod,
                        ${pick(U('i', 3), CHANNEL_WEIGHTS)} as channel
                      from g_day d cross join lateral generate_series(d.first_case, d.first_case + d.ncases - 1) as i
                      where d.ncases > 0 and d.half = ${half} offset 0
                    ) d offset 0
                  ) a
                  left join g_proc p on p.pidx = a.pidx
                  join g_theme t on t.tidx = coalesce(p.tidx, a.tidx0)
                  left join g_cit z on z.cidx = a.cidx
                  offset 0
                ) b
                offset 0
              ) l0
              offset 0
            ) l1 offset 0
          ) l2 offset 0
        ) l3 offset 0
      ) l4 offset 0
    ) l5
    order by i;`;
}


/**
 * The working calendar as array constants indexed by date: lookups without joins (and without
 * reordering rows). No nulls in them, or every subscript would have to count the null bitmap.
 */
interface CalendarArrays {
  index(date: string): string;
  nextWork: string;
  nwOpen: string;
  nwClose: string;
  nwCum: string;
  prevWork: string;
  pwOpen: string;
  pwClose: string;
}

async function calendarArrays(db: Sql): Promise<CalendarArrays> {
  const [row] = await db<Record<string, string>[]>`
    select array_agg(coalesce(next_work, d) order by d)::text as next_work, array_agg(coalesce(nw_open, 0) order by d)::text as nw_open,
      array_agg(coalesce(nw_close, 0) order by d)::text as nw_close, array_agg(coalesce(nw_cum, 0) order by d)::text as nw_cum,
      array_agg(coalesce(prev_work, d) order by d)::text as prev_work, array_agg(coalesce(pw_open, 0) order by d)::text as pw_open,
      array_agg(coalesce(pw_close, 0) order by d)::text as pw_close, min(d)::text as first
    from g_day`;
  if (row!.first !== CALENDAR_FROM) throw new Error('Unexpected working calendar.');
  return {
    index: (date: string) => `((${date}) - date '${CALENDAR_FROM}' + 1)`,
    nextWork: `(${quote(row!.next_work!)}::date[])`,
    nwOpen: `(${quote(row!.nw_open!)}::int[])`,
    nwClose: `(${quote(row!.nw_close!)}::int[])`,
    nwCum: `(${quote(row!.nw_cum!)}::bigint[])`,
    prevWork: `(${quote(row!.prev_work!)}::date[])`,
    pwOpen: `(${quote(row!.pw_open!)}::int[])`,
    pwClose: `(${quote(row!.pw_close!)}::int[])`,
  };
}

/** One row per interaction: the first on the origin channel when the case opens, follow-ups by phone or e-mail. */
function interactionsWorkSql(cal: CalendarArrays, half: number): string {
  const key = 'c.i * 8 + k';
  const at = (array: string) => `${array}[${cal.index('rd')}]`;
  return `
    create unlogged table g_int_${half} as
    select i, k, case_id, ${uuidV7('occurred_at', 'i * 8 + k', 5)} as id, channel, direction, occurred_at,
      case when k = 0 then case when channel = 'ONLINE_PROCEDURE' then null else first_agent end
           when kind = 'P' then coalesce(referent, first_agent)
           when kind = 'H' and to_agent is not null and occurred_at > h_acc and occurred_at < h_done then to_agent
           else first_agent end as agent_id,
      case when k = 0 then case when channel = 'ONLINE_PROCEDURE' then null else '${SUMMARY_FIRST}' end
           when direction = 'INBOUND' then '${SUMMARY_INBOUND}' else '${SUMMARY_OUTBOUND}' end as summary,
      -- Calls, e-mails and chats carry their system's id; counters, letters and online forms none.
      case when channel in ('PHONE', 'EMAIL', 'CHAT') then 'hist-' || lpad(i::text, 9, '0') || '-' || k end as external_id,
      citizen_id, language, cit_email, cit_address, subject, procedure_id, first_step, yr
    from (
      select s.*,
        -- A follow-up lands within opening hours on the working day at or before its drawn instant
        -- (or later on the day the case opened), after the opening and before the case's end.
        case when k = 0 then created_at
             else greatest(created_at + make_interval(secs => 60 * k), least(
               case when ${at(cal.prevWork)} > cday
                    then ${atLocal(at(cal.prevWork), `${at(cal.pwOpen)} + floor((${at(cal.pwClose)} - ${at(cal.pwOpen)}) * u_tod)`)}
                    else created_at + make_interval(secs => 60 + floor(u_tod * greatest(close_s - tod - 60, 600))) end,
               fu_end - make_interval(secs => 60 * (n_int - k)))) end as occurred_at
      from (
        select c.i, k, c.id as case_id, c.kind, c.first_agent, c.referent, c.to_agent, c.h_acc, c.h_done, c.citizen_id, c.language,
          c.cit_email, c.cit_address, c.subject, c.procedure_id, c.first_step, c.yr, c.created_at, c.cday, c.tod, c.close_s, c.fu_end, c.n_int,
          case when k = 0 then c.channel when ${U(key, 1)} < ${FOLLOW_UP_PHONE} then 'PHONE' else 'EMAIL' end as channel,
          case when k = 0 or ${followUpInbound('c.i', 'k')} then 'INBOUND' else 'OUTBOUND' end as direction,
          case when k > 0 then (${local(`c.created_at + (c.fu_end - c.created_at) * ((k - 1 + ${U(key, 2)}) / greatest(c.n_int - 1, 1))`)})::date end as rd,
          ${U(key, 3)} as u_tod
        from g_case_${half} c cross join lateral generate_series(0, c.n_int - 1) as k
        offset 0
      ) s
      offset 0
    ) s;
    create index on g_int_${half} (i);`;
}

/** The halves, read in case order (an Append of the first half, then the second). */
const viewsSql = `
  create view g_case as select * from g_case_0 union all select * from g_case_1;
  create view g_int as select * from g_int_0 union all select * from g_int_1;`;

/** The search document of a case without its reference, vectorised once per distinct text with a placeholder reference. */
const docsSql = `
  create unlogged table g_doc as
  select rest, (to_tsvector('french', d) || to_tsvector('german', d) || to_tsvector('simple', d))::text as x
  from (select rest, unaccent('1718-9999-999999 ' || rest) as d from (select distinct subject || summaries as rest from g_case) r) s;
  create unique index on g_doc (rest);
  analyze g_doc;`;
/**
 * The case's search vector: the placeholder reference's lexemes ('-9999', '-999999') replaced by its
 * own. Same words as case_search_vector(id) of migrations/0001: a sample is checked after the load.
 */
const searchVector = (c: string, doc: string) =>
  `replace(replace(${doc}.x, '''-9999''', '''-' || ${c}.yr || ''''), '''-999999''', '''-' || split_part(${c}.reference, '-', 3) || '''')::tsvector`;

/** A citizen is registered at their first contact; citizens without a case sometime in the ten years. */
const firstCaseSql = `
  create unlogged table g_first as select cidx, min(created_at) as first from g_case where cidx is not null group by cidx;
  create unique index on g_first (cidx);
  analyze g_first;`;
const citizenCreated = (z: string) => `coalesce(f.first, ${START} + ${U(`${z}.cidx`, 24)} * (${END} - ${START}))`;

function citizensInsertSql(): string {
  return `
    insert into citizens (id, given_name, family_name, preferred_language, national_number_encrypted, national_number_hash, assistance_needs, created_at, updated_at)
    select z.id, z.given, z.family, z.lang, null, null, z.assistance, ${citizenCreated('z')}, ${citizenCreated('z')}
    from g_cit z left join g_first f on f.cidx = z.cidx
    order by z.cidx;`;
}

function contactPointsInsertSql(): string {
  const phone = `substr(z.phone, 1, 4) || ' ' || substr(z.phone, 5, 2) || ' ' || substr(z.phone, 7, 2) || ' ' || substr(z.phone, 9)`;
  return `
    insert into contact_points (id, citizen_id, kind, value, normalized_value, is_primary, created_at)
    select ${uuidV4('z.cidx * 4 + v.n', 90)}, z.id, v.kind, v.value, v.normalized, true, ${citizenCreated('z')}
    from g_cit z left join g_first f on f.cidx = z.cidx
      cross join lateral (values (1, 'EMAIL', z.email, lower(z.email)), (2, 'PHONE', ${phone}, '32' || substr(z.phone, 2)),
                                 (3, 'POSTAL_ADDRESS', z.address, lower(z.address))) as v(n, kind, value, normalized)
    where v.value is not null
    order by z.cidx, v.n;`;
}

interface EventPart {
  /** The event's instant, null when the case has no such event. */
  t: string;
  seq: number;
  type: string;
  visibility: string;
  /** actor_kind, actor_agent_id, actor_citizen_id, actor_service_id */
  actor: string;
  payload: string;
}

/**
 * Events besides CASE_CREATED and INTERACTION_ADDED, over g_case's columns: HANDOFF_REQUESTED per
 * handoff (and HANDOFF_REJECTED for the rejected ones), STATUS_CHANGED for each resolution and
 * cancellation, and how open cases reached their status. Not generated, to stay near 5 events a
 * case: HANDOFF_ACCEPTED / HANDOFF_COMPLETED (the handoff rows keep accepted_at, completed_at) and
 * the nightly RESOLVED → CLOSED change (the case keeps closed_at).
 */
function caseEventParts(): EventPart[] {
  const agent = (id: string) => `'AGENT', ${id}, null::uuid, null::uuid`;
  const service = (id: string) => `'SERVICE', null::uuid, null::uuid, ${id}`;
  const agentOrService = (agentId: string, serviceId: string) =>
    `case when ${agentId} is not null then 'AGENT' else 'SERVICE' end, ${agentId}, null::uuid, case when ${agentId} is null then ${serviceId} end`;
  // Procedure cases are worked by the owner's back office: its agent when there is one, else the service account.
  const worker = `case when kind = 'P' and referent is null then 'SERVICE' else 'AGENT' end, case when kind = 'P' then referent else first_agent end, null::uuid, case when kind = 'P' and referent is null then owner end`;
  const requested = (id: string) =>
    `jsonb_build_object('handoffId', ${id}, 'toService', to_svc_code, 'toLine', to_line, 'reason', (${textArray(HANDOFF_REASONS)})[reason_idx])`;
  const status = (from: string, to: string, extra = '') => `jsonb_build_object('from', ${from}, 'to', ${to}${extra})`;
  return [
    { t: `case when h1_status is not null then h_req1 end`, seq: 10, type: 'HANDOFF_REQUESTED', visibility: 'INTERNAL', actor: agent('first_agent'), payload: requested('h1_id') },
    {
      t: `case when h1_status = 'REJECTED' then h_rej end`, seq: 11, type: 'HANDOFF_REJECTED', visibility: 'INTERNAL', actor: agentOrService('to_agent', 'to_svc'),
      payload: `jsonb_build_object('handoffId', h1_id, 'reason', (${textArray(REJECTION_REASONS)})[1 + ${below(U('i', 80), REJECTION_REASONS.length)}])`,
    },
    { t: `case when h2_status is not null then h_req2 end`, seq: 12, type: 'HANDOFF_REQUESTED', visibility: 'INTERNAL', actor: agent('first_agent'), payload: requested('h2_id') },
    // Resolution: handed-off cases come back to the first line IN_PROGRESS when the back office completes.
    {
      t: `resolved_at`, seq: 20, type: 'STATUS_CHANGED', visibility: 'CITIZEN', actor: worker,
      payload: status(`case when kind = 'H' then 'IN_PROGRESS' else 'NEW' end`, `'RESOLVED'`, `, 'resolution', resolution`),
    },
    { t: `cancelled_at`, seq: 22, type: 'STATUS_CHANGED', visibility: 'CITIZEN', actor: agent('first_agent'), payload: status(`'NEW'`, `'CANCELLED'`) },
    // Open cases: how they reached their current status.
    {
      t: `case when status = 'IN_PROGRESS' and kind <> 'H' then created_at + interval '5 minutes' end`, seq: 23, type: 'STATUS_CHANGED', visibility: 'CITIZEN',
      actor: worker, payload: status(`'NEW'`, `'IN_PROGRESS'`),
    },
    { t: `waiting_since`, seq: 24, type: 'STATUS_CHANGED', visibility: 'CITIZEN', actor: worker, payload: status(`'NEW'`, `'WAITING_FOR_CITIZEN'`) },
    {
      t: `case when kind = 'H' and fate = 'OPEN' and (h1_status is not null or h2_status is not null) then h_req1 end`, seq: 25, type: 'STATUS_CHANGED', visibility: 'CITIZEN',
      actor: agent('first_agent'), payload: status(`'NEW'`, `'HANDED_OFF'`),
    },
    {
      t: `case when kind = 'H' and fate = 'OPEN' and h1_status = 'REJECTED' then h_rej end`, seq: 26, type: 'STATUS_CHANGED', visibility: 'CITIZEN',
      actor: service('to_svc'), payload: status(`'HANDED_OFF'`, `'IN_PROGRESS'`),
    },
    {
      t: `case when kind = 'H' and fate = 'OPEN' and h1_status = 'REJECTED' and h2_status is not null then h_req2 end`, seq: 27, type: 'STATUS_CHANGED', visibility: 'CITIZEN',
      actor: agent('first_agent'), payload: status(`'IN_PROGRESS'`, `'HANDED_OFF'`),
    },
    // An accepted handoff: the receiving line works the case.
    {
      t: `case when kind = 'H' and fate = 'OPEN' and h2_status = 'ACCEPTED' then h_acc end`, seq: 28, type: 'STATUS_CHANGED', visibility: 'CITIZEN',
      actor: service('to_svc'), payload: status(`'HANDED_OFF'`, `'IN_PROGRESS'`),
    },
  ];
}

const G_CASE_COLUMNS = /\b(h1_status|h2_status|h_req1|h_rej|h_req2|h_acc|h_done|resolved_at|closed_at|cancelled_at|waiting_since|status|kind|fate|created_at)\b/g;

function casesInsertSql(ref: Reference): string {
  const parts = caseEventParts();
  // version: one per change of the case (each recorded by an event, but the nightly closing);
  // updated_at: its last change.
  const extraCount = parts.map((p) => `(${p.t} is not null)::int`).join(' + ').replaceAll(G_CASE_COLUMNS, 'c.$1');
  const extraLast = `greatest(${parts.map((p) => p.t).join(', ')})`.replaceAll(G_CASE_COLUMNS, 'c.$1');
  // Lookups by index (nested loops over the cases in order): no sort, the cases go in in case order.
  const half = (h: number) => `
    select c.id, c.reference, null::text, c.citizen_id, c.theme_id, c.subject, null::text, c.status, c.resolution, c.priority,
      c.channel, c.language,
      case when c.kind = 'P' then c.owner_line when c.h2_status = 'ACCEPTED' then c.to_line else 'FIRST' end,
      case when c.kind = 'P' then c.owner when c.h2_status = 'ACCEPTED' then c.to_svc else ${lit(ref.firstLineServiceId)}::uuid end,
      c.referent,
      case when c.status = 'NEW' then null when c.kind = 'P' then c.referent when c.h2_status = 'ACCEPTED' then c.to_agent else c.first_agent end,
      c.procedure_id, c.step_id,
      case when c.confidential then 'CONFIDENTIAL' else 'NORMAL' end,
      c.created_at + interval '14 days', c.created_at + interval '11 days', null::timestamptz, c.waiting_since, c.resolved_at, c.business_seconds, c.closed_at,
      ${searchVector('c', 'doc')},
      1 + c.n_int + ${extraCount} + (c.closed_at is not null)::int,
      c.created_at,
      greatest(c.created_at, l.last, c.closed_at, ${extraLast})
    from g_case_${h} c
      cross join lateral (select d.x from g_doc d where d.rest = c.subject || c.summaries offset 0) doc
      cross join lateral (select max(n.occurred_at) as last from g_int_${h} n where n.i = c.i offset 0) l`;
  return `
    insert into cases (id, reference, tracking_code_hash, citizen_id, theme_id, subject, description, status, resolution, priority,
      origin_channel, language, current_line, service_id, referent_agent_id, assignee_agent_id, procedure_id, procedure_step_id,
      confidentiality, due_at, at_risk_at, first_response_due_at, waiting_since, resolved_at, resolution_business_seconds, closed_at,
      search_vector, version, created_at, updated_at)
    ${half(0)}
    union all
    ${half(1)};`;
}

const interactionsInsertSql = `
  insert into interactions (id, case_id, channel, direction, external_id, agent_id, summary, occurred_at, created_at)
  select id, case_id, channel, direction, external_id, agent_id, summary, occurred_at, occurred_at from g_int;`;

function detailsSql(ref: Reference): Record<string, string> {
  const key = 'i * 8 + k';
  const counterWeights: [string, number][] = ref.counters.map((c) => [c.id, COUNTER_WEIGHTS[c.code] ?? 3]);
  const eupen = ref.counters.find((c) => c.code === 'EW-EUPEN')?.id;
  const counter = `case when language = 'de' ${eupen ? `then ${lit(eupen)}` : 'then null'} else ${pick(U(key, 20), counterWeights)} end::uuid`;
  return {
    phone_calls: `
      insert into phone_calls (interaction_id, line, ivr_path, wait_seconds, talk_seconds, caller_number_masked, abandoned)
      select id, case when language = 'de' then '1719' else '1718' end,
        case when direction = 'OUTBOUND' then '{}' when ${U(key, 10)} < 0.08 then '{3,0}' when ${U(key, 10)} < 0.96 then '{0}' else '{}' end::text[],
        case when direction = 'INBOUND' then 5 + floor(595 * ${U(key, 11)} ^ 2)::int end,
        case when direction = 'INBOUND' and ${U(key, 12)} < ${ABANDONED_SHARE} then 0 else 30 + floor(1170 * ${U(key, 13)} ^ 1.5)::int end,
        case when direction = 'INBOUND' then '+32 4** ** ' || lpad(${below(U(key, 14), 100)}::text, 2, '0') || ' ' || lpad(${below(U(key, 15), 100)}::text, 2, '0') end,
        direction = 'INBOUND' and ${U(key, 12)} < ${ABANDONED_SHARE}
      from g_int where channel = 'PHONE';`,
    email_messages: `
      insert into email_messages (interaction_id, from_address, to_address, subject, message_id)
      select id,
        case when direction = 'INBOUND' then coalesce(cit_email, 'anonyme@example.org') else '1718@spw.example' end,
        case when direction = 'INBOUND' then '1718@spw.example' else coalesce(cit_email, 'anonyme@example.org') end,
        case when k = 0 then subject else 'Re: ' || subject end,
        '<' || external_id || '@mail.example>'
      from g_int where channel = 'EMAIL';`,
    chat_sessions: `
      insert into chat_sessions (interaction_id, message_count, transcript)
      select id, 3 + ${below(U(key, 16), 38)}, null from g_int where channel = 'CHAT';`,
    counter_visits: `
      insert into counter_visits (interaction_id, counter_id, ticket)
      select id, ${counter}, (array['A', 'B', 'C', 'D'])[1 + ${below(U(key, 17), 4)}] || (1 + ${below(U(key, 18), 250)})
      from g_int where channel = 'COUNTER';`,
    online_submissions: `
      insert into online_submissions (interaction_id, procedure_id, submission_id, step_id, answers)
      select id, procedure_id, 'WAL-' || yr || '-' || lpad(i::text, 8, '0'), first_step, null
      from g_int where channel = 'ONLINE_PROCEDURE';`,
    letters: `
      insert into letters (interaction_id, sender_address, registered_mail, letter_reference)
      select id, cit_address, ${U(key, 19)} < 0.2, null from g_int where channel = 'LETTER';`,
  };
}

function handoffsInsertSql(ref: Reference): string {
  return `
    insert into handoffs (id, case_id, from_service_id, from_line, to_service_id, to_line, requested_by_agent_id, reason, status,
      rejection_reason, response, completion, due_at, requested_at, accepted_at, rejected_at, completed_at, cancelled_at, created_at, updated_at)
    select h.id, c.id, ${lit(ref.firstLineServiceId)}::uuid, 'FIRST', c.to_svc, c.to_line, c.first_agent, (${textArray(HANDOFF_REASONS)})[c.reason_idx], h.status,
      case when h.status = 'REJECTED' then (${textArray(REJECTION_REASONS)})[1 + ${below(U('c.i', 80), REJECTION_REASONS.length)}] end,
      case when h.status = 'COMPLETED' then (${textArray(RESPONSES)})[1 + ${below(U('c.i', 81), RESPONSES.length)}] end,
      case when h.status = 'COMPLETED' then 'RETURNED' end,
      h.requested_at + interval '5 days', h.requested_at,
      case when h.status in ('ACCEPTED', 'COMPLETED') then c.h_acc end,
      case when h.status = 'REJECTED' then c.h_rej end,
      case when h.status = 'COMPLETED' then c.h_done end,
      null, h.requested_at,
      case h.status when 'COMPLETED' then c.h_done when 'ACCEPTED' then c.h_acc when 'REJECTED' then c.h_rej else h.requested_at end
    from g_case c cross join lateral (values (1, c.h1_id, c.h1_status, c.h_req1), (2, c.h2_id, c.h2_status, c.h_req2)) as h(n, id, status, requested_at)
    where c.kind = 'H' and h.status is not null
    order by c.i, h.n;`;
}

/**
 * Every event of every case: the cases one after the other, each case's events in time order, so
 * that positions follow. (One sort of all events costs less than a small sort per case.)
 */
function eventsInsertSql(): string {
  const parts = caseEventParts().map(
    (p) => `select i, id, ${p.t} as t, ${p.seq} as seq, '${p.type}' as type, '${p.visibility}' as visibility, ${p.actor}, ${p.payload} as payload
      from g_case where ${p.t} is not null`,
  );
  return `
    insert into case_events (case_id, type, visibility, actor_kind, actor_agent_id, actor_citizen_id, actor_service_id, payload, occurred_at)
    select e.id, e.type, e.visibility, e.actor_kind, e.actor_agent_id, e.actor_citizen_id, e.actor_service_id, e.payload, e.t
    from (
      select i, id, created_at as t, 0 as seq, 'CASE_CREATED' as type, 'CITIZEN' as visibility,
        case when kind = 'P' then 'CITIZEN' else 'AGENT' end as actor_kind, case when kind <> 'P' then first_agent end as actor_agent_id,
        case when kind = 'P' then citizen_id end as actor_citizen_id, null::uuid as actor_service_id,
        jsonb_build_object('reference', reference, 'channel', channel, 'themeCode', theme_code) as payload
      from g_case
      union all
      -- The statistics rollup's catch-up reads payload ->> 'interactionId'.
      select i, case_id, occurred_at, 1 + k, 'INTERACTION_ADDED', 'CITIZEN',
        case when agent_id is not null then 'AGENT' else 'CITIZEN' end, agent_id, case when agent_id is null then citizen_id end, null::uuid,
        jsonb_build_object('interactionId', id, 'channel', channel, 'direction', direction)
      from g_int
      union all
      ${parts.join('\n      union all\n      ')}
    ) e
    order by e.i, e.t, e.seq;`;
}

const countersSql = `
  insert into case_reference_counters (year, last_number)
  select yr, max(ref_number) from g_case group by yr
  on conflict (year) do update set last_number = greatest(case_reference_counters.last_number, excluded.last_number);`;

// ---------------------------------------------------------------------------------------------
// The run.

const WORK_SCHEMA = 'bench_history_work';

/** Plans and scans that keep rows in case order, run after run: no parallel workers, no scan starting mid-table. */
const SESSION_SETTINGS = `
  set work_mem = '2GB';
  set maintenance_work_mem = '1GB';
  set synchronous_commit = off;
  set jit = off;
  set max_parallel_workers_per_gather = 0;
  set synchronize_seqscans = off;
  set timezone = 'UTC';
  set search_path = ${WORK_SCHEMA}, public;`;

interface Task {
  name: string;
  run(db: Sql): Promise<number | null>;
  /** Tasks that must be done first. */
  needs?: string[];
  /** Tables this one refers to: loaded first only when foreign keys are checked on insert. */
  refersTo?: string[];
}

/** Runs statements; the number of rows of the last that has one (postgres.js sums up a multi-statement query so). */
async function execute(db: Sql, statements: string): Promise<number | null> {
  const result = (await db.unsafe(statements)) as unknown as { count: number | null };
  return result.count ?? null;
}

async function main() {
  const handle = await openDatabase({ url, maxConnections: 2 });
  const vault = createDataVault(process.env.DATA_KEY || DEVELOPMENT_DATA_KEY);
  const sessions = [0, 1].map(() => postgres(url!, { max: 1, onnotice: () => {}, connect_timeout: 10, idle_timeout: 0 }));
  const db = sessions[0]!;
  let workCreated = false;
  let demo: DemoRows | undefined;
  const pids: number[] = [];
  try {
    for (const session of sessions) pids.push((await session<{ pid: number }[]>`select pg_backend_pid() as pid`)[0]!.pid);
    let since = Date.now();
    await handle.migrate();
    // More cases or citizens than the demo's, or many more events or interactions (what an interrupted run leaves).
    const [existing] = await db<{ cases: number; citizens: number; events: number; interactions: number }[]>`
      select (select count(*) from cases)::int as cases, (select count(*) from citizens)::int as citizens,
        (select count(*) from (select from case_events limit 100001) e)::int as events,
        (select count(*) from (select from interactions limit 100001) i)::int as interactions`;
    if (existing!.cases > DEFAULT_DEMO_SIZE.cases || existing!.citizens > DEFAULT_DEMO_SIZE.citizens || existing!.events > 100_000 || existing!.interactions > 100_000) {
      if (!args.force) {
        console.error(
          `This database already holds ${existing!.cases.toLocaleString('en-US')} cases and ${existing!.citizens.toLocaleString('en-US')} citizens ` +
            `(the demo data has ${DEFAULT_DEMO_SIZE.cases} and ${DEFAULT_DEMO_SIZE.citizens}).\n` +
            'Run again with --force to empty the generated tables first, or point DATABASE_URL at another database.',
        );
        process.exitCode = 2;
        return;
      }
      await truncateGenerated(db);
      report('emptied (--force)', null, since);
      since = Date.now();
    }
    await seedDatabase(handle.db, vault, { demo: true });
    report('reference and demo data', null, since);

    await db.unsafe(`drop schema if exists ${WORK_SCHEMA} cascade; create schema ${WORK_SCHEMA};`);
    workCreated = true;
    await Promise.all(sessions.map((session) => session.unsafe(SESSION_SETTINGS)));
    const enforceForeignKeys = args['check-foreign-keys-on-insert'] || !(await mayDisableTriggers(db));
    if (!enforceForeignKeys) await Promise.all(sessions.map((session) => session.unsafe('set session_replication_role = replica')));

    const ref = await readReference(db);
    demo = await setDemoCasesAside(db);
    await prepare(sessions, ref);
    await runTasks(sessions, tasks(ref, demo, enforceForeignKeys), enforceForeignKeys);
    await db.unsafe(`drop schema ${WORK_SCHEMA} cascade`);
    workCreated = false;
    await printTotals(db);
    console.log(`total ${elapsed(started)} (scale ${scale})`);
  } catch (error) {
    // Stop the other session's statement too before cleaning up.
    const stopping = postgres(url!, { max: 1, onnotice: () => {} });
    await stopping`select pg_cancel_backend(pid) from unnest(${pids}::int[]) as pid`.catch(() => {});
    await stopping.end({ timeout: 5 });
    throw error;
  } finally {
    if (demo && demo.restored.size < demo.tables.length) {
      // A failed run still puts the demo's cases back (the history may be partly loaded: --force empties it).
      const restoring = postgres(url!, { max: 1, onnotice: () => {} });
      await restoring
        .unsafe('set session_replication_role = replica')
        .then(() => restoreDemoRows(restoring, demo!, demo!.tables))
        .catch((error: unknown) => console.error(`Could not put the demo's cases back (they are in ${WORK_SCHEMA}):`, error));
      await restoring.end({ timeout: 5 });
      if (demo.restored.size < demo.tables.length) workCreated = false;
    }
    if (workCreated) await db.unsafe(`drop schema if exists ${WORK_SCHEMA} cascade`).catch(() => {});
    await Promise.all(sessions.map((session) => session.end({ timeout: 5 })));
    await handle.close();
  }
}

/** Whether this role may set session_replication_role (superuser, or granted SET on it). */
async function mayDisableTriggers(db: Sql): Promise<boolean> {
  try {
    await db.unsafe('begin; set local session_replication_role = replica; rollback;');
    return true;
  } catch {
    await db.unsafe('rollback').catch(() => {});
    console.log('(this role may not set session_replication_role: foreign keys are checked on insert, which is slower)');
    return false;
  }
}

/** The tables the demo data and the generator write, emptied by --force (the reference data stays). */
const GENERATED_TABLES = [
  'case_events', 'handoffs', 'phone_calls', 'email_messages', 'chat_sessions', 'counter_visits', 'online_submissions', 'letters',
  'interactions', 'notes', 'messages', 'publication_orders', 'access_log', 'case_external_references', 'cases', 'contact_points',
  'citizens', 'webhook_attempts', 'webhook_deliveries', 'webhooks', 'service_accounts', 'agents', 'case_reference_counters',
  'contact_daily_counts', 'agent_daily_counts', 'channel_daily_counts', 'statistics_progress', 'tracking_attempts',
];

async function truncateGenerated(db: Sql) {
  const present = await db<{ name: string }[]>`select tablename as name from pg_tables where schemaname = 'public' and tablename = any(${GENERATED_TABLES})`;
  // CASCADE also empties any newer table that refers to these.
  await db.unsafe(`truncate ${present.map((t) => `"${t.name}"`).join(', ')} restart identity cascade`);
}

/** The demo's rows of the tables that hang on cases (cases included), set aside in the work schema. */
interface DemoRows {
  /** Parents first. */
  tables: string[];
  /** The statement that puts a table's demo rows back. */
  restore: Map<string, string>;
  restored: Set<string>;
}

/**
 * Sets the demo's cases (and everything that refers to them) aside until the history is loaded.
 * The history then always inserts at the right end of its time-ordered indexes, which PostgreSQL
 * fills to 90 % (keys to the right of an insertion point make it split pages half-full: indexes
 * twice as big and a slower load). The rows go back unchanged (same ids, positions, transaction
 * ids), each table's right after the history's.
 */
async function setDemoCasesAside(db: Sql): Promise<DemoRows> {
  const since = Date.now();
  const found = await db<{ name: string }[]>`
    with recursive referring(table_id, depth) as (
      select 'cases'::regclass::oid, 0
      union all
      select c.conrelid, r.depth + 1 from pg_constraint c join referring r on c.confrelid = r.table_id
      where c.contype = 'f' and c.conrelid <> c.confrelid and r.depth < 10
    )
    select table_id::regclass::text as name from referring group by table_id order by max(depth), 1`;
  const tables = found.map((row) => row.name);
  const restore = new Map<string, string>();
  for (const table of tables) {
    await db.unsafe(`create unlogged table ${WORK_SCHEMA}."demo_${table}" as select * from public."${table}"`);
    const columns = await db<{ name: string }[]>`
      select attname as name from pg_attribute
      where attrelid = ${`public."${table}"`}::regclass and attnum > 0 and not attisdropped and attgenerated = ''
      order by attnum`;
    const list = columns.map((column) => `"${column.name}"`).join(', ');
    restore.set(table, `insert into public."${table}" (${list}) overriding system value select ${list} from ${WORK_SCHEMA}."demo_${table}";`);
  }
  // Sequences keep their values: the history's events get positions after the demo's.
  await db.unsafe('truncate cases cascade');
  report('(demo cases set aside)', null, since);
  return { tables, restore, restored: new Set() };
}

/** The statement that puts these tables' demo rows back (and marks them so once it ran). */
function restoreDemoSql(demo: DemoRows, tables: string[]): string {
  return tables.filter((table) => demo.restore.has(table) && !demo.restored.has(table)).map((table) => demo.restore.get(table)!).join('\n');
}

async function restoreDemoRows(db: Sql, demo: DemoRows, tables: string[]) {
  const statements = restoreDemoSql(demo, tables);
  if (statements) await db.unsafe(statements);
  for (const table of tables) demo.restored.add(table);
}

/** Builds the working tables: the small ones once, the cases and interactions in halves, one per session. */
async function prepare(sessions: Sql[], ref: Reference) {
  const [first, second] = sessions as [Sql, Sql];
  let since = Date.now();
  await first.unsafe(calendarSql(ref) + catalogueSql(ref) + citizensSql());
  const cal = await calendarArrays(first);
  report('(work) calendar, citizens', null, since);
  since = Date.now();
  await Promise.all(sessions.map((db, half) => db.unsafe(casesSql(ref, cal, half))));
  report('(work) cases', null, since);
  since = Date.now();
  await Promise.all(sessions.map((db, half) => db.unsafe(interactionsWorkSql(cal, half))));
  report('(work) interactions', null, since);
  since = Date.now();
  await first.unsafe(viewsSql);
  await Promise.all([first.unsafe(docsSql), second.unsafe(firstCaseSql)]);
  const [order] = await first<{ bad: number }[]>`select count(*)::int as bad from (select i - lag(i, 1, -1) over () as step from g_case) s where step <> 1`;
  if (order!.bad !== 0) {
    console.error(await first`select i, step from (select i, i - lag(i, 1, -1) over () as step from g_case) s where step <> 1 limit 5`);
    console.error(await first`select 0 as half, min(i), max(i), count(*) from g_case_0 union all select 1, min(i), max(i), count(*) from g_case_1`);
    throw new Error('The working cases are not in index order.');
  }
  report('(work) documents, first contacts', null, since);
}

const LOADS = ['case_events', 'cases', 'interactions', 'phone_calls', 'email_messages', 'chat_sessions', 'counter_visits', 'online_submissions', 'letters', 'handoffs', 'citizens', 'contact_points', 'case_reference_counters'];

/** Everything after the working tables, biggest first: loads, the statistics rollups, the checks. */
function tasks(ref: Reference, demo: DemoRows, enforceForeignKeys: boolean): Task[] {
  const details = detailsSql(ref);
  // A table's load puts the demo's rows of that table back right after the history's.
  const statement = (name: string, sql: string, refersTo: string[] = [], needs: string[] = []): Task => ({
    name,
    run: async (db) => {
      const rows = await execute(db, sql);
      if (demo.restore.has(name)) await restoreDemoRows(db, demo, [name]);
      return rows;
    },
    refersTo,
    needs,
  });
  const list: Task[] = [
    statement('case_events', eventsInsertSql(), ['cases']),
    // The search index's entries wait in a large pending list and are merged in a few big batches.
    statement('cases', `set gin_pending_list_limit = '512MB'; ${casesInsertSql(ref)}`, ['citizens']),
    statement('interactions', interactionsInsertSql, ['cases']),
    statement('phone_calls', details.phone_calls!, ['interactions']),
    {
      // The rollups read cases, interactions and phone calls, and put their cursor at the end of the
      // event feed: they run once those are loaded (and analyzed), while the other session goes on.
      name: 'analyze, rebuildStatistics',
      needs: ['case_events', 'cases', 'interactions', 'phone_calls'],
      run: async (db) => {
        await db.unsafe('analyze cases, interactions, phone_calls, case_events');
        await rebuildStatistics(drizzle(db, { schema: tables, casing: 'snake_case' }) as unknown as Database);
        const rollups = await db<{ name: string }[]>`select tablename as name from pg_tables where schemaname = 'public' and tablename like '%daily_counts'`;
        await db.unsafe(`analyze statistics_progress${rollups.map((t) => `, "${t.name}"`).join('')}`);
        return null;
      },
    },
    statement('email_messages', details.email_messages!, ['interactions']),
    statement('handoffs', handoffsInsertSql(ref), ['cases']),
    statement('contact_points', contactPointsInsertSql(), ['citizens']),
    statement('chat_sessions', details.chat_sessions!, ['interactions']),
    statement('counter_visits', details.counter_visits!, ['interactions']),
    statement('online_submissions', details.online_submissions!, ['interactions']),
    statement('letters', details.letters!, ['interactions']),
    statement('citizens', citizensInsertSql()),
    statement('case_reference_counters', countersSql),
    {
      // The demo's rows of the other tables that hang on cases (notes, messages…).
      name: '(demo cases back)',
      needs: LOADS,
      run: async (db) => (await restoreDemoRows(db, demo, demo.tables), null),
    },
    statement('(search index pending list)', `select gin_clean_pending_list('cases_search_idx'::regclass)`, [], ['cases']),
    { name: '(check) sample', needs: ['cases', 'interactions', '(demo cases back)'], run: async (db) => (await checkSample(db, ref), null) },
    statement('analyze (other tables)', `analyze ${LOADS.filter((t) => !['cases', 'interactions', 'phone_calls', 'case_events'].includes(t)).join(', ')}`, [], [...LOADS, '(demo cases back)']),
  ];
  if (!enforceForeignKeys) {
    const checked = [...new Set([...LOADED_TABLES, ...demo.tables])];
    list.push({ name: '(check) foreign keys', needs: [...LOADS, '(demo cases back)'], run: async (db) => (await checkForeignKeys(db, checked), null) });
  }
  return list;
}

/**
 * Runs the tasks on both sessions at once: each session takes the first task of the list that is
 * ready (the list is biggest first, so the two sessions end about together).
 */
async function runTasks(sessions: Sql[], list: Task[], enforceForeignKeys: boolean) {
  const since = Date.now();
  const done = new Set<string>();
  const taken = new Set<Task>();
  const ready = (task: Task) =>
    !taken.has(task) && (task.needs ?? []).every((name) => done.has(name)) && (!enforceForeignKeys || (task.refersTo ?? []).every((name) => done.has(name)));
  let wake = () => {};
  let changed = new Promise<void>((resolve) => (wake = resolve));
  // One statement may take minutes: say what is running, and for how long, every 15 s.
  const running = new Map<string, number>();
  const progress = setInterval(() => {
    const now = [...running].map(([name, at]) => `${name} ${elapsed(at)}`).join(', ');
    console.log(`  … ${elapsed(started)} in: ${now || 'between tasks'}`);
  }, 15_000);
  try {
    await Promise.all(
      sessions.map(async (db) => {
        for (;;) {
          const task = list.find(ready);
          if (!task) {
            if (taken.size === list.length) return;
            await changed;
            continue;
          }
          taken.add(task);
          const at = Date.now();
          running.set(task.name, at);
          const rows = await task.run(db);
          running.delete(task.name);
          if (!task.name.startsWith('(check)')) report(task.name, LOADS.includes(task.name) ? rows : null, at);
          done.add(task.name);
          const previous = wake;
          changed = new Promise<void>((resolve) => (wake = resolve));
          previous();
        }
      }),
    );
  } finally {
    clearInterval(progress);
  }
  report('(loaded, rolled up, checked)', null, since);
}

/** The tables the generator writes: with foreign keys not checked on insert, all of theirs (and the demo's put back) are checked after. */
const LOADED_TABLES = ['citizens', 'contact_points', 'cases', 'interactions', 'phone_calls', 'email_messages', 'chat_sessions', 'counter_visits', 'online_submissions', 'letters', 'handoffs', 'case_events'];

/** Every foreign key of these tables, one scan per table: the rows whose reference has no row. */
async function checkForeignKeys(db: Sql, loaded: string[]) {
  const since = Date.now();
  const keys = await db<{ name: string; child: string; column: string; parent: string; key: string }[]>`
    select c.conname as name, c.conrelid::regclass::text as child, a.attname as column, c.confrelid::regclass::text as parent, b.attname as key
    from pg_constraint c
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    join pg_attribute b on b.attrelid = c.confrelid and b.attnum = c.confkey[1]
    where c.contype = 'f' and cardinality(c.conkey) = 1 and c.conrelid::regclass::text = any(${loaded})
    order by c.conrelid::regclass::text, c.conname`;
  const broken: string[] = [];
  for (const child of new Set(keys.map((k) => k.child))) {
    const own = keys.filter((k) => k.child === child);
    const [row] = await db.unsafe<Record<string, number>[]>(
      `select ${own.map((k, n) => `count(*) filter (where c."${k.column}" is not null and p${n}."${k.key}" is null)::int as "${k.name}"`).join(', ')}
       from "${child}" c ${own.map((k, n) => `left join "${k.parent}" p${n} on p${n}."${k.key}" = c."${k.column}"`).join(' ')}`,
    );
    for (const [name, count] of Object.entries(row!)) if (count > 0) broken.push(`${name}: ${count} rows`);
  }
  report(`(check) ${keys.length} foreign keys`, null, since);
  if (broken.length > 0) throw new Error(`Foreign keys violated: ${broken.join(', ')}`);
}

/**
 * Whether two search vectors differ in their words or number of occurrences. Positions may differ:
 * case_search_document strings the summaries in the order its plan reads the interactions.
 */
const sameWords = (a: string, b: string) =>
  `(strip(${a}) is distinct from strip(${b}) or (select sum(cardinality(positions)) from unnest(${a})) is distinct from (select sum(cardinality(positions)) from unnest(${b})))`;

/** Spot checks of what is computed rather than copied: search vectors and business durations, on about 500 cases. */
async function checkSample(db: Sql, ref: Reference) {
  const since = Date.now();
  const sample = `from cases c where c.created_at >= ${START} and (hashtext(c.id::text) & 2147483647) % ${Math.max(1, Math.floor(N_CASES / 500))} = 0`;
  const [vectors] = await db.unsafe<{ checked: number; different: number }[]>(
    `select count(*)::int as checked, count(*) filter (where ${sameWords('c.search_vector', 'case_search_vector(c.id)')})::int as different ${sample}`,
  );
  const resolved = await db.unsafe<{ created: Date; resolved: Date; seconds: number }[]>(
    `select c.created_at as created, c.resolved_at as resolved, c.resolution_business_seconds as seconds ${sample} and c.resolution_business_seconds is not null`,
  );
  const wrong = resolved.filter((r) => Math.round(businessTimeBetween(ref.calendar, r.created, r.resolved) / 1000) !== r.seconds);
  report(`(check) ${vectors!.checked} vectors, ${resolved.length} durations`, null, since);
  if (vectors!.different > 0 || wrong.length > 0) {
    throw new Error(`Self-check failed: ${vectors!.different} search vectors and ${wrong.length} business durations differ from the application's.`);
  }
}

const COUNTED_TABLES = [
  'citizens', 'contact_points', 'cases', 'interactions', 'phone_calls', 'email_messages', 'chat_sessions', 'counter_visits',
  'online_submissions', 'letters', 'handoffs', 'case_events', 'case_reference_counters', 'contact_daily_counts', 'agent_daily_counts',
  'channel_daily_counts',
];

async function printTotals(db: Sql) {
  const since = Date.now();
  console.log('\ntotals (demo data included)');
  const present = new Set((await db<{ name: string }[]>`select tablename as name from pg_tables where schemaname = 'public'`).map((t) => t.name));
  for (const table of COUNTED_TABLES.filter((name) => present.has(name))) {
    const [row] = await db.unsafe<{ n: number }[]>(`select count(*)::int as n from "${table}"`);
    console.log(`  ${table.padEnd(26)} ${row!.n.toLocaleString('en-US').padStart(12)}`);
  }
  console.log(`  (counted in ${elapsed(since)})`);
}

await main();

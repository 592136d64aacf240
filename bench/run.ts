// npm run bench: the scenarios of bench/README.md against the API started in production mode on
// DATABASE_URL (fill it with `npm run bench:data -- --scale 1`), and the floor (bench/floor-server.ts)
// for Q1 and Q2, each at 1, 10 and 50 connections with autocannon, in one run. Figures are
// compared as ratios within the run, never against fixed times.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/guichet_bench npm run bench
//   options (environment): DURATION=10 (seconds per measure), CONNECTIONS=1,10,50,
//   ONLY=Q1,Q2,Q3,Q4,Q5,S1, S1_SUBSCRIBERS=1000, S1_SECONDS=60, S1_RATE=2 (mutations per second),
//   API_NODE_OPTIONS (Node flags for the API, e.g. --max-old-space-size=192)

import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { createClient } from 'graphql-ws';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import WebSocket from 'ws';
import { signToken } from '../src/auth/tokens.js';
import { DEVELOPMENT_DATA_KEY } from '../src/config.js';
import { globalId } from '../src/domain/ids.js';
import { parseMetrics } from '../src/server/metrics.js';
import { currentFeedEnd, encodeFeedCursor } from '../src/services/event-feed.js';
import { type ApiProcess, graphql, startApi, startServerProcess } from './api-process.js';
import { DASHBOARD, monthEnd, PARLIAMENT } from './statistics-queries.js';

const DURATION = Number(process.env.DURATION ?? 10);
const CONNECTIONS = (process.env.CONNECTIONS ?? '1,10,50').split(',').map(Number);
const ONLY = new Set((process.env.ONLY ?? 'Q1,Q2,Q3,Q4,Q5,S1').split(','));
const SECRET = 'benchmark-secret-0123456789-abcdefghijklmnopqrstuv';
const MONTH = '2026-10';

interface Figures {
  scenario: string;
  target: 'api' | 'floor';
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  statementsPerRequest: number;
  cpuMsPerRequest: number;
  peakRssMb: number;
  ok: number;
}

async function readMetrics(baseUrl: string): Promise<Map<string, number>> {
  return parseMetrics(await (await fetch(`${baseUrl}/metrics`)).text());
}

const cpuSeconds = (metrics: Map<string, number>) => metrics.get('process_cpu_user_seconds_total')! + metrics.get('process_cpu_system_seconds_total')!;

interface Load {
  path: string;
  headers: Record<string, string>;
  /** A fixed body, or one per request. */
  body: string | (() => string);
  /** Text a successful answer contains (e.g. the Success type of a mutation); others count as errors. */
  success?: string;
}

/** One autocannon run, with the target's SQL statements, CPU time and resident memory around it. */
async function measure(scenario: string, target: 'api' | 'floor', baseUrl: string, load: Load, connections: number, seconds = DURATION): Promise<Figures> {
  const before = await readMetrics(baseUrl);
  let peakRss = before.get('process_resident_memory_bytes')!;
  const sampler = setInterval(() => {
    readMetrics(baseUrl)
      .then((metrics) => (peakRss = Math.max(peakRss, metrics.get('process_resident_memory_bytes')!)))
      .catch(() => {});
  }, 250);
  let graphqlErrors = 0;
  const result = await autocannon({
    url: `${baseUrl}${load.path}`,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...load.headers },
        ...(typeof load.body === 'string' ? { body: load.body } : { setupRequest: (request) => ({ ...request, body: (load.body as () => string)() }) }),
        onResponse: (status, body) => {
          if (status === 200 && (body.includes('"errors"') || (load.success !== undefined && !body.includes(load.success)))) graphqlErrors += 1;
        },
      },
    ],
  });
  clearInterval(sampler);
  const after = await readMetrics(baseUrl);
  const answered = after.get('guichet_graphql_http_requests_total')! - before.get('guichet_graphql_http_requests_total')!;
  return {
    scenario,
    target,
    connections,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    // autocannon's errors include its timeouts.
    errors: result.errors + result.non2xx + graphqlErrors,
    statementsPerRequest: (after.get('guichet_sql_statements_total')! - before.get('guichet_sql_statements_total')!) / Math.max(1, answered),
    cpuMsPerRequest: ((cpuSeconds(after) - cpuSeconds(before)) * 1000) / Math.max(1, answered),
    peakRssMb: Math.max(peakRss, after.get('process_resident_memory_bytes')!) / 1e6,
    ok: result['2xx'] - graphqlErrors,
  };
}

const graphqlLoad = (token: string, query: string, variables: Record<string, unknown> | (() => Record<string, unknown>), success?: string): Load => ({
  path: '/graphql',
  headers: { authorization: `Bearer ${token}` },
  body: typeof variables === 'function' ? () => JSON.stringify({ query, variables: variables() }) : JSON.stringify({ query, variables }),
  success,
});

const INBOX = `query ($serviceId: ID!) {
  cases(first: 50, filter: { serviceId: $serviceId, statuses: [NEW, IN_PROGRESS, WAITING_FOR_CITIZEN, HANDED_OFF] }, orderBy: { field: DUE_AT, direction: ASC }) {
    edges { node { reference subject status dueAt citizen { givenName familyName } theme { code label } service { code } referent { login }
      latestInteractions(count: 3) { channel occurredAt summary } handoffs(openOnly: true) { status toService { code } } } } } }`;

const CITIZEN_CASE = `query ($reference: String!) {
  caseByReference(reference: $reference) { reference status dueAt theme { label } timeline(first: 20) { edges { node { type occurredAt } } } } }`;

const REGISTER = `mutation ($input: RegisterContactInput!) { registerContact(input: $input) { __typename ... on RegisterContactSuccess { interaction { id } } } }`;

const SEARCH = `query ($search: String!) { cases(first: 20, filter: { search: $search }) { edges { node { reference subject status } } } }`;

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('Set DATABASE_URL to a database filled by npm run bench:data.');
  const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  const [size] = await sql<{ cases: number; interactions: number }[]>`
    select (select count(*) from cases)::int as cases, (select count(*) from interactions)::int as interactions`;
  console.log(`Database: ${size!.cases.toLocaleString('en')} cases, ${size!.interactions.toLocaleString('en')} interactions; ${DURATION} s per measure\n`);

  const [housing] = await sql<{ id: string }[]>`select id from services where code = 'TLPE-HOUSING'`;
  const [citizenCase] = await sql<{ citizenId: string; reference: string }[]>`
    select c.citizen_id as "citizenId", c.reference from cases c
    where c.citizen_id is not null and c.created_at > (select max(created_at) from cases) - interval '120 days'
      and (select count(*) from case_events e where e.case_id = c.id and e.visibility = 'CITIZEN') >= 3
    order by c.created_at desc limit 1`;
  const firstLineCases = (
    await sql<{ reference: string }[]>`
      select c.reference from cases c join themes t on t.id = c.theme_id
      where c.service_id = (select id from services where code = 'SG-1718') and c.status in ('NEW', 'IN_PROGRESS', 'WAITING_FOR_CITIZEN')
        and c.confidentiality = 'NORMAL' and not t.first_line_excluded
      order by c.created_at desc limit 2000`
  ).map((row) => row.reference);

  const env = { NODE_ENV: 'production', DATABASE_URL: databaseUrl, JWT_SECRET: SECRET, DATA_KEY: DEVELOPMENT_DATA_KEY, SEED_DEMO_DATA: 'false', METRICS: 'true', WEBHOOK_WORKER: 'false' };
  const api = await startApi(env, (process.env.API_NODE_OPTIONS ?? '').split(' ').filter(Boolean));
  const floor = ONLY.has('Q1') || ONLY.has('Q2') ? await startServerProcess('bench/floor-server.ts', { DATABASE_URL: databaseUrl }) : undefined;
  const figures: Figures[] = [];
  console.log(`API resident memory after start: ${((await readMetrics(api.baseUrl)).get('process_resident_memory_bytes')! / 1e6).toFixed(0)} MB\n`);
  try {
    const token = (role: 'agent' | 'citizen' | 'service', sub: string) => signToken({ role, sub }, SECRET, '2h');
    const housingAgent = await token('agent', 'demo.housing');
    const firstAgent = await token('agent', 'demo.first');
    const supervisor = await token('agent', 'demo.supervisor');
    const citizen = await token('citizen', citizenCase!.citizenId);

    const scenarios: { name: string; api: Load; floor?: Load }[] = [];
    if (ONLY.has('Q1')) {
      scenarios.push({
        name: 'Q1 inbox (50 open cases of a service by due date)',
        api: graphqlLoad(housingAgent, INBOX, { serviceId: globalId('Service', housing!.id) }),
        floor: { path: '/q1', headers: {}, body: JSON.stringify({ serviceId: housing!.id }) },
      });
    }
    if (ONLY.has('Q2')) {
      scenarios.push({
        name: 'Q2 citizen’s case with 20 timeline events',
        api: graphqlLoad(citizen, CITIZEN_CASE, { reference: citizenCase!.reference }),
        floor: { path: '/q2', headers: {}, body: JSON.stringify({ citizenId: citizenCase!.citizenId, reference: citizenCase!.reference }) },
      });
    }
    const runTag = `bench-${randomUUID().slice(0, 8)}`;
    let contacts = 0;
    let externalIds = 0;
    let contactsAccepted = 0;
    if (ONLY.has('Q3')) {
      scenarios.push({
        name: 'Q3 registerContact (a call on an existing case)',
        api: graphqlLoad(firstAgent, REGISTER, () => {
          contacts += 1;
          // Every tenth request sends the previous call again, as a telephony system retrying.
          if (contacts % 10 !== 0) externalIds += 1;
          return {
            input: {
              channel: 'PHONE',
              externalId: `${runTag}-${externalIds}`,
              caseReference: firstLineCases[externalIds % firstLineCases.length],
              summary: 'Le citoyen rappelle pour suivre son dossier',
              phone: { line: '1718', waitSeconds: 40, talkSeconds: 180 },
            },
          };
        }, '"RegisterContactSuccess"'),
      });
    }
    if (ONLY.has('Q4')) scenarios.push({ name: 'Q4 full-text search of cases ("toiture")', api: graphqlLoad(supervisor, SEARCH, { search: 'toiture' }) });
    if (ONLY.has('Q5')) {
      scenarios.push({ name: 'Q5a calls per year since 2016', api: graphqlLoad(supervisor, PARLIAMENT, { from: '2016-01-01', to: '2026-12-31' }) });
      scenarios.push({ name: `Q5b monthly dashboard ${MONTH}`, api: graphqlLoad(supervisor, DASHBOARD, { from: `${MONTH}-01`, to: monthEnd(MONTH) }) });
    }

    for (const scenario of scenarios) {
      // Warm-up: plans, caches and connections, not measured.
      const warmUp = await measure(scenario.name, 'api', api.baseUrl, scenario.api, 10, 2);
      if (scenario.name.startsWith('Q3')) contactsAccepted += warmUp.ok;
      if (scenario.floor && floor) await measure(scenario.name, 'floor', floor.baseUrl, scenario.floor, 10, 2);
      for (const connections of CONNECTIONS) {
        const measured = await measure(scenario.name, 'api', api.baseUrl, scenario.api, connections);
        figures.push(measured);
        if (scenario.name.startsWith('Q3')) contactsAccepted += measured.ok;
        console.log(line(measured));
        if (scenario.floor && floor) {
          const base = await measure(scenario.name, 'floor', floor.baseUrl, scenario.floor, connections);
          figures.push(base);
          console.log(line(base));
        }
      }
    }
    if (ONLY.has('Q3')) {
      const [recorded] = await sql<{ rows: number }[]>`select count(*)::int as rows from interactions where external_id like ${`${runTag}-%`}`;
      // A resent call is answered as registered without a new row: at least the answers less the
      // resent ones are recorded (requests in flight when a measure ends may commit unanswered),
      // and at most one row per external id.
      const resent = contacts - externalIds;
      const lost = recorded!.rows < contactsAccepted - resent;
      const duplicated = recorded!.rows > externalIds;
      console.log(
        `\nQ3 check: ${recorded!.rows} interactions recorded for ${externalIds} external ids in ${contacts} requests (${resent} resent); ` +
          `${contactsAccepted} answered as registered: ${lost ? 'SOME LOST' : 'none lost'}, ${duplicated ? 'SOME DUPLICATED' : 'none duplicated'}`,
      );
    }
    if (ONLY.has('S1')) await fanOut(api, sql, housing!.id);
    printReport(figures);
  } finally {
    await api.stop();
    await floor?.stop();
    await sql.end();
  }
}

function line(figure: Figures): string {
  return `${figure.scenario.slice(0, 3)} ${figure.target.padEnd(5)} c=${String(figure.connections).padStart(2)}  ${figure.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${figure.p50} ms  p99 ${figure.p99} ms  errors ${figure.errors}  ${figure.statementsPerRequest.toFixed(1)} SQL/req  ${figure.cpuMsPerRequest.toFixed(2)} ms CPU/req  RSS ${figure.peakRssMb.toFixed(0)} MB`;
}

function printReport(figures: Figures[]): void {
  console.log('\n| scenario | target | conn. | req/s | p50 ms | p99 ms | errors | SQL/req | CPU ms/req | peak RSS MB |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const figure of figures) {
    console.log(
      `| ${figure.scenario} | ${figure.target} | ${figure.connections} | ${figure.requestsPerSecond.toFixed(0)} | ${figure.p50} | ${figure.p99} | ${figure.errors} | ${figure.statementsPerRequest.toFixed(1)} | ${figure.cpuMsPerRequest.toFixed(2)} | ${figure.peakRssMb.toFixed(0)} |`,
    );
  }
  const ratios = figures.filter((figure) => figure.target === 'api' && figures.some((other) => other.target === 'floor' && other.scenario === figure.scenario));
  if (ratios.length === 0) return;
  console.log('\n| scenario | conn. | API req/s ÷ floor req/s | API p99 ÷ floor p99 |');
  console.log('|---|---|---|---|');
  for (const figure of ratios) {
    const base = figures.find((other) => other.target === 'floor' && other.scenario === figure.scenario && other.connections === figure.connections)!;
    console.log(`| ${figure.scenario} | ${figure.connections} | ${((figure.requestsPerSecond / base.requestsPerSecond) * 100).toFixed(0)} % | ${(figure.p99 / Math.max(1, base.p99)).toFixed(2)} |`);
  }
}

/**
 * S1: subscribers on one service's events; a back-office agent adds notes to the service's cases
 * at S1_RATE a second; each subscriber's receipt is timed from the mutation's response (the commit
 * is done by then). The API's resident memory is sampled over the run.
 */
async function fanOut(api: ApiProcess, sql: postgres.Sql, serviceId: string): Promise<void> {
  const subscribers = Number(process.env.S1_SUBSCRIBERS ?? 1000);
  const seconds = Number(process.env.S1_SECONDS ?? 60);
  const rate = Number(process.env.S1_RATE ?? 2);
  const serviceToken = await signToken({ role: 'service', sub: 'TLPE-HOUSING' }, SECRET, '2h');
  const agentToken = await signToken({ role: 'agent', sub: 'demo.housing' }, SECRET, '2h');
  const targets = (await sql<{ id: string }[]>`select id from cases where service_id = ${serviceId} and status in ('IN_PROGRESS', 'HANDED_OFF') limit 200`).map((row) =>
    globalId('Case', row.id),
  );
  // Every subscriber starts after the feed's current end: one whose subscription is set up late
  // replays what it missed, so each is expected to get every note.
  const end = encodeFeedCursor(await currentFeedEnd(drizzle(sql)));
  /** When each note's addNote answered, and when each subscriber received it, by the note's global id. */
  const sentAt = new Map<string, number>();
  const receipts: [note: string, at: number][] = [];
  let warmUpNote: string | undefined;
  let warmedUp = 0;
  const addNote = (caseId: string, body: string) =>
    graphql<{ addNote: { note?: { id: string } } }>(
      api.baseUrl,
      agentToken,
      'mutation ($input: AddNoteInput!) { addNote(input: $input) { ... on AddNoteSuccess { note { id } } } }',
      { input: { caseId, body } },
    );
  const clients = Array.from({ length: subscribers }, () =>
    createClient({ url: api.baseUrl.replace(/^http/, 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${serviceToken}` }, retryAttempts: 0, lazy: false }),
  );
  for (const client of clients) {
    client.subscribe<{ caseEvents: { type: string; payload: string } }>(
      {
        query: 'subscription ($serviceId: ID!, $after: String) { caseEvents(after: $after, filter: { serviceId: $serviceId, types: [NOTE_ADDED] }) { type payload } }',
        variables: { serviceId: globalId('Service', serviceId), after: end },
      },
      {
        next: (result) => {
          const note = globalId('Note', (JSON.parse(result.data!.caseEvents.payload) as { noteId: string }).noteId);
          if (note === warmUpNote) warmedUp += 1;
          else receipts.push([note, performance.now()]);
        },
        error: () => {},
        complete: () => {},
      },
    );
  }
  // Warm-up: one note that every subscriber must receive before the measure starts.
  warmUpNote = (await addNote(targets[0]!, 'Note de préchauffage')).addNote.note!.id;
  const warmUpDeadline = performance.now() + 60_000;
  while (warmedUp < subscribers && performance.now() < warmUpDeadline) await new Promise((resolve) => setTimeout(resolve, 100));
  if (warmedUp < subscribers) throw new Error(`S1: only ${warmedUp} of ${subscribers} subscribers received the warm-up note within 60 s`);
  const memory: number[] = [];
  const started = performance.now();
  let sent = 0;
  while (performance.now() - started < seconds * 1000) {
    const tick = performance.now();
    const { addNote: added } = await addNote(targets[sent % targets.length]!, `Note de charge ${sent}`);
    sentAt.set(added.note!.id, performance.now());
    sent += 1;
    if (sent % Math.max(1, rate) === 0) memory.push((await readMetrics(api.baseUrl)).get('process_resident_memory_bytes')! / 1e6);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1000 / rate - (performance.now() - tick))));
  }
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  await Promise.all(clients.map((client) => client.dispose()));
  // A receipt can come before the mutation's answer is handled: its latency is then 0.
  const latencies = receipts.map(([note, at]) => Math.max(0, at - (sentAt.get(note) ?? at))).sort((a, b) => a - b);
  const at = (share: number) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(share * latencies.length))]!.toFixed(0) : 'n/a');
  console.log(
    `\nS1 fan-out: ${subscribers} subscribers, ${sent} notes in ${seconds} s (${rate}/s), ${receipts.length} deliveries of ${sent * subscribers} expected; ` +
      `after the mutation's response: p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms; API RSS ${memory[0]?.toFixed(0)} → ${Math.max(...memory).toFixed(0)} (peak) → ${memory.at(-1)?.toFixed(0)} MB`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

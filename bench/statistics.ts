// The parliament's question (calls per year since the start) and a manager's monthly dashboard,
// timed through the API in production mode on the database DATABASE_URL names; fill it first
// with `npm run bench:data`. Each query runs once to warm up, then RUNS times in a row; the
// report gives the fastest, the median and the slowest.

import postgres from 'postgres';
import { signToken } from '../src/auth/tokens.js';
import { DEVELOPMENT_DATA_KEY } from '../src/config.js';
import { graphql, startApi } from './api-process.js';
import { DASHBOARD, monthEnd, PARLIAMENT } from './statistics-queries.js';

const RUNS = Number(process.env.RUNS ?? 5);
const FROM = process.env.FROM ?? '2016-01-01';
const TO = process.env.TO ?? '2026-12-31';
const MONTH = process.env.MONTH ?? '2026-10';
const SECRET = 'statistics-benchmark-secret-0123456789-abcdef';

async function timed(run: () => Promise<unknown>): Promise<{ min: number; median: number; max: number }> {
  await run();
  const times: number[] = [];
  for (let index = 0; index < RUNS; index += 1) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { min: times[0]!, median: times[Math.floor(times.length / 2)]!, max: times.at(-1)! };
}

const ms = (value: number) => `${value.toFixed(0)} ms`;

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('Set DATABASE_URL to a database filled by npm run bench:data.');
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const [counts] = await sql<{ interactions: string; calls: string; cases: string }[]>`
    select (select count(*) from interactions) as interactions, (select count(*) from interactions where channel = 'PHONE') as calls, (select count(*) from cases) as cases`;
  await sql.end();
  console.log(`Database: ${Number(counts!.interactions).toLocaleString('en')} interactions (${Number(counts!.calls).toLocaleString('en')} calls), ${Number(counts!.cases).toLocaleString('en')} cases`);

  const api = await startApi({ NODE_ENV: 'production', DATABASE_URL: databaseUrl, JWT_SECRET: SECRET, DATA_KEY: DEVELOPMENT_DATA_KEY, SEED_DEMO_DATA: 'false', WEBHOOK_WORKER: 'false' });
  try {
    const token = await signToken({ role: 'agent', sub: 'demo.supervisor' }, SECRET, '1h');
    const answer = await graphql<{ contactStatistics: { rows: { period: string; channel: string; inboundInteractions: number; answeredCalls: number; abandonedCalls: number }[] } }>(api.baseUrl, token, PARLIAMENT, { from: FROM, to: TO });
    console.log('\nInbound calls per year (the parliament’s question):');
    for (const row of answer.contactStatistics.rows.filter((candidate) => candidate.channel === 'PHONE')) {
      console.log(`  ${row.period}  ${String(row.inboundInteractions).padStart(9)} calls, ${String(row.answeredCalls).padStart(9)} answered, ${String(row.abandonedCalls).padStart(7)} abandoned`);
    }
    const parliament = await timed(() => graphql(api.baseUrl, token, PARLIAMENT, { from: FROM, to: TO }));
    const dashboard = await timed(() => graphql(api.baseUrl, token, DASHBOARD, { from: `${MONTH}-01`, to: monthEnd(MONTH) }));
    console.log(`\n| query | fastest | median | slowest | target |`);
    console.log(`|---|---|---|---|---|`);
    console.log(`| calls per year and channel, ${FROM} to ${TO} | ${ms(parliament.min)} | ${ms(parliament.median)} | ${ms(parliament.max)} | < 1 s |`);
    console.log(`| monthly dashboard ${MONTH} (contacts by channel and service, cases by line, staffing) | ${ms(dashboard.min)} | ${ms(dashboard.median)} | ${ms(dashboard.max)} | < 2 s |`);
  } finally {
    await api.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

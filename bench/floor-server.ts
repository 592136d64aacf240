// The floor of the benchmark: a minimal Node HTTP server that answers the inbox (Q1) and the
// citizen's case (Q2) with one hand-written SQL statement each (JSON built by Postgres), over the
// same driver as the API. No GraphQL layer can be faster; `npm run bench` reports how close the
// API gets. Started by bench/run.ts as a child process: PORT and DATABASE_URL in the environment.

import { createServer } from 'node:http';
import postgres from 'postgres';
import { OPEN_STATUSES } from '../src/domain/case-lifecycle.js';

// As many connections as the API's pool (src/db/client.ts).
const sql = postgres(process.env.DATABASE_URL!, { max: 10, onnotice: () => {} });
let statements = 0;
let requests = 0;

/** Q1: the 50 open cases of a service by due date, with what the inbox shows of each. */
async function inbox(serviceId: string): Promise<string> {
  statements += 1;
  const [row] = await sql<{ json: string }[]>`
    select coalesce(json_agg(to_jsonb(x) - 'id' - 'due' order by x.due, x.id), '[]')::text as json from (
      select c.id, coalesce(c.due_at, 'infinity') as due, c.reference, c.subject, c.status, c.due_at as "dueAt",
        (select json_build_object('givenName', z.given_name, 'familyName', z.family_name) from citizens z where z.id = c.citizen_id) as citizen,
        (select json_build_object('code', t.code, 'label', t.labels->>'fr') from themes t where t.id = c.theme_id) as theme,
        (select json_build_object('code', s.code) from services s where s.id = c.service_id) as service,
        (select json_build_object('login', a.login) from agents a where a.id = c.referent_agent_id) as referent,
        (select coalesce(json_agg(json_build_object('channel', i.channel, 'occurredAt', i.occurred_at, 'summary', i.summary) order by i.occurred_at desc, i.id desc), '[]')
           from (select * from interactions i where i.case_id = c.id order by i.occurred_at desc, i.id desc limit 3) i) as "latestInteractions",
        (select coalesce(json_agg(json_build_object('status', h.status, 'toService', json_build_object('code', s2.code)) order by h.requested_at, h.id), '[]')
           from handoffs h join services s2 on s2.id = h.to_service_id where h.case_id = c.id and h.status in ('REQUESTED', 'ACCEPTED')) as handoffs
      from cases c
      where c.service_id = ${serviceId} and c.status = any(${[...OPEN_STATUSES]})
      order by coalesce(c.due_at, 'infinity'), c.id
      limit 50
    ) x`;
  return row!.json;
}

/** Q2: a citizen's case by reference with its first 20 citizen-visible events. */
async function citizenCase(citizenId: string, reference: string): Promise<string> {
  statements += 1;
  const [row] = await sql<{ json: string | null }[]>`
    select json_build_object('reference', c.reference, 'status', c.status, 'dueAt', c.due_at,
      'theme', (select json_build_object('label', coalesce(nullif(t.labels->>z.preferred_language, ''), t.labels->>'fr')) from themes t where t.id = c.theme_id),
      'timeline', (select coalesce(json_agg(json_build_object('type', e.type, 'occurredAt', e.occurred_at) order by e.position), '[]')
                   from (select * from case_events e where e.case_id = c.id and e.visibility = 'CITIZEN' order by e.position limit 20) e))::text as json
    from cases c join citizens z on z.id = c.citizen_id where c.reference = ${reference} and c.citizen_id = ${citizenId}`;
  return row?.json ?? 'null';
}

async function body(request: import('node:http').IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, string>;
}

const server = createServer(async (request, response) => {
  try {
    if (request.url === '/readyz') {
      await sql`select 1`;
      response.end('{"status":"ready"}');
      return;
    }
    if (request.url === '/metrics') {
      const cpu = process.cpuUsage();
      response.setHeader('content-type', 'text/plain');
      response.end(
        [
          `guichet_sql_statements_total ${statements}`,
          `guichet_graphql_http_requests_total ${requests}`,
          `process_cpu_user_seconds_total ${cpu.user / 1e6}`,
          `process_cpu_system_seconds_total ${cpu.system / 1e6}`,
          `process_resident_memory_bytes ${process.memoryUsage().rss}`,
          '',
        ].join('\n'),
      );
      return;
    }
    const input = await body(request);
    const json = request.url === '/q1' ? await inbox(input.serviceId!) : request.url === '/q2' ? await citizenCase(input.citizenId!, input.reference!) : undefined;
    requests += 1;
    if (json === undefined) {
      response.statusCode = 404;
      response.end();
      return;
    }
    response.setHeader('content-type', 'application/json');
    response.end(`{"data":${json}}`);
  } catch (error) {
    response.statusCode = 500;
    response.end(JSON.stringify({ error: String(error) }));
  }
});

server.listen(Number(process.env.PORT), '127.0.0.1');

import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../db/client.js';
import type { FeedLagMonitor } from '../services/feed-lag.js';

/**
 * GET /metrics in the Prometheus text format: what a benchmark or a scraper needs to compute
 * SQL statements, CPU time and memory per request as differences between two reads. Off by
 * default (METRICS=true): it has no authentication and belongs on an internal network.
 */
export function serveMetrics(app: FastifyInstance, database: DatabaseHandle, feedLag: FeedLagMonitor): void {
  let graphqlRequests = 0;
  app.addHook('onResponse', async (request) => {
    if (request.url.startsWith('/graphql')) graphqlRequests += 1;
  });
  app.get('/metrics', async (_request, reply) => {
    const cpu = process.cpuUsage();
    const memory = process.memoryUsage();
    const lines = [
      counter('guichet_sql_statements_total', 'SQL statements sent to the database.', database.statementCount),
      counter('guichet_graphql_http_requests_total', 'HTTP requests answered on /graphql.', graphqlRequests),
      gauge(
        'guichet_case_event_feed_lag_seconds',
        'Age of the oldest committed case event not handed out yet: an open transaction anywhere on the database server holds subscriptions, webhooks and statistics back. Measured every few seconds; always 0 on embedded PGlite.',
        feedLag.current.heldBackSeconds,
      ),
      counter('process_cpu_user_seconds_total', 'User CPU time of the process.', cpu.user / 1e6),
      counter('process_cpu_system_seconds_total', 'System CPU time of the process.', cpu.system / 1e6),
      gauge('process_resident_memory_bytes', 'Resident memory of the process.', memory.rss),
      gauge('nodejs_heap_used_bytes', 'V8 heap in use.', memory.heapUsed),
    ];
    return reply.type('text/plain; version=0.0.4').send(`${lines.join('\n')}\n`);
  });
}

const counter = (name: string, help: string, value: number) => `# HELP ${name} ${help}\n# TYPE ${name} counter\n${name} ${value}`;
const gauge = (name: string, help: string, value: number) => `# HELP ${name} ${help}\n# TYPE ${name} gauge\n${name} ${value}`;

/** The values of a /metrics answer by name (samples without labels, which are all this serves). */
export function parseMetrics(text: string): Map<string, number> {
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+) ([0-9.e+-]+)$/.exec(line);
    if (match) values.set(match[1]!, Number(match[2]));
  }
  return values;
}

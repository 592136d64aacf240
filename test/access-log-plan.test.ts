import { sql, type SQL } from 'drizzle-orm';
import { gql } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './helpers/database.js';
import { execute, startTestServer, type TestServer, tokenFor } from './helpers/server.js';

// myAccessLog names a representative by joining the citizen whose id is the entry's subject. The
// join must reach that citizen by its primary key: compared as text, it read every citizen for
// each page (547 ms over 100,000 citizens, against 0.13 ms by the key). Plans depend on table
// sizes, so the test asks the planner with sequential scans priced out: a join the key can
// serve then shows an index condition on the citizen.

const MARIE = '00000000-0000-4000-8000-000000000001';
const statements: { query: string; params: readonly unknown[] }[] = [];
let server: TestServer;

beforeAll(async () => {
  const database = await createTestDatabase({ onQuery: (query, params) => statements.push({ query, params }) });
  server = await startTestServer({ database, env: { WEBHOOK_WORKER: 'false' } });
});
afterAll(() => server?.close());

/** The statement again, as Drizzle sent it: its text with each $n bound to its parameter. */
function replayed({ query, params }: { query: string; params: readonly unknown[] }): SQL {
  const parts = query.split(/\$(\d+)/);
  return sql.join(parts.map((part, index) => (index % 2 === 0 ? sql.raw(part) : sql`${params[Number(part) - 1]}`)));
}

interface PlanNode {
  'Node Type': string;
  'Alias'?: string;
  'Index Cond'?: string;
  'Plans'?: PlanNode[];
}

const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];

describe('myAccessLog', () => {
  it('does reach a representative by the primary key of citizens', async () => {
    const token = await tokenFor({ role: 'citizen', sub: MARIE });
    statements.length = 0;
    const { errors } = await execute(server.client(token), gql`{ myAccessLog(first: 20) { edges { node { representativeName fields } } } }`);
    expect(errors).toBeUndefined();
    const page = statements.find((statement) => statement.query.includes('"representatives"'));
    expect(page).toBeDefined();
    const plan = await server.database.handle.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const result = await tx.execute(sql`explain (format json) ${replayed(page!)}`);
      const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { 'QUERY PLAN': unknown }[];
      const json = rows[0]!['QUERY PLAN'];
      return (typeof json === 'string' ? JSON.parse(json) : json) as { Plan: PlanNode }[];
    });
    const representative = nodes(plan[0]!.Plan).find((node) => node.Alias === 'representatives');
    expect(representative, JSON.stringify(representative)).toMatchObject({ 'Index Cond': expect.stringContaining('id') });
  });
});

import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '../src/db/client.js';
import * as tables from '../src/db/tables/index.js';
import { getTableName, isTable } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ seeded: false });
});
afterAll(() => database?.drop());

async function tableNames(): Promise<string[]> {
  const rows = await selectRows<{ name: string }>(
    database.handle.db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  return rows.map((row) => row.name);
}

describe('migrations', () => {
  it('create every table of the model on an empty database, and a second run changes nothing', async () => {
    expect(await tableNames()).toEqual([]);
    await database.handle.migrate();
    const expected = Object.values(tables).filter(isTable).map((table) => getTableName(table)).sort();
    expect(await tableNames()).toEqual(expected);

    const journal = JSON.parse(await readFile(new URL('../migrations/meta/_journal.json', import.meta.url), 'utf8')) as { entries: unknown[] };
    const applied = async () => (await selectRows<{ n: number }>(database.handle.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`))[0]!.n;
    expect(await applied()).toBe(journal.entries.length);
    await database.handle.migrate();
    expect(await applied()).toBe(journal.entries.length);
  });

  it('enforces the model’s rules in the database itself', async () => {
    /** Drizzle wraps the driver's error: the constraint is named in its cause. */
    const failure = (statement: ReturnType<typeof sql>) =>
      database.handle.db.execute(statement).then(
        () => 'succeeded',
        (error: Error & { cause?: Error }) => error.cause?.message ?? error.message,
      );
    expect(await failure(sql`insert into services (code, labels, line, kind) values ('S', '{"fr":"S"}', 'FOURTH', 'INTERNAL')`)).toMatch(/services_line_check/);
    expect(await failure(sql`insert into themes (code, labels, first_line_excluded) values ('T', '{"fr":"T"}', true)`)).toMatch(
      /themes_excluded_has_redirect_check/,
    );
    expect(
      await failure(sql`insert into agents (login, given_name, family_name, role, service_id) values ('x', 'X', 'Y', 'FIRST_LINE_AGENT', gen_random_uuid())`),
    ).toMatch(/foreign key/);
  });
});

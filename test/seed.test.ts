import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEVELOPMENT_DATA_KEY } from '../src/config.js';
import { selectRows } from '../src/db/client.js';
import { procedures as proceduresTable, procedureStepRequirements } from '../src/db/tables/index.js';
import { CASE_STATUSES, CHANNELS } from '../src/domain/vocabulary.js';
import { createDataVault } from '../src/services/data-vault.js';
import { DEMO_AGENTS, DEMO_CITIZENS, DEMO_SERVICE_ACCOUNTS } from '../seeds/demo-identities.js';
import { seedDatabase } from '../seeds/index.js';
import { idsByCode, loadDocumentRequirements, loadReferenceData } from '../seeds/load-reference.js';
import { type DocumentRequirementSeed, documentRequirements } from '../seeds/reference/index.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.drop());

async function fingerprint(): Promise<Record<string, string>> {
  const tables = await selectRows<{ name: string }>(
    database.handle.db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const result: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await selectRows<{ rows: number; digest: string | null }>(
      database.handle.db,
      sql`select count(*)::int as rows, md5(string_agg(t::text, '|' order by t::text)) as digest from ${sql.identifier(name)} t`,
    );
    result[name] = `${row!.rows}:${row!.digest}`;
  }
  return result;
}

async function count(query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await selectRows<{ n: number }>(database.handle.db, query);
  return Number(row!.n);
}

describe('seeding', () => {
  it('changes nothing when it runs a second time', async () => {
    const before = await fingerprint();
    const result = await seedDatabase(database.handle.db, createDataVault(DEVELOPMENT_DATA_KEY), { demo: true });
    expect(result.demoLoaded).toBe(false);
    expect(await fingerprint()).toEqual(before);
  });

  it('loads the demo volumes: about 200 citizens and 1,000 cases over every channel and status', async () => {
    expect(await count(sql`select count(*) as n from citizens`)).toBe(200);
    expect(await count(sql`select count(*) as n from cases`)).toBe(1000);
    const channels = await selectRows<{ origin_channel: string }>(database.handle.db, sql`select distinct origin_channel from cases`);
    expect(channels.map((row) => row.origin_channel).sort()).toEqual([...CHANNELS].sort());
    const statuses = await selectRows<{ status: string }>(database.handle.db, sql`select distinct status from cases`);
    expect(statuses.map((row) => row.status).sort()).toEqual([...CASE_STATUSES].sort());
    const interactionChannels = await selectRows<{ channel: string }>(database.handle.db, sql`select distinct channel from interactions`);
    expect(interactionChannels).toHaveLength(CHANNELS.length);
  });

  it('gives every case a creation event, an interaction and a unique reference of its year', async () => {
    expect(await count(sql`select count(*) as n from cases c where not exists (select 1 from case_events e where e.case_id = c.id and e.type = 'CASE_CREATED')`)).toBe(0);
    expect(await count(sql`select count(*) as n from cases c where not exists (select 1 from interactions i where i.case_id = c.id)`)).toBe(0);
    expect(await count(sql`select count(*) as n from cases where reference !~ ('^1718-' || extract(year from created_at at time zone 'UTC')::int || '-[0-9]{6}$')`)).toBe(0);
    // The per-year counters continue after the last seeded reference.
    expect(
      await count(sql`select count(*) as n from case_reference_counters k where k.last_number <> (select max(split_part(reference, '-', 3)::int) from cases where split_part(reference, '-', 2)::int = k.year)`),
    ).toBe(0);
  });

  it('keeps handoff invariants: a requested handoff on a handed-off case, an accepted one on a case the receiving line works, at most one per case', async () => {
    expect(await count(sql`select count(*) as n from handoffs h join cases c on c.id = h.case_id where h.status = 'REQUESTED' and c.status <> 'HANDED_OFF'`)).toBe(0);
    expect(
      await count(
        sql`select count(*) as n from handoffs h join cases c on c.id = h.case_id where h.status = 'ACCEPTED' and (c.status not in ('IN_PROGRESS', 'WAITING_FOR_CITIZEN') or c.service_id <> h.to_service_id)`,
      ),
    ).toBe(0);
    expect(await count(sql`select count(*) as n from handoffs where status = 'ACCEPTED'`)).toBeGreaterThan(0);
    expect(await count(sql`select count(*) as n from cases c where c.status = 'HANDED_OFF' and not exists (select 1 from handoffs h where h.case_id = c.id and h.status = 'REQUESTED')`)).toBe(0);
    expect(await count(sql`select count(*) as n from handoffs where status = 'REJECTED'`)).toBeGreaterThan(0);
  });

  it('creates the stable demo identities listed in the README', async () => {
    const logins = await selectRows<{ login: string }>(database.handle.db, sql`select login from agents`);
    expect(logins.map((row) => row.login)).toEqual(expect.arrayContaining(DEMO_AGENTS.map((agent) => agent.login)));
    const subjects = await selectRows<{ subject: string }>(database.handle.db, sql`select subject from service_accounts`);
    expect(subjects.map((row) => row.subject).sort()).toEqual([...DEMO_SERVICE_ACCOUNTS].sort());
    for (const citizen of Object.values(DEMO_CITIZENS)) {
      const [row] = await selectRows<{ given_name: string; preferred_language: string; cases: number }>(
        database.handle.db,
        sql`select given_name, preferred_language, (select count(*)::int from cases where citizen_id = c.id) as cases from citizens c where id = ${citizen.id}`,
      );
      expect(row).toMatchObject({ given_name: citizen.givenName, preferred_language: citizen.language });
      expect(row!.cases).toBeGreaterThanOrEqual(5);
    }
  });

  it('stores national numbers encrypted, never in clear', async () => {
    const rows = await selectRows<{ sealed: string }>(
      database.handle.db,
      sql`select national_number_encrypted as sealed from citizens where national_number_encrypted is not null limit 20`,
    );
    expect(rows.length).toBeGreaterThan(0);
    const vault = createDataVault(DEVELOPMENT_DATA_KEY);
    for (const { sealed } of rows) {
      expect(sealed).not.toMatch(/^\d{11}$/);
      expect(vault.decrypt(sealed)).toMatch(/^\d{11}$/);
    }
  });
});

describe('document requirements of procedure steps', () => {
  async function requirementRows() {
    return selectRows<{ id: string; step_id: string; code: string; position: number; kind: string; labels: unknown }>(
      database.handle.db,
      sql`select id, step_id, code, position, kind, labels from procedure_step_requirements order by id`,
    );
  }

  it('loads every listed document, and keeps the same rows and ids when the reference data loads again', async () => {
    const before = await requirementRows();
    expect(before).toHaveLength(documentRequirements.reduce((total, requirement) => total + requirement.documents.length, 0));
    expect(
      await count(sql`select count(distinct s.procedure_id) as n from procedure_step_requirements r join procedure_steps s on s.id = r.step_id`),
    ).toBeGreaterThanOrEqual(15);
    await loadReferenceData(database.handle.db);
    expect(await requirementRows()).toEqual(before);
  });

  it('deletes a requirement of a seeded step when the list no longer names it', async () => {
    const before = await requirementRows();
    const [step] = await selectRows<{ id: string }>(
      database.handle.db,
      sql`select s.id from procedure_steps s join procedures p on p.id = s.procedure_id where p.code = 'PERMIS-URBANISME' and s.code = 'SUBMITTED'`,
    );
    await database.handle.db
      .insert(procedureStepRequirements)
      .values({ stepId: step!.id, code: 'NO_LONGER_LISTED', position: 9, kind: 'OTHER', labels: { fr: 'Document qui n’est plus demandé' } });
    await loadReferenceData(database.handle.db);
    expect(await requirementRows()).toEqual(before);
  });

  it('fails when a requirement names an unknown procedure or step', async () => {
    const load = (requirement: DocumentRequirementSeed) =>
      database.handle.db.transaction(async (tx) => loadDocumentRequirements(tx, await idsByCode(tx, proceduresTable), [requirement]));
    const documents = documentRequirements[0]!.documents;
    await expect(load({ procedureCode: 'NO-SUCH-PROCEDURE', stepCode: 'SUBMITTED', documents })).rejects.toThrow('unknown procedure "NO-SUCH-PROCEDURE"');
    await expect(load({ procedureCode: 'PERMIS-URBANISME', stepCode: 'NO_SUCH_STEP', documents })).rejects.toThrow(
      'unknown step "NO_SUCH_STEP" of procedure "PERMIS-URBANISME"',
    );
  });
});

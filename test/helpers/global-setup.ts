import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { DEVELOPMENT_DATA_KEY } from '../../src/config.js';
import { dumpEmbeddedDatabase, openDatabase } from '../../src/db/client.js';
import { createDataVault } from '../../src/services/data-vault.js';
import { seedDatabase } from '../../seeds/index.js';
import { databaseUrl, TEST_DATABASE_PREFIX } from './template.js';

/**
 * Builds one migrated and seeded database per run; every test file then starts from a copy:
 * with TEST_DATABASE_URL a Postgres database created from the template, otherwise an
 * embedded PGlite loaded from a dump. Copies take well under a second either way.
 */
export default async function setup(project: TestProject) {
  const vault = createDataVault(DEVELOPMENT_DATA_KEY);
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    // A name per run, so that two runs on one server never share a template. The run's admin
    // connection carries it as application name while the run lasts: another run's clean-up
    // then knows the template and its copies are still in use, though nobody is connected to them.
    const template = `${TEST_DATABASE_PREFIX}${randomBytes(4).toString('hex')}`;
    const admin = postgres(serverUrl, { max: 1, idle_timeout: 0, onnotice: () => {}, connection: { application_name: template } });
    await dropAbandonedTestDatabases(admin);
    await admin.unsafe(`create database ${template}`);
    const templateUrl = databaseUrl(serverUrl, template);
    const handle = await openDatabase({ url: templateUrl, maxConnections: 1 });
    await handle.migrate();
    await seedDatabase(handle.db, vault, { demo: true });
    await handle.close();
    project.provide('templateDatabaseUrl', templateUrl);
    project.provide('pgliteDumpPath', undefined);
    return async () => {
      await dropDatabases(admin, `${template}%`);
      await admin.end();
    };
  }
  const folder = await mkdtemp(join(tmpdir(), 'guichet-test-'));
  const handle = await openDatabase({ dataDir: 'memory://' });
  await handle.migrate();
  await seedDatabase(handle.db, vault, { demo: true });
  const dump = await dumpEmbeddedDatabase(handle);
  await handle.close();
  const dumpPath = join(folder, 'seeded.tar');
  await writeFile(dumpPath, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteDumpPath', dumpPath);
  project.provide('templateDatabaseUrl', undefined);
  return async () => {
    await rm(folder, { recursive: true, force: true });
  };
}

async function dropDatabases(admin: postgres.Sql, pattern: string) {
  const rows = await admin<{ datname: string }[]>`select datname from pg_database where datname like ${pattern}`;
  for (const { datname } of rows) {
    await admin.unsafe(`drop database if exists "${datname}" with (force)`);
  }
}

/**
 * Test databases nobody is connected to, of a run whose admin connection is gone, were left
 * behind by an interrupted run.
 */
async function dropAbandonedTestDatabases(admin: postgres.Sql) {
  const prefix = `${TEST_DATABASE_PREFIX}%`;
  const rows = await admin<{ datname: string }[]>`
    select datname from pg_database d
    where datname like ${prefix}
      and not exists (
        select 1 from pg_stat_activity a
        where a.datname = d.datname or (a.application_name like ${prefix} and starts_with(d.datname, a.application_name)))`;
  for (const { datname } of rows) {
    await admin.unsafe(`drop database if exists "${datname}"`);
  }
}

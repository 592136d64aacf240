import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { DEVELOPMENT_DATA_KEY } from '../../src/config.js';
import { dumpEmbeddedDatabase, openDatabase } from '../../src/db/client.js';
import { createNationalNumberVault } from '../../src/services/national-number-vault.js';
import { seedDatabase } from '../../seeds/index.js';
import { databaseUrl, TEMPLATE_DATABASE } from './template.js';

/**
 * Builds one migrated and seeded database per run; every test file then starts from a copy:
 * with TEST_DATABASE_URL a Postgres database created from the template, otherwise an
 * embedded PGlite loaded from a dump. Copies take well under a second either way.
 */
export default async function setup(project: TestProject) {
  const vault = createNationalNumberVault(DEVELOPMENT_DATA_KEY);
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await dropTestDatabases(admin);
    await admin.unsafe(`create database ${TEMPLATE_DATABASE}`);
    const templateUrl = databaseUrl(serverUrl, TEMPLATE_DATABASE);
    const handle = await openDatabase({ url: templateUrl, maxConnections: 1 });
    await handle.migrate();
    await seedDatabase(handle.db, vault, { demo: true });
    await handle.close();
    project.provide('templateDatabaseUrl', templateUrl);
    project.provide('pgliteDumpPath', undefined);
    return async () => {
      await dropTestDatabases(admin);
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

/** Removes the template and any copy left behind by an interrupted run. */
async function dropTestDatabases(admin: postgres.Sql) {
  const rows = await admin<{ datname: string }[]>`select datname from pg_database where datname like 'guichet_test_%'`;
  for (const { datname } of rows) {
    await admin.unsafe(`drop database if exists "${datname}" with (force)`);
  }
}

import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import postgres from 'postgres';
import { inject } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../src/db/client.js';
import { databaseName, databaseUrl } from './template.js';

export interface TestDatabase {
  handle: DatabaseHandle;
  /** postgres:// URL of this copy when it runs on a server; undefined for PGlite. */
  url: string | undefined;
  drop(): Promise<void>;
}

/**
 * A database of its own for a test file. `seeded` (default) copies the migrated and seeded
 * template; otherwise the database is empty, not even migrated.
 */
export async function createTestDatabase(options: { seeded?: boolean; onQuery?: (query: string, params: readonly unknown[]) => void } = {}): Promise<TestDatabase> {
  const seeded = options.seeded ?? true;
  const templateUrl = inject('templateDatabaseUrl');
  if (templateUrl) {
    const template = databaseName(templateUrl);
    const name = `${template}_${randomBytes(6).toString('hex')}`;
    // Postgres copies a template only while nobody is connected to it: work from the database
    // TEST_DATABASE_URL names, never from the template itself.
    const adminUrl = process.env.TEST_DATABASE_URL ?? databaseUrl(templateUrl, 'postgres');
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(seeded ? `create database ${name} template ${template}` : `create database ${name}`);
    } finally {
      await admin.end();
    }
    const url = databaseUrl(templateUrl, name);
    const handle = await openDatabase({ url, maxConnections: 5, onQuery: options.onQuery });
    return {
      handle,
      url,
      async drop() {
        await handle.close();
        const cleaner = postgres(adminUrl, { max: 1, onnotice: () => {} });
        await cleaner.unsafe(`drop database if exists ${name} with (force)`);
        await cleaner.end();
      },
    };
  }
  const dumpPath = inject('pgliteDumpPath');
  const loadDump = seeded && dumpPath ? new Blob([await readFile(dumpPath)]) : undefined;
  const handle = await openDatabase({ dataDir: 'memory://', loadDump, onQuery: options.onQuery });
  return { handle, url: undefined, drop: () => handle.close() };
}

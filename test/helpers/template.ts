// What the global set-up hands to every test file.
declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite runs: the dump of the migrated and seeded database. */
    pgliteDumpPath: string | undefined;
    /** Postgres runs: URL of the migrated and seeded template database of this run. */
    templateDatabaseUrl: string | undefined;
  }
}

/** Every test database is named guichet_test_<run>…, so that leftovers are recognisable. */
export const TEST_DATABASE_PREFIX = 'guichet_test_';

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export function databaseName(url: string): string {
  return new URL(url).pathname.slice(1);
}

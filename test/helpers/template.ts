// Names shared by the global set-up (which builds the template) and the per-file helpers.
export const TEMPLATE_DATABASE = 'guichet_test_template';
export const PGLITE_DUMP_KEY = 'pgliteDumpPath';
export const TEMPLATE_KEY = 'templateDatabaseUrl';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDumpPath: string | undefined;
    templateDatabaseUrl: string | undefined;
  }
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

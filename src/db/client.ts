import { fileURLToPath } from 'node:url';
import { type SQL, sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import postgres from 'postgres';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import * as tables from './tables/index.js';
import { lockDataDir } from './data-dir-lock.js';

export type Tables = typeof tables;
/** The one database type the rest of the code sees, whichever driver runs underneath. */
export type Database = PgDatabase<PgQueryResultHKT, Tables>;
/** A transaction or the database itself: what a query function needs. */
export type Executor = Parameters<Parameters<Database['transaction']>[0]>[0] | Database;

export interface DatabaseHandle {
  db: Database;
  /** 'postgres' or 'pglite', for logs only. */
  driver: 'postgres' | 'pglite';
  /** Applies the committed SQL migrations that are not applied yet. */
  migrate(): Promise<void>;
  /** Throws when the database does not answer. */
  ping(): Promise<void>;
  /**
   * Calls `onNotify` for each NOTIFY on `channel` (delivered at commit). The postgres.js
   * listener reconnects by itself after the server restarts; `onReconnect` then lets the
   * caller catch up on what it may have missed.
   */
  listen(channel: string, onNotify: (payload: string) => void, onReconnect?: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
  /** SQL statements Drizzle sent since the database was opened (the /metrics counter). */
  readonly statementCount: number;
}

export interface DatabaseOptions {
  /** postgres:// URL: a postgres.js pool. Absent: embedded PGlite. */
  url?: string;
  /** PGlite data folder, or 'memory://' for a throwaway in-memory database. */
  dataDir?: string;
  /** PGlite only: start from a dump made by `dumpEmbeddedDatabase` (fast test databases). */
  loadDump?: Blob;
  /** postgres.js pool size. */
  maxConnections?: number;
  /** Called with every SQL statement Drizzle sends, and its parameters (tests count statements and read their plans with it). */
  onQuery?: (query: string, params: readonly unknown[]) => void;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../migrations', import.meta.url));
const CASING = 'snake_case' as const;

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  let statementCount = 0;
  const logger = {
    logQuery: (query: string, params: unknown[]) => {
      statementCount += 1;
      options.onQuery?.(query, params);
    },
  };
  const handle = options.url ? openPostgres(options.url, options.maxConnections ?? 10, logger) : await openPglite(options.dataDir ?? './.data', options.loadDump, logger);
  return Object.defineProperty(handle, 'statementCount', { get: () => statementCount, enumerable: true }) as DatabaseHandle;
}

type QueryLogger = { logQuery: (query: string, params: unknown[]) => void };
type OpenedDatabase = Omit<DatabaseHandle, 'statementCount'>;

function openPostgres(url: string, maxConnections: number, logger: QueryLogger): OpenedDatabase {
  const client = postgres(url, {
    max: maxConnections,
    onnotice: () => {},
    connect_timeout: 5,
    idle_timeout: 30,
  });
  const db = drizzlePostgres(preparingStatements(client), { schema: tables, casing: CASING, logger }) as unknown as Database;
  return {
    db,
    driver: 'postgres',
    migrate: () => migratePostgres(drizzlePostgres(client, { casing: CASING }), { migrationsFolder: MIGRATIONS_FOLDER }),
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    listen: async (channel, onNotify, onReconnect) => {
      const subscription = await client.listen(channel, onNotify, onReconnect);
      return () => subscription.unlisten();
    },
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * Drizzle sends a statement unnamed unless it was built with `.prepare(name)`: Postgres then
 * parses and plans it on every run, and postgres.js asks the server for its parameter types
 * first, one more round trip. Named, a statement is parsed and described once per connection
 * and its plan can be reused, which at scale costs less than executing it (the inbox's
 * interactions took 5 ms to plan and 5 ms to run). So every statement with parameters is
 * named, also inside transactions and savepoints. Lists of ids are sent as one array
 * parameter (`anyOf`), so that the statements a connection keeps stay few.
 */
function preparingStatements<Client extends postgres.Sql | postgres.TransactionSql>(client: Client): Client {
  return new Proxy(client, {
    get(target, property, receiver) {
      const original = Reflect.get(target, property, receiver) as (...args: unknown[]) => unknown;
      if (property === 'unsafe') {
        // Only the (query, parameters[, options]) form; (query) and (query, options) pass through.
        return (...args: unknown[]) => {
          const [query, parameters, options] = args as [string, unknown, object | undefined];
          return Array.isArray(parameters) && parameters.length > 0 ? original.call(target, query, parameters, { ...options, prepare: true }) : original.apply(target, args);
        };
      }
      if (property === 'begin' || property === 'savepoint') {
        // begin([options,] body) and savepoint([name,] body); the tagged-template forms pass through.
        return (...args: unknown[]) => {
          const body = args.at(-1);
          if (typeof body !== 'function') return original.apply(target, args);
          return original.call(target, ...args.slice(0, -1), (transaction: postgres.TransactionSql) => body(preparingStatements(transaction)));
        };
      }
      return original;
    },
  });
}

/**
 * The embedded Postgres lives in the API's own memory, which WebAssembly never gives back: its
 * buffers are sized for one process serving a contact centre's data, not for a server (shared
 * buffers 128 MB by default).
 */
const EMBEDDED_MEMORY_SETTINGS = ['-c', 'shared_buffers=32MB', '-c', 'maintenance_work_mem=16MB', '-c', 'wal_buffers=1MB'];

async function openPglite(dataDir: string, loadDump: Blob | undefined, logger: QueryLogger): Promise<OpenedDatabase> {
  // Taken before PGlite reads the folder, released once it has closed it; memory:// needs none,
  // and file:// names a folder on disk like a plain path.
  const lock = dataDir.startsWith('memory://') ? undefined : await lockDataDir(dataDir.replace(/^file:\/\//, ''));
  let client: PGlite;
  try {
    // Extensions the migrations create must be loaded into the WASM build up front.
    client = await PGlite.create(dataDir, {
      extensions: { unaccent, pg_trgm, fuzzystrmatch, btree_gist },
      startParams: [...PGlite.defaultStartParams, ...EMBEDDED_MEMORY_SETTINGS],
      ...(loadDump ? { loadDataDir: loadDump } : {}),
    });
  } catch (error) {
    await lock?.release();
    throw error;
  }
  const db = drizzlePglite(client, { schema: tables, casing: CASING, logger }) as unknown as Database;
  return {
    db,
    driver: 'pglite',
    migrate: () => migratePglite(drizzlePglite(client, { casing: CASING }), { migrationsFolder: MIGRATIONS_FOLDER }),
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    listen: async (channel, onNotify) => client.listen(channel, onNotify),
    close: async () => {
      if (!client.closed) await client.close();
      await lock?.release();
    },
  };
}

/** Dumps an embedded database to a tarball that `openDatabase({ loadDump })` starts from. */
export async function dumpEmbeddedDatabase(handle: DatabaseHandle): Promise<Blob> {
  const client = (handle.db as unknown as { $client: PGlite }).$client;
  if (!(client instanceof PGlite)) throw new Error('Only an embedded database can be dumped.');
  return client.dumpDataDir('none');
}

/** Rows of a raw SQL statement, the same shape whichever driver runs. */
export async function selectRows<Row>(executor: Executor, query: SQL): Promise<Row[]> {
  const result = (await executor.execute(query)) as unknown as Row[] | { rows: Row[] };
  return Array.isArray(result) ? result : result.rows;
}

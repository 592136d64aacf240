import { sql } from 'drizzle-orm';
import type { Database, DatabaseHandle, Executor } from '../db/client.js';
import { departments, services, themes } from '../db/tables/index.js';
import type { DepartmentRow, ServiceRow, ThemeRow } from './reference-data.js';

/** Announces a change of themes, services or departments: every server's cache drops them. */
export const REFERENCE_DATA_CHANNEL = 'reference_data';

/**
 * To be called in the transaction that writes themes, services or departments, in whatever
 * process: Postgres delivers the notification at commit, to every server of the database.
 */
export async function announceReferenceDataChange(tx: Executor): Promise<void> {
  await tx.execute(sql`select pg_notify(${REFERENCE_DATA_CHANNEL}, '')`);
}

/**
 * Themes, services and departments by id, for the per-request loaders. The rows are shared by
 * every request of the server: a caller must not change them. (They cannot be frozen: Pothos
 * brands each loaded object with its GraphQL type, a property of its own.)
 */
export interface ReferenceCache {
  themesByIds(ids: readonly string[]): Promise<ThemeRow[]>;
  servicesByIds(ids: readonly string[]): Promise<ServiceRow[]>;
  departmentsByIds(ids: readonly string[]): Promise<DepartmentRow[]>;
  /**
   * The theme or service when the rows are loaded now, else undefined (the caller then goes
   * through its loader): a field answered at once spares graphql-js a promise per object.
   */
  loadedTheme(id: string): ThemeRow | undefined;
  loadedService(id: string): ServiceRow | undefined;
  /** Loads the rows now unless they are loaded; throws when the database does not answer. */
  load(): Promise<void>;
  /** Stops listening for changes. */
  close(): Promise<void>;
}

interface ReferenceRows {
  themes: Map<string, ThemeRow>;
  services: Map<string, ServiceRow>;
  departments: Map<string, DepartmentRow>;
}

/**
 * One cache per database handle (a server), not per module: tests run servers on different
 * databases in one process. These tables hold tens to hundreds of rows and change only when the
 * reference data is loaded, possibly by another process, which notifies REFERENCE_DATA_CHANNEL;
 * a notification, or a reconnection of the LISTEN connection (notifications may have been
 * missed meanwhile), drops the rows and the next read loads them again.
 */
export async function openReferenceCache(handle: Pick<DatabaseHandle, 'db' | 'listen'>): Promise<ReferenceCache> {
  // The promise is kept, not its rows: concurrent first reads share one load, and a load under
  // way when a change is announced serves only the reads that were already waiting for it.
  let loaded: Promise<ReferenceRows> | undefined;
  /** The rows of `loaded` once it has resolved. */
  let current: ReferenceRows | undefined;
  let closed = false;
  const drop = () => {
    loaded = undefined;
    current = undefined;
  };
  // Listening before the first load, so that no change committed after it goes unheard.
  const unlisten = await handle.listen(REFERENCE_DATA_CHANNEL, drop, drop);

  const rows = (): Promise<ReferenceRows> => {
    if (loaded) return loaded;
    const loading = loadReferenceRows(handle.db);
    // Only while closed is the result not kept: no notification would drop it any more.
    if (!closed) loaded = loading;
    loading.then(
      (loadedRows) => {
        if (loaded === loading) current = loadedRows;
      },
      // A failed load is not kept; the next read tries again.
      () => {
        if (loaded === loading) loaded = undefined;
      },
    );
    return loading;
  };
  const byIds =
    <Row>(table: (loadedRows: ReferenceRows) => Map<string, Row>) =>
    async (ids: readonly string[]): Promise<Row[]> => {
      const map = table(await rows());
      return ids.flatMap((id) => map.get(id) ?? []);
    };

  return {
    themesByIds: byIds((loadedRows) => loadedRows.themes),
    servicesByIds: byIds((loadedRows) => loadedRows.services),
    departmentsByIds: byIds((loadedRows) => loadedRows.departments),
    loadedTheme: (id) => current?.themes.get(id),
    loadedService: (id) => current?.services.get(id),
    load: async () => {
      await rows();
    },
    close: async () => {
      closed = true;
      drop();
      await unlisten();
    },
  };
}

/** The three tables as of one snapshot, so that a theme never names a service the load missed. */
function loadReferenceRows(db: Database): Promise<ReferenceRows> {
  return db.transaction(
    async (tx) => {
      const departmentRows = await tx.select().from(departments);
      const serviceRows = await tx.select().from(services);
      const themeRows = await tx.select().from(themes);
      return { themes: byId(themeRows), services: byId(serviceRows), departments: byId(departmentRows) };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

function byId<Row extends { id: string }>(rows: Row[]): Map<string, Row> {
  return new Map(rows.map((row) => [row.id, row]));
}

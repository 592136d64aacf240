import { count } from 'drizzle-orm';
import type { Config } from './config.js';
import { createDataVault } from './services/data-vault.js';
import { seedDatabase } from '../seeds/index.js';
import { type DatabaseHandle, openDatabase } from './db/client.js';
import { services } from './db/tables/index.js';

/** Opens the configured database, applies pending migrations and seeds it when it is empty. */
export async function openPreparedDatabase(config: Config): Promise<{ handle: DatabaseHandle; seeded: boolean }> {
  const handle = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    await handle.migrate();
    const [row] = await handle.db.select({ value: count() }).from(services);
    if ((row?.value ?? 0) > 0) return { handle, seeded: false };
    await seedDatabase(handle.db, createDataVault(config.dataKey), { demo: config.seedDemoData });
    return { handle, seeded: true };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

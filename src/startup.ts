import { count } from 'drizzle-orm';
import type { Config } from './config.js';
import { createDataVault } from './services/data-vault.js';
import { seedDatabase } from '../seeds/index.js';
import { DEMO_AGENTS, DEMO_CITIZENS, DEMO_SERVICE_ACCOUNTS } from '../seeds/demo-identities.js';
import type { TokenRole } from './domain/viewer.js';
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

const AGENT_ROLE_WORDS = { FIRST_LINE_AGENT: 'first line', BACK_OFFICE_AGENT: 'back office', SUPERVISOR: 'supervisor', ADMIN: 'administrator' } as const;

/**
 * The demo identities the explorer's "sign in as" menu offers (outside production only; the
 * server decides): the agents of the README's table, the demo citizens, the service accounts.
 */
export function demoIdentities(): { role: TokenRole; sub: string; label: string }[] {
  return [
    ...DEMO_AGENTS.filter((agent) => agent.login.startsWith('demo.')).map((agent) => ({
      role: 'agent' as const,
      sub: agent.login,
      label: `${agent.givenName} ${agent.familyName}, ${AGENT_ROLE_WORDS[agent.role]} ${agent.serviceCode}`,
    })),
    ...Object.values(DEMO_CITIZENS).map((citizen) => ({
      role: 'citizen' as const,
      sub: citizen.id,
      label: `${citizen.givenName} ${citizen.familyName}, citizen`,
    })),
    ...DEMO_SERVICE_ACCOUNTS.map((code) => ({ role: 'service' as const, sub: code, label: `service account ${code}` })),
  ];
}

import type { Database } from '../src/db/client.js';
import type { DataVault } from '../src/services/data-vault.js';
import { type DemoSize, loadDemoData } from './load-demo.js';
import { loadKnowledgeBase } from './load-knowledge.js';
import { loadReferenceData } from './load-reference.js';

export interface SeedOptions {
  demo: boolean;
  demoSize?: DemoSize;
}

/** Reference data always; demo data when asked. Idempotent: seeding twice changes nothing. */
export async function seedDatabase(db: Database, vault: DataVault, options: SeedOptions): Promise<{ demoLoaded: boolean }> {
  await loadReferenceData(db);
  const demoLoaded = options.demo ? await loadDemoData(db, vault, options.demoSize) : false;
  if (options.demo) await loadKnowledgeBase(db);
  return { demoLoaded };
}

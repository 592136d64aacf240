import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { log } from '../log.js';
import { exitWhenRefused } from './refusal.js';
import { createDataVault } from '../services/data-vault.js';
import { seedDatabase } from '../../seeds/index.js';

const { values } = parseArgs({ options: { 'no-demo': { type: 'boolean', default: false } } });
const config = loadConfig();
const handle = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir }).catch(exitWhenRefused);
try {
  await handle.migrate();
  const { demoLoaded } = await seedDatabase(handle.db, createDataVault(config.dataKey), { demo: !values['no-demo'] });
  log('info', 'seeded', { driver: handle.driver, demoLoaded });
} finally {
  await handle.close();
}

import { loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { log } from '../log.js';
import { exitWhenRefused } from './refusal.js';

const config = loadConfig();
const handle = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir }).catch(exitWhenRefused);
try {
  await handle.migrate();
  log('info', 'migrations applied', { driver: handle.driver });
} finally {
  await handle.close();
}

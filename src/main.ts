import { ConfigError, loadConfig } from './config.js';
import { DataDirLockedError } from './db/data-dir-lock.js';
import { demoIdentities, openPreparedDatabase } from './startup.js';
import { log } from './log.js';
import { startServer } from './server/app.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const started = Date.now();
  const { handle, seeded } = await openPreparedDatabase(config);
  log('info', 'database ready', { driver: handle.driver, seeded, dataDir: handle.driver === 'pglite' ? config.dataDir : undefined });
  const server = await startServer(config, handle, { demoIdentities: demoIdentities() });
  log('info', `Guichet listening on ${server.url}`, { startupMs: Date.now() - started });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const began = Date.now();
    log('info', 'shutting down', { signal, timeoutMs: config.shutdownTimeoutMs });
    let stillOpen = 'websocket';
    const forced = setTimeout(() => {
      log('error', 'shutdown took too long, exiting', { timeoutMs: config.shutdownTimeoutMs, stillOpen });
      process.exit(1);
    }, config.shutdownTimeoutMs);
    await server.close((resource) => (stillOpen = resource));
    stillOpen = 'database';
    await handle.close();
    clearTimeout(forced);
    log('info', 'shut down', { signal, ms: Date.now() - began });
    process.exit(0);
  };
  // 'on', not 'once': tsx re-raises a signal that no listener is left to handle.
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  // An operator's mistake is told in its own words; anything else is a bug, told with its stack.
  const refusal = error instanceof ConfigError || error instanceof DataDirLockedError;
  log('error', refusal ? error.message : 'start-up failed', {
    error: refusal ? undefined : String((error as Error)?.stack ?? error),
  });
  process.exit(1);
});

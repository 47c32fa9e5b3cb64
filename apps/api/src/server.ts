import { join } from 'node:path';
import { createDatabase, migrateToLatest } from '@connectors/db';
import { KeyringError, loadKeyring } from '@connectors/runner';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { createAppRuntime } from './app-runtime';
import { ConfigError, loadConfig } from './config';
import { startMaintenance } from './maintenance';
import { seedTemplates } from './templates';

/**
 * Starts Connectors: configuration, database (migrated), encryption keyring, the API on `PORT` and the
 * local worker. SIGTERM/SIGINT stop taking requests, let running executions finish briefly, hand the
 * rest back (they resume on the next start) and close the database.
 */
async function main() {
  const config = loadConfig();
  const loaded = loadKeyring({ envValue: config.encryptionKey, dataDir: config.dataDir });
  if (loaded.source === 'generated') {
    console.log(
      `Generated an encryption key for credentials in ${loaded.path} (keep it: credentials need it)`,
    );
    if (config.databaseUrl) {
      console.warn(
        'CONNECTORS_ENCRYPTION_KEY is not set: credentials are encrypted with a key kept on this machine only; set CONNECTORS_ENCRYPTION_KEY in production',
      );
    }
  }
  const database = await createDatabase(
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: join(config.dataDir, 'pglite') },
  );
  await migrateToLatest(database.db);
  await seedTemplates(database.db);
  const runtime = createAppRuntime({
    db: database.db,
    config,
    keyring: loaded.keyring,
    dialect: database.dialect,
  });
  const app = createApp(runtime.ctx);
  const server = serve({ fetch: app.fetch, port: config.port, hostname: '0.0.0.0' }, (info) => {
    console.log(
      `Connectors listening on http://localhost:${info.port} (${database.dialect === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'})`,
    );
  });
  await runtime.start();
  const maintenance = startMaintenance(database.db, config);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    server.close();
    maintenance.stop();
    await runtime.stop();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  const known = err instanceof ConfigError || err instanceof KeyringError;
  console.error(known ? err.message : `Failed to start: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});

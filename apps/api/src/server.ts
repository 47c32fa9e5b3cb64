import { join } from 'node:path';
import { createDatabase, migrateToLatest } from '@connectors/db';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';

/** Starts the API (and, later in this file, the local worker) on the configured database. */
async function main() {
  const config = loadConfig();
  const database = await createDatabase(
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: join(config.dataDir, 'pglite') },
  );
  await migrateToLatest(database.db);
  const app = createApp({ db: database.db, config });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: '0.0.0.0' }, (info) => {
    console.log(
      `Connectors listening on http://localhost:${info.port} (${database.dialect === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'})`,
    );
  });
  const shutdown = async (signal: string) => {
    console.log(`${signal}: shutting down`);
    server.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  console.error(
    err instanceof ConfigError ? err.message : `Failed to start: ${err instanceof Error ? err.message : err}`,
  );
  process.exit(1);
});

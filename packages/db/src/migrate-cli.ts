import { createDatabase } from './create-database';
import { migrateToLatest } from './migrator';

/**
 * `pnpm --filter @connectors/db migrate`: migrates `DATABASE_URL`, or the PGlite database in
 * `DATA_DIR` (default `.data/`), to the latest version. Exits non-zero on failure.
 */
async function main(): Promise<void> {
  const dataDir = process.env.DATA_DIR ? `${process.env.DATA_DIR.replace(/\/$/, '')}/pglite` : undefined;
  const handle = await createDatabase({
    ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}),
    ...(dataDir ? { dataDir } : {}),
  });
  try {
    console.info(`[migrate] dialect: ${handle.dialect}`);
    await migrateToLatest(handle.db);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error('[migrate]', error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

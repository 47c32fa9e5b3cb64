import { fileURLToPath } from 'node:url';
import { type Kysely, type MigrationResult, Migrator, NO_MIGRATIONS } from 'kysely';
import type { Database } from './database';
import { TsFileMigrationProvider } from './migration-provider';

/** The repository's `migrations/` folder, shared by every entry point. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../migrations', import.meta.url));

/** Where migration progress goes; `console` by default. */
export interface MigrationLogger {
  info(message: string): void;
  error(message: string): void;
}

/** Builds a Kysely `Migrator` over the repository's migrations (`.ts` files: run under tsx or vitest). */
export function createMigrator(db: Kysely<Database>): Migrator {
  return new Migrator({ db, provider: new TsFileMigrationProvider(MIGRATIONS_FOLDER) });
}

/**
 * Runs every pending migration, logging each one, and throws if any fails. Kysely runs them all in one
 * transaction on PostgreSQL and PGlite (transactional DDL), so a failure leaves the schema as it was,
 * and its lock table serialises two processes migrating at once.
 *
 * @example
 * await migrateToLatest(db); // "[migrate] applied 20261126000100_identity" …
 */
export async function migrateToLatest(
  db: Kysely<Database>,
  logger: MigrationLogger = console,
): Promise<MigrationResult[]> {
  const { error, results } = await createMigrator(db).migrateToLatest();
  return report('applied', error, results ?? [], logger);
}

/** Reverts every migration (tests and local resets only). */
export async function migrateDownToZero(
  db: Kysely<Database>,
  logger: MigrationLogger = console,
): Promise<MigrationResult[]> {
  const { error, results } = await createMigrator(db).migrateTo(NO_MIGRATIONS);
  return report('reverted', error, results ?? [], logger);
}

function report(verb: string, error: unknown, results: MigrationResult[], logger: MigrationLogger) {
  for (const result of results) {
    if (result.status === 'Success') logger.info(`[migrate] ${verb} ${result.migrationName}`);
    else if (result.status === 'Error') logger.error(`[migrate] failed ${result.migrationName}`);
  }
  if (error) {
    throw new Error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  if (results.length === 0) logger.info('[migrate] nothing to do');
  return results;
}

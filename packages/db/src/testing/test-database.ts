import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { createDatabase, openPgliteHandle } from '../create-database';
import type { Database } from '../database';
import { type MigrationLogger, migrateToLatest } from '../migrator';
import { pgliteTemplate } from './pglite-template';

/** The two databases every repository test runs on. */
export type TestDialect = 'pglite' | 'postgres';

/** A migrated, throw-away database. `close()` also drops it (postgres). */
export interface TestDatabase {
  db: Kysely<Database>;
  dialect: TestDialect;
  /** The connection string of the database (postgres only). */
  url?: string;
  close(): Promise<void>;
}

/** The server used for postgres tests: `TEST_DATABASE_URL`, or the local trust-auth default. */
export function adminDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

const silent: MigrationLogger = { info: () => {}, error: () => {} };

async function withAdminClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminDatabaseUrl(), connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** True if the postgres test server answers. */
export async function isPostgresReachable(): Promise<boolean> {
  try {
    await withAdminClient((client) => client.query('select 1'));
    return true;
  } catch {
    return false;
  }
}

/**
 * Opens a fresh, migrated database: in-memory PGlite (started from a cached, migrated template), or a
 * new randomly named database on the postgres test server (dropped again by `close()`).
 */
export async function createTestDatabase(dialect: TestDialect): Promise<TestDatabase> {
  if (dialect === 'pglite') {
    const handle = await openPgliteHandle({ loadDataDir: await pgliteTemplate() });
    await migrateToLatest(handle.db, silent); // a no-op unless the template is behind
    return { db: handle.db, dialect, close: handle.close };
  }
  const name = `connectors_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminDatabaseUrl());
  url.pathname = `/${name}`;
  const handle = await createDatabase({ databaseUrl: url.toString(), poolMax: 8 });
  const close = async () => {
    await handle.close();
    await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  };
  try {
    await migrateToLatest(handle.db, silent);
  } catch (error) {
    await close();
    throw error;
  }
  return { db: handle.db, dialect, url: url.toString(), close };
}

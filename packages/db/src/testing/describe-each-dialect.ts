import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe } from 'vitest';
import type { Database } from '../database';
import {
  adminDatabaseUrl,
  createTestDatabase,
  isPostgresReachable,
  type TestDatabase,
  type TestDialect,
} from './test-database';

/** What a suite sees: the database of the dialect it runs on (ready inside hooks and tests). */
export interface DialectContext {
  readonly dialect: TestDialect;
  readonly db: Kysely<Database>;
}

const inCi = process.env.CI === 'true' || process.env.CI === '1';
const postgresReachable = await isPostgresReachable();
let warned = false;

/**
 * Whether postgres suites run: PostgreSQL answers, or this is CI (where an unreachable server fails
 * the suite instead of skipping it). Warns once when they are skipped.
 */
export function runPostgres(): boolean {
  if (postgresReachable || inCi) return true; // in CI an unreachable server fails the suite
  if (!warned) {
    warned = true;
    const url = new URL(adminDatabaseUrl());
    url.password = url.password ? '***' : '';
    console.warn(
      `\n[db tests] PostgreSQL is not reachable at ${url} (TEST_DATABASE_URL): SKIPPING the postgres variant ` +
        'of every suite. Start it (pg_ctlcluster --skip-systemctl-redirect 15 main start); in CI this fails.\n',
    );
  }
  return false;
}

/**
 * Declares the same suite twice: on in-memory PGlite and on a fresh PostgreSQL database (one database
 * per call, migrated, dropped afterwards). Without a reachable PostgreSQL the postgres variant is
 * skipped with a warning, unless `CI` is set, where it fails.
 *
 * @example
 * describeEachDialect('contact repository', (ctx) => {
 *   it('creates', async () => { await createContact(ctx.db, workspaceId, { email: 'a@b.c' }); });
 * });
 */
export function describeEachDialect(name: string, suite: (ctx: DialectContext) => void): void {
  for (const dialect of ['pglite', 'postgres'] as const) {
    const enabled = dialect === 'pglite' || runPostgres();
    (enabled ? describe : describe.skip)(`${name} [${dialect}]`, () => {
      let database: TestDatabase | undefined;
      beforeAll(async () => {
        database = await createTestDatabase(dialect);
      });
      afterAll(async () => {
        await database?.close();
      });
      suite({
        dialect,
        get db() {
          if (!database) throw new Error('The test database is only ready inside hooks and tests');
          return database.db;
        },
      });
    });
  }
}

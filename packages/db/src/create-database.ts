import { mkdirSync } from 'node:fs';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { Database } from './database';
import { PreparedStatementPool } from './pg/prepared-statements';
import { PgliteThreadDialect, PgliteWorkerClient } from './pglite-thread/pglite-thread-dialect';

/** Where to connect. Without `databaseUrl` the database is PGlite, in-process. */
export interface CreateDatabaseOptions {
  /** A PostgreSQL connection string; when set, a `pg` pool is used. */
  databaseUrl?: string;
  /** PGlite's data directory (default `.data/pglite`); `':memory:'` keeps it in memory (tests). */
  dataDir?: string;
  /** Size of the `pg` pool (default 10). Ignored on PGlite, which has exactly one connection. */
  poolMax?: number;
  /**
   * Run PGlite in a worker thread (the default) or, with `false`, on the calling thread. Without this
   * option, `CONNECTORS_PGLITE_THREAD=0` in the environment selects the calling thread. Ignored on
   * PostgreSQL.
   */
  pgliteThread?: boolean;
  /**
   * Send named (prepared) statements, parsed once per connection and then only bound and executed (the
   * default): on PostgreSQL through `PreparedStatementPool`, on PGlite in its worker thread
   * (`pglite-prepared.mjs`; PGlite on the calling thread runs each statement as `query()` does).
   * Without this option, `CONNECTORS_PG_PREPARED_STATEMENTS=0` in the environment turns them off (for
   * a pooler that cannot keep them, such as PgBouncer in transaction mode before 1.21).
   */
  preparedStatements?: boolean;
}

/** An open database and how to close it. */
export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: 'pglite' | 'postgres';
  close(): Promise<void>;
}

/** The default PGlite data directory, relative to the working directory. */
export const DEFAULT_PGLITE_DATA_DIR = '.data/pglite';

const INT8_OID = 20;

/**
 * `bigint` (int8: `count(*)`, `bigserial`) is read as a JavaScript `number` on both dialects, as PGlite
 * does by default (`pg` would return a string). Values above 2^53 would lose precision; no column here
 * can get there.
 */
function parseInt8(value: string): number {
  return Number(value);
}

/**
 * Opens the database: PostgreSQL through a `pg` pool when `databaseUrl` is given, otherwise PGlite
 * persisted in `dataDir` (or in memory for `':memory:'`).
 *
 * Both return the same JavaScript values: `jsonb` parsed, `timestamptz` as `Date`, `uuid` as string,
 * `bigint` as number, `text[]` as `string[]`.
 *
 * PGlite is ONE connection shared by the whole process: queries queue behind each other, and a
 * transaction blocks every other query until it ends. Never hold a transaction open across an HTTP call
 * or any other slow await, and inside a transaction use the transaction object, never `db` (that would
 * deadlock). Only one process may open a PGlite data directory at a time.
 *
 * PGlite (WebAssembly Postgres) runs in a `worker_threads` Worker by default, so the database's work
 * uses another core than the HTTP server and the run engine (`PgliteThreadDialect`): statements outside
 * a transaction queue in the worker, and those of a transaction run synchronously (this thread waits
 * for each, as it would run it in-thread) so a transaction never holds the database while this thread
 * is busy elsewhere. `pgliteThread: false`, or `CONNECTORS_PGLITE_THREAD=0` in the environment, runs
 * PGlite on the calling thread instead (kysely-pglite-dialect): it answers a single request a little
 * sooner (no hop between threads) but everything then shares one core. `close()` closes PGlite and
 * waits for the worker to exit.
 *
 * @example
 * const { db, close } = await createDatabase({ databaseUrl: process.env.DATABASE_URL });
 */
export async function createDatabase(options: CreateDatabaseOptions = {}): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    return createPostgres(
      options.databaseUrl,
      options.poolMax ?? 10,
      options.preparedStatements ?? preparedStatementsByDefault(),
    );
  }
  return createPglite(
    options.dataDir ?? DEFAULT_PGLITE_DATA_DIR,
    options.pgliteThread,
    options.preparedStatements ?? preparedStatementsByDefault(),
  );
}

/**
 * Whether PostgreSQL statements are prepared when the caller does not say: yes, unless
 * `CONNECTORS_PG_PREPARED_STATEMENTS` is `0` or `false`.
 */
export function preparedStatementsByDefault(): boolean {
  const value = process.env.CONNECTORS_PG_PREPARED_STATEMENTS?.trim().toLowerCase();
  return value !== '0' && value !== 'false';
}

function createPostgres(connectionString: string, max: number, prepare: boolean): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString,
    max,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? parseInt8 : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', (error) => {
    console.error('[db] idle PostgreSQL client error:', error.message);
  });
  // A client that is checked out (a transaction between two statements) reports a lost connection on
  // itself, not on the pool, and an `error` event nobody listens to ends the process. With a listener
  // the statement in flight or the next one fails instead, and the pool drops the broken client.
  pool.on('connect', (client) => {
    client.on('error', (error) => {
      console.error('[db] PostgreSQL connection lost:', error.message);
    });
  });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: prepare ? new PreparedStatementPool(pool) : pool }),
  });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

async function createPglite(
  dataDir: string,
  thread: boolean | undefined,
  preparedStatements: boolean,
): Promise<DatabaseHandle> {
  const inMemory = dataDir === ':memory:';
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  return openPgliteHandle({ ...(inMemory ? {} : { dataDir }), preparedStatements }, thread);
}

/**
 * Whether PGlite runs in a worker thread when the caller does not say: yes, unless
 * `CONNECTORS_PGLITE_THREAD` is `0` or `false`.
 */
export function pgliteThreadByDefault(): boolean {
  const value = process.env.CONNECTORS_PGLITE_THREAD?.trim().toLowerCase();
  return value !== '0' && value !== 'false';
}

/**
 * Opens PGlite in a worker thread or on this thread (`thread`, default `pgliteThreadByDefault()`),
 * with this package's type parsers either way. Internal: the test helpers use it to start from a
 * migrated template.
 */
export async function openPgliteHandle(
  options: { dataDir?: string; loadDataDir?: Blob; preparedStatements?: boolean },
  thread = pgliteThreadByDefault(),
): Promise<DatabaseHandle> {
  if (!thread) return (await openPglite(options)).handle;
  const client = await PgliteWorkerClient.start({
    ...options,
    preparedStatements: options.preparedStatements ?? preparedStatementsByDefault(),
  });
  const db = new Kysely<Database>({ dialect: new PgliteThreadDialect(client) });
  return {
    db,
    dialect: 'pglite',
    // Kysely destroys only a driver that ran a query; the client is closed either way.
    close: async () => {
      await db.destroy();
      await client.close();
    },
  };
}

/**
 * Opens PGlite on this thread with this package's type parsers: in `dataDir`, or in memory (optionally
 * starting from a `dumpDataDir()` tarball), and returns the PGlite client too. Internal: the test
 * template helper uses the client to dump a migrated data directory.
 */
export async function openPglite(options: {
  dataDir?: string;
  loadDataDir?: Blob;
}): Promise<{ handle: DatabaseHandle; client: PGlite }> {
  const client = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    parsers: { [pgliteTypes.INT8]: parseInt8 },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  return { handle: { db, dialect: 'pglite', close: () => db.destroy() }, client };
}

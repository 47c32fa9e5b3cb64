import type { Executor } from '../database';

/**
 * Runs `fn` in a transaction: the caller's own if `db` already is one, a new one otherwise. Keep `fn`
 * short and free of network calls (PGlite has one connection; see `createDatabase`).
 */
export async function withTransaction<T>(db: Executor, fn: (trx: Executor) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  return db.transaction().execute(fn);
}

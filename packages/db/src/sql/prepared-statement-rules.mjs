// What may be sent as a named (prepared) statement, and how PostgreSQL says one went stale: shared by
// the `pg` pool wrapper (src/pg/prepared-statements.ts) and PGlite's worker thread
// (src/pglite-thread/pglite-prepared.mjs). Plain JavaScript so that the worker can load it.

const DATA_STATEMENT = /^\s*(select|insert|update|delete|with)\b/i;
const MAX_TEXT = 16 * 1024;
const MAX_PARAMETERS = 500;

/**
 * Whether `sql` may be prepared: a data statement (SELECT, INSERT, UPDATE, DELETE, WITH) of at most
 * 16 KiB with at most 500 parameters. Without parameters a text may hold several statements (sent as a
 * simple query), which a prepared statement may not: such a text is not prepared.
 *
 * @param {string} sql
 * @param {number} parameterCount
 */
export function preparable(sql, parameterCount) {
  return (
    sql.length <= MAX_TEXT &&
    parameterCount <= MAX_PARAMETERS &&
    DATA_STATEMENT.test(sql) &&
    !(parameterCount === 0 && sql.includes(';'))
  );
}

/**
 * PostgreSQL's answer when a prepared statement's result columns changed since it was planned (a
 * migration added a column to a table a `select *` reads): SQLSTATE 0A000.
 *
 * @param {unknown} error
 */
export function isStalePlan(error) {
  return (
    typeof error === 'object' &&
    error !== null &&
    error.code === '0A000' &&
    /cached plan must not change result type/i.test(String(error.message ?? ''))
  );
}

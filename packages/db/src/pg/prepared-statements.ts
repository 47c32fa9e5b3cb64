import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';
import { isStalePlan, preparable } from '../sql/prepared-statement-rules.mjs';

/**
 * Names the statements Kysely sends to PostgreSQL, so that each connection parses and plans a statement
 * once and then only binds and executes it (PostgreSQL's prepared statements, which `pg` creates when a
 * query has a `name`). Without names every statement is parsed and planned again on every call; for this
 * app's statements (CTEs of a run's claim and finish) that was a third of PostgreSQL's CPU per run.
 *
 * The name of a statement is given by its text, the same on every connection (`pg` prepares it on a
 * connection the first time that connection sends it). Only data statements are named (SELECT, INSERT,
 * UPDATE, DELETE, WITH), and at most `limit` distinct texts per process (default 1000), each at most
 * 16 KiB with at most 500 parameters: a statement beyond those (a bulk insert of many rows, say) is
 * sent unnamed as before, so memory on either side stays bounded.
 *
 * A prepared statement whose result columns changed under it (a migration added a column to a table a
 * `select *` reads, while this process kept running) fails once with SQLSTATE 0A000; the statement is
 * then renamed, so every connection prepares it anew, and — outside a transaction, where nothing else
 * was lost — sent again.
 *
 * `PreparedStatementPool` does this for a `pg.Pool` handed to Kysely's `PostgresDialect`. Behind a
 * pooler that moves a session's statements between server connections (PgBouncer in transaction mode
 * before 1.21) named statements fail: `createDatabase({ preparedStatements: false })`, or
 * `CONNECTORS_PG_PREPARED_STATEMENTS=0`, turns them off.
 */
export class StatementNames {
  readonly #names = new Map<string, string>();
  #next = 0;

  constructor(readonly limit = 1000) {}

  /** The name to prepare `sql` under, or undefined to send it unnamed. */
  nameOf(sql: string, parameterCount: number): string | undefined {
    const known = this.#names.get(sql);
    if (known !== undefined) return known;
    if (this.#names.size >= this.limit || !preparable(sql, parameterCount)) return undefined;
    const name = `connectors_${this.#next++}`;
    this.#names.set(sql, name);
    return name;
  }

  /** Forgets `sql`'s name: the next use prepares it under a new one on every connection. */
  retire(sql: string): void {
    this.#names.delete(sql);
  }

  /** How many statement texts have a name. */
  get size(): number {
    return this.#names.size;
  }
}

const TRANSACTION_START = /^\s*(begin|start\s+transaction)\b/i;
// `rollback to savepoint` leaves the transaction open.
const TRANSACTION_END = /^\s*(commit|end|abort|rollback(?!\s+to\b))\b/i;

/** A pool client whose queries go out named (see `StatementNames`). */
class PreparingClient {
  #inTransaction = false;

  constructor(
    private readonly client: pg.PoolClient,
    private readonly names: StatementNames,
  ) {}

  query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  query(cursor: unknown): unknown;
  query<R>(sqlOrCursor: unknown, parameters?: ReadonlyArray<unknown>): unknown {
    if (typeof sqlOrCursor !== 'string') return this.client.query(sqlOrCursor as never);
    const sql = sqlOrCursor;
    const values = (parameters ?? []) as unknown[];
    // Kysely's transaction control is short (`begin`, `commit`, `rollback`, `start transaction …`).
    if (sql.length <= 64) {
      if (TRANSACTION_START.test(sql)) this.#inTransaction = true;
      else if (TRANSACTION_END.test(sql)) this.#inTransaction = false;
    }
    const name = this.names.nameOf(sql, values.length);
    if (name === undefined) return this.client.query<R & pg.QueryResultRow>(sql, values);
    return this.#named<R>(name, sql, values);
  }

  async #named<R>(name: string, sql: string, values: unknown[]): Promise<PostgresQueryResult<R>> {
    try {
      return (await this.client.query<R & pg.QueryResultRow>({
        name,
        text: sql,
        values,
      })) as PostgresQueryResult<R>;
    } catch (error) {
      if (!isStalePlan(error)) throw error;
      this.names.retire(sql);
      if (this.#inTransaction) throw error;
      const renamed = this.names.nameOf(sql, values.length);
      return (await this.client.query<R & pg.QueryResultRow>(
        renamed === undefined ? { text: sql, values } : { name: renamed, text: sql, values },
      )) as PostgresQueryResult<R>;
    }
  }

  /** Kysely passes `true` to throw the connection away (a failed rollback): pass it on to the pool. */
  release(destroy?: boolean | Error): void {
    this.#inTransaction = false;
    this.client.release(destroy);
  }
}

/** A `pg.Pool` for Kysely's `PostgresDialect` whose clients send named statements (`StatementNames`). */
export class PreparedStatementPool implements PostgresPool {
  readonly #clients = new WeakMap<pg.PoolClient, PreparingClient>();

  constructor(
    private readonly pool: pg.Pool,
    readonly names = new StatementNames(),
  ) {}

  async connect(): Promise<PostgresPoolClient> {
    const client = await this.pool.connect();
    let wrapped = this.#clients.get(client);
    if (!wrapped) {
      wrapped = new PreparingClient(client, this.names);
      this.#clients.set(client, wrapped);
    }
    return wrapped as unknown as PostgresPoolClient;
  }

  end(): Promise<void> {
    return this.pool.end();
  }
}

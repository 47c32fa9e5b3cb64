import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type DatabaseHandle } from '../create-database';
import { runPostgres } from '../testing/describe-each-dialect';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { PreparedStatementPool, StatementNames } from './prepared-statements';

// biome-ignore lint/suspicious/noExplicitAny: scratch tables outside the app's schema
type Scratch = Kysely<any>;

interface Prepared {
  name: string;
  statement: string;
  generic_plans: number;
  custom_plans: number;
}

/** The named statements of the (single) connection `db` uses. */
async function prepared(db: Scratch): Promise<Prepared[]> {
  const { rows } = await sql<Prepared>`
    select name, statement, generic_plans::int, custom_plans::int from pg_prepared_statements
    where name like 'connectors_%'`.execute(db);
  return rows;
}

describe('StatementNames', () => {
  it('names a data statement by its text, the same name each time', () => {
    const names = new StatementNames();
    const a = names.nameOf('select * from t where id = $1', 1);
    expect(a).toMatch(/^connectors_\d+$/);
    expect(names.nameOf('select * from t where id = $1', 1)).toBe(a);
    expect(names.nameOf('  WITH x AS (select 1) select * from x', 0)).not.toBe(a);
    expect(names.nameOf('insert into t values ($1)', 1)).toBeDefined();
    expect(names.nameOf('update t set a = 1', 0)).toBeDefined();
    expect(names.nameOf('delete from t', 0)).toBeDefined();
  });

  it('leaves transaction control, DDL, huge statements and statements past its limit unnamed', () => {
    const names = new StatementNames(3);
    expect(names.nameOf('begin', 0)).toBeUndefined();
    expect(names.nameOf('create table t (a int)', 0)).toBeUndefined();
    expect(names.nameOf(`select ${'1,'.repeat(10_000)}1`, 0)).toBeUndefined();
    expect(names.nameOf('insert into t values ($1)', 501)).toBeUndefined();
    // Several statements in one parameterless text: pg sends it as a simple query, which allows that.
    expect(names.nameOf('insert into a values (1); insert into b values (2)', 0)).toBeUndefined();
    expect(names.nameOf('select 1', 0)).toBeDefined();
    expect(names.nameOf('select 2', 0)).toBeDefined();
    expect(names.nameOf('select 3', 0)).toBeDefined();
    expect(names.nameOf('select 4', 0)).toBeUndefined();
    expect(names.size).toBe(3);
  });

  it('gives a retired text a new name', () => {
    const names = new StatementNames();
    const first = names.nameOf('select 1', 0);
    names.retire('select 1');
    const second = names.nameOf('select 1', 0);
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
  });
});

(runPostgres() ? describe : describe.skip)('prepared statements on PostgreSQL', () => {
  let database: TestDatabase;
  let handle: DatabaseHandle; // one connection, so pg_prepared_statements shows what it holds
  let db: Scratch;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    handle = await createDatabase({ databaseUrl: database.url!, poolMax: 1, preparedStatements: true });
    db = handle.db as unknown as Scratch;
    await sql`create table scratch (id int primary key, name text not null)`.execute(db);
    await sql`insert into scratch values (1, 'one'), (2, 'two')`.execute(db);
  });

  afterAll(async () => {
    await handle?.close();
    await database?.close();
  });

  /** A change to the table from another connection, as a deploy's migration would make it. */
  async function alterFromAnotherProcess(statement: string): Promise<void> {
    const other = new pg.Client({ connectionString: database.url });
    await other.connect();
    try {
      await other.query(statement);
    } finally {
      await other.end();
    }
  }

  it('parses a statement once per connection and then only executes it, with the right rows', async () => {
    const byId = (id: number) => db.selectFrom('scratch').selectAll().where('id', '=', id).executeTakeFirst();
    expect(await byId(1)).toEqual({ id: 1, name: 'one' });
    expect(await byId(2)).toEqual({ id: 2, name: 'two' });
    expect(await byId(3)).toBeUndefined();
    const mine = (await prepared(db)).filter((p) => p.statement.includes('from "scratch" where "id" = $1'));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.generic_plans + mine[0]!.custom_plans).toBe(3);
  });

  it('sends DDL unnamed', async () => {
    await sql`create index scratch_name on scratch (name)`.execute(db);
    expect((await prepared(db)).some((p) => /create index/i.test(p.statement))).toBe(false);
  });

  it('re-prepares a `select *` whose table gained a column while this process ran', async () => {
    const all = () => db.selectFrom('scratch').selectAll().orderBy('id').execute();
    expect(await all()).toEqual([
      { id: 1, name: 'one' },
      { id: 2, name: 'two' },
    ]);
    // Another process (a deploy's migration) changes the table.
    await alterFromAnotherProcess(`alter table scratch add column note text default 'n'`);
    expect(await all()).toEqual([
      { id: 1, name: 'one', note: 'n' },
      { id: 2, name: 'two', note: 'n' },
    ]);
  });

  it('inside a transaction the stale statement fails that transaction once; the next use works', async () => {
    const all = (q: Scratch) => q.selectFrom('scratch').selectAll().where('id', '>', 0).execute();
    await all(db);
    await alterFromAnotherProcess(`alter table scratch add column extra int default 7`);
    await expect(db.transaction().execute((trx) => all(trx))).rejects.toMatchObject({ code: '0A000' });
    const rows = await db.transaction().execute((trx) => all(trx));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ id: 1, extra: 7 });
  });

  it('runs several parameterless statements in one text, as pg does without names', async () => {
    await sql`insert into scratch (id, name) values (10, 'ten'); insert into scratch (id, name) values (11, 'eleven')`.execute(
      db,
    );
    expect(await db.selectFrom('scratch').select('id').where('id', '>=', 10).orderBy('id').execute()).toEqual(
      [{ id: 10 }, { id: 11 }],
    );
  });

  it('keeps a transaction open across `rollback to savepoint` (a stale plan there is not retried)', async () => {
    const some = (q: Scratch) => q.selectFrom('scratch').selectAll().where('id', '<', 100).execute();
    await some(db);
    await alterFromAnotherProcess(`alter table scratch add column later int default 1`);
    const trx = await db.startTransaction().execute();
    const point = await trx.savepoint('before').execute();
    await point.rollbackToSavepoint('before').execute();
    const failure = await some(point).catch((error: unknown) => error);
    await trx.rollback().execute();
    expect(failure).toMatchObject({ code: '0A000' }); // not 25P02 from a retry inside the transaction
    expect((await some(db))[0]).toMatchObject({ later: 1 });
  });

  it('hands a connection Kysely discards back to the pool to be destroyed', async () => {
    const pool = new pg.Pool({ connectionString: database.url, max: 1 });
    try {
      const preparing = new PreparedStatementPool(pool);
      const client = await preparing.connect();
      await client.query('select 1', []);
      expect(pool.totalCount).toBe(1);
      (client.release as (destroy?: boolean) => void)(true);
      expect(pool.totalCount).toBe(0);
      const again = await preparing.connect();
      expect((await again.query<{ one: number }>('select 1 as one', [])).rows).toEqual([{ one: 1 }]);
      again.release();
    } finally {
      await pool.end();
    }
  });

  it('names nothing when turned off', async () => {
    const plain = await createDatabase({ databaseUrl: database.url!, poolMax: 1, preparedStatements: false });
    try {
      const scratch = plain.db as unknown as Scratch;
      expect(await scratch.selectFrom('scratch').select('id').where('id', '=', 1).execute()).toEqual([
        { id: 1 },
      ]);
      expect(await prepared(scratch)).toEqual([]);
    } finally {
      await plain.close();
    }
  });
});

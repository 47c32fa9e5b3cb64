import { PGlite, types } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPreparedStatements } from './pglite-prepared.mjs';

describe('PGlite named statements (pglite-prepared.mjs)', () => {
  let pglite: PGlite;
  let prepared: ReturnType<typeof createPreparedStatements>;

  /** How often PostgreSQL ran the named statement whose text contains `fragment`. */
  async function runs(fragment: string): Promise<number | undefined> {
    const { rows } = await pglite.query<{ n: number }>(
      `select (generic_plans + custom_plans)::int as n from pg_prepared_statements where statement like $1`,
      [`%${fragment}%`],
    );
    return rows[0]?.n;
  }

  beforeAll(async () => {
    pglite = await PGlite.create({ parsers: { [types.INT8]: (value: string) => Number(value) } });
    prepared = createPreparedStatements(pglite);
    await pglite.exec(`
      create table items (id int primary key, name text not null unique, body jsonb, at timestamptz,
        tags text[], n bigint)`);
  });

  afterAll(() => pglite?.close());

  it('returns what query() returns, for every kind of value, and parses the statement once', async () => {
    const insert =
      'insert into items (id, name, body, at, tags, n) values ($1, $2, cast($3 as jsonb), $4, $5, $6) returning *';
    const at = new Date('2026-11-26T10:00:00.123Z');
    const viaNamed = await prepared.query(insert, [
      1,
      'one',
      JSON.stringify({ a: [1, 'x'] }),
      at,
      ['p', 'q'],
      42,
    ]);
    const viaQuery = await pglite.query(insert.replace('values ($1', 'values ($1 + 1'), [
      1,
      'two',
      JSON.stringify({ a: [1, 'x'] }),
      at,
      ['p', 'q'],
      42,
    ]);
    expect(viaNamed.rows).toEqual([
      { id: 1, name: 'one', body: { a: [1, 'x'] }, at, tags: ['p', 'q'], n: 42 },
    ]);
    expect(viaNamed.rows[0]).toEqual({ ...(viaQuery.rows[0] as object), id: 1, name: 'one' });
    expect(viaNamed.fields.map((f) => f.name)).toEqual(viaQuery.fields.map((f) => f.name));
    expect(viaNamed.affectedRows).toBe(1);

    const byId = 'select name, n from items where id = $1';
    expect((await prepared.query(byId, [1])).rows).toEqual([{ name: 'one', n: 42 }]);
    expect((await prepared.query(byId, [2])).rows).toEqual([{ name: 'two', n: 42 }]);
    expect((await prepared.query(byId, [3])).rows).toEqual([]);
    expect((await prepared.query(byId, [null])).rows).toEqual([]);
    expect(await runs('select name, n from items where id = $1')).toBe(4);
    const update = await prepared.query('update items set n = n + 1 where id > $1', [0]);
    expect(update.affectedRows).toBe(2);
  });

  it('sends DDL, transaction control and oversized statements as query() does', async () => {
    const before = prepared.size;
    await prepared.query('create index items_n on items (n)');
    await prepared.query('begin');
    await prepared.query('rollback');
    await prepared.query(`select 1 where 1 in (${'1,'.repeat(9000)}1)`);
    expect(prepared.size).toBe(before);
  });

  it('reports errors as query() does, with their code, constraint and statement', async () => {
    const insert = 'insert into items (id, name) values ($1, $2)';
    await expect(prepared.query(insert, [1, 'again'])).rejects.toMatchObject({
      code: '23505',
      constraint: 'items_pkey',
      query: insert,
    });
    await expect(prepared.query('select nope from items where id = $1', [1])).rejects.toMatchObject({
      code: '42703',
    });
    await expect(prepared.query('select * from items where id = $1', ['not a number'])).rejects.toMatchObject(
      {
        code: '22P02',
      },
    );
    // The named statement of a failed call still works.
    expect((await prepared.query(insert, [3, 'three'])).affectedRows).toBe(1);
  });

  it('re-prepares a `select *` whose table gained a column; in a transaction the first use fails', async () => {
    const all = 'select * from items where id = $1';
    expect(Object.keys((await prepared.query(all, [1])).rows[0] as object)).not.toContain('note');
    await pglite.exec(`alter table items add column note text default 'n'`);
    expect((await prepared.query(all, [1])).rows[0]).toMatchObject({ id: 1, note: 'n' });

    const other = 'select * from items where id > $1 order by id';
    await prepared.query(other, [0]);
    await pglite.exec(`alter table items add column extra int default 7`);
    await pglite.exec('begin');
    await expect(prepared.query(other, [0])).rejects.toMatchObject({ code: '0A000' });
    await pglite.exec('rollback');
    expect((await prepared.query(other, [0])).rows[0]).toMatchObject({ id: 1, extra: 7 });
  });
});

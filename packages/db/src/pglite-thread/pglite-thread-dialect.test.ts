import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Generated, Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgliteHandle } from '../create-database';
import { jsonb } from '../sql/jsonb';
import { pgliteTemplate } from '../testing/pglite-template';
import { PgliteThreadDialect, PgliteWorkerClient } from './pglite-thread-dialect';

interface Scratch {
  items: {
    id: string;
    name: string;
    body: unknown;
    at: Date | null;
    tags: string[] | null;
    note: string | null;
    bytes: Uint8Array | null;
    n: number | null;
  };
  log: { id: Generated<number>; entry: string };
}

async function createTables(db: Kysely<Scratch>) {
  await sql`
    create table items (
      id uuid primary key,
      name text not null constraint items_name_unique unique,
      body jsonb,
      at timestamptz,
      tags text[],
      note text,
      bytes bytea,
      n bigint
    )`.execute(db);
  await sql`create table log (id serial primary key, entry text not null)`.execute(db);
}

const ROW = {
  id: '0b5c3c4e-7a7d-4a36-9a53-8c1d2e3f4a5b',
  name: 'first',
  at: new Date('2026-01-02T03:04:05.678Z'),
  tags: ['a', 'b,c', '"quoted"', ''],
  note: null,
  bytes: new Uint8Array([0, 1, 254, 255]),
  n: 9_007_199_254_740_991,
};
const BODY = { nested: { list: [1, 'two', null, { deep: true }] }, empty: {}, when: '2026-01-02' };

function insertRow(db: Kysely<Scratch>) {
  return db
    .insertInto('items')
    .values({ ...ROW, body: jsonb(BODY) })
    .executeTakeFirstOrThrow();
}

const here = path.dirname(fileURLToPath(import.meta.url));

describe('PgliteThreadDialect (PGlite in a worker thread)', () => {
  let client: PgliteWorkerClient;
  let db: Kysely<Scratch>;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'connectors-pglite-thread-'));

  beforeAll(async () => {
    client = await PgliteWorkerClient.start({ loadDataDir: await pgliteTemplate() });
    db = new Kysely<Scratch>({ dialect: new PgliteThreadDialect(client) });
    await createTables(db);
  });
  afterAll(async () => {
    await db?.destroy();
    await client?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('selects, with parameters', async () => {
    const { rows } = await sql<{
      sum: number;
      text: string;
    }>`select ${2}::int + ${40}::int as sum, ${'x'} as text`.execute(db);
    expect(rows).toEqual([{ sum: 42, text: 'x' }]);
  });

  it('round-trips every parameter type we use, with the values the in-thread PGlite returns', async () => {
    const inserted = await insertRow(db);
    expect(inserted.numInsertedOrUpdatedRows).toBe(1n);

    const here = await openPgliteHandle({ loadDataDir: await pgliteTemplate() }, false);
    try {
      const local = here.db as unknown as Kysely<Scratch>;
      await createTables(local);
      await insertRow(local);
      const read = (on: Kysely<Scratch>) =>
        on
          .selectFrom('items')
          .selectAll()
          .where('id', '=', ROW.id)
          .where('note', 'is', null)
          .executeTakeFirstOrThrow();
      const [threaded, inThread] = await Promise.all([read(db), read(local)]);

      expect(threaded).toEqual({ ...ROW, body: BODY });
      expect(threaded).toEqual(inThread);
      expect(threaded.at).toBeInstanceOf(Date);
      expect(threaded.bytes).toBeInstanceOf(Uint8Array);
      expect(Array.isArray(threaded.tags)).toBe(true);
      expect(typeof threaded.n).toBe('number');
      expect(threaded.note).toBeNull();
      expect(Object.getPrototypeOf(threaded)).toBe(Object.getPrototypeOf(inThread));
      expect(threaded.body).toEqual(inThread.body);

      const mixed = sql<
        Record<string, unknown>
      >`select ${ROW.at}::timestamptz as at, ${ROW.tags}::text[] as tags,
        ${null}::text as nothing, count(*) as count, now() - now() as zero, 1.5::numeric as numeric from items`;
      const [a, b] = await Promise.all([mixed.execute(db), mixed.execute(local)]);
      expect(a.rows).toEqual(b.rows);
      expect(a.rows[0]).toMatchObject({ at: ROW.at, tags: ROW.tags, nothing: null, count: 1 });
    } finally {
      await here.close();
    }
  });

  it('reports affected rows of updates and deletes', async () => {
    await db
      .insertInto('log')
      .values([{ entry: 'u1' }, { entry: 'u2' }])
      .execute();
    const updated = await db
      .updateTable('log')
      .set({ entry: 'u' })
      .where('entry', 'like', 'u_')
      .executeTakeFirst();
    expect(updated.numUpdatedRows).toBe(2n);
    const deleted = await db.deleteFrom('log').where('entry', '=', 'u').executeTakeFirst();
    expect(deleted.numDeletedRows).toBe(2n);
  });

  it('commits a transaction, and rolls one back with its writes gone', async () => {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('log').values({ entry: 'committed' }).execute();
    });
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('log').values({ entry: 'rolled back' }).execute();
        expect(
          await trx.selectFrom('log').select('entry').where('entry', '=', 'rolled back').execute(),
        ).toHaveLength(1);
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    const entries = (await db.selectFrom('log').select('entry').execute()).map((r) => r.entry);
    expect(entries).toContain('committed');
    expect(entries).not.toContain('rolled back');
  });

  it('runs concurrent transactions one after the other, and other statements between them', async () => {
    const events: string[] = [];
    await Promise.all(
      [1, 2, 3, 4].map((i) =>
        db.transaction().execute(async (trx) => {
          events.push(`begin ${i}`);
          await trx
            .insertInto('log')
            .values({ entry: `tx ${i}` })
            .execute();
          await new Promise((resolve) => setTimeout(resolve, 10));
          const { count } = await trx
            .selectFrom('log')
            .select((eb) => eb.fn.countAll<number>().as('count'))
            .where('entry', 'like', 'tx %')
            .executeTakeFirstOrThrow();
          events.push(`end ${i} saw ${count}`);
        }),
      ),
    );
    expect(events).toEqual([
      'begin 1',
      'end 1 saw 1',
      'begin 2',
      'end 2 saw 2',
      'begin 3',
      'end 3 saw 3',
      'begin 4',
      'end 4 saw 4',
    ]);

    // A statement outside the transaction waits for it: it cannot see (or be part of) its writes.
    let outside: number | undefined;
    await db
      .transaction()
      .execute(async (trx) => {
        await trx.insertInto('log').values({ entry: 'tx 5' }).execute();
        const read = db
          .selectFrom('log')
          .select((eb) => eb.fn.countAll<number>().as('count'))
          .where('entry', 'like', 'tx %')
          .executeTakeFirstOrThrow()
          .then((row) => {
            outside = row.count;
          });
        await new Promise((resolve) => setTimeout(resolve, 20));
        expect(outside).toBeUndefined();
        void read;
        throw new Error('roll back tx 5');
      })
      .catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(outside).toBe(4);
  });

  it('returns a unique violation as an Error with code 23505 and the constraint', async () => {
    const error = await db
      .insertInto('items')
      .values({ id: '1b5c3c4e-7a7d-4a36-9a53-8c1d2e3f4a5b', name: ROW.name })
      .execute()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      code: '23505',
      constraint: 'items_name_unique',
      table: 'items',
      schema: 'public',
      detail: `Key (name)=(${ROW.name}) already exists.`,
      message: 'duplicate key value violates unique constraint "items_name_unique"',
    });
    // The stack starts where the statement was made, in this thread.
    expect((error as Error).stack).toContain('pglite-thread-dialect.test.ts');

    // Inside a transaction (a synchronous statement) too, and the transaction is rolled back.
    const inTransaction = await db
      .transaction()
      .execute(async (trx) => {
        await trx.insertInto('log').values({ entry: 'before the violation' }).execute();
        await trx
          .insertInto('items')
          .values({ id: '2b5c3c4e-7a7d-4a36-9a53-8c1d2e3f4a5b', name: ROW.name })
          .execute();
      })
      .catch((caught: unknown) => caught);
    expect(inTransaction).toMatchObject({ code: '23505', constraint: 'items_name_unique' });
    expect(
      await db.selectFrom('log').selectAll().where('entry', '=', 'before the violation').execute(),
    ).toEqual([]);
  });

  it('keeps data on disk across close and reopen', async () => {
    const dataDir = path.join(dir, 'data');
    const first = await openPgliteHandle({ dataDir }, true);
    await sql`create table kept (n bigint)`.execute(first.db);
    await sql`insert into kept values (41), (1)`.execute(first.db);
    await first.close();

    const second = await openPgliteHandle({ dataDir }, true);
    const { rows } = await sql<{ total: number }>`select sum(n)::bigint as total from kept`.execute(
      second.db,
    );
    expect(rows).toEqual([{ total: 42 }]);
    await second.close();
    await expect(sql`select 1`.execute(second.db)).rejects.toThrow();
  }, 180_000); // a new data directory runs initdb in WebAssembly

  it('fails waiting statements with a clear error when the worker is gone', async () => {
    const doomed = await PgliteWorkerClient.start({ loadDataDir: await pgliteTemplate() });
    const doomedDb = new Kysely<Scratch>({ dialect: new PgliteThreadDialect(doomed) });
    const slow = sql`select pg_sleep(5)`.execute(doomedDb);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await doomed.terminate();
    await expect(slow).rejects.toThrow('The PGlite worker thread was terminated');
    await expect(sql`select 1`.execute(doomedDb)).rejects.toThrow('The PGlite worker thread was terminated');
  });

  it('lets the process exit after close()', () => {
    const script = path.join(dir, 'exits.mts');
    const createDatabase = pathToFileURL(path.join(here, '..', 'create-database.ts')).href;
    const template = pathToFileURL(path.join(here, '..', 'testing', 'pglite-template.ts')).href;
    writeFileSync(
      script,
      `import { existsSync, readdirSync } from 'node:fs';
       import { openPgliteHandle } from '${createDatabase}';
       import { pgliteTemplate } from '${template}';
       // Linux lists this process's threads: the worker is one of them while it runs.
       const threads = () => (existsSync('/proc/self/task') ? readdirSync('/proc/self/task').length : 0);
       const before = threads();
       const handle = await openPgliteHandle({ loadDataDir: await pgliteTemplate() }, true);
       const rows = await handle.db.selectNoFrom((eb) => eb.lit(2).as('two')).execute();
       const open = threads();
       await handle.close();
       console.log(JSON.stringify({ rows, before, open, after: threads() }));
       // No process.exit(): the process ends only if nothing is left running.
      `,
    );
    const child = spawnSync(process.execPath, ['--import', 'tsx', script], {
      cwd: path.join(here, '..', '..'),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.stderr).toBe('');
    expect(child.signal).toBeNull(); // not killed by the timeout
    expect(child.status).toBe(0);
    const result = JSON.parse(child.stdout);
    expect(result.rows).toEqual([{ two: 2 }]);
    if (result.before > 0) {
      expect(result.open).toBeGreaterThan(result.before);
      expect(result.after).toBe(result.before); // the worker thread is gone
    }
  }, 90_000);
});

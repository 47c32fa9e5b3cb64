import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase } from './create-database';

describe('createDatabase on PGlite', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'connectors-db-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['in a worker thread (the default)', undefined],
    ['on the calling thread', false],
  ])(
    'persists in dataDir across close and reopen, %s',
    async (_, pgliteThread) => {
      const dataDir = path.join(dir, String(pgliteThread), 'nested', 'pglite');
      const first = await createDatabase({ dataDir, pgliteThread });
      expect(first.dialect).toBe('pglite');
      await sql`create table kept (id uuid primary key default gen_random_uuid(), n bigint)`.execute(
        first.db,
      );
      await sql`insert into kept (n) values (41), (1)`.execute(first.db);
      await first.close();

      const second = await createDatabase({ dataDir, pgliteThread });
      const { rows } = await sql<{ total: number }>`select sum(n)::bigint as total from kept`.execute(
        second.db,
      );
      expect(rows).toEqual([{ total: 42 }]);
      await second.close();
    },
    180_000, // a fresh data directory runs initdb in WebAssembly: slow
  );
});

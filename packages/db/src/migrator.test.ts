import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrateDownToZero, migrateToLatest } from './migrator';
import { jsonb } from './sql/jsonb';
import { describeEachDialect } from './testing/describe-each-dialect';
import { seedWorkspace } from './testing/fixtures';

const silent = { info: () => {}, error: () => {} };

const TABLES = [
  'api_keys',
  'audit_log',
  'bulk_runs',
  'connector_executions',
  'connector_templates',
  'connectors',
  'contact_changes',
  'contacts',
  'execution_node_results',
  'flow_runs',
  'flows',
  'sessions',
  'users',
  'workspace_api_credentials',
  'workspace_execution_quotas',
  'workspace_members',
  'workspaces',
];

describeEachDialect('migrations', (ctx) => {
  async function tables(): Promise<string[]> {
    const { rows } = await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = 'public' and table_name not like 'kysely_%' order by table_name`.execute(ctx.db);
    return rows.map((r) => r.table_name);
  }

  it('round-trips jsonb, timestamptz, bigint and text[] the same way on both dialects', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const row = await ctx.db
      .insertInto('workspace_api_credentials')
      .values({
        workspace_id: workspace.id,
        service_name: 'types',
        credentials: jsonb({ token: { kid: 'k1', iv: 'i', ct: 'c', tag: 't' } }),
        allowed_hosts: ['api.example.com', 'x.example.com'],
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    expect(row.credentials).toEqual({ token: { kid: 'k1', iv: 'i', ct: 'c', tag: 't' } });
    expect(row.allowed_hosts).toEqual(['api.example.com', 'x.example.com']);
    expect(row.created_at).toBeInstanceOf(Date);
    const { rows } = await sql<{
      n: number;
      arr: unknown;
    }>`select count(*) as n, ${jsonb([1, { a: [2] }])} as arr`.execute(ctx.db);
    expect(rows[0]).toEqual({ n: 1, arr: [1, { a: [2] }] });
  });

  it('goes all the way down and up again', async () => {
    expect(await tables()).toEqual(TABLES);
    const down = await migrateDownToZero(ctx.db, silent);
    expect(down.every((r) => r.direction === 'Down' && r.status === 'Success')).toBe(true);
    expect(await tables()).toEqual([]);
    const up = await migrateToLatest(ctx.db, silent);
    expect(up).toHaveLength(down.length);
    expect(await tables()).toEqual(TABLES);
    expect(await migrateToLatest(ctx.db, silent)).toEqual([]);
  });

  it('generates uuids with gen_random_uuid()', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    expect(workspace.id).toMatch(/^[0-9a-f-]{36}$/);
  });
});

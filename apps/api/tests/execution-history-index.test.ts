import { type Executor, listExecutions } from '@connectors/db';
import { CompiledQuery, type KyselyPlugin, type RootOperationNode, sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeApi } from './support/describe-api';
import { Client } from './support/test-app';

const ROWS = 100_000;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function walk(node: PlanNode, out: PlanNode[] = []): PlanNode[] {
  out.push(node);
  for (const child of node.Plans ?? []) walk(child, out);
  return out;
}

/**
 * Runs the repository's own page query (captured on its way to the database) under EXPLAIN, so the
 * test checks the query the API sends, not a copy of it.
 */
async function planOf(db: Executor, run: (db: Executor) => Promise<unknown>): Promise<PlanNode[]> {
  let captured:
    | { node: RootOperationNode; queryId: Parameters<KyselyPlugin['transformQuery']>[0]['queryId'] }
    | undefined;
  const capture: KyselyPlugin = {
    transformQuery: (args) => {
      if (args.node.kind === 'SelectQueryNode') captured = args;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  await run(db.withPlugin(capture));
  if (!captured) throw new Error('no select was sent');
  const compiled = db.getExecutor().compileQuery(captured.node, captured.queryId);
  const result = await db.executeQuery<{ 'QUERY PLAN': unknown }>(
    CompiledQuery.raw(`EXPLAIN (FORMAT JSON) ${compiled.sql}`, [...compiled.parameters]),
  );
  const raw = result.rows[0]?.['QUERY PLAN'];
  const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
  return walk(plan[0]!.Plan);
}

describeApi('execution history at 100,000 runs', (s) => {
  it('pages through every filter of the history with an index, never a scan of the whole table', async () => {
    const client = new Client(s.app);
    const { workspace } = await client.signup();
    const connectors: string[] = [];
    for (const name of ['Alpha', 'Beta']) {
      const created = await client.post('/connectors', {
        name,
        config: { version: 1, nodes: [], edges: [] },
      });
      expect(created.status).toBe(201);
      connectors.push(created.json.id);
    }
    const db = s.t.database.db;
    // One statement seeds the lot: 1 run in 20 failed, alternating connectors, one a second apart.
    await sql`
      INSERT INTO connector_executions
        (workspace_id, connector_id, status, mode, graph_snapshot, connector_version, created_at)
      SELECT ${workspace.id}::uuid,
             CASE WHEN i % 2 = 0 THEN ${connectors[0]}::uuid ELSE ${connectors[1]}::uuid END,
             CASE WHEN i % 20 = 0 THEN 'failed' WHEN i % 97 = 0 THEN 'running' ELSE 'success' END,
             'live', '{"version":1,"nodes":[],"edges":[]}'::jsonb, 1,
             timestamp '2026-01-01' + i * interval '1 second'
      FROM generate_series(1, ${ROWS}) AS i`.execute(db);
    await sql`ANALYZE connector_executions`.execute(db);

    const deep = await listExecutions(db, workspace.id, { limit: 200 });
    expect(deep.data).toHaveLength(200);
    const cases: [string, Parameters<typeof listExecutions>[2]][] = [
      ['the whole workspace', {}],
      ['a page further on', { cursor: deep.nextCursor }],
      ['one connector', { connectorId: connectors[0] }],
      ['one connector, a page further on', { connectorId: connectors[0], cursor: deep.nextCursor }],
      ['failed runs', { status: 'failed' }],
      ['failed runs of one connector', { status: ['failed', 'timeout'], connectorId: connectors[1] }],
    ];
    for (const [label, options] of cases) {
      const nodes = await planOf(db, (d) => listExecutions(d, workspace.id, options));
      const scans = nodes.filter((n) => n['Relation Name'] === 'connector_executions');
      expect(
        scans.map((n) => n['Node Type']),
        `${label}: ${JSON.stringify(nodes.map((n) => [n['Node Type'], n['Index Name']]))}`,
      ).not.toContain('Seq Scan');
      expect(
        scans.some((n) => n['Index Name']?.startsWith('connector_executions_')),
        label,
      ).toBe(true);
    }

    // And the pages are right: newest first, filters applied, no row twice across pages.
    const first = await listExecutions(db, workspace.id, { status: 'failed', connectorId: connectors[0] });
    const second = await listExecutions(db, workspace.id, {
      status: 'failed',
      connectorId: connectors[0],
      cursor: first.nextCursor,
    });
    const all = [...first.data, ...second.data];
    expect(all).toHaveLength(100);
    expect(new Set(all.map((r) => r.id)).size).toBe(100);
    expect(all.every((r) => r.status === 'failed' && r.connector_id === connectors[0])).toBe(true);
    const times = all.map((r) => r.created_at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));

    // Through the API too: a page of the history with its counts.
    const page = await client.get(`/executions?status=failed&connector_id=${connectors[0]}&limit=5`);
    expect(page.status).toBe(200);
    expect(page.json.data).toHaveLength(5);
    expect(page.json.data[0]).toMatchObject({
      status: 'failed',
      connector_name: 'Alpha',
      step_counts: { total: 0, success: 0, failed: 0, skipped: 0 },
    });
    expect(page.json.next_cursor).toEqual(expect.any(String));
  }, 240_000);
});

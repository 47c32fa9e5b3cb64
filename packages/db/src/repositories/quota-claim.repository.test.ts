import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../testing/describe-each-dialect';
import { EMPTY_GRAPH, seedConnector, seedWorkspace } from '../testing/fixtures';
import { createExecution } from './execution.repository';
import { claimExecutionsPerWorkspace } from './quota-claim.repository';

describeEachDialect('claiming executions with a per-workspace cap', (ctx) => {
  async function pending(workspaceId: string, count: number): Promise<string[]> {
    const connector = await seedConnector(ctx.db, workspaceId);
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const { execution } = await createExecution(ctx.db, {
        workspace_id: workspaceId,
        connector_id: connector.id,
        connector_version: 1,
        graph_snapshot: EMPTY_GRAPH,
      });
      ids.push(execution.id);
    }
    // Creation times a second apart: two rows of one millisecond would order by their random ids.
    for (const [i, id] of ids.entries()) {
      await sql`UPDATE connector_executions SET created_at = now() - make_interval(secs => ${count - i})
        WHERE id = ${id}`.execute(ctx.db);
    }
    return ids;
  }

  it('gives no workspace more than its share of the slots, oldest first', async () => {
    await sql`UPDATE connector_executions SET status = 'cancelled' WHERE status IN ('pending', 'running')`.execute(
      ctx.db,
    );
    const { workspace: busy } = await seedWorkspace(ctx.db);
    const { workspace: quiet } = await seedWorkspace(ctx.db);
    const busyIds = await pending(busy.id, 6);
    const quietIds = await pending(quiet.id, 1);
    const options = { workerId: 'w1', leaseMs: 60_000, limit: 10, perWorkspace: 2 };

    const first = await claimExecutionsPerWorkspace(ctx.db, options);
    expect(first.map((e) => e.id).sort()).toEqual([...busyIds.slice(0, 2), ...quietIds].sort());
    expect(first.every((e) => e.status === 'running' && e.leased_by === 'w1')).toBe(true);
    // The busy workspace is at its cap while its runs hold their leases.
    expect(await claimExecutionsPerWorkspace(ctx.db, options)).toEqual([]);

    // One run ends: one more of the busy workspace's may start.
    await sql`UPDATE connector_executions SET status = 'success' WHERE id = ${busyIds[0]}`.execute(ctx.db);
    const next = await claimExecutionsPerWorkspace(ctx.db, options);
    expect(next.map((e) => e.id)).toEqual([busyIds[2]]);

    // A run whose lease expired (its worker died) no longer counts, and is itself claimable again.
    await sql`UPDATE connector_executions SET lease_expires_at = now() - interval '1 minute'
      WHERE id = ${busyIds[1]}`.execute(ctx.db);
    const resumed = await claimExecutionsPerWorkspace(ctx.db, options);
    expect(resumed.map((e) => e.id)).toEqual([busyIds[1]]);
    expect(resumed[0]?.attempt).toBe(2);
  });
});

import { expect, it } from 'vitest';
import { describeEachDialect } from '../testing/describe-each-dialect';
import { EMPTY_GRAPH, seedWorkspace } from '../testing/fixtures';
import { createFlow } from './flow.repository';
import {
  claimNextFlowRun,
  createFlowRun,
  expireAllFlowRunLeases,
  getFlowRun,
  listStalePendingFlowRuns,
  releaseFlowRunLease,
  renewFlowRunLease,
  updateFlowRun,
} from './flow-run.repository';

describeEachDialect('flow run leases', (ctx) => {
  it('claims a pending flow run once, renews and releases the lease, and fences a stale attempt', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const flow = await createFlow(ctx.db, workspace.id, { name: 'F', config: EMPTY_GRAPH });
    const run = await createFlowRun(ctx.db, workspace.id, { flow_id: flow.id });
    if (!run) throw new Error('no run');
    expect(run).toMatchObject({ graph_snapshot: EMPTY_GRAPH, attempt: 0, bulk_run_id: null });

    // Other tests' runs may be waiting too: claim until this one comes up.
    let claimed = await claimNextFlowRun(ctx.db, { workerId: 'w1', leaseMs: 60_000 });
    while (claimed && claimed.id !== run.id)
      claimed = await claimNextFlowRun(ctx.db, { workerId: 'w1', leaseMs: 60_000 });
    expect(claimed).toMatchObject({ id: run.id, status: 'running', leased_by: 'w1', attempt: 1 });
    expect(claimed?.started_at).toBeInstanceOf(Date);
    const lease = { flowRunId: run.id, workerId: 'w1', attempt: 1 };
    expect(await renewFlowRunLease(ctx.db, lease, 60_000)).toBe(true);
    expect(await renewFlowRunLease(ctx.db, { ...lease, attempt: 0 }, 60_000)).toBe(false);

    // Released: claimable again at once, by another worker, with the next attempt number.
    expect(await releaseFlowRunLease(ctx.db, lease)).toBe(true);
    let again = await claimNextFlowRun(ctx.db, { workerId: 'w2', leaseMs: 60_000 });
    while (again && again.id !== run.id)
      again = await claimNextFlowRun(ctx.db, { workerId: 'w2', leaseMs: 60_000 });
    expect(again).toMatchObject({ id: run.id, leased_by: 'w2', attempt: 2 });
    expect(await renewFlowRunLease(ctx.db, lease, 60_000)).toBe(false);

    expect(await expireAllFlowRunLeases(ctx.db)).toBeGreaterThanOrEqual(1);
    await updateFlowRun(ctx.db, workspace.id, run.id, { status: 'success', completed_at: new Date() });
    expect(await renewFlowRunLease(ctx.db, { ...lease, workerId: 'w2', attempt: 2 }, 60_000)).toBe(false);
    expect((await getFlowRun(ctx.db, workspace.id, run.id))?.status).toBe('success');
  });

  it('lists flow runs left pending for the Trigger.dev sweep', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const flow = await createFlow(ctx.db, workspace.id, { name: 'F', config: EMPTY_GRAPH });
    const run = await createFlowRun(ctx.db, workspace.id, {
      flow_id: flow.id,
      graph_snapshot: { version: 1 },
    });
    if (!run) throw new Error('no run');
    expect(run.graph_snapshot).toEqual({ version: 1 });
    const fresh = await listStalePendingFlowRuns(ctx.db, { olderThanMs: 60_000, limit: 1000 });
    expect(fresh.map((r) => r.id)).not.toContain(run.id);
    const all = await listStalePendingFlowRuns(ctx.db, { olderThanMs: 0, limit: 1000 });
    expect(all).toContainEqual({ id: run.id, workspace_id: workspace.id });
  });
});

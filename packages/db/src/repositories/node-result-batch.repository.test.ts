import { expect, it } from 'vitest';
import type { Executor } from '../database';
import { QueryCounter } from '../sql/query-counter';
import { describeEachDialect } from '../testing/describe-each-dialect';
import { EMPTY_GRAPH, seedConnector, seedWorkspace } from '../testing/fixtures';
import { createExecution, type LeaseToken } from './execution.repository';
import { claimExecution } from './execution-claim.repository';
import { listNodeResults, type NodeResultInput } from './node-result.repository';
import { NodeResultWriter, recordNodeResults } from './node-result-batch.repository';

/** A claimed execution of a new workspace. */
async function claimed(db: Executor, workerId = 'w1') {
  const { workspace } = await seedWorkspace(db);
  const connector = await seedConnector(db, workspace.id);
  const { execution } = await createExecution(db, {
    workspace_id: workspace.id,
    connector_id: connector.id,
    connector_version: 1,
    graph_snapshot: EMPTY_GRAPH,
  });
  const row = await claimExecution(db, { executionId: execution.id, workerId, leaseMs: 60_000 });
  const lease: LeaseToken = { executionId: execution.id, workerId, attempt: row!.attempt };
  return { workspaceId: workspace.id, executionId: execution.id, lease };
}

function result(
  run: { workspaceId: string; executionId: string },
  nodeId: string,
  output: unknown = { ok: 1 },
) {
  return {
    execution_id: run.executionId,
    workspace_id: run.workspaceId,
    node_id: nodeId,
    node_type: 'http',
    status: 'success',
    output,
  } satisfies NodeResultInput;
}

async function currentStep(db: Executor, executionId: string) {
  const row = await db
    .selectFrom('connector_executions')
    .select('current_step')
    .where('id', '=', executionId)
    .executeTakeFirstOrThrow();
  return row.current_step;
}

describeEachDialect('recordNodeResults', (ctx) => {
  it("records several runs' results in one statement, each with its run's next step", async () => {
    const a = await claimed(ctx.db);
    const b = await claimed(ctx.db);
    const counter = new QueryCounter();
    const db = ctx.db.withPlugin(counter);
    const inserted = await recordNodeResults(db, [
      { input: result(a, 'step_1'), step: { ...a.lease, currentStep: 'step_2' } },
      { input: result(b, 'step_1'), step: { ...b.lease, currentStep: 'step_9' } },
      { input: result(a, 'step_2') },
    ]);
    expect(inserted).toEqual([true, true, true]);
    expect(counter.total).toBe(1);
    expect((await listNodeResults(ctx.db, a.workspaceId, a.executionId)).map((r) => r.node_id)).toEqual([
      'step_1',
      'step_2',
    ]);
    expect((await listNodeResults(ctx.db, b.workspaceId, b.executionId))[0]).toMatchObject({
      node_id: 'step_1',
      output: { ok: 1 },
    });
    expect(await currentStep(ctx.db, a.executionId)).toBe('step_2');
    expect(await currentStep(ctx.db, b.executionId)).toBe('step_9');
  });

  it('keeps the first result of a node, and reports a repeat in the same batch as not inserted', async () => {
    const a = await claimed(ctx.db);
    expect(await recordNodeResults(ctx.db, [{ input: result(a, 'step_1', 'first') }])).toEqual([true]);
    expect(
      await recordNodeResults(ctx.db, [
        { input: result(a, 'step_1', 'second') },
        { input: result(a, 'step_2') },
        { input: result(a, 'step_2', 'again') },
      ]),
    ).toEqual([false, true, false]);
    const rows = await listNodeResults(ctx.db, a.workspaceId, a.executionId);
    expect(rows.map((r) => [r.node_id, r.output])).toEqual([
      ['step_1', 'first'],
      ['step_2', { ok: 1 }],
    ]);
  });

  it("inserts nothing for another workspace's execution, and moves no step without the lease", async () => {
    const a = await claimed(ctx.db);
    const other = await claimed(ctx.db);
    expect(
      await recordNodeResults(ctx.db, [
        { input: { ...result(a, 'step_1'), workspace_id: other.workspaceId } },
        {
          input: result(other, 'step_1'),
          step: { ...other.lease, workerId: 'thief', currentStep: 'stolen' },
        },
      ]),
    ).toEqual([false, true]);
    expect(await listNodeResults(ctx.db, a.workspaceId, a.executionId)).toEqual([]);
    expect(await currentStep(ctx.db, other.executionId)).not.toBe('stolen');
  });
});

describeEachDialect('NodeResultWriter', (ctx) => {
  it('writes concurrent results in fewer statements, each caller resolved once its row is stored', async () => {
    const runs = await Promise.all(Array.from({ length: 6 }, () => claimed(ctx.db)));
    const counter = new QueryCounter();
    const writer = new NodeResultWriter(ctx.db.withPlugin(counter), { maxInFlight: 1 });
    const inserted = await Promise.all(
      runs.flatMap((run) => [
        writer.record({ input: result(run, 'step_1'), step: { ...run.lease, currentStep: 'step_2' } }),
        writer.record({ input: result(run, 'step_2') }),
      ]),
    );
    expect(inserted).toEqual(Array(12).fill(true));
    expect(counter.total).toBeLessThan(12);
    for (const run of runs) {
      expect((await listNodeResults(ctx.db, run.workspaceId, run.executionId)).map((r) => r.node_id)).toEqual(
        ['step_1', 'step_2'],
      );
    }
  });

  it("fails only the write whose row the database rejects, not the batch's others", async () => {
    const runs = await Promise.all(Array.from({ length: 3 }, () => claimed(ctx.db)));
    const writer = new NodeResultWriter(ctx.db, { maxInFlight: 1 });
    // jsonb cannot hold the NUL character: this row is refused by the database.
    const outcomes = await Promise.allSettled([
      writer.record({ input: result(runs[0]!, 'warm_up') }),
      writer.record({ input: result(runs[0]!, 'step_1') }),
      writer.record({ input: result(runs[1]!, 'step_1', { text: 'a\u0000b' }) }),
      writer.record({ input: result(runs[2]!, 'step_1') }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(await listNodeResults(ctx.db, runs[1]!.workspaceId, runs[1]!.executionId)).toEqual([]);
    expect(await listNodeResults(ctx.db, runs[2]!.workspaceId, runs[2]!.executionId)).toHaveLength(1);
  });
});

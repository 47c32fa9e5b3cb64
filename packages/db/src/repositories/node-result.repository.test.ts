import { expect, it } from 'vitest';
import type { Executor } from '../database';
import { describeEachDialect } from '../testing/describe-each-dialect';
import { EMPTY_GRAPH, seedConnector, seedWorkspace } from '../testing/fixtures';
import { createExecution } from './execution.repository';
import { claimExecution } from './execution-claim.repository';
import { copyNodeResults, listNodeResults, recordNodeResult } from './node-result.repository';
import { recordNodeResultWithStep } from './node-result-batch.repository';

async function seedExecution(db: Executor) {
  const { workspace } = await seedWorkspace(db);
  const connector = await seedConnector(db, workspace.id);
  const { execution } = await createExecution(db, {
    workspace_id: workspace.id,
    connector_id: connector.id,
    connector_version: 1,
    graph_snapshot: EMPTY_GRAPH,
  });
  return { workspaceId: workspace.id, connectorId: connector.id, executionId: execution.id };
}

async function currentStep(db: Executor, executionId: string) {
  const row = await db
    .selectFrom('connector_executions')
    .select('current_step')
    .where('id', '=', executionId)
    .executeTakeFirst();
  return row?.current_step;
}

describeEachDialect('node result repository', (ctx) => {
  it('records one row per node and lists them in finish order', async () => {
    const { workspaceId, executionId } = await seedExecution(ctx.db);
    const startedAt = new Date('2026-03-01T10:00:00.000Z');
    const attempts = [
      { attempt: 1, request: { method: 'GET', url: 'https://x' }, response: { status: 200 } },
    ];
    for (const nodeId of ['step_2', 'step_1', 'out']) {
      const inserted = await recordNodeResult(ctx.db, {
        execution_id: executionId,
        workspace_id: workspaceId,
        node_id: nodeId,
        node_name: `Node ${nodeId}`,
        node_type: nodeId === 'out' ? 'output' : 'http',
        status: 'success',
        handle: 'success',
        started_at: startedAt,
        finished_at: new Date(startedAt.getTime() + 12),
        duration_ms: 12.4,
        attempts,
        edge_values: { e1: { contactId: 42 } },
        output: [1, 2],
      });
      expect(inserted).toBe(true);
    }
    const results = await listNodeResults(ctx.db, workspaceId, executionId);
    expect(results.map((r) => r.node_id)).toEqual(['step_2', 'step_1', 'out']);
    expect(results[0]).toMatchObject({
      node_type: 'http',
      status: 'success',
      handle: 'success',
      started_at: startedAt,
      duration_ms: 12,
      attempts,
      edge_values: { e1: { contactId: 42 } },
      output: [1, 2],
      error: null,
    });
    expect(typeof results[0]?.seq).toBe('number');
  });

  it('keeps the first result of a node: a second insert is ignored', async () => {
    const { workspaceId, executionId } = await seedExecution(ctx.db);
    const base = {
      execution_id: executionId,
      workspace_id: workspaceId,
      node_id: 'step_1',
      node_type: 'http',
    };
    expect(await recordNodeResult(ctx.db, { ...base, status: 'failed', error: { message: 'boom' } })).toBe(
      true,
    );
    expect(await recordNodeResult(ctx.db, { ...base, status: 'success' })).toBe(false);
    const results = await listNodeResults(ctx.db, workspaceId, executionId);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ status: 'failed', error: { message: 'boom' } });
  });

  it('scopes writes and reads to the execution’s workspace', async () => {
    const { workspaceId, executionId } = await seedExecution(ctx.db);
    const { workspaceId: otherWorkspaceId } = await seedExecution(ctx.db);
    const row = { execution_id: executionId, node_id: 'n', node_type: 'http', status: 'success' as const };
    expect(await recordNodeResult(ctx.db, { ...row, workspace_id: otherWorkspaceId })).toBe(false);
    expect(await recordNodeResult(ctx.db, { ...row, workspace_id: workspaceId })).toBe(true);
    expect(await listNodeResults(ctx.db, otherWorkspaceId, executionId)).toEqual([]);
  });

  it('fences results by lease when one is given', async () => {
    const { workspaceId, executionId } = await seedExecution(ctx.db);
    const claimed = await claimExecution(ctx.db, { executionId, workerId: 'w1', leaseMs: 60_000 });
    if (!claimed) throw new Error('not claimed');
    const row = {
      execution_id: executionId,
      workspace_id: workspaceId,
      node_type: 'http',
      status: 'success' as const,
    };
    expect(await recordNodeResult(ctx.db, { ...row, node_id: 'a' }, { workerId: 'w2', attempt: 1 })).toBe(
      false,
    );
    expect(await recordNodeResult(ctx.db, { ...row, node_id: 'a' }, { workerId: 'w1', attempt: 0 })).toBe(
      false,
    );
    expect(await recordNodeResult(ctx.db, { ...row, node_id: 'a' }, { workerId: 'w1', attempt: 1 })).toBe(
      true,
    );
  });

  it('records a result and names the next step in one statement; the step only for the lease holder', async () => {
    const { workspaceId, executionId } = await seedExecution(ctx.db);
    const claimed = await claimExecution(ctx.db, { executionId, workerId: 'w1', leaseMs: 60_000 });
    if (!claimed) throw new Error('not claimed');
    const row = {
      execution_id: executionId,
      workspace_id: workspaceId,
      node_type: 'http',
      status: 'success' as const,
    };
    const holder = { executionId, workerId: 'w1', attempt: 1 };
    expect(
      await recordNodeResultWithStep(ctx.db, { ...row, node_id: 'a' }, { ...holder, currentStep: 'b' }),
    ).toBe(true);
    expect(await currentStep(ctx.db, executionId)).toBe('b');
    // Another worker's token: the result is still recorded (first wins), the step is not touched.
    expect(
      await recordNodeResultWithStep(
        ctx.db,
        { ...row, node_id: 'b' },
        { ...holder, workerId: 'w2', currentStep: 'c' },
      ),
    ).toBe(true);
    expect(await currentStep(ctx.db, executionId)).toBe('b');
    expect(
      await recordNodeResultWithStep(ctx.db, { ...row, node_id: 'a' }, { ...holder, currentStep: 'z' }),
    ).toBe(false);
    expect((await listNodeResults(ctx.db, workspaceId, executionId)).map((r) => r.node_id)).toEqual([
      'a',
      'b',
    ]);
    // Another workspace's execution gets no row.
    const other = await seedExecution(ctx.db);
    expect(
      await recordNodeResultWithStep(
        ctx.db,
        { ...row, workspace_id: other.workspaceId, node_id: 'q' },
        { ...holder, currentStep: null },
      ),
    ).toBe(false);
  });

  it('copies chosen results to a retry, keeping their order', async () => {
    const { workspaceId, connectorId, executionId } = await seedExecution(ctx.db);
    for (const nodeId of ['b', 'a', 'c']) {
      await recordNodeResult(ctx.db, {
        execution_id: executionId,
        workspace_id: workspaceId,
        node_id: nodeId,
        node_type: 'http',
        status: 'success',
        output: { nodeId },
      });
    }
    const { execution: retry } = await createExecution(ctx.db, {
      workspace_id: workspaceId,
      connector_id: connectorId,
      connector_version: 1,
      graph_snapshot: EMPTY_GRAPH,
      retry_of: executionId,
    });
    const copied = await copyNodeResults(ctx.db, {
      workspaceId,
      fromExecutionId: executionId,
      toExecutionId: retry.id,
      nodeIds: ['a', 'b'],
    });
    expect(copied).toBe(2);
    const results = await listNodeResults(ctx.db, workspaceId, retry.id);
    expect(results.map((r) => [r.node_id, r.output])).toEqual([
      ['b', { nodeId: 'b' }],
      ['a', { nodeId: 'a' }],
    ]);
  });
});

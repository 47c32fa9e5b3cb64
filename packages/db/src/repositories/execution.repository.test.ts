import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import type { Executor } from '../database';
import type { ConnectorExecution } from '../tables/connector-execution.table';
import { describeEachDialect } from '../testing/describe-each-dialect';
import { EMPTY_GRAPH, seedConnector, seedWorkspace } from '../testing/fixtures';
import { getConnector } from './connector.repository';
import { createContact } from './contact.repository';
import {
  cancelExecution,
  createExecution,
  deleteExecutionsCreatedBefore,
  getExecution,
  getExecutionForWorker,
  listExecutions,
  renewExecutionLease,
  setExecutionTriggerRunId,
} from './execution.repository';
import {
  claimExecution,
  claimExecutions,
  claimExecutionsCapped,
  claimNextExecution,
  failExhaustedExecutions,
} from './execution-claim.repository';
import { finishExecution } from './execution-finish.repository';
import {
  expireAllExecutionLeases,
  findExecutionByIdempotencyKey,
  getExecutionState,
  releaseExecutionLease,
} from './execution-lease.repository';
import { getRunContext } from './execution-run-context.repository';
import { listNodeResults } from './node-result.repository';

const LEASE = 60_000;

async function newExecution(db: Executor, workspaceId: string, connectorId: string, extra = {}) {
  const { execution } = await createExecution(db, {
    workspace_id: workspaceId,
    connector_id: connectorId,
    connector_version: 1,
    graph_snapshot: EMPTY_GRAPH,
    ...extra,
  });
  return execution;
}

/** Puts a lease in the past, as if its worker had died long ago. */
async function expireLease(db: Executor, id: string) {
  await db
    .updateTable('connector_executions')
    .set({ lease_expires_at: sql<Date>`now() - interval '1 second'` })
    .where('id', '=', id)
    .execute();
}

/** Spreads creation times a second apart, so "oldest first" does not depend on ids within one millisecond. */
async function spreadCreation(db: Executor, ids: string[]) {
  const base = Date.now() - 60_000;
  for (const [i, id] of ids.entries()) {
    await db
      .updateTable('connector_executions')
      .set({ created_at: new Date(base + i * 1_000) })
      .where('id', '=', id)
      .execute();
  }
}

function lease(execution: ConnectorExecution) {
  return { executionId: execution.id, workerId: execution.leased_by ?? '', attempt: execution.attempt };
}

describeEachDialect('execution repository', (ctx) => {
  // Claims are global: start every test with no claimable run left over from the one before.
  beforeEach(async () => {
    await ctx.db
      .updateTable('connector_executions')
      .set({ status: 'cancelled', lease_expires_at: null })
      .where('status', 'in', ['pending', 'running'])
      .execute();
  });

  it('creates a pending live execution with its graph snapshot', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const connector = await seedConnector(ctx.db, workspace.id);
    const graph = { version: 1, nodes: [{ id: 'a', type: 'http' }], edges: [] };
    const { execution, created } = await createExecution(ctx.db, {
      workspace_id: workspace.id,
      connector_id: connector.id,
      connector_version: 3,
      graph_snapshot: graph,
      input_data: { email: 'a@b.c' },
    });
    expect(created).toBe(true);
    expect(execution).toMatchObject({
      status: 'pending',
      mode: 'live',
      attempt: 0,
      connector_version: 3,
      graph_snapshot: graph,
      input_data: { email: 'a@b.c' },
      leased_by: null,
    });
  });

  it('returns the existing execution for a replayed idempotency key, per workspace', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const { workspace: other } = await seedWorkspace(ctx.db);
    const connector = await seedConnector(ctx.db, workspace.id);
    const otherConnector = await seedConnector(ctx.db, other.id);
    const key = `idem-${randomUUID()}`;
    const input = {
      workspace_id: workspace.id,
      connector_id: connector.id,
      connector_version: 1,
      graph_snapshot: EMPTY_GRAPH,
      idempotency_key: key,
    };
    const first = await createExecution(ctx.db, input);
    const [second, third] = await Promise.all([
      createExecution(ctx.db, input),
      createExecution(ctx.db, input),
    ]);
    expect(first.created).toBe(true);
    expect([second?.created, third?.created]).toEqual([false, false]);
    expect(second?.execution.id).toBe(first.execution.id);
    expect(third?.execution.id).toBe(first.execution.id);
    const elsewhere = await createExecution(ctx.db, {
      ...input,
      workspace_id: other.id,
      connector_id: otherConnector.id,
    });
    expect(elsewhere.created).toBe(true);
    expect((await findExecutionByIdempotencyKey(ctx.db, workspace.id, key))?.id).toBe(first.execution.id);
    expect((await findExecutionByIdempotencyKey(ctx.db, other.id, key))?.id).toBe(elsewhere.execution.id);
    expect(await findExecutionByIdempotencyKey(ctx.db, workspace.id, 'unknown')).toBeUndefined();
    // Without a key there is no de-duplication.
    const a = await newExecution(ctx.db, workspace.id, connector.id);
    const b = await newExecution(ctx.db, workspace.id, connector.id);
    expect(a.id).not.toBe(b.id);
  });

  it('claims the oldest pending run, leasing it and counting the attempt', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const connector = await seedConnector(ctx.db, workspace.id);
    const older = await newExecution(ctx.db, workspace.id, connector.id);
    const newer = await newExecution(ctx.db, workspace.id, connector.id);
    await spreadCreation(ctx.db, [older.id, newer.id]);
    const claimed = await claimNextExecution(ctx.db, { workerId: 'w1', leaseMs: LEASE });
    expect(claimed).toMatchObject({ id: older.id, status: 'running', leased_by: 'w1', attempt: 1 });
    expect(claimed?.started_at).toBeInstanceOf(Date);
    expect(claimed?.lease_expires_at?.getTime()).toBeGreaterThan(Date.now() + LEASE / 2);
  });

  it('never gives the same run to two concurrent claimers', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const connector = await seedConnector(ctx.db, workspace.id);
    const created = new Set<string>();
    for (let i = 0; i < 12; i++) created.add((await newExecution(ctx.db, workspace.id, connector.id)).id);
    // Eight workers race, each claiming until nothing is left.
    const perWorker = await Promise.all(
      Array.from({ length: 8 }, async (_, w) => {
        const mine: string[] = [];
        for (;;) {
          const claimed = await claimNextExecution(ctx.db, { workerId: `w${w}`, leaseMs: LEASE });
          if (!claimed) return mine;
          mine.push(claimed.id);
        }
      }),
    );
    const all = perWorker.flat();
    expect(all).toHaveLength(12);
    expect(new Set(all)).toEqual(created);
  });

  it('claims several runs in one statement, oldest first, and never one twice across claimers', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const connector = await seedConnector(ctx.db, workspace.id);
    const created: string[] = [];
    for (let i = 0; i < 7; i++) created.push((await newExecution(ctx.db, workspace.id, connector.id)).id);
    await spreadCreation(ctx.db, created);
    const first = await claimExecutions(ctx.db, { workerId: 'w1', leaseMs: LEASE, limit: 3 });
    expect(first.map((e) => e.id)).toEqual(created.slice(0, 3));
    expect(first.every((e) => e.status === 'running' && e.leased_by === 'w1' && e.attempt === 1)).toBe(true);
    const [a, b] = await Promise.all([
      claimExecutions(ctx.db, { workerId: 'w2', leaseMs: LEASE, limit: 3 }),
      claimExecutions(ctx.db, { workerId: 'w3', leaseMs: LEASE, limit: 3 }),
    ]);
    const rest = [...a, ...b].map((e) => e.id);
    expect(rest).toHaveLength(4);
    expect(new Set(rest)).toEqual(new Set(created.slice(3)));
    expect(await claimExecutions(ctx.db, { workerId: 'w4', leaseMs: LEASE, limit: 5 })).toEqual([]);
    expect(await claimExecutions(ctx.db, { workerId: 'w4', leaseMs: LEASE, limit: 0 })).toEqual([]);
  });

  it('under a per-workspace cap, claims in one statement and says whether runs were held back', async () => {
    const a = await seedWorkspace(ctx.db);
    const b = await seedWorkspace(ctx.db);
    const connectorA = await seedConnector(ctx.db, a.workspace.id);
    const connectorB = await seedConnector(ctx.db, b.workspace.id);
    const ofA: string[] = [];
    for (let i = 0; i < 3; i++) ofA.push((await newExecution(ctx.db, a.workspace.id, connectorA.id)).id);
    const ofB = (await newExecution(ctx.db, b.workspace.id, connectorB.id)).id;
    await spreadCreation(ctx.db, [...ofA, ofB]);
    const options = { workerId: 'w1', leaseMs: LEASE, limit: 10, perWorkspace: 2 };
    const first = await claimExecutionsCapped(ctx.db, options);
    expect(first.claimed.map((e) => e.id)).toEqual([ofA[0], ofA[1], ofB]);
    expect(first.claimed.every((e) => e.status === 'running' && e.leased_by === 'w1')).toBe(true);
    expect(first.heldBack).toBe(true);
    // Workspace A holds 2 live leases: its third run waits.
    expect(await claimExecutionsCapped(ctx.db, options)).toEqual({ claimed: [], heldBack: undefined });
    await finishExecution(ctx.db, { ...lease(first.claimed[0]!), status: 'success' });
    const next = await claimExecutionsCapped(ctx.db, options);
    expect(next).toEqual({ claimed: [expect.objectContaining({ id: ofA[2] })], heldBack: false });
  });

  it('finishes, counts the run and records held-back results in one statement, only while the lease is held', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const connector = await seedConnector(ctx.db, workspace.id);
    const execution = await newExecution(ctx.db, workspace.id, connector.id);
    const claimed = await claimExecution(ctx.db, {
      executionId: execution.id,
      workerId: 'w1',
      leaseMs: LEASE,
    });
    if (!claimed) throw new Error('not claimed');
    const output = {
      execution_id: execution.id,
      workspace_id: workspace.id,
      node_id: 'out',
      node_type: 'output',
      status: 'success' as const,
      output: { first_name: 'Ann' },
    };
    const end = {
      status: 'success' as const,
      count_as: 'success' as const,
      results: [output, { ...output, node_id: 'note', node_type: 'transform' }],
    };
    expect(await finishExecution(ctx.db, { ...lease(claimed), attempt: 0, ...end })).toBe(false);
    expect(await getConnector(ctx.db, workspace.id, connector.id)).toMatchObject({ total_executions: 0 });
    expect(await listNodeResults(ctx.db, workspace.id, execution.id)).toEqual([]);
    expect(await finishExecution(ctx.db, { ...lease(claimed), ...end })).toBe(true);
    const rows = await listNodeResults(ctx.db, workspace.id, execution.id);
    expect(rows.map((r) => [r.node_id, r.output])).toEqual([
      ['out', { first_name: 'Ann' }],
      ['note', { first_name: 'Ann' }],
    ]);
    expect(await finishExecution(ctx.db, { ...lease(claimed), ...end })).toBe(false);
    expect(await getConnector(ctx.db, workspace.id, connector.id)).toMatchObject({
      total_executions: 1,
      successful_executions: 1,
      failed_executions: 0,
      last_executed_at: expect.any(Date),
    });
    expect(await getExecution(ctx.db, workspace.id, execution.id)).toMatchObject({
      status: 'success',
      lease_expires_at: null,
    });
  });

  it('reads a run’s connector settings and contact in one statement, naming its first step', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const connector = await seedConnector(ctx.db, workspace.id);
    const contact = await createContact(ctx.db, workspace.id, { email: 'a@b.co', metadata: { x: 1 } });
    const execution = await newExecution(ctx.db, workspace.id, connector.id, { contact_id: contact.id });
    const claimed = await claimExecution(ctx.db, {
      executionId: execution.id,
      workerId: 'w1',
      leaseMs: LEASE,
    });
    if (!claimed) throw new Error('not claimed');
    const context = await getRunContext(ctx.db, claimed, { ...lease(claimed), currentStep: 'step_1' });
    expect(context?.connector).toEqual({
      timeout_ms: connector.timeout_ms,
      max_retries: connector.max_retries,
      continue_on_error: connector.continue_on_error,
    });
    expect(context?.contact).toEqual(contact);
    expect((await getExecution(ctx.db, workspace.id, execution.id))?.current_step).toBe('step_1');
    // Without a contact, or with another holder's token: no contact, and current_step left alone.
    const other = await getRunContext(
      ctx.db,
      { ...claimed, contact_id: null },
      { ...lease(claimed), workerId: 'w2', currentStep: 'x' },
    );
    expect(other?.contact).toBeUndefined();
    expect((await getExecution(ctx.db, workspace.id, execution.id))?.current_step).toBe('step_1');
    const { workspace: elsewhere } = await seedWorkspace(ctx.db);
    expect(await getRunContext(ctx.db, { ...claimed, workspace_id: elsewhere.id })).toBeUndefined();
  });

  it('lets only one of many concurrent claims of one given run win', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const connector = await seedConnector(ctx.db, workspace.id);
    const execution = await newExecution(ctx.db, workspace.id, connector.id);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, w) =>
        claimExecution(ctx.db, { executionId: execution.id, workerId: `w${w}`, leaseMs: LEASE }),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('reclaims an expired lease and rejects the old holder’s late finish', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const connector = await seedConnector(ctx.db, workspace.id);
    const execution = await newExecution(ctx.db, workspace.id, connector.id);
    const first = await claimNextExecution(ctx.db, { workerId: 'old', leaseMs: LEASE });
    expect(first?.id).toBe(execution.id);
    // A live lease is not claimable.
    expect(await claimNextExecution(ctx.db, { workerId: 'new', leaseMs: LEASE })).toBeUndefined();
    await expireLease(ctx.db, execution.id);
    const second = await claimNextExecution(ctx.db, { workerId: 'new', leaseMs: LEASE });
    expect(second).toMatchObject({ id: execution.id, leased_by: 'new', attempt: 2 });
    if (!first || !second) throw new Error('unreachable');

    expect(await renewExecutionLease(ctx.db, { ...lease(first), leaseMs: LEASE })).toBe(false);
    expect(await finishExecution(ctx.db, { ...lease(first), status: 'failed', error_message: 'late' })).toBe(
      false,
    );
    expect(
      await finishExecution(ctx.db, {
        ...lease(second),
        status: 'success',
        output_data: { first_name: 'Ada' },
      }),
    ).toBe(true);
    const done = await getExecution(ctx.db, workspace.id, execution.id);
    expect(done).toMatchObject({
      status: 'success',
      output_data: { first_name: 'Ada' },
      error_message: null,
    });
    expect(done?.completed_at).toBeInstanceOf(Date);
    expect(done?.lease_expires_at).toBeNull();
    expect(done?.execution_time_ms).toBeGreaterThanOrEqual(0);
    // Finished means finished: a second finish by the same holder is rejected too.
    expect(await finishExecution(ctx.db, { ...lease(second), status: 'failed' })).toBe(false);
  });

  it('lets a released run be claimed again at once', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const connector = await seedConnector(ctx.db, workspace.id);
    const execution = await newExecution(ctx.db, workspace.id, connector.id);
    const claimed = await claimExecution(ctx.db, {
      executionId: execution.id,
      workerId: 'w1',
      leaseMs: LEASE,
    });
    if (!claimed) throw new Error('not claimed');
    expect(await releaseExecutionLease(ctx.db, { ...lease(claimed), attempt: 99 })).toBe(false);
    expect(await releaseExecutionLease(ctx.db, lease(claimed))).toBe(true);
    expect(await getExecutionState(ctx.db, execution.id)).toMatchObject({ status: 'running', attempt: 1 });
    const again = await claimNextExecution(ctx.db, { workerId: 'w2', leaseMs: LEASE });
    expect(again).toMatchObject({ id: execution.id, attempt: 2, leased_by: 'w2' });
    expect(again?.started_at).toEqual(claimed.started_at);
  });

  it('expires every running lease at start-up of an exclusive worker', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const connector = await seedConnector(ctx.db, workspace.id);
    await newExecution(ctx.db, workspace.id, connector.id);
    await newExecution(ctx.db, workspace.id, connector.id);
    await claimNextExecution(ctx.db, { workerId: 'dead', leaseMs: LEASE });
    await claimNextExecution(ctx.db, { workerId: 'dead', leaseMs: LEASE });
    expect(await claimNextExecution(ctx.db, { workerId: 'new', leaseMs: LEASE })).toBeUndefined();
    expect(await expireAllExecutionLeases(ctx.db)).toBe(2);
    expect((await claimNextExecution(ctx.db, { workerId: 'new', leaseMs: LEASE }))?.attempt).toBe(2);
  });

  it('renews a lease it holds', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const connector = await seedConnector(ctx.db, workspace.id);
    const execution = await newExecution(ctx.db, workspace.id, connector.id);
    const claimed = await claimExecution(ctx.db, { executionId: execution.id, workerId: 'w', leaseMs: 1000 });
    if (!claimed) throw new Error('not claimed');
    expect(await renewExecutionLease(ctx.db, { ...lease(claimed), leaseMs: LEASE })).toBe(true);
    const renewed = await getExecutionForWorker(ctx.db, execution.id);
    expect(renewed?.lease_expires_at?.getTime()).toBeGreaterThan(Date.now() + LEASE / 2);
  });

  it('cancels a running run so that its worker loses the lease', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const { workspace: other } = await seedWorkspace(ctx.db);
    const connector = await seedConnector(ctx.db, workspace.id);
    const execution = await newExecution(ctx.db, workspace.id, connector.id);
    const claimed = await claimExecution(ctx.db, {
      executionId: execution.id,
      workerId: 'w',
      leaseMs: LEASE,
    });
    if (!claimed) throw new Error('not claimed');
    expect(await cancelExecution(ctx.db, other.id, execution.id)).toBeUndefined();
    expect((await cancelExecution(ctx.db, workspace.id, execution.id))?.status).toBe('cancelled');
    expect(await finishExecution(ctx.db, { ...lease(claimed), status: 'success' })).toBe(false);
    expect(await getExecutionState(ctx.db, execution.id)).toMatchObject({
      status: 'cancelled',
      leased_by: 'w',
    });
    expect(
      await claimExecution(ctx.db, { executionId: execution.id, workerId: 'w2', leaseMs: LEASE }),
    ).toBeUndefined();
    // Cancelling a finished run changes nothing.
    expect((await cancelExecution(ctx.db, workspace.id, execution.id))?.status).toBe('cancelled');
  });

  it('fails runs abandoned too many times instead of claiming them again', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const connector = await seedConnector(ctx.db, workspace.id);
    const execution = await newExecution(ctx.db, workspace.id, connector.id);
    await claimNextExecution(ctx.db, { workerId: 'w', leaseMs: LEASE, maxAttempts: 1 });
    await expireLease(ctx.db, execution.id);
    expect(
      await claimNextExecution(ctx.db, { workerId: 'w', leaseMs: LEASE, maxAttempts: 1 }),
    ).toBeUndefined();
    expect(await failExhaustedExecutions(ctx.db, 1)).toBe(1);
    expect(await getExecution(ctx.db, workspace.id, execution.id)).toMatchObject({ status: 'failed' });
  });

  it('scopes reads and writes to the workspace', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const { workspace: other } = await seedWorkspace(ctx.db);
    const connector = await seedConnector(ctx.db, workspace.id);
    const execution = await newExecution(ctx.db, workspace.id, connector.id);
    expect(await getExecution(ctx.db, other.id, execution.id)).toBeUndefined();
    expect(await setExecutionTriggerRunId(ctx.db, other.id, execution.id, 'run_x')).toBe(false);
    expect((await listExecutions(ctx.db, other.id)).data).toEqual([]);
    expect(await setExecutionTriggerRunId(ctx.db, workspace.id, execution.id, 'run_1')).toBe(true);
    expect((await getExecution(ctx.db, workspace.id, execution.id))?.trigger_run_id).toBe('run_1');
  });

  it('lists with filters and keyset pagination across equal timestamps', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const connector = await seedConnector(ctx.db, workspace.id);
    const otherConnector = await seedConnector(ctx.db, workspace.id);
    const contact = await createContact(ctx.db, workspace.id, { email: 'x@example.com' });
    const ids = await ctx.db.transaction().execute(async (trx) => {
      const created: string[] = [];
      for (let i = 0; i < 5; i++) {
        const extra = i < 2 ? { mode: 'test' as const } : { contact_id: contact.id };
        created.push((await newExecution(trx, workspace.id, connector.id, extra)).id);
      }
      return created;
    });
    await newExecution(ctx.db, workspace.id, otherConnector.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await listExecutions(ctx.db, workspace.id, {
        connectorId: connector.id,
        limit: 2,
        cursor,
      });
      seen.push(...page.data.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].sort().reverse());
    const count = async (options: Parameters<typeof listExecutions>[2]) =>
      (await listExecutions(ctx.db, workspace.id, options)).data.length;
    expect(await count({ mode: 'test' })).toBe(2);
    expect(await count({ contactId: contact.id })).toBe(3);
    expect(await count({ status: ['pending', 'running'] })).toBe(6);
    expect(await count({ status: 'success' })).toBe(0);
    expect(await count({ connectorId: 'nope' })).toBe(0);
  });

  it('deletes finished runs older than the retention cutoff', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const connector = await seedConnector(ctx.db, workspace.id);
    const old = await newExecution(ctx.db, workspace.id, connector.id);
    const pending = await newExecution(ctx.db, workspace.id, connector.id);
    await ctx.db
      .updateTable('connector_executions')
      .set({ status: 'success', created_at: new Date('2000-01-01') })
      .where('id', '=', old.id)
      .execute();
    await ctx.db
      .updateTable('connector_executions')
      .set({ created_at: new Date('2000-01-01') })
      .where('id', '=', pending.id)
      .execute();
    expect(await deleteExecutionsCreatedBefore(ctx.db, new Date('2001-01-01'))).toBe(1);
    expect(await getExecution(ctx.db, workspace.id, old.id)).toBeUndefined();
    expect(await getExecution(ctx.db, workspace.id, pending.id)).toBeDefined();
  });
});

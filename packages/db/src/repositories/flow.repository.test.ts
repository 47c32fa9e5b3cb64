import { expect, it } from 'vitest';
import { StaleVersionError } from '../errors/stale-version.error';
import type { FlowTriggerEvent } from '../tables/column-types';
import { describeEachDialect } from '../testing/describe-each-dialect';
import { EMPTY_GRAPH, seedWorkspace } from '../testing/fixtures';
import { createContact } from './contact.repository';
import {
  createFlow,
  deleteFlow,
  getFlow,
  listEnabledFlowsForEvent,
  listFlows,
  updateFlow,
} from './flow.repository';
import { createFlowRun, getFlowRun, listFlowRuns, updateFlowRun } from './flow-run.repository';

describeEachDialect('flow repositories', (ctx) => {
  it('creates, updates with a version check, lists and deletes flows', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const flow = await createFlow(ctx.db, workspace.id, { name: 'Onboard', config: EMPTY_GRAPH });
    expect(flow).toMatchObject({ version: 1, enabled: false, trigger_event: 'manual', config: EMPTY_GRAPH });
    const v2 = await updateFlow(ctx.db, workspace.id, flow.id, 1, {
      enabled: true,
      trigger_event: 'contact.created',
    });
    expect(v2).toMatchObject({ version: 2, enabled: true, trigger_event: 'contact.created' });
    await expect(updateFlow(ctx.db, workspace.id, flow.id, 1, { name: 'x' })).rejects.toBeInstanceOf(
      StaleVersionError,
    );
    await createFlow(ctx.db, workspace.id, {
      name: 'Other',
      config: EMPTY_GRAPH,
      trigger_event: 'contact.created',
    });
    expect(
      (await listEnabledFlowsForEvent(ctx.db, workspace.id, 'contact.created')).map((f) => f.id),
    ).toEqual([flow.id]);
    expect((await listFlows(ctx.db, workspace.id, { search: 'onb' })).data.map((f) => f.id)).toEqual([
      flow.id,
    ]);
    expect(await deleteFlow(ctx.db, workspace.id, flow.id)).toEqual({ name: flow.name });
    expect(await getFlow(ctx.db, workspace.id, flow.id)).toBeUndefined();
  });

  it('refuses an unknown trigger event', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    await expect(
      createFlow(ctx.db, workspace.id, {
        name: 'Bad',
        config: EMPTY_GRAPH,
        trigger_event: 'contact.deleted' as FlowTriggerEvent, // not one: the CHECK constraint refuses it
      }),
    ).rejects.toMatchObject({ code: '23514' });
  });

  it('runs a flow over a contact and records its progress', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const flow = await createFlow(ctx.db, workspace.id, { name: 'F', config: EMPTY_GRAPH });
    const contact = await createContact(ctx.db, workspace.id, { email: 'a@b.c' });
    const run = await createFlowRun(ctx.db, workspace.id, { flow_id: flow.id, contact_id: contact.id });
    expect(run).toMatchObject({
      status: 'pending',
      flow_version: 1,
      steps_executed: [],
      contact_id: contact.id,
    });
    if (!run) throw new Error('no run');
    const startedAt = new Date('2026-02-02T02:02:02.002Z');
    const updated = await updateFlowRun(ctx.db, workspace.id, run.id, {
      status: 'success',
      started_at: startedAt,
      completed_at: startedAt,
      steps_executed: [{ step_id: 'trigger', status: 'success' }],
    });
    expect(updated).toMatchObject({
      status: 'success',
      started_at: startedAt,
      steps_executed: [{ step_id: 'trigger' }],
    });
    expect((await listFlowRuns(ctx.db, workspace.id, { flowId: flow.id })).data.map((r) => r.id)).toEqual([
      run.id,
    ]);
  });

  it('scopes flows and runs to the workspace', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const { workspace: other } = await seedWorkspace(ctx.db);
    const flow = await createFlow(ctx.db, workspace.id, { name: 'Mine', config: EMPTY_GRAPH });
    const run = await createFlowRun(ctx.db, workspace.id, { flow_id: flow.id });
    if (!run) throw new Error('no run');
    expect(await getFlow(ctx.db, other.id, flow.id)).toBeUndefined();
    expect(await updateFlow(ctx.db, other.id, flow.id, 1, { name: 'x' })).toBeUndefined();
    expect(await deleteFlow(ctx.db, other.id, flow.id)).toBeUndefined();
    expect(await createFlowRun(ctx.db, other.id, { flow_id: flow.id })).toBeUndefined();
    expect(await getFlowRun(ctx.db, other.id, run.id)).toBeUndefined();
    expect(await updateFlowRun(ctx.db, other.id, run.id, { status: 'failed' })).toBeUndefined();
    expect((await listFlowRuns(ctx.db, other.id)).data).toEqual([]);
  });
});

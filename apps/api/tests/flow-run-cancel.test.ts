import { createFlowRun } from '@connectors/db';
import { runChildInProcess, runFlowRun } from '@connectors/runner';
import { HUBSPOT_ROUTES } from '@connectors/runner/testing';
import { expect, it } from 'vitest';
import type { LocalFlowWorker } from '../src/worker/local-flow-worker';
import { describeApi } from './support/describe-api';
import { enrichFlowConfig, eventually, waitThenStampFlowConfig } from './support/flow-helpers';
import { useHubspotMock } from './support/hubspot-mock';
import { type Json, seedWorkspace } from './support/run-helpers';

const api = useHubspotMock();

describeApi('flow run cancel', (s) => {
  const worker = () => s.t.runtime.ctx.flows as LocalFlowWorker;

  it('cancels a run waiting in a delay: the worker lets it go and no later node runs', async () => {
    const { client, contact } = await seedWorkspace(s.app, api);
    const flow = await client.post('/flows', {
      name: 'Wait, then stamp',
      config: waitThenStampFlowConfig(600),
    });
    const id = (await client.post(`/flows/${flow.json.id}/run`, { contactId: contact.id })).json.flowRunId;
    await eventually(async () => {
      const run = (await client.get(`/flow-runs/${id}`)).json;
      return run.status === 'running' && run.steps_executed.length === 1 ? run : undefined;
    });

    const cancelled = await client.post(`/flow-runs/${id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.json).toMatchObject({ id, status: 'cancelled' });
    expect(cancelled.json.completed_at).not.toBeNull();
    // The local worker stops it at once instead of waiting out the delay.
    await eventually(async () => (worker().activeRuns === 0 ? true : undefined));
    const after = (await client.get(`/flow-runs/${id}`)).json;
    expect(after.status).toBe('cancelled');
    expect(after.steps_executed.map((step: Json) => step.step_id)).toEqual(['start']);
    expect((await client.get(`/contacts/${contact.id}`)).json.title).toBeNull();

    // As with executions, cancelling a cancelled run again is harmless.
    const again = await client.post(`/flow-runs/${id}/cancel`);
    expect(again.status).toBe(200);
    expect(again.json.status).toBe('cancelled');
  });

  it('cancels the child execution a connector node is waiting for', async () => {
    const { client, connector, contact } = await seedWorkspace(s.app, api);
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    api.on(HUBSPOT_ROUTES.company, async (_req, res) => {
      await held;
      res.writeHead(500, { 'content-type': 'application/json' }).end('{"message":"too late"}');
    });
    const flow = await client.post('/flows', { name: 'Enrich', config: enrichFlowConfig(connector.id) });
    const id = (await client.post(`/flows/${flow.json.id}/run`, { contactId: contact.id })).json.flowRunId;
    // The child is running: its first request is answered and the second is held.
    await eventually(async () => (api.calls(HUBSPOT_ROUTES.company).length > 0 ? true : undefined));
    const running = (await client.get(`/flow-runs/${id}`)).json;
    expect(running.executions).toEqual([expect.objectContaining({ node_id: 'enrich', status: 'running' })]);

    const cancelled = await client.post(`/flow-runs/${id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.json.status).toBe('cancelled');
    expect(cancelled.json.executions).toEqual([expect.objectContaining({ status: 'cancelled' })]);
    release();
    await eventually(async () => (worker().activeRuns === 0 ? true : undefined));
    const after = (await client.get(`/flow-runs/${id}`)).json;
    expect(after.status).toBe('cancelled');
    expect(after.executions).toEqual([expect.objectContaining({ status: 'cancelled' })]);
    expect(after.steps_executed.map((step: Json) => step.step_id)).not.toContain('save');
    expect((await client.get(`/contacts/${contact.id}`)).json.title).toBeNull();
  });

  it('answers 409 for a finished run and 404 for an unknown one', async () => {
    const { client, connector, contact } = await seedWorkspace(s.app, api);
    const flow = await client.post('/flows', { name: 'Enrich', config: enrichFlowConfig(connector.id) });
    const id = (await client.post(`/flows/${flow.json.id}/run`, { contactId: contact.id })).json.flowRunId;
    const done = await eventually(async () => {
      const run = (await client.get(`/flow-runs/${id}`)).json;
      return run.status === 'success' ? run : undefined;
    });
    const refused = await client.post(`/flow-runs/${id}/cancel`);
    expect(refused.status).toBe(409);
    expect(refused.json.error).toMatchObject({ code: 'flow_run_finished', details: { status: 'success' } });
    expect((await client.get(`/flow-runs/${id}`)).json).toEqual(done);
    const unknown = await client.post('/flow-runs/00000000-0000-4000-8000-000000000000/cancel');
    expect(unknown.status).toBe(404);
    expect((await client.post('/flow-runs/not-a-uuid/cancel')).status).toBe(404);
  });

  it('a runtime that does not hold the run (the Trigger.dev task) starts no node after the cancel', async () => {
    const { client, connector, contact, workspaceId } = await seedWorkspace(s.app, api);
    const flow = await client.post('/flows', { name: 'Enrich', config: enrichFlowConfig(connector.id) });
    const db = s.t.database.db;
    const flowRun = await createFlowRun(db, workspaceId, { flow_id: flow.json.id, contact_id: contact.id });
    if (!flowRun) throw new Error('no flow run');
    // Leased elsewhere, so the local worker leaves it to the runtime called below.
    await db
      .updateTable('flow_runs')
      .set({ status: 'running', leased_by: 'elsewhere', lease_expires_at: new Date(Date.now() + 3_600_000) })
      .where('id', '=', flowRun.id)
      .execute();
    // The cancel arrives as the connector node's child succeeds: the node after it must not start.
    const runner = s.t.runtime.ctx.runner;
    const outcome = await runFlowRun(
      {
        runner,
        runChild: async (child) => {
          await runChildInProcess(runner, 'test-runtime')(child);
          expect((await client.post(`/flow-runs/${flowRun.id}/cancel`)).status).toBe(200);
        },
      },
      { workspaceId, flowRunId: flowRun.id, attempt: 1 },
    );
    expect(outcome).toEqual({ outcome: 'finished', status: 'cancelled' });
    const after = (await client.get(`/flow-runs/${flowRun.id}`)).json;
    expect(after.status).toBe('cancelled');
    expect(after.executions).toEqual([expect.objectContaining({ node_id: 'enrich', status: 'success' })]);
    expect(after.steps_executed.find((step: Json) => step.step_id === 'enrich')?.status).toBe('success');
    expect(after.steps_executed.find((step: Json) => step.step_id === 'save')?.status).not.toBe('success');
    expect((await client.get(`/contacts/${contact.id}`)).json.title).toBeNull();
  });
});

import { HUBSPOT_ROUTES } from '@connectors/runner/testing';
import { expect, it } from 'vitest';
import { describeApi } from './support/describe-api';
import {
  enrichFlowConfig,
  eventually,
  waitForFlowRun,
  waitThenStampFlowConfig,
} from './support/flow-helpers';
import { useHubspotMock } from './support/hubspot-mock';
import { type Json, seedWorkspace } from './support/run-helpers';
import { restartedApp } from './support/test-app';

const api = useHubspotMock();

describeApi('flow runs', (s) => {
  it('fails with its child connector: the run names the node and later nodes are skipped', async () => {
    const { client, connector, contact } = await seedWorkspace(s.app, api);
    api.on(HUBSPOT_ROUTES.company, () => ({ status: 500, json: { message: 'boom' } }));
    const flow = await client.post('/flows', { name: 'Enrich', config: enrichFlowConfig(connector.id) });
    const accepted = await client.post(`/flows/${flow.json.id}/run`, { contactId: contact.id });
    const run = await waitForFlowRun(client, accepted.json.flowRunId);
    expect(run.status).toBe('failed');
    expect(run.error_message).toMatch(/^Step "Enrich" \(enrich\) failed: The run of ".*" ended failed/);
    expect(run.steps_executed.map((step: Json) => step.status)).toEqual(['success', 'failed', 'skipped']);
    expect(run.executions).toEqual([expect.objectContaining({ node_id: 'enrich', status: 'failed' })]);
    expect((await client.get(`/contacts/${contact.id}`)).json.title).toBeNull();
  });

  it('a connector node whose connector is disabled fails without creating a child', async () => {
    const { client, connector, contact } = await seedWorkspace(s.app, api);
    const flow = await client.post('/flows', { name: 'Enrich', config: enrichFlowConfig(connector.id) });
    const current = (await client.get(`/connectors/${connector.id}`)).json;
    const disabled = await client.put(`/connectors/${connector.id}`, { ...current, enabled: false });
    expect(disabled.status).toBe(200);
    const accepted = await client.post(`/flows/${flow.json.id}/run`, { contactId: contact.id });
    const run = await waitForFlowRun(client, accepted.json.flowRunId);
    expect(run.status).toBe('failed');
    expect(run.error_message).toMatch(/is disabled/);
    expect(run.executions).toEqual([]);
    expect(api.log).toHaveLength(0);
  });

  it('a flow run interrupted by a stop resumes after the restart: finished nodes kept, the delay keeps its due time', async () => {
    const { client, contact } = await seedWorkspace(s.app, api);
    const flow = await client.post('/flows', {
      name: 'Wait, then stamp',
      config: waitThenStampFlowConfig(2),
    });
    const accepted = await client.post(`/flows/${flow.json.id}/run`, { contactId: contact.id });
    const id = accepted.json.flowRunId;
    // The trigger is recorded and the delay is under way when the API stops.
    await eventually(async () => {
      const run = (await client.get(`/flow-runs/${id}`)).json;
      return run.status === 'running' && run.steps_executed.length === 1 ? run : undefined;
    });
    const dueAt = () =>
      s.t.database.db
        .selectFrom('flow_runs')
        .select('delays')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
        .then((row) => row.delays.wait);
    // The delay stored when it is due as it started.
    const due = await eventually(dueAt);
    await s.t.runtime.stop(0);
    const stopped = (await client.get(`/flow-runs/${id}`)).json;
    expect(stopped.status).toBe('running');
    expect(stopped.steps_executed.map((step: Json) => step.step_id)).toEqual(['start']);
    const firstStart = stopped.steps_executed[0];

    const { runtime, client: restarted } = await restartedApp(s.t, s.dialect, client, {
      CONNECTORS_WORKER_POLL_MS: '100',
    });
    try {
      const run = await waitForFlowRun(restarted, id);
      expect(run.status).toBe('success');
      expect(run.steps_executed.map((step: Json) => [step.step_id, step.status])).toEqual([
        ['start', 'success'],
        ['wait', 'success'],
        ['save', 'success'],
      ]);
      // The trigger's result is the one the first process stored, and the delay kept its due time.
      expect(run.steps_executed[0]).toEqual(firstStart);
      expect(await dueAt()).toBe(due);
      expect(Date.parse(run.completed_at)).toBeGreaterThanOrEqual(Date.parse(due));
      expect((await restarted.get(`/contacts/${contact.id}`)).json.title).toBe('Stamped');
    } finally {
      await runtime.stop(0);
    }
  });
});

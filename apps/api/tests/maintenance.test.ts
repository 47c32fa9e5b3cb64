import { expect, it } from 'vitest';
import { sweepOnce } from '../src/maintenance';
import { describeApi } from './support/describe-api';
import { enrichFlowConfig, eventually, waitForFlowRun } from './support/flow-helpers';
import { useHubspotMock } from './support/hubspot-mock';
import { type Json, seedWorkspace } from './support/run-helpers';

const api = useHubspotMock();

const DAY = 24 * 60 * 60 * 1000;

describeApi('retention sweep', (s) => {
  const db = () => s.t.database.db;
  /** Moves rows `days` into the past, as if they had been created then. */
  const age = async (table: 'connector_executions' | 'flow_runs' | 'bulk_runs', ids: string[], days = 40) => {
    await db()
      .updateTable(table)
      .set({ created_at: new Date(Date.now() - days * DAY) })
      .where('id', 'in', ids)
      .execute();
  };
  const exists = async (table: 'connector_executions' | 'flow_runs' | 'bulk_runs', id: string) =>
    Boolean(await db().selectFrom(table).select('id').where('id', '=', id).executeTakeFirst());

  it('deletes finished flow runs and bulk runs past the retention, children first, links kept', async () => {
    const { client, connector, contact } = await seedWorkspace(s.app, api);
    const flow = await client.post('/flows', { name: 'Enrich', config: enrichFlowConfig(connector.id) });

    // An old bulk run of the flow: its flow run and that run's child execution are old too.
    const bulk = await client.post(`/flows/${flow.json.id}/bulk-run`, { contactIds: [contact.id] });
    expect(bulk.status).toBe(202);
    const bulkRunId = bulk.json.bulkRunId as string;
    await eventually(async () => {
      const res = (await client.get(`/bulk-runs/${bulkRunId}`)).json;
      return res.status === 'completed' ? res : undefined;
    });
    const [bulkFlowRun] = (await client.get(`/flows/${flow.json.id}/runs`)).json.data as Json[];
    const oldRun = await waitForFlowRun(client, bulkFlowRun.id);
    expect(oldRun.bulk_run_id).toBe(bulkRunId);
    const oldChild = oldRun.executions[0].id as string;

    // A run past the retention whose child is younger: it stays while the child does.
    const started = await client.post(`/flows/${flow.json.id}/run`, { contactId: contact.id });
    const straddling = await waitForFlowRun(client, started.json.flowRunId);
    const youngChild = straddling.executions[0].id as string;

    // A run past the retention that has not ended stays.
    const waiting = await client.post('/flows', {
      name: 'Wait',
      config: {
        version: 1,
        nodes: [
          { id: 'start', type: 'trigger', position: { x: 0, y: 0 }, data: { event: 'manual' } },
          { id: 'wait', type: 'delay', position: { x: 0, y: 100 }, data: { seconds: 600 } },
        ],
        edges: [{ id: 'e1', source: 'start', target: 'wait' }],
      },
    });
    const unfinished = (await client.post(`/flows/${waiting.json.id}/run`, { contactId: contact.id })).json
      .flowRunId as string;
    await eventually(async () =>
      (await client.get(`/flow-runs/${unfinished}`)).json.status === 'running' ? true : undefined,
    );

    // A recent finished run stays.
    const recent = await waitForFlowRun(
      client,
      (await client.post(`/flows/${flow.json.id}/run`, { contactId: contact.id })).json.flowRunId,
    );

    await age('bulk_runs', [bulkRunId]);
    await age('flow_runs', [oldRun.id, straddling.id, unfinished]);
    await age('connector_executions', [oldChild]);

    const first = await sweepOnce(db(), { retentionDays: 30 });
    expect(first).toMatchObject({ executions: 1, flowRuns: 1, bulkRuns: 1 });
    expect(await exists('connector_executions', oldChild)).toBe(false);
    expect(await exists('flow_runs', oldRun.id)).toBe(false);
    expect(await exists('bulk_runs', bulkRunId)).toBe(false);
    expect((await client.get(`/flow-runs/${oldRun.id}`)).status).toBe(404);
    expect((await client.get(`/bulk-runs/${bulkRunId}`)).status).toBe(404);
    // The straddling run keeps its child and the child its link; the unfinished and the recent stay.
    expect((await client.get(`/executions/${youngChild}`)).json.flow_run_id).toBe(straddling.id);
    expect((await client.get(`/flow-runs/${straddling.id}`)).json.executions).toHaveLength(1);
    expect((await client.get(`/flow-runs/${unfinished}`)).json.status).toBe('running');
    expect((await client.get(`/flow-runs/${recent.id}`)).status).toBe(200);
    expect((await client.get(`/flows/${flow.json.id}`)).status).toBe(200);

    // Once its child has aged out too, the straddling run goes at the next sweep.
    await age('connector_executions', [youngChild]);
    expect(await sweepOnce(db(), { retentionDays: 30 })).toMatchObject({ executions: 1, flowRuns: 1 });
    expect(await exists('flow_runs', straddling.id)).toBe(false);
    expect(await exists('flow_runs', recent.id)).toBe(true);

    expect((await client.post(`/flow-runs/${unfinished}/cancel`)).status).toBe(200);
  });
});

import { expect, it } from 'vitest';
import { describeApi } from './support/describe-api';
import { enrichFlowConfig, eventually, updateOnlyFlowConfig, waitForFlowRun } from './support/flow-helpers';
import { useHubspotMock } from './support/hubspot-mock';
import { type Json, seedWorkspace } from './support/run-helpers';
import { Client } from './support/test-app';

const api = useHubspotMock();

/** The flow's runs, newest first. */
async function runsOf(client: Client, flowId: string): Promise<Json[]> {
  const res = await client.get(`/flows/${flowId}/runs`);
  expect(res.status).toBe(200);
  return res.json.data;
}

/** Waits until every run of the flow has ended, then returns them. */
async function settledRuns(client: Client, flowId: string, atLeast: number): Promise<Json[]> {
  const runs = await eventually(async () => {
    const list = await runsOf(client, flowId);
    return list.length >= atLeast && list.every((r) => ['success', 'failed', 'partial'].includes(r.status))
      ? list
      : undefined;
  });
  return runs;
}

describeApi('contact triggers', (s) => {
  it('creating a contact starts the enabled contact.created flows, and only those', async () => {
    const { client, connector } = await seedWorkspace(s.app, api);
    const enrich = await client.post('/flows', {
      name: 'Enrich new contacts',
      enabled: true,
      config: enrichFlowConfig(connector.id, { event: 'contact.created' }),
    });
    const disabled = await client.post('/flows', {
      name: 'Disabled',
      config: updateOnlyFlowConfig('contact.created', { company: 'disabled ran' }),
    });
    const manual = await client.post('/flows', {
      name: 'Manual',
      enabled: true,
      config: updateOnlyFlowConfig('manual', { company: 'manual ran' }),
    });
    const onUpdate = await client.post('/flows', {
      name: 'On update',
      enabled: true,
      config: updateOnlyFlowConfig('contact.updated', { company: 'update ran' }),
    });
    // Another workspace's flow on the same event never hears this workspace's contacts.
    const stranger = new Client(s.app);
    await stranger.signup();
    const foreign = await stranger.post('/flows', {
      name: 'Foreign',
      enabled: true,
      config: updateOnlyFlowConfig('contact.created', { company: 'foreign ran' }),
    });
    expect(foreign.status).toBe(201);

    const created = await client.post('/contacts', { email: 'john@acme.com' });
    expect(created.status).toBe(201);

    const [run] = await settledRuns(client, enrich.json.id, 1);
    expect(run).toMatchObject({
      contact_id: created.json.id,
      trigger_event: 'contact.created',
      status: 'success',
    });
    const contact = await client.get(`/contacts/${created.json.id}`);
    expect(contact.json).toMatchObject({ first_name: 'John', title: 'John @ Technology', company: null });
    for (const flow of [disabled, manual, onUpdate]) expect(await runsOf(client, flow.json.id)).toEqual([]);
    expect(await runsOf(stranger, foreign.json.id)).toEqual([]);
  });

  it('a flow that updates its own contact on contact.updated runs exactly once per API update', async () => {
    const { client, contact } = await seedWorkspace(s.app, api);
    const flow = await client.post('/flows', {
      name: 'Stamp updates',
      enabled: true,
      config: updateOnlyFlowConfig('contact.updated', {
        title: 'Seen',
        'metadata.updates': '{{ $number(contact.metadata.updates ? contact.metadata.updates : 0) + 1 }}',
      }),
    });
    expect(flow.json.problems).toEqual([]);
    // Creating the contact (in seedWorkspace) did not start it: it listens to updates only.
    expect(await runsOf(client, flow.json.id)).toEqual([]);

    const patched = await client.request('PATCH', `/contacts/${contact.id}`, { phone: '+1 555 0100' });
    expect(patched.status).toBe(200);
    const [first] = await settledRuns(client, flow.json.id, 1);
    expect(first).toMatchObject({ trigger_event: 'contact.updated', status: 'success' });
    expect((await waitForFlowRun(client, first.id)).status).toBe('success');
    const written = await client.get(`/contacts/${contact.id}`);
    expect(written.json).toMatchObject({ title: 'Seen', phone: '+1 555 0100' });
    expect(written.json.metadata.updates).toBe(1);

    // The flow's own write did not start it again: a later API update is what starts run number two.
    expect(await runsOf(client, flow.json.id)).toHaveLength(1);
    const replaced = await client.put(`/contacts/${contact.id}`, {
      email: 'john@acme.com',
      metadata: { updates: 1 },
    });
    expect(replaced.status).toBe(200);
    const runs = await settledRuns(client, flow.json.id, 2);
    expect(runs).toHaveLength(2);
    expect(runs.every((r) => r.status === 'success')).toBe(true);
    const after = await client.get(`/contacts/${contact.id}`);
    expect(after.json.metadata.updates).toBe(2);
    expect(await runsOf(client, flow.json.id)).toHaveLength(2);
  });

  it('a flow whose graph cannot run is not started, and the contact write still succeeds', async () => {
    const { client } = await seedWorkspace(s.app, api);
    const broken = await client.post('/flows', {
      name: 'Broken',
      enabled: true,
      config: {
        version: 1,
        nodes: [
          { id: 'start', type: 'trigger', position: { x: 0, y: 0 }, data: { event: 'contact.created' } },
          { id: 'enrich', type: 'connector', position: { x: 0, y: 100 }, data: { connectorId: '' } },
          { id: 'stray', type: 'delay', position: { x: 0, y: 200 }, data: { seconds: 1 } },
        ],
        edges: [{ id: 'e1', source: 'start', target: 'enrich' }],
      },
    });
    expect(broken.json.problems.some((p: Json) => p.severity === 'error')).toBe(true);
    const created = await client.post('/contacts', { email: 'x@y.co' });
    expect(created.status).toBe(201);
    expect(await runsOf(client, broken.json.id)).toEqual([]);
  });
});

import { HUBSPOT_ROUTES } from '@connectors/runner/testing';
import { expect, it } from 'vitest';
import { describeApi } from './support/describe-api';
import { useHubspotMock } from './support/hubspot-mock';
import { type Json, seedWorkspace, waitForExecution } from './support/run-helpers';

const api = useHubspotMock();

/** What the run view reads beside the steps: counts, contact, and how the connector changed since. */
describeApi('execution debugger views', (s) => {
  it('lists runs with their contact, connector name and step counts', async () => {
    const { client, connector, contact } = await seedWorkspace(s.app, api);
    api.on(HUBSPOT_ROUTES.contact, () => ({ status: 500, json: { message: 'down' } }));
    const { json } = await client.post(`/connectors/${connector.id}/execute`, { contactId: contact.id });
    await waitForExecution(client, json.executionId);
    const tested = await client.post(`/connectors/${connector.id}/test`, { inputs: { email: 'x@y.z' } });

    const page = await client.get('/executions');
    expect(page.json.data.map((e: Json) => e.id)).toEqual([tested.json.id, json.executionId]);
    const [test, live] = page.json.data;
    expect(live).toMatchObject({
      status: 'failed',
      connector_name: connector.config ? expect.stringMatching(/^HubSpot /) : null,
      contact: { id: contact.id, email: 'john@acme.com', first_name: null, last_name: null },
      step_counts: { total: 4, success: 1, failed: 1, skipped: 2 },
    });
    expect(test).toMatchObject({ contact: null, step_counts: { total: 4, failed: 1 } });
    expect(live).not.toHaveProperty('connector_changes');
    const byConnector = await client.get(`/connectors/${connector.id}/executions?status=failed`);
    expect(byConnector.json.data[0].step_counts).toEqual(live.step_counts);
  });

  it('says how the connector changed since a run, and which steps a retry from the failure reuses', async () => {
    const { client, connector, contact } = await seedWorkspace(s.app, api);
    api.on(HUBSPOT_ROUTES.contact, () => ({ status: 500, json: { message: 'down' } }));
    api.on('GET /v2/crm/v3/objects/contacts/c42', () => ({
      json: { properties: { firstname: 'Fixed' }, associations: { companies: [{ id: 'co_7' }] } },
    }));
    const { json } = await client.post(`/connectors/${connector.id}/execute`, { contactId: contact.id });
    const failed = await waitForExecution(client, json.executionId);
    expect(failed.connector_changes).toEqual({
      current_version: connector.version,
      changed: false,
      changed_steps: [],
      reusable_steps: ['step_1'],
    });

    // Moving a node is a new version but no change to what runs.
    const current = (await client.get(`/connectors/${connector.id}`)).json;
    current.config.nodes[0].position = { x: 999, y: 999 };
    const moved = await client.put(`/connectors/${connector.id}`, current);
    expect(moved.status).toBe(200);
    const afterMove = (await client.get(`/executions/${json.executionId}`)).json.connector_changes;
    expect(afterMove).toMatchObject({ current_version: moved.json.version, changed: false });

    // Fixing step_2's URL changes step_2 only; step_1 stays reusable.
    const fixed = moved.json;
    const step2 = fixed.config.nodes.find((n: Json) => n.id === 'step_2');
    step2.data.url = step2.data.url.replace(api.url, `${api.url}/v2`);
    const saved = await client.put(`/connectors/${connector.id}`, fixed);
    expect(saved.status).toBe(200);
    const afterFix = (await client.get(`/executions/${json.executionId}`)).json;
    expect(afterFix.connector_version).toBe(connector.version);
    expect(afterFix.connector_changes).toEqual({
      current_version: saved.json.version,
      changed: true,
      changed_steps: ['step_2'],
      reusable_steps: ['step_1'],
    });

    // The retry reuses exactly what the view announced.
    const retried = await client.post(`/executions/${json.executionId}/retry`, { from_failed: true });
    expect(retried.json.reused_steps).toEqual(afterFix.connector_changes.reusable_steps);
    const success = await waitForExecution(client, retried.json.executionId);
    expect(success.status).toBe('success');
    expect(api.calls(HUBSPOT_ROUTES.search)).toHaveLength(1);
    expect(success.connector_changes).toMatchObject({ changed: false, changed_steps: [] });

    // Changing an edge's mapping marks its source step, and nothing downstream is reusable any more.
    const again = saved.json;
    again.config.edges.find((e: Json) => e.source === 'step_1').data.mapping = { contactId: 'results[1].id' };
    expect((await client.put(`/connectors/${connector.id}`, again)).status).toBe(200);
    const afterEdge = (await client.get(`/executions/${success.id}`)).json.connector_changes;
    expect(afterEdge).toMatchObject({ changed: true, changed_steps: ['step_1'], reusable_steps: [] });
  });
});

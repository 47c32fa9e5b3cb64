import { seedHubspotConnector } from '@connectors/runner/testing';
import { expect, it } from 'vitest';
import { describeApi } from './support/describe-api';
import { enrichFlowConfig, waitForFlowRun } from './support/flow-helpers';
import { useHubspotMock } from './support/hubspot-mock';
import { type Json, seedWorkspace, waitForExecution } from './support/run-helpers';
import { Client } from './support/test-app';

const api = useHubspotMock();

/** The seed connector, with `last_name` written only where the contact has none. */
function ifEmptyConnector(url: string) {
  const seed = seedHubspotConnector(url) as Json;
  return {
    ...seed,
    finalMapping: {
      ...seed.finalMapping,
      last_name: { template: '{{step_2.lastName}}', write: 'if_empty' },
    },
  };
}

describeApi('contact history and provenance', (s) => {
  it('records each field a connector run changed, old → new, and which run set each field', async () => {
    const { client, connector, contact } = await seedWorkspace(s.app, api);
    const accepted = await client.post(`/connectors/${connector.id}/execute`, { contactId: contact.id });
    const execution = await waitForExecution(client, accepted.json.executionId);
    expect(execution.status).toBe('success');

    const history = await client.get(`/contacts/${contact.id}/history`);
    expect(history.status).toBe(200);
    expect(history.json.next_cursor).toBeNull();
    expect(history.json.data).toHaveLength(1);
    const [entry] = history.json.data;
    expect(entry).toMatchObject({
      execution_id: execution.id,
      connector_id: connector.id,
      connector_name: expect.stringMatching(/^HubSpot/),
      flow_run_id: null,
      completed_at: execution.completed_at,
    });
    expect(entry.changes).toEqual(
      expect.arrayContaining([
        { field: 'first_name', old: null, new: 'John' },
        { field: 'last_name', old: null, new: 'Smith' },
        { field: 'metadata.company_name', old: 'Old Co', new: 'Acme Corp' },
        { field: 'metadata.industry', old: null, new: 'Technology' },
      ]),
    );
    expect(entry.changes).toHaveLength(4);

    const read = await client.get(`/contacts/${contact.id}`);
    const setBy = {
      connector_id: connector.id,
      connector_name: entry.connector_name,
      execution_id: execution.id,
      at: expect.any(String),
    };
    expect(read.json.provenance).toEqual({
      first_name: setBy,
      last_name: setBy,
      'metadata.company_name': setBy,
      'metadata.industry': setBy,
    });
    const listed = await client.get('/contacts');
    expect(listed.json.data.find((c: Json) => c.id === contact.id).provenance).toEqual(read.json.provenance);

    // A person's edit takes the field out of the run's provenance (and is not a run in the history).
    const edited = await client.request('PATCH', `/contacts/${contact.id}`, { first_name: 'Johnny' });
    expect(edited.json.provenance).not.toHaveProperty('first_name');
    expect(edited.json.provenance).toHaveProperty('last_name');

    // The same run again changes only what differs now: first_name back to John.
    const again = await client.post(`/connectors/${connector.id}/execute`, { contactId: contact.id });
    const second = await waitForExecution(client, again.json.executionId);
    const after = await client.get(`/contacts/${contact.id}/history`);
    expect(after.json.data).toHaveLength(2);
    expect(after.json.data[0]).toMatchObject({
      execution_id: second.id,
      changes: [{ field: 'first_name', old: 'Johnny', new: 'John' }],
    });
    const page = await client.get(`/contacts/${contact.id}/history?limit=1`);
    expect(page.json.data.map((e: Json) => e.execution_id)).toEqual([second.id]);
    const next = await client.get(`/contacts/${contact.id}/history?limit=1&cursor=${page.json.next_cursor}`);
    expect(next.json.data.map((e: Json) => e.execution_id)).toEqual([execution.id]);
    expect((await client.get(`/contacts/${contact.id}`)).json.provenance.first_name.execution_id).toBe(
      second.id,
    );

    const stranger = new Client(s.app);
    await stranger.signup();
    expect((await stranger.get(`/contacts/${contact.id}/history`)).status).toBe(404);
  });

  it("honours the output's write rules: if_empty keeps a value the contact has, overwrite replaces it", async () => {
    const { client, connector, contact } = await seedWorkspace(s.app, api, ifEmptyConnector(api.url));
    await client.request('PATCH', `/contacts/${contact.id}`, { first_name: 'Jo', last_name: 'Existing' });
    const accepted = await client.post(`/connectors/${connector.id}/execute`, { contactId: contact.id });
    expect((await waitForExecution(client, accepted.json.executionId)).status).toBe('success');
    const read = await client.get(`/contacts/${contact.id}`);
    expect(read.json).toMatchObject({ first_name: 'John', last_name: 'Existing' });
    expect(read.json.provenance).toHaveProperty('first_name');
    expect(read.json.provenance).not.toHaveProperty('last_name');
    const [entry] = (await client.get(`/contacts/${contact.id}/history`)).json.data;
    expect(entry.changes.map((c: Json) => c.field)).not.toContain('last_name');
  });

  it('a flow run records its child execution and its update_contact node, both with the flow run id', async () => {
    const { client, connector, contact } = await seedWorkspace(s.app, api);
    const flow = await client.post('/flows', { name: 'Enrich', config: enrichFlowConfig(connector.id) });
    const accepted = await client.post(`/flows/${flow.json.id}/run`, { contactId: contact.id });
    const run = await waitForFlowRun(client, accepted.json.flowRunId);
    expect(run.status).toBe('success');

    const history = (await client.get(`/contacts/${contact.id}/history`)).json.data;
    expect(history).toHaveLength(2);
    // Order-independent: both writes may land within the same millisecond.
    const node = history.find((entry: Json) => entry.execution_id === null);
    const child = history.find((entry: Json) => entry.execution_id !== null);
    expect(node).toMatchObject({
      execution_id: null,
      connector_id: null,
      connector_name: null,
      flow_run_id: run.id,
      changes: [{ field: 'title', old: null, new: 'John @ Technology' }],
    });
    expect(child).toMatchObject({
      execution_id: run.executions[0].id,
      connector_id: connector.id,
      flow_run_id: run.id,
    });
    const read = await client.get(`/contacts/${contact.id}`);
    expect(read.json.provenance.title).toEqual({
      connector_id: null,
      execution_id: null,
      flow_run_id: run.id,
      at: expect.any(String),
    });
    expect(read.json.provenance.first_name).toMatchObject({
      connector_id: connector.id,
      execution_id: run.executions[0].id,
      flow_run_id: run.id,
    });
  });
});

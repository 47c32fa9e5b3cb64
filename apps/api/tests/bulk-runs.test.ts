import { expect, it } from 'vitest';
import { describeApi } from './support/describe-api';
import { eventually, updateOnlyFlowConfig } from './support/flow-helpers';
import { useHubspotMock } from './support/hubspot-mock';
import { type Json, seedWorkspace } from './support/run-helpers';
import { Client, restartedApp } from './support/test-app';

const api = useHubspotMock((api) => {
  api.on('GET /people', (req) => ({ json: { title: `Title of ${req.query.get('email')}` } }));
});

/** Polls `GET /bulk-runs/:id` until it is completed. */
async function waitForBulkRun(client: Client, id: string): Promise<Json> {
  return eventually(async () => {
    const res = await client.get(`/bulk-runs/${id}`);
    expect(res.status).toBe(200);
    return res.json.status === 'completed' ? res.json : undefined;
  });
}

describeApi('bulk runs', (s) => {
  it('executes a connector on chosen contacts; a contact that cannot run counts as failed', async () => {
    const { client, connector, contact } = await seedWorkspace(s.app, api);
    const second = await client.post('/contacts', { email: 'jane@acme.com' });
    const noEmail = await client.post('/contacts', { first_name: 'Nobody' });
    const ids = [contact.id, second.json.id, noEmail.json.id];

    const started = await client.post(`/connectors/${connector.id}/bulk-execute`, { contactIds: ids });
    expect(started.status).toBe(202);
    expect(started.json).toEqual({ bulkRunId: expect.any(String), total: 3 });

    const done = await waitForBulkRun(client, started.json.bulkRunId);
    expect(done).toEqual({
      id: started.json.bulkRunId,
      kind: 'connector',
      target_id: connector.id,
      status: 'completed',
      total: 3,
      queued: 3,
      succeeded: 2,
      failed: 1,
      // first_name, last_name, metadata.industry, metadata.company_name on both contacts.
      fields_changed: 8,
      created_at: expect.any(String),
      completed_at: expect.any(String),
    });
    const executions = await client.get(`/executions?connector_id=${connector.id}`);
    expect(executions.json.data.map((e: Json) => e.contact_id).sort()).toEqual(
      [contact.id, second.json.id].sort(),
    );
    expect((await client.get(`/contacts/${second.json.id}`)).json.first_name).toBe('John');
    expect((await client.get(`/contacts/${noEmail.json.id}`)).json.first_name).toBe('Nobody');
  });

  it('runs a flow on every contact matching a search, as GET /contacts?search= finds them', async () => {
    const { client } = await seedWorkspace(s.app, api);
    await client.post('/contacts', { email: 'ann@globex.com', first_name: 'Ann' });
    await client.post('/contacts', { email: 'bob@globex.com', first_name: 'Bob' });
    const outsider = await client.post('/contacts', { email: 'carl@initech.com', first_name: 'Carl' });
    const flow = await client.post('/flows', {
      name: 'Tag',
      config: updateOnlyFlowConfig('manual', {
        company: 'Globex',
        title: { template: 'Member', write: 'if_empty' },
      }),
    });
    const matching = (await client.get('/contacts?search=globex')).json.data.map((c: Json) => c.id);
    expect(matching).toHaveLength(2);

    const started = await client.post(`/flows/${flow.json.id}/bulk-run`, { filter: { search: 'globex' } });
    expect(started.status).toBe(202);
    expect(started.json.total).toBe(2);
    const done = await waitForBulkRun(client, started.json.bulkRunId);
    expect(done).toMatchObject({
      kind: 'flow',
      target_id: flow.json.id,
      succeeded: 2,
      failed: 0,
      fields_changed: 4,
    });
    const runs = (await client.get(`/flows/${flow.json.id}/runs`)).json.data;
    expect(runs.map((r: Json) => r.contact_id).sort()).toEqual([...matching].sort());
    expect(runs.every((r: Json) => r.bulk_run_id === started.json.bulkRunId)).toBe(true);
    for (const id of matching) expect((await client.get(`/contacts/${id}`)).json.company).toBe('Globex');
    expect((await client.get(`/contacts/${outsider.json.id}`)).json.company).toBeNull();
  });

  it('refuses bad targets with 4xx and paths, and hides other workspaces’ bulk runs', async () => {
    const { client, connector, contact } = await seedWorkspace(s.app, api);
    const unknown = await client.post(`/connectors/${connector.id}/bulk-execute`, {
      contactIds: [contact.id, '00000000-0000-4000-8000-000000000000'],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.details).toEqual([
      { path: 'contactIds.1', message: 'No such contact in this workspace' },
    ]);
    expect((await client.post(`/connectors/${connector.id}/bulk-execute`, { contactIds: [] })).status).toBe(
      400,
    );
    expect((await client.post(`/connectors/${connector.id}/bulk-execute`, {})).status).toBe(400);
    expect(
      (
        await client.post(`/connectors/${connector.id}/bulk-execute`, {
          contactIds: [contact.id],
          filter: {},
        })
      ).status,
    ).toBe(400);
    expect((await client.post('/connectors/nope/bulk-execute', { contactIds: [contact.id] })).status).toBe(
      404,
    );
    const draft = await client.post('/flows', {
      name: 'Draft',
      config: {
        version: 1,
        nodes: [
          { id: 'x', type: 'delay', data: {} },
          { id: 'y', type: 'delay', data: {} },
        ],
        edges: [],
      },
    });
    const refused = await client.post(`/flows/${draft.json.id}/bulk-run`, { contactIds: [contact.id] });
    expect(refused.status).toBe(422);

    const started = await client.post(`/connectors/${connector.id}/bulk-execute`, { filter: {} });
    expect(started.status).toBe(202);
    expect(started.json.total).toBe(1);
    const stranger = new Client(s.app);
    await stranger.signup();
    expect((await stranger.get(`/bulk-runs/${started.json.bulkRunId}`)).status).toBe(404);
    expect((await client.get('/bulk-runs/not-a-uuid')).status).toBe(404);
    await waitForBulkRun(client, started.json.bulkRunId);
  });
});

describeApi(
  'bulk runs within the rate limit, across a restart',
  (s) => {
    it('hands out only what the workspace budget allows, and goes on after the API restarts', async () => {
      const client = new Client(s.app);
      await client.signup();
      const connector = await client.post('/connectors', {
        name: 'Title lookup',
        steps: [
          {
            id: 'step_1',
            name: 'Look up',
            method: 'GET',
            url: `${api.url}/people`,
            queryParams: [{ key: 'email', value: '{{input.email}}' }],
            outputMapping: { title: 'title' },
          },
        ],
        finalMapping: { title: '{{step_1.title}}' },
        input_schema: { fields: [{ name: 'email', type: 'string', required: true }] },
      });
      expect(connector.status, JSON.stringify(connector.json)).toBe(201);
      const ids: string[] = [];
      for (const n of [1, 2, 3, 4, 5])
        ids.push((await client.post('/contacts', { email: `p${n}@x.co` })).json.id);

      const started = await client.post(`/connectors/${connector.json.id}/bulk-execute`, { contactIds: ids });
      expect(started.status).toBe(202);
      const id = started.json.bulkRunId;
      // The budget is 3 a minute: three items are handed out and run; the rest wait for the budget.
      const paused = await eventually(async () => {
        const res = (await client.get(`/bulk-runs/${id}`)).json;
        return res.queued === 3 && res.succeeded === 3 ? res : undefined;
      });
      expect(paused).toMatchObject({ status: 'running', total: 5, failed: 0, fields_changed: 3 });
      expect(
        (await client.post(`/connectors/${connector.json.id}/execute`, { contactId: ids[4] })).status,
      ).toBe(429);

      // Restart: the first process stops, a new one over the same database takes the bulk run up.
      await s.t.runtime.stop(0);
      const { runtime, client: restarted } = await restartedApp(s.t, s.dialect, client, {
        CONNECTORS_ALLOW_PRIVATE_NETWORK: 'true',
        CONNECTORS_WORKER_POLL_MS: '100',
      });
      try {
        const done = await waitForBulkRun(restarted, id);
        expect(done).toMatchObject({ total: 5, queued: 5, succeeded: 5, failed: 0, fields_changed: 5 });
        for (const [n, contactId] of ids.entries()) {
          expect((await restarted.get(`/contacts/${contactId}`)).json.title).toBe(`Title of p${n + 1}@x.co`);
        }
        expect(api.calls('GET /people')).toHaveLength(5);
      } finally {
        await runtime.stop(0);
      }
    });
  },
  { CONNECTORS_RATE_LIMIT_PER_MINUTE: '3', CONNECTORS_WORKER_POLL_MS: '100' },
);

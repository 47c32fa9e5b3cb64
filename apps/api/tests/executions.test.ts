import { HUBSPOT_ROUTES } from '@connectors/runner/testing';
import { expect, it } from 'vitest';
import { describeApi } from './support/describe-api';
import { useHubspotMock } from './support/hubspot-mock';
import { type Json, seedWorkspace, TOKEN, waitForExecution } from './support/run-helpers';
import { Client } from './support/test-app';

const api = useHubspotMock();

describeApi('executions', (s) => {
  it('executes the seed connector: 202, then the contact is enriched and every step recorded', async () => {
    const { client, connector, contact } = await seedWorkspace(s.app, api);
    // No inputs: `email` falls back to the contact's e-mail.
    const accepted = await client.post(`/connectors/${connector.id}/execute`, { contactId: contact.id });
    expect(accepted.status).toBe(202);
    expect(accepted.json).toEqual({ executionId: expect.any(String), status: 'pending' });

    const execution = await waitForExecution(client, accepted.json.executionId);
    expect(execution).toMatchObject({
      status: 'success',
      mode: 'live',
      contact_id: contact.id,
      connector_id: connector.id,
      connector_version: connector.version,
      input_data: { email: 'john@acme.com' },
      output_data: { first_name: 'John', 'metadata.company_name': 'Acme Corp' },
      error_message: null,
      retry_of: null,
      trigger_run_id: null,
      flow_run_id: null,
    });
    expect(execution.graph_snapshot).toEqual(connector.config);
    expect(execution.steps_executed.map((step: Json) => [step.step_id, step.status, step.handle])).toEqual([
      ['step_1', 'success', 'success'],
      ['step_2', 'success', 'success'],
      ['step_3', 'success', 'success'],
      ['output', 'success', 'success'],
    ]);
    const [search] = execution.steps_executed;
    expect(search).toMatchObject({ step_name: 'Search Contact by Email', attempts: [{ attempt: 1 }] });
    expect(search.attempts[0].request.headers.Authorization).toBe('Bearer ••••••');
    expect(search.attempts[0].response).toMatchObject({ status: 200, body: { results: [{ id: 'c42' }] } });
    expect(Object.values(search.edge_values)).toEqual([{ contactId: 'c42' }]);
    expect(api.calls(HUBSPOT_ROUTES.search)[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);

    const enriched = await client.get(`/contacts/${contact.id}`);
    expect(enriched.json).toMatchObject({ email: 'john@acme.com', first_name: 'John', last_name: 'Smith' });
    expect(enriched.json.metadata).toEqual({
      source: 'import',
      company_name: 'Acme Corp',
      industry: 'Technology',
    });
    expect((await client.get(`/connectors/${connector.id}`)).json).toMatchObject({
      total_executions: 1,
      successful_executions: 1,
    });
    const credentials = await client.get('/workspace/credentials');
    expect(credentials.json.data[0]).toMatchObject({
      allowed_hosts: ['127.0.0.1'],
      last_used_at: expect.any(String),
    });

    const listed = await client.get(
      `/executions?status=success,failed&connector_id=${connector.id}&mode=live`,
    );
    expect(listed.json.data.map((e: Json) => e.id)).toEqual([execution.id]);
    expect(listed.json.data[0]).not.toHaveProperty('steps_executed');
    expect((await client.get(`/executions?contact_id=${contact.id}&status=failed`)).json.data).toEqual([]);
    expect((await client.get(`/connectors/${connector.id}/executions`)).json.data).toHaveLength(1);
    expect((await client.get('/executions?status=nope')).status).toBe(400);
    expect(client.seen.join('\n')).not.toContain(TOKEN);
  });

  it('tests a connector now, recording a test run that touches no contact and does not count', async () => {
    const { client, connector, contact } = await seedWorkspace(s.app, api);
    const tested = await client.post(`/connectors/${connector.id}/test`, { contactId: contact.id });
    expect(tested.status).toBe(200);
    expect(tested.json).toMatchObject({ status: 'success', mode: 'test', contact_id: contact.id });
    expect(tested.json.steps_executed).toHaveLength(4);
    expect(tested.json).toEqual((await client.get(`/executions/${tested.json.id}`)).json);
    const withoutContact = await client.post(`/connectors/${connector.id}/test`, {
      inputs: { email: 'x@y.z' },
    });
    expect(withoutContact.json).toMatchObject({
      status: 'success',
      contact_id: null,
      input_data: { email: 'x@y.z' },
    });
    expect((await client.get(`/contacts/${contact.id}`)).json).toMatchObject({
      first_name: null,
      metadata: { company_name: 'Old Co' },
    });
    expect((await client.get(`/connectors/${connector.id}`)).json.total_executions).toBe(0);
    expect((await client.get('/executions?mode=test')).json.data).toHaveLength(2);
    expect(client.seen.join('\n')).not.toContain(TOKEN);
  });

  it('refuses bad inputs (400 with the path), a graph that cannot run (422), unknown ids (404), a disabled connector (409)', async () => {
    const { client, connector } = await seedWorkspace(s.app, api);
    const noEmail = await client.post('/contacts', { first_name: 'No mail' });
    const missing = await client.post(`/connectors/${connector.id}/execute`, { contactId: noEmail.json.id });
    expect(missing.status).toBe(400);
    expect(missing.json.error.details).toEqual([
      { path: 'inputs.email', code: 'required', message: 'email is required' },
    ]);
    const wrongType = await client.post(`/connectors/${connector.id}/test`, { inputs: { email: 42 } });
    expect(wrongType.status).toBe(400);
    expect(wrongType.json.error.details[0]).toMatchObject({ path: 'inputs.email', code: 'invalid_type' });
    const noContact = await client.post(`/connectors/${connector.id}/execute`, {
      inputs: { email: 'a@b.c' },
    });
    expect(noContact.status).toBe(400);
    expect(noContact.json.error.details[0].path).toBe('contactId');
    expect((await client.post(`/connectors/${connector.id}/execute`, { contactId: 'nope' })).status).toBe(
      404,
    );
    expect(
      (
        await client.post('/connectors/00000000-0000-4000-8000-000000000000/execute', {
          contactId: noEmail.json.id,
        })
      ).status,
    ).toBe(404);

    const cyclic = await client.post('/connectors', {
      name: 'Cyclic',
      config: {
        version: 1,
        nodes: [
          { id: 'a', type: 'http', position: { x: 0, y: 0 }, data: { url: `${api.url}/a/{{b.x}}` } },
          { id: 'b', type: 'http', position: { x: 0, y: 100 }, data: { url: `${api.url}/b/{{a.x}}` } },
        ],
        edges: [
          { id: 'e1', source: 'a', target: 'b', data: { mapping: { x: 'x' } } },
          { id: 'e2', source: 'b', target: 'a', data: { mapping: { x: 'x' } } },
        ],
      },
    });
    expect(cyclic.status).toBe(201);
    for (const route of ['execute', 'test']) {
      const refused = await client.post(`/connectors/${cyclic.json.id}/${route}`, {
        contactId: noEmail.json.id,
      });
      expect(refused.status).toBe(422);
      expect(refused.json.error.code).toBe('graph_invalid');
      expect(refused.json.error.details.map((p: Json) => p.code)).toContain('cycle');
    }

    const disabled = await client.put(`/connectors/${connector.id}`, { ...connector, enabled: false });
    expect(disabled.status).toBe(200);
    const refused = await client.post(`/connectors/${connector.id}/execute`, { contactId: noEmail.json.id });
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('connector_disabled');
    expect(api.log).toHaveLength(0);
  });

  it('answers a replayed Idempotency-Key with the same execution', async () => {
    const { client, connector, contact } = await seedWorkspace(s.app, api);
    const headers = { 'idempotency-key': 'order-42' };
    const first = await client.post(
      `/connectors/${connector.id}/execute`,
      { contactId: contact.id },
      headers,
    );
    const second = await client.post(
      `/connectors/${connector.id}/execute`,
      { contactId: contact.id },
      headers,
    );
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    expect(second.json.executionId).toBe(first.json.executionId);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    await waitForExecution(client, first.json.executionId);
    expect(api.calls(HUBSPOT_ROUTES.search)).toHaveLength(1);
    const other = await client.post(
      `/connectors/${connector.id}/execute`,
      { contactId: contact.id },
      { 'idempotency-key': 'x'.repeat(300) },
    );
    expect(other.status).toBe(400);
  });

  it('cancels a running execution; the contact is not written', async () => {
    const { client, connector, contact } = await seedWorkspace(s.app, api);
    api.on(HUBSPOT_ROUTES.contact, () => ({ delayMs: 2_000, json: { properties: { firstname: 'Late' } } }));
    const { json } = await client.post(`/connectors/${connector.id}/execute`, { contactId: contact.id });
    await waitForExecution(client, json.executionId, (e) => e.steps_executed.length === 1);
    const cancelled = await client.post(`/executions/${json.executionId}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.json.status).toBe('cancelled');
    expect((await client.post(`/executions/${json.executionId}/cancel`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 100));
    expect((await client.get(`/executions/${json.executionId}`)).json.status).toBe('cancelled');
    expect((await client.get(`/contacts/${contact.id}`)).json.first_name).toBeNull();
    api.on(HUBSPOT_ROUTES.contact, () => ({ json: {} }));
    const done = await client.post(`/connectors/${connector.id}/test`, { inputs: { email: 'a@b.c' } });
    const finished = await client.post(`/executions/${done.json.id}/cancel`);
    expect(finished.status).toBe(409);
    expect(finished.json.error.code).toBe('execution_finished');
  });

  it('retries from the failed step after a fix, without calling the steps that succeeded again', async () => {
    const { client, connector, contact } = await seedWorkspace(s.app, api);
    api.on(HUBSPOT_ROUTES.contact, () => ({ status: 500, json: { message: 'down' } }));
    api.on('GET /v2/crm/v3/objects/contacts/c42', () => ({
      json: { properties: { firstname: 'Fixed' }, associations: { companies: [{ id: 'co_7' }] } },
    }));
    const { json } = await client.post(`/connectors/${connector.id}/execute`, { contactId: contact.id });
    const failed = await waitForExecution(client, json.executionId);
    expect(failed.status).toBe('failed');
    expect(failed.error_message).toContain('step_2');

    const current = (await client.get(`/connectors/${connector.id}`)).json;
    const step2 = current.config.nodes.find((n: Json) => n.id === 'step_2');
    step2.data.url = step2.data.url.replace(api.url, `${api.url}/v2`);
    expect((await client.put(`/connectors/${connector.id}`, current)).status).toBe(200);

    const retried = await client.post(`/executions/${json.executionId}/retry`, { from_failed: true });
    expect(retried.status).toBe(202);
    expect(retried.json).toMatchObject({ retry_of: json.executionId, reused_steps: ['step_1'] });
    const success = await waitForExecution(client, retried.json.executionId);
    expect(success).toMatchObject({
      status: 'success',
      retry_of: json.executionId,
      input_data: failed.input_data,
    });
    expect(success.steps_executed.map((step: Json) => step.step_id)).toEqual([
      'step_1',
      'step_2',
      'step_3',
      'output',
    ]);
    expect(api.calls(HUBSPOT_ROUTES.search)).toHaveLength(1);
    expect((await client.get(`/contacts/${contact.id}`)).json.first_name).toBe('Fixed');

    const fromScratch = await client.post(`/executions/${json.executionId}/retry`, { from_failed: false });
    expect((await waitForExecution(client, fromScratch.json.executionId)).status).toBe('success');
    expect(api.calls(HUBSPOT_ROUTES.search)).toHaveLength(2);
  });

  it("answers 404 for another workspace's executions, and leaves them out of its lists", async () => {
    const { client, connector, contact } = await seedWorkspace(s.app, api);
    const { json } = await client.post(`/connectors/${connector.id}/execute`, { contactId: contact.id });
    await waitForExecution(client, json.executionId);
    const other = new Client(s.app);
    await other.signup();
    const otherContact = await other.post('/contacts', { email: 'me@other.com' });
    for (const [method, path] of [
      ['GET', `/executions/${json.executionId}`],
      ['GET', `/executions/${json.executionId}/events`],
      ['POST', `/executions/${json.executionId}/cancel`],
      ['POST', `/executions/${json.executionId}/retry`],
      ['GET', `/connectors/${connector.id}/executions`],
      ['POST', `/connectors/${connector.id}/test`],
      ['DELETE', '/workspace/credentials/hubspot'],
    ] as const) {
      const res = await other.request(method, path, method === 'POST' ? {} : undefined);
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    const execute = await other.post(`/connectors/${connector.id}/execute`, {
      contactId: otherContact.json.id,
    });
    expect(execute.status).toBe(404);
    const foreignContact = await client.post(`/connectors/${connector.id}/execute`, {
      contactId: otherContact.json.id,
    });
    expect(foreignContact.status).toBe(404);
    expect((await other.get('/executions')).json.data).toEqual([]);
    expect((await other.get('/workspace/credentials')).json.data).toEqual([]);
  });
});

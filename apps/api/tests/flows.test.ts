import { HUBSPOT_ROUTES } from '@connectors/runner/testing';
import { expect, it } from 'vitest';
import { describeApi } from './support/describe-api';
import { enrichFlowConfig, waitForFlowRun } from './support/flow-helpers';
import { useHubspotMock } from './support/hubspot-mock';
import { type Json, seedWorkspace } from './support/run-helpers';
import { Client } from './support/test-app';

const api = useHubspotMock();

describeApi('flows', (s) => {
  it('creates, reads, lists, replaces with a version check and deletes a flow', async () => {
    const { client, connector } = await seedWorkspace(s.app, api);
    const config = enrichFlowConfig(connector.id, { event: 'contact.created' });

    const created = await client.post('/flows', { name: 'Enrich new contacts', config });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    expect(created.json).toMatchObject({
      id: expect.any(String),
      name: 'Enrich new contacts',
      description: null,
      enabled: false,
      trigger_event: 'contact.created',
      version: 1,
      problems: [],
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    expect(created.json.config.nodes.map((n: Json) => n.id)).toEqual(['start', 'enrich', 'save']);
    const id = created.json.id;

    expect((await client.get(`/flows/${id}`)).json).toEqual(created.json);
    const listed = await client.get('/flows?search=enrich');
    expect(listed.json).toEqual({ data: [{ ...created.json, last_run: null }], next_cursor: null });

    const manual = enrichFlowConfig(connector.id, { event: 'manual' });
    const body = { name: 'Renamed', description: 'by hand', enabled: true, config: manual };
    const replaced = await client.put(`/flows/${id}`, { ...body, version: 1 });
    expect(replaced.status).toBe(200);
    expect(replaced.json).toMatchObject({
      name: 'Renamed',
      enabled: true,
      trigger_event: 'manual',
      version: 2,
    });

    const stale = await client.put(`/flows/${id}`, { ...body, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.json.error).toMatchObject({ code: 'stale_version', details: { current_version: 2 } });
    expect((await client.put(`/flows/${id}`, body)).status).toBe(409);

    const other = new Client(s.app);
    await other.signup();
    expect((await other.get(`/flows/${id}`)).status).toBe(404);
    expect((await other.delete(`/flows/${id}`)).status).toBe(404);

    expect((await client.delete(`/flows/${id}`)).status).toBe(204);
    expect((await client.get(`/flows/${id}`)).status).toBe(404);
    expect((await client.get('/flows/not-a-uuid')).status).toBe(404);
  });

  it('saves a draft with its problems, and refuses a malformed graph or body with paths', async () => {
    const { client } = await seedWorkspace(s.app, api);
    const draft = await client.post('/flows', {
      name: 'Draft',
      config: {
        version: 1,
        nodes: [{ id: 'out', type: 'output', position: { x: 0, y: 0 }, data: {} }],
        edges: [],
      },
    });
    expect(draft.status).toBe(201);
    expect(draft.json.trigger_event).toBe('manual');
    expect(draft.json.problems.filter((p: Json) => p.severity === 'error').length).toBeGreaterThan(0);
    expect(draft.json.problems[0].path).toMatch(/^config/);

    const malformed = await client.post('/flows', {
      name: 'Bad',
      config: { version: 1, nodes: 'x', edges: [] },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.details[0].path).toMatch(/^config\.nodes/);
    const missing = await client.post('/flows', { config: { version: 1, nodes: [], edges: [] } });
    expect(missing.status).toBe(400);
    expect(missing.json.error.details.map((d: Json) => d.path)).toContain('name');

    const contact = await client.post('/contacts', { email: 'a@b.co' });
    const run = await client.post(`/flows/${draft.json.id}/run`, { contactId: contact.json.id });
    expect(run.status).toBe(422);
    expect(run.json.error).toMatchObject({ code: 'graph_invalid' });
    expect(run.json.error.details.length).toBeGreaterThan(0);
  });

  it('runs a flow: the connector node is a child execution whose output feeds update_contact', async () => {
    const { client, connector, contact } = await seedWorkspace(s.app, api);
    const flow = await client.post('/flows', { name: 'Enrich', config: enrichFlowConfig(connector.id) });
    expect(flow.status).toBe(201);

    expect(
      (await client.post(`/flows/${flow.json.id}/run`, { contactId: '00000000-0000-4000-8000-000000000000' }))
        .status,
    ).toBe(404);
    expect((await client.post(`/flows/${flow.json.id}/run`, {})).status).toBe(400);

    const accepted = await client.post(`/flows/${flow.json.id}/run`, { contactId: contact.id });
    expect(accepted.status).toBe(202);
    expect(accepted.json).toEqual({ flowRunId: expect.any(String) });

    const run = await waitForFlowRun(client, accepted.json.flowRunId);
    expect(run).toMatchObject({
      id: accepted.json.flowRunId,
      flow_id: flow.json.id,
      contact_id: contact.id,
      status: 'success',
      trigger_event: 'manual',
      error_message: null,
      started_at: expect.any(String),
      completed_at: expect.any(String),
    });
    expect(run.graph_snapshot).toEqual(flow.json.config);
    expect(run.steps_executed.map((step: Json) => [step.step_id, step.status])).toEqual([
      ['start', 'success'],
      ['enrich', 'success'],
      ['save', 'success'],
    ]);
    expect(run.executions).toEqual([
      {
        id: expect.any(String),
        node_id: 'enrich',
        connector_id: connector.id,
        status: 'success',
        execution_time_ms: expect.any(Number),
      },
    ]);
    for (const route of Object.values(HUBSPOT_ROUTES)) expect(api.calls(route)).toHaveLength(1);

    const children = await client.get(`/executions?flow_run_id=${run.id}`);
    expect(children.json.data.map((e: Json) => e.id)).toEqual([run.executions[0].id]);
    expect(
      (await client.get(`/connectors/${connector.id}/executions?flow_run_id=${run.id}`)).json.data,
    ).toHaveLength(1);
    expect(
      (await client.get('/executions?flow_run_id=00000000-0000-4000-8000-000000000000')).json.data,
    ).toEqual([]);
    const child = await client.get(`/executions/${run.executions[0].id}`);
    expect(child.json).toMatchObject({ flow_run_id: run.id, contact_id: contact.id, status: 'success' });
    const enriched = await client.get(`/contacts/${contact.id}`);
    expect(enriched.json).toMatchObject({ first_name: 'John', title: 'John @ Technology' });

    const runs = await client.get(`/flows/${flow.json.id}/runs`);
    expect(runs.json.next_cursor).toBeNull();
    expect(runs.json.data.map((r: Json) => r.id)).toEqual([run.id]);
    expect(runs.json.data[0]).not.toHaveProperty('executions');
    const listed = (await client.get('/flows')).json.data.find((f: Json) => f.id === flow.json.id);
    expect(listed.last_run).toEqual({
      id: run.id,
      status: 'success',
      created_at: run.created_at,
      started_at: run.started_at,
      completed_at: run.completed_at,
    });
    expect((await client.get('/flow-runs/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('follows a condition, skips the branch not taken, and honours if_empty in update_contact', async () => {
    const { client, contact } = await seedWorkspace(s.app, api);
    await client.request('PATCH', `/contacts/${contact.id}`, { title: 'CEO' });
    const config = {
      version: 1,
      nodes: [
        { id: 'start', type: 'trigger', position: { x: 0, y: 0 }, data: { event: 'manual' } },
        {
          id: 'is_acme',
          type: 'condition',
          position: { x: 0, y: 100 },
          data: { name: 'Acme?', expression: "$contains(contact.email, 'acme')" },
        },
        { id: 'wait', type: 'delay', position: { x: 0, y: 200 }, data: { seconds: 0 } },
        {
          id: 'yes',
          type: 'update_contact',
          position: { x: 0, y: 300 },
          data: {
            fieldMappings: {
              company: '{{ $uppercase(contact.email) }}',
              title: { template: 'Intern', write: 'if_empty' },
              phone: { template: '+1 555', write: 'if_empty' },
            },
          },
        },
        {
          id: 'no',
          type: 'update_contact',
          position: { x: 200, y: 300 },
          data: { fieldMappings: { company: 'not acme' } },
        },
      ],
      edges: [
        { id: 'e1', source: 'start', target: 'is_acme' },
        { id: 'e2', source: 'is_acme', sourceHandle: 'true', target: 'wait' },
        { id: 'e3', source: 'wait', target: 'yes' },
        { id: 'e4', source: 'is_acme', sourceHandle: 'false', target: 'no' },
      ],
    };
    const flow = await client.post('/flows', { name: 'Branch', config });
    expect(
      flow.json.problems.filter((p: Json) => p.severity === 'error'),
      JSON.stringify(flow.json.problems),
    ).toEqual([]);
    const accepted = await client.post(`/flows/${flow.json.id}/run`, { contactId: contact.id });
    const run = await waitForFlowRun(client, accepted.json.flowRunId);
    expect(run.status).toBe('success');
    const byId = Object.fromEntries(run.steps_executed.map((step: Json) => [step.step_id, step.status]));
    expect(byId).toEqual({
      start: 'success',
      is_acme: 'success',
      wait: 'success',
      yes: 'success',
      no: 'skipped',
    });
    expect(run.executions).toEqual([]);
    const updated = await client.get(`/contacts/${contact.id}`);
    expect(updated.json).toMatchObject({ company: 'JOHN@ACME.COM', title: 'CEO', phone: '+1 555' });
  });
});

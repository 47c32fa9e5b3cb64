import { expect, it } from 'vitest';
import { canonicalGraph, connectorBody, cyclicGraph, seedHubspotBody } from './support/connector-fixtures';
import { describeApi } from './support/describe-api';
import { Client } from './support/test-app';

describeApi('connectors', (s) => {
  const signedIn = async () => {
    const client = new Client(s.app);
    await client.signup();
    return client;
  };

  it("creates the seed's HubSpot example as the seed writes it and stores the canonical graph", async () => {
    const client = await signedIn();
    const res = await client.post('/connectors', seedHubspotBody());
    expect(res.status).toBe(201);
    const connector = res.json;
    expect(connector.name).toBe('HubSpot Contact Enrichment');
    expect(connector.type).toBe('multi-step');
    expect(connector.id).not.toBe('connector_001');
    expect(connector.config.version).toBe(1);
    expect(connector.config).not.toHaveProperty('steps');
    expect(connector.config.nodes.map((n: { id: string; type: string }) => `${n.id}:${n.type}`)).toEqual([
      'step_1:http',
      'step_2:http',
      'step_3:http',
      'output:output',
    ]);
    const output = connector.config.nodes[3];
    expect(output.data.join).toBe('any');
    expect(output.data.fieldMappings).toEqual(seedHubspotBody().finalMapping);
    expect(connector.field_mappings).toEqual(seedHubspotBody().finalMapping);
    const edges = Object.fromEntries(
      connector.config.edges.map((e: { source: string; target: string; data: { mapping: unknown } }) => [
        `${e.source}->${e.target}`,
        e.data.mapping,
      ]),
    );
    expect(edges).toEqual({
      'step_1->step_2': { contactId: 'results[0].id' },
      'step_2->step_3': { companyId: 'associations.companies[0].id' },
      'step_2->output': { firstName: 'properties.firstname', lastName: 'properties.lastname' },
      'step_3->output': { companyName: 'properties.name', industry: 'properties.industry' },
    });
    expect(connector.problems.filter((p: { severity: string }) => p.severity === 'error')).toEqual([]);
    expect(connector).toMatchObject({
      enabled: true,
      timeout_ms: 30000,
      max_retries: 3,
      continue_on_error: false,
      version: 1,
      total_executions: 0,
      success_rate: null,
      last_executed_at: null,
    });
    const again = await client.get(`/connectors/${connector.id}`);
    expect(again.json.config).toEqual(connector.config);
  });

  it('accepts the list form inside config, and a config that is itself one step', async () => {
    const client = await signedIn();
    const { steps, finalMapping } = seedHubspotBody();
    const inConfig = await client.post('/connectors', { name: 'in config', config: { steps, finalMapping } });
    expect(inConfig.status).toBe(201);
    expect(inConfig.json.config.nodes).toHaveLength(4);
    const single = await client.post('/connectors', {
      name: 'single',
      config: { url: 'https://api.example.com/v1/check?x=1', outputMapping: { ok: 'ok' } },
      field_mappings: { 'metadata.ok': '{{step_1.ok}}' },
    });
    expect(single.status).toBe(201);
    expect(single.json.type).toBe('single-step');
    expect(single.json.config.nodes.map((n: { type: string }) => n.type)).toEqual(['http', 'output']);
    expect(single.json.field_mappings).toEqual({ 'metadata.ok': '{{step_1.ok}}' });
  });

  it('round-trips a canonical config unchanged through create, get and put', async () => {
    const client = await signedIn();
    const created = await client.post('/connectors', connectorBody('Round trip'));
    expect(created.status).toBe(201);
    expect(created.json.config).toEqual(canonicalGraph());
    expect(created.json.field_mappings).toEqual(canonicalGraph().nodes[1]!.data.fieldMappings);
    expect(created.json.problems).toEqual([]);
    const got = await client.get(`/connectors/${created.json.id}`);
    expect(got.status).toBe(200);
    expect(got.json).toEqual(created.json);
    const put = await client.put(`/connectors/${created.json.id}`, {
      ...got.json,
      version: got.json.version,
    });
    expect(put.status).toBe(200);
    expect(put.json.config).toEqual(canonicalGraph());
    expect(put.json.version).toBe(2);
  });

  it('saves a graph with a cycle as a draft (201) and lists its problems', async () => {
    const client = await signedIn();
    const res = await client.post('/connectors', { name: 'Draft', config: cyclicGraph() });
    expect(res.status).toBe(201);
    const cycle = res.json.problems.find((p: { code: string }) => p.code === 'cycle');
    expect(cycle).toMatchObject({ severity: 'error' });
    expect(cycle.message).toEqual(expect.any(String));
    expect(cycle.path).toMatch(/^config\./);
    const got = await client.get(`/connectors/${res.json.id}`);
    expect(got.json.problems.map((p: { code: string }) => p.code)).toContain('cycle');
  });

  it('lists a missing edge with its path and a connect fix', async () => {
    const client = await signedIn();
    const config = canonicalGraph();
    config.nodes.push({
      id: 'second',
      type: 'http',
      position: { x: 0, y: 400 },
      data: { name: 'Second', method: 'GET', url: 'https://api.example.com/{{lookup.first}}' } as never,
    });
    config.edges.push({ id: 'e2', source: 'out', target: 'second' } as never);
    const res = await client.post('/connectors', { name: 'Missing edge', config });
    expect(res.status).toBe(201);
    const missing = res.json.problems.find((p: { code: string }) => p.code === 'missing_edge');
    expect(missing).toMatchObject({
      severity: 'error',
      path: expect.stringMatching(/^config\.nodes\.2\.data/),
    });
    expect(missing.fix).toMatchObject({ kind: 'connect', source: 'lookup', target: 'second' });
  });

  it('replaces the whole connector on PUT and answers 409 to a stale or missing version', async () => {
    const client = await signedIn();
    const created = await client.post('/connectors', {
      ...connectorBody('Versioned'),
      description: 'first',
      category: 'crm',
      enabled: false,
      timeout_ms: 60000,
    });
    const id = created.json.id;
    const put = await client.put(`/connectors/${id}`, {
      name: 'Versioned',
      config: canonicalGraph(),
      version: 1,
    });
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject({
      version: 2,
      description: null,
      category: null,
      enabled: true,
      timeout_ms: 30000,
      input_schema: null,
    });
    const stale = await client.put(`/connectors/${id}`, {
      name: 'Versioned',
      config: canonicalGraph(),
      version: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe('stale_version');
    expect(stale.json.error.details).toEqual({ current_version: 2, sent_version: 1 });
    expect(stale.json.error.message).toContain('version 2');
    const missing = await client.put(`/connectors/${id}`, { name: 'Versioned', config: canonicalGraph() });
    expect(missing.status).toBe(409);
    expect(missing.json.error).toMatchObject({ code: 'stale_version', details: { current_version: 2 } });
    expect((await client.get(`/connectors/${id}`)).json.version).toBe(2);
  });

  it('answers 409 name_taken for a duplicate name, on create and on rename', async () => {
    const client = await signedIn();
    await client.post('/connectors', connectorBody('Taken'));
    const dup = await client.post('/connectors', connectorBody('Taken'));
    expect(dup.status).toBe(409);
    expect(dup.json.error.code).toBe('name_taken');
    const other = await client.post('/connectors', connectorBody('Other'));
    const rename = await client.put(`/connectors/${other.json.id}`, {
      ...connectorBody('Taken'),
      version: 1,
    });
    expect(rename.status).toBe(409);
    expect(rename.json.error.code).toBe('name_taken');
    // Names are unique per workspace only.
    expect((await (await signedIn()).post('/connectors', connectorBody('Taken'))).status).toBe(201);
  });

  it('clones as "<name> (copy)", then "(copy 2)", with fresh statistics', async () => {
    const client = await signedIn();
    const source = await client.post('/connectors', { ...connectorBody('Source'), category: 'crm' });
    const first = await client.post(`/connectors/${source.json.id}/clone`);
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({
      name: 'Source (copy)',
      category: 'crm',
      version: 1,
      total_executions: 0,
    });
    expect(first.json.id).not.toBe(source.json.id);
    expect(first.json.config).toEqual(source.json.config);
    const second = await client.post(`/connectors/${source.json.id}/clone`);
    expect(second.json.name).toBe('Source (copy 2)');
    expect((await client.post('/connectors/00000000-0000-4000-8000-000000000000/clone')).status).toBe(404);
  });

  it('deletes, then answers 404', async () => {
    const client = await signedIn();
    const created = await client.post('/connectors', connectorBody());
    expect((await client.delete(`/connectors/${created.json.id}`)).status).toBe(204);
    expect((await client.get(`/connectors/${created.json.id}`)).status).toBe(404);
    expect((await client.delete(`/connectors/${created.json.id}`)).status).toBe(404);
  });

  it('lists with search, category, enabled and keyset paging', async () => {
    const client = await signedIn();
    for (let i = 0; i < 5; i++) {
      await client.post('/connectors', {
        ...connectorBody(`Paged ${i}`),
        category: i % 2 ? 'odd' : 'even',
        enabled: i !== 4,
      });
    }
    await client.post('/connectors', {
      ...connectorBody('Something else'),
      description: 'finds PAGED people',
    });
    const all = await client.get('/connectors');
    expect(all.json.data).toHaveLength(6);
    expect(all.json.next_cursor).toBeNull();
    expect((await client.get('/connectors?search=paged')).json.data).toHaveLength(6);
    expect(
      (await client.get('/connectors?search=Paged%203')).json.data.map((c: { name: string }) => c.name),
    ).toEqual(['Paged 3']);
    expect((await client.get('/connectors?category=odd')).json.data).toHaveLength(2);
    expect(
      (await client.get('/connectors?enabled=false')).json.data.map((c: { name: string }) => c.name),
    ).toEqual(['Paged 4']);
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { json: { data: { name: string }[]; next_cursor: string | null } } = await client.get(
        `/connectors?limit=4${cursor ? `&cursor=${cursor}` : ''}`,
      );
      names.push(...page.json.data.map((c) => c.name));
      cursor = page.json.next_cursor;
    } while (cursor);
    expect(names).toEqual(all.json.data.map((c: { name: string }) => c.name));
    expect((await client.get('/connectors?cursor=nonsense')).status).toBe(400);
    expect((await client.get('/connectors?limit=0')).status).toBe(400);
    expect((await client.get('/connectors?enabled=maybe')).status).toBe(400);
  });

  it("answers 404 for another workspace's connectors and for ids that are not UUIDs", async () => {
    const owner = await signedIn();
    const created = await owner.post('/connectors', connectorBody());
    const id = created.json.id;
    const stranger = await signedIn();
    expect((await stranger.get(`/connectors/${id}`)).status).toBe(404);
    expect((await stranger.put(`/connectors/${id}`, { ...connectorBody(), version: 1 })).status).toBe(404);
    expect((await stranger.delete(`/connectors/${id}`)).status).toBe(404);
    expect((await stranger.post(`/connectors/${id}/clone`)).status).toBe(404);
    expect((await stranger.get('/connectors')).json.data).toEqual([]);
    for (const bad of ['not-a-uuid', '1', "x'; drop table connectors;--"]) {
      const path = `/connectors/${encodeURIComponent(bad)}`;
      expect((await owner.get(path)).status).toBe(404);
      expect((await owner.put(path, { ...connectorBody(), version: 1 })).status).toBe(404);
      expect((await owner.delete(path)).status).toBe(404);
    }
    expect((await owner.get(`/connectors/${id}`)).status).toBe(200);
  });

  it('works with an API key as with a session', async () => {
    const owner = await signedIn();
    const key = await owner.post('/api-keys', { name: 'ci' });
    const viaKey = new Client(s.app, { authorization: `Bearer ${key.json.key}` });
    const created = await viaKey.post('/connectors', connectorBody('Via key'));
    expect(created.status).toBe(201);
    expect((await owner.get(`/connectors/${created.json.id}`)).status).toBe(200);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertSeedConnector } from '../src/seed';
import { MockApi, seedHubspotConnector } from '../src/testing';
import { validateGraph } from '../src/validation';
import { run, staticSecrets, testPorts } from './support/harness';

describe("the seed's 3-step HubSpot chain, end to end against a local API", () => {
  const api = new MockApi();
  beforeAll(async () => {
    api
      .on('POST /crm/v3/objects/contacts/search', () => ({ json: { total: 1, results: [{ id: 'c 42/x' }] } }))
      .on('GET /crm/v3/objects/contacts/c%2042%2Fx', () => ({
        json: {
          id: 'c 42/x',
          properties: { firstname: 'John', lastname: 'Smith' },
          associations: { companies: [{ id: 'co_7' }] },
        },
      }))
      .on('GET /crm/v3/objects/companies/co_7', () => ({
        json: { properties: { name: 'Acme Corp', industry: 'Technology' } },
      }));
    await api.start();
  });
  afterAll(() => api.stop());

  it('converts, validates, runs every step with data carried along the edges, and maps the output', async () => {
    const converted = convertSeedConnector(seedHubspotConnector(api.url));
    if (!converted.ok) throw new Error(JSON.stringify(converted.problems));
    expect(converted.problems).toEqual([]);
    const graph = converted.config;
    expect(validateGraph(graph).problems.filter((p) => p.severity === 'error')).toEqual([]);

    const ports = testPorts({ secrets: staticSecrets({ 'workspace.hubspot_token': 'pat-secret-123' }) });
    const result = await run({ graph, ports, input: { email: 'john@acme.com' } });

    expect(result.error).toBeNull();
    expect(result.status).toBe('success');
    expect(result.outputData).toEqual({
      first_name: 'John',
      last_name: 'Smith',
      'metadata.company_name': 'Acme Corp',
      'metadata.industry': 'Technology',
    });

    const [search] = api.calls('POST /crm/v3/objects/contacts/search');
    expect(search?.headers.authorization).toBe('Bearer pat-secret-123');
    expect(search?.headers['idempotency-key']).toBe('exec_1:step_1');
    expect(search?.json).toEqual({
      filterGroups: [{ filters: [{ propertyName: 'email', operator: 'EQ', value: 'john@acme.com' }] }],
    });
    // The id carried from step 1 is one path segment, percent-encoded, not a path traversal.
    expect(api.log.map((r) => r.path)).toEqual([
      '/crm/v3/objects/contacts/search',
      '/crm/v3/objects/contacts/c%2042%2Fx',
      '/crm/v3/objects/companies/co_7',
    ]);

    // Every node was recorded, in order, with the token masked in what is stored.
    const recorded = ports.recorder.finished;
    expect(recorded.map((r) => [r.nodeId, r.status])).toEqual([
      ['step_1', 'success'],
      ['step_2', 'success'],
      ['step_3', 'success'],
      [graph.nodes.find((n) => n.type === 'output')!.id, 'success'],
    ]);
    expect(JSON.stringify(recorded)).not.toContain('pat-secret-123');
    expect(recorded[0]?.attempts[0]?.request.headers.Authorization).toBe('Bearer ••••••');
    expect(recorded[0]?.attempts[0]?.response?.status).toBe(200);
  });
});

import { describe, expect, it } from 'vitest';
import { graphSchema } from '../graph';
import { validateGraph } from './validate-graph';

/** DESIGN §3's canonical graph, verbatim. */
const designExample = {
  version: 1,
  nodes: [
    {
      id: 'step_1',
      type: 'http',
      position: { x: 0, y: 0 },
      data: {
        name: 'Search contact',
        method: 'POST',
        url: 'https://api.hubapi.com/crm/v3/objects/contacts/search',
        queryParams: [{ key: 'limit', value: '1' }],
        headers: [{ key: 'Accept', value: 'application/json' }],
        auth: { type: 'bearer', token: '{{workspace.hubspot_token}}' },
        body: {
          filterGroups: [{ filters: [{ propertyName: 'email', operator: 'EQ', value: '{{input.email}}' }] }],
        },
        timeoutMs: 30000,
        retry: { maxAttempts: 3, factor: 2, minDelayMs: 1000, maxDelayMs: 10000 },
      },
    },
    {
      id: 'found',
      type: 'condition',
      position: { x: 0, y: 150 },
      data: { name: 'Found?', expression: '$exists(step_1.contactId)' },
    },
    {
      id: 'step_2',
      type: 'http',
      position: { x: 0, y: 300 },
      data: {
        name: 'Get contact',
        method: 'GET',
        url: 'https://api.hubapi.com/crm/v3/objects/contacts/{{found.contactId}}',
        auth: { type: 'bearer', token: '{{workspace.hubspot_token}}' },
      },
    },
    {
      id: 'step_3',
      type: 'http',
      position: { x: 0, y: 450 },
      data: {
        name: 'Get company',
        method: 'GET',
        url: 'https://api.hubapi.com/crm/v3/objects/companies/{{step_2.companyId}}',
        auth: { type: 'bearer', token: '{{workspace.hubspot_token}}' },
      },
    },
    {
      id: 'out',
      type: 'output',
      position: { x: 0, y: 600 },
      data: {
        name: 'Update contact',
        join: 'any',
        fieldMappings: {
          first_name: '{{step_2.firstName}}',
          last_name: { template: '{{step_2.lastName}}', write: 'if_empty' },
          'metadata.company_name': '{{step_3.companyName}}',
          'metadata.industry': '{{step_3.industry}}',
        },
      },
    },
  ],
  edges: [
    { id: 'e1', source: 'step_1', target: 'found', data: { mapping: { contactId: 'results[0].id' } } },
    {
      id: 'e2',
      source: 'found',
      sourceHandle: 'true',
      target: 'step_2',
      data: { mapping: { contactId: 'step_1.contactId' } },
    },
    {
      id: 'e3',
      source: 'step_2',
      target: 'step_3',
      data: { mapping: { companyId: 'associations.companies[0].id' } },
    },
    {
      id: 'e4',
      source: 'step_2',
      target: 'out',
      data: { mapping: { firstName: 'properties.firstname', lastName: 'properties.lastname' } },
    },
    {
      id: 'e5',
      source: 'step_3',
      target: 'out',
      data: { mapping: { companyName: 'properties.name', industry: 'properties.industry' } },
    },
  ],
};

describe('the DESIGN §3 example graph', () => {
  const graph = graphSchema.parse(designExample);

  it('has no problem at all', () => {
    expect(validateGraph(graph)).toEqual({ ok: true, problems: [] });
  });

  it('has no problem with its input schema known', () => {
    expect(validateGraph(graph, { inputNames: ['email'] }).problems).toEqual([]);
  });

  it('reports an input missing from the schema', () => {
    const { problems } = validateGraph(graph, { inputNames: ['mail'] });
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['unknown_input', ['nodes', 0, 'data', 'body', 'filterGroups', 0, 'filters', 0, 'value']],
    ]);
  });

  it('breaks when the edge from step_2 to the output is removed', () => {
    const broken = { ...graph, edges: graph.edges.filter((e) => e.id !== 'e4') };
    const problems = validateGraph(broken).problems;
    expect(problems.map((p) => p.code)).toEqual(['missing_edge', 'missing_edge']);
    expect(problems[0]?.fix).toEqual({
      kind: 'connect',
      source: 'step_2',
      target: 'out',
      label: 'Connect step_2 → out',
    });
  });
});

import { type Graph, parseGraph } from '@connectors/engine';

/** The seed's 3-step HubSpot connector as a canonical graph (DESIGN §3, without the condition). */
export function seedGraph(base = 'https://api.hubapi.com'): Graph {
  const auth = { type: 'bearer', token: '{{credentials.hubspot.token}}' };
  const parsed = parseGraph({
    version: 1,
    nodes: [
      {
        id: 'step_1',
        type: 'http',
        position: { x: 0, y: 0 },
        data: {
          name: 'Search contact',
          method: 'POST',
          url: `${base}/crm/v3/objects/contacts/search`,
          auth,
          body: {
            filterGroups: [
              { filters: [{ propertyName: 'email', operator: 'EQ', value: '{{input.email}}' }] },
            ],
          },
        },
      },
      {
        id: 'step_2',
        type: 'http',
        position: { x: 360, y: 0 },
        data: {
          name: 'Get contact',
          method: 'GET',
          url: `${base}/crm/v3/objects/contacts/{{step_1.contactId}}`,
          auth,
        },
      },
      {
        id: 'step_3',
        type: 'http',
        position: { x: 720, y: 0 },
        data: {
          name: 'Get company',
          method: 'GET',
          url: `${base}/crm/v3/objects/companies/{{step_2.companyId}}`,
          auth,
        },
      },
      {
        id: 'output',
        type: 'output',
        position: { x: 1080, y: 0 },
        data: {
          name: 'Update contact',
          join: 'any',
          fieldMappings: {
            first_name: '{{step_2.firstName}}',
            last_name: { template: '{{step_2.lastName}}', write: 'if_empty' },
            'metadata.company_name': '{{step_3.companyName}}',
          },
        },
      },
    ],
    edges: [
      { id: 'e1', source: 'step_1', target: 'step_2', data: { mapping: { contactId: 'results[0].id' } } },
      {
        id: 'e2',
        source: 'step_2',
        target: 'step_3',
        data: { mapping: { companyId: 'associations.companies[0].id' } },
      },
      {
        id: 'e3',
        source: 'step_2',
        target: 'output',
        data: { mapping: { firstName: 'properties.firstname', lastName: 'properties.lastname' } },
      },
      { id: 'e4', source: 'step_3', target: 'output', data: { mapping: { companyName: 'properties.name' } } },
    ],
  });
  if (!parsed.graph) throw new Error(JSON.stringify(parsed.problems));
  return parsed.graph;
}

/** A graph with a condition, whose edges name their handles. */
export function conditionGraph(): Graph {
  const parsed = parseGraph({
    version: 1,
    nodes: [
      {
        id: 'step_1',
        type: 'http',
        position: { x: 0, y: 0 },
        data: { name: 'Search', method: 'GET', url: 'https://x.test/s' },
      },
      {
        id: 'found',
        type: 'condition',
        position: { x: 300, y: 0 },
        data: { name: 'Found?', expression: '$exists(step_1.id)' },
      },
      {
        id: 'step_2',
        type: 'http',
        position: { x: 600, y: 0 },
        data: { name: 'Get', method: 'GET', url: 'https://x.test/{{found.id}}' },
      },
      {
        id: 'step_3',
        type: 'http',
        position: { x: 600, y: 200 },
        data: { name: 'Create', method: 'POST', url: 'https://x.test/c' },
      },
    ],
    edges: [
      { id: 'e1', source: 'step_1', target: 'found', data: { mapping: { id: 'results[0].id' } } },
      {
        id: 'e2',
        source: 'found',
        sourceHandle: 'true',
        target: 'step_2',
        data: { mapping: { id: 'step_1.id' } },
      },
      { id: 'e3', source: 'found', sourceHandle: 'false', target: 'step_3' },
      { id: 'e4', source: 'step_1', sourceHandle: 'error', target: 'step_3' },
    ],
  });
  if (!parsed.graph) throw new Error(JSON.stringify(parsed.problems));
  return parsed.graph;
}

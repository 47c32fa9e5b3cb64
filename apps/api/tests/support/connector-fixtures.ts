import { seedHubspotConnector } from '@connectors/engine/testing';
/** The seed's HubSpot connector exactly as connectors-plan.md writes it (list form, `finalMapping`). */
export function seedHubspotBody() {
  return seedHubspotConnector('https://api.hubspot.com');
}

/** A small canonical graph with every default written out, so it must come back byte-for-byte equal. */
export function canonicalGraph() {
  return {
    version: 1,
    nodes: [
      {
        id: 'lookup',
        type: 'http',
        position: { x: 10, y: 20 },
        data: {
          name: 'Look up',
          method: 'GET',
          url: 'https://api.example.com/people',
          queryParams: [{ key: 'email', value: '{{input.email}}' }],
          headers: [{ key: 'Accept', value: 'application/json' }],
          auth: { type: 'bearer', token: '{{workspace.example_token}}' },
          timeoutMs: 10_000,
        },
      },
      {
        id: 'out',
        type: 'output',
        position: { x: 10, y: 200 },
        data: {
          name: 'Update contact',
          join: 'any',
          fieldMappings: {
            first_name: '{{lookup.first}}',
            'metadata.score': { template: '{{lookup.score}}', write: 'if_empty' },
          },
        },
      },
    ],
    edges: [
      {
        id: 'e1',
        source: 'lookup',
        target: 'out',
        sourceHandle: 'success',
        data: { mapping: { first: 'person.first_name', score: '$number(person.score)' } },
      },
    ],
  };
}

/** A graph with a cycle a → b → a: it parses, so it saves as a draft listing the cycle. */
export function cyclicGraph() {
  const http = (id: string, y: number) => ({
    id,
    type: 'http',
    position: { x: 0, y },
    data: { name: id, method: 'GET', url: 'https://api.example.com/x' },
  });
  return {
    version: 1,
    nodes: [http('a', 0), http('b', 150)],
    edges: [
      { id: 'ab', source: 'a', target: 'b' },
      { id: 'ba', source: 'b', target: 'a' },
    ],
  };
}

/** A minimal valid create body. */
export function connectorBody(name = `Connector ${Math.random().toString(36).slice(2)}`) {
  return {
    name,
    config: canonicalGraph(),
    input_schema: { fields: [{ name: 'email', type: 'string', required: true }] },
  };
}

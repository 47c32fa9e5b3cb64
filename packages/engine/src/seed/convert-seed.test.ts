import { describe, expect, it } from 'vitest';
import { validateGraph } from '../validation';
import { convertSeedConnector } from './convert-seed';
import { isSeedConfig, isSeedConnector } from './is-seed';

/** The seed's HubSpot example (connectors-plan.md), exactly as written there minus its `//` comments. */
const hubspot = {
  id: 'connector_001',
  name: 'HubSpot Contact Enrichment',
  type: 'multi-step',
  steps: [
    {
      id: 'step_1',
      name: 'Search Contact by Email',
      method: 'POST',
      url: 'https://api.hubspot.com/crm/v3/objects/contacts/search',
      auth: {
        type: 'bearer',
        token: '{{workspace.hubspot_token}}',
      },
      body: {
        filterGroups: [
          {
            filters: [
              {
                propertyName: 'email',
                operator: 'EQ',
                value: '{{input.email}}',
              },
            ],
          },
        ],
      },
      outputMapping: {
        contactId: 'results[0].id',
      },
    },
    {
      id: 'step_2',
      name: 'Get Contact Details',
      method: 'GET',
      url: 'https://api.hubspot.com/crm/v3/objects/contacts/{{step_1.contactId}}',
      auth: {
        type: 'bearer',
        token: '{{workspace.hubspot_token}}',
      },
      outputMapping: {
        firstName: 'properties.firstname',
        lastName: 'properties.lastname',
        companyId: 'associations.companies[0].id',
      },
    },
    {
      id: 'step_3',
      name: 'Get Company Details',
      method: 'GET',
      url: 'https://api.hubspot.com/crm/v3/objects/companies/{{step_2.companyId}}',
      auth: {
        type: 'bearer',
        token: '{{workspace.hubspot_token}}',
      },
      outputMapping: {
        companyName: 'properties.name',
        industry: 'properties.industry',
      },
    },
  ],
  finalMapping: {
    first_name: '{{step_2.firstName}}',
    last_name: '{{step_2.lastName}}',
    'metadata.company_name': '{{step_3.companyName}}',
    'metadata.industry': '{{step_3.industry}}',
  },
};

function convertOk(body: Parameters<typeof convertSeedConnector>[0]) {
  const result = convertSeedConnector(body);
  if (!result.ok) throw new Error(`conversion failed: ${JSON.stringify(result.problems)}`);
  return result;
}

const edgeMap = (result: ReturnType<typeof convertOk>) =>
  Object.fromEntries(result.config.edges.map((e) => [`${e.source}→${e.target}`, e.data.mapping]));

describe('convertSeedConnector: the seed HubSpot example', () => {
  const result = convertOk(hubspot);

  it('makes three http nodes and an output node, top to bottom', () => {
    expect(result.config.nodes.map((n) => [n.id, n.type, n.position])).toEqual([
      ['step_1', 'http', { x: 0, y: 0 }],
      ['step_2', 'http', { x: 0, y: 150 }],
      ['step_3', 'http', { x: 0, y: 300 }],
      ['output', 'output', { x: 0, y: 450 }],
    ]);
    expect(result.config.nodes[0]).toMatchObject({
      data: {
        name: 'Search Contact by Email',
        method: 'POST',
        url: 'https://api.hubspot.com/crm/v3/objects/contacts/search',
        auth: { type: 'bearer', token: '{{workspace.hubspot_token}}' },
        body: hubspot.steps[0]?.body,
      },
    });
    expect(result.config.nodes[3]).toMatchObject({
      data: { join: 'any', fieldMappings: hubspot.finalMapping },
    });
  });

  it('puts each outputMapping entry on the edge into the node that uses it', () => {
    expect(result.config.edges.map((e) => e.id)).toEqual([
      'e_step_1_step_2',
      'e_step_2_step_3',
      'e_step_2_output',
      'e_step_3_output',
    ]);
    expect(edgeMap(result)).toEqual({
      'step_1→step_2': { contactId: 'results[0].id' },
      'step_2→step_3': { companyId: 'associations.companies[0].id' },
      'step_2→output': { firstName: 'properties.firstname', lastName: 'properties.lastname' },
      'step_3→output': { companyName: 'properties.name', industry: 'properties.industry' },
    });
  });

  it('mirrors the mapping as field_mappings, with no warnings', () => {
    expect(result.field_mappings).toEqual(hubspot.finalMapping);
    expect(result.problems).toEqual([]);
  });

  it('is a valid graph', () => {
    expect(validateGraph(result.config, { inputNames: ['email'] })).toEqual({ ok: true, problems: [] });
  });

  it('does not modify the body it was given', () => {
    expect(hubspot.steps[1]?.url).toBe(
      'https://api.hubspot.com/crm/v3/objects/contacts/{{step_1.contactId}}',
    );
  });
});

describe('convertSeedConnector: forms of the list', () => {
  const twoSteps = [
    {
      name: 'Search',
      method: 'get',
      url: 'https://api.example.com/search?q={{input.q}}',
      outputMapping: { id: 'items[0].id' },
    },
    {
      name: 'Details',
      url: 'https://api.example.com/details/{{step_1.id}}',
      outputMapping: { title: 'title' },
    },
  ];

  it('reads steps in config as well as at the top level', () => {
    const top = convertOk({ type: 'multi-step', steps: twoSteps });
    const inConfig = convertOk({ type: 'multi-step', config: { steps: twoSteps } });
    expect(inConfig.config).toEqual(top.config);
    expect(top.config.nodes.map((n) => n.id)).toEqual(['step_1', 'step_2']);
    expect(top.config.nodes[0]?.type === 'http' && top.config.nodes[0].data.method).toBe('GET');
  });

  it('rewrites a reference by position to the id of the step it names', () => {
    const steps = [
      { ...twoSteps[0], id: 'search' },
      { ...twoSteps[1], id: 'details' },
    ];
    const result = convertOk({ steps, finalMapping: { title: '{{step_2.title}}' } });
    expect(result.config.nodes.map((n) => n.id)).toEqual(['search', 'details', 'output']);
    const details = result.config.nodes[1];
    expect(details?.type === 'http' && details.data.url).toBe(
      'https://api.example.com/details/{{search.id}}',
    );
    expect(result.field_mappings).toEqual({ title: '{{details.title}}' });
    expect(edgeMap(result)).toEqual({
      'search→details': { id: 'items[0].id' },
      'details→output': { title: 'title' },
    });
    expect(validateGraph(result.config).ok).toBe(true);
  });

  it('keeps a reference by id as written', () => {
    const steps = [
      { ...twoSteps[0], id: 'search' },
      { ...twoSteps[1], url: 'https://api.example.com/details/{{ search.id }}' },
    ];
    const result = convertOk({ steps });
    expect(result.config.nodes.map((n) => n.id)).toEqual(['search', 'step_2']);
    expect(result.config.nodes[1]?.type === 'http' && result.config.nodes[1].data.url).toBe(
      'https://api.example.com/details/{{ search.id }}',
    );
    expect(edgeMap(result)['search→step_2']).toEqual({ id: 'items[0].id' });
  });

  it('adds an edge for a reference to a non-adjacent step', () => {
    const steps = [
      { url: 'https://api.example.com/a', outputMapping: { token: 'token', unused: 'x' } },
      { url: 'https://api.example.com/b', outputMapping: { id: 'id' } },
      {
        url: 'https://api.example.com/c/{{step_2.id}}',
        headers: [{ key: 'X-Token', value: '{{step_1.token}}' }],
      },
    ];
    const result = convertOk({ steps });
    expect(edgeMap(result)).toEqual({
      'step_1→step_2': { unused: 'x' },
      'step_1→step_3': { token: 'token' },
      'step_2→step_3': { id: 'id' },
    });
    expect(validateGraph(result.config).ok).toBe(true);
  });

  it('turns a config holding url into one http node plus the output node', () => {
    const result = convertOk({
      config: {
        url: 'https://api.example.com/enrich?email={{input.email}}',
        method: 'GET',
        outputMapping: { co: 'company' },
      },
      field_mappings: { company: '{{step_1.co}}' },
    });
    expect(result.config.nodes.map((n) => [n.id, n.type])).toEqual([
      ['step_1', 'http'],
      ['output', 'output'],
    ]);
    expect(edgeMap(result)).toEqual({ 'step_1→output': { co: 'company' } });
    expect(validateGraph(result.config).ok).toBe(true);
  });

  it('makes just the http node for a single step without a mapping', () => {
    const result = convertOk({ config: { url: 'https://api.example.com/ping', method: 'post' } });
    expect(result.config.nodes).toHaveLength(1);
    expect(result.config.edges).toEqual([]);
    expect(result.field_mappings).toEqual({});
    expect(validateGraph(result.config).ok).toBe(true);
  });

  it('carries unused outputs of the last step to the output node', () => {
    const result = convertOk({
      steps: [{ url: 'https://api.example.com/a', outputMapping: { x: 'x', y: 'y' } }],
      finalMapping: { f: '{{step_1.x}}' },
    });
    expect(edgeMap(result)).toEqual({ 'step_1→output': { x: 'x', y: 'y' } });
  });

  it('accepts header and query objects, and carries a value missing from outputMapping', () => {
    const result = convertOk({
      steps: [
        {
          id: 'step_1',
          method: 'GET',
          url: 'https://api.example.com/search',
          headers: { Accept: 'application/json' },
        },
        {
          id: 'step_2',
          method: 'GET',
          url: 'https://api.example.com/details/{{step_1.id}}',
          queryParams: { limit: 1 },
        },
      ],
    });
    expect(result.config.nodes[0]?.type === 'http' && result.config.nodes[0].data.headers).toEqual([
      { key: 'Accept', value: 'application/json' },
    ]);
    expect(result.config.nodes[1]?.type === 'http' && result.config.nodes[1].data.queryParams).toEqual([
      { key: 'limit', value: '1' },
    ]);
    expect(edgeMap(result)).toEqual({ 'step_1→step_2': { id: 'id' } });
    expect(result.problems.map((p) => [p.code, p.path])).toEqual([
      ['seed_unmapped_value', ['steps', 1, 'url']],
    ]);
  });

  it('renames invalid or repeated step ids and says so', () => {
    const result = convertOk({
      steps: [
        { id: 'get-contact', url: 'https://api.example.com/a' },
        { id: 'input', url: 'https://api.example.com/b' },
        { id: 'dup', url: 'https://api.example.com/c' },
        { id: 'dup', url: 'https://api.example.com/d' },
      ],
    });
    expect(result.config.nodes.map((n) => n.id)).toEqual(['step_1', 'step_2', 'dup', 'step_4']);
    expect(result.problems.map((p) => [p.code, p.path])).toEqual([
      ['seed_step_id_replaced', ['steps', 0, 'id']],
      ['seed_step_id_replaced', ['steps', 1, 'id']],
      ['seed_step_id_replaced', ['steps', 3, 'id']],
    ]);
  });

  it('warns about a reference to a later step and leaves it for validation', () => {
    const result = convertOk({
      steps: [
        { url: 'https://api.example.com/a/{{step_2.id}}' },
        { url: 'https://api.example.com/b', outputMapping: { id: 'id' } },
      ],
    });
    expect(result.problems.map((p) => [p.code, p.path])).toEqual([
      ['seed_forward_reference', ['steps', 0, 'url']],
      ['seed_unused_output', ['steps', 1, 'outputMapping', 'id']],
    ]);
    expect(validateGraph(result.config).problems.map((p) => p.code)).toEqual(['missing_edge']);
  });
});

describe('convertSeedConnector: malformed input', () => {
  it.each([
    ['steps not a list', { steps: 'nope' }, [['invalid_field', ['steps']]]],
    ['no steps at all', { config: {} }, [['seed_no_steps', ['steps']]]],
    ['an empty list', { config: { steps: [] } }, [['seed_no_steps', ['config', 'steps']]]],
    [
      'a step without url and one that is not an object',
      { config: { steps: [{ url: 'https://x.example.com' }, { method: 'GET' }, 42] } },
      [
        ['missing_field', ['config', 'steps', 1, 'url']],
        ['invalid_field', ['config', 'steps', 2]],
      ],
    ],
    [
      'wrong field types inside a step',
      { steps: [{ url: 'https://x.example.com', auth: { type: 'bearer' }, outputMapping: { a: 1 } }] },
      [
        ['missing_field', ['steps', 0, 'auth', 'token']],
        ['invalid_field', ['steps', 0, 'outputMapping', 'a']],
      ],
    ],
    ['a single-step config with a bad url', { config: { url: 5 } }, [['invalid_field', ['config', 'url']]]],
    [
      'a malformed finalMapping',
      { steps: [{ url: 'https://x.example.com' }], finalMapping: { f: 1 } },
      [['invalid_field', ['finalMapping', 'f']]],
    ],
  ] as const)('%s', (_name, body, expected) => {
    const result = convertSeedConnector(body);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.code, p.path])).toEqual(expected);
  });

  it('never throws on odd bodies', () => {
    for (const body of [
      {},
      { steps: [null] },
      { config: null },
      { steps: [{ url: '{{' }] },
      { config: [] },
    ]) {
      expect(() => convertSeedConnector(body)).not.toThrow();
    }
  });
});

describe('isSeedConfig / isSeedConnector', () => {
  it('tells the list form from the canonical graph', () => {
    expect(isSeedConfig({ steps: [] })).toBe(true);
    expect(isSeedConfig({ url: 'https://x.example.com' })).toBe(true);
    expect(isSeedConfig({ version: 1, nodes: [], edges: [] })).toBe(false);
    expect(isSeedConfig({ nodes: [], steps: [] })).toBe(false);
    expect(isSeedConfig(null)).toBe(false);
    expect(isSeedConfig([])).toBe(false);
  });

  it('finds steps at the top level or in config', () => {
    expect(isSeedConnector(hubspot)).toBe(true);
    expect(isSeedConnector({ config: { steps: [] } })).toBe(true);
    expect(isSeedConnector({ config: { version: 1, nodes: [], edges: [] } })).toBe(false);
    expect(isSeedConnector({ config: { version: 1, nodes: [], edges: [] }, steps: [] })).toBe(false);
  });
});

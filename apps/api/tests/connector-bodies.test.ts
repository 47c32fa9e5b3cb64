import { expect, it } from 'vitest';
import { canonicalGraph, seedHubspotBody } from './support/connector-fixtures';
import { describeApi } from './support/describe-api';
import { Client } from './support/test-app';

type Body = Record<string, unknown>;

const graph = canonicalGraph;
type LooseNode = { type: string; data: Record<string, unknown> };
const withNode = (patch: (node: LooseNode) => void) => {
  const config = graph() as unknown as { nodes: LooseNode[] };
  patch(config.nodes[0]!);
  return config;
};
const deep = (levels: number): unknown => {
  let value: unknown = 'x';
  for (let i = 0; i < levels; i++) value = { v: value };
  return value;
};

/** Bodies that must be refused with 400, and the paths the error details must name. */
const invalid: [string, Body, string[]][] = [
  ['an empty body', {}, ['name', 'config']],
  ['an empty name', { name: '', config: graph() }, ['name']],
  ['a blank name', { name: '   ', config: graph() }, ['name']],
  ['a name of 256 characters', { name: 'n'.repeat(256), config: graph() }, ['name']],
  ['a numeric name', { name: 123, config: graph() }, ['name']],
  ['config as a string', { name: 'x', config: 'nodes' }, ['config']],
  ['config as a list', { name: 'x', config: [] }, ['config']],
  ['nodes not a list', { name: 'x', config: { nodes: 'x' } }, ['config.nodes']],
  ['a numeric url', { name: 'x', config: withNode((n) => (n.data.url = 5)) }, ['config.nodes.0.data.url']],
  ['an unknown node type', { name: 'x', config: withNode((n) => (n.type = 'ftp')) }, ['config.nodes.0.type']],
  [
    'a malformed auth',
    { name: 'x', config: withNode((n) => (n.data.auth = { type: 'magic' })) },
    ['config.nodes.0.data.auth.type'],
  ],
  [
    'a node without data',
    { name: 'x', config: withNode((n) => delete (n as Partial<LooseNode>).data) },
    ['config.nodes.0.data'],
  ],
  [
    'an edge without target',
    { name: 'x', config: { ...graph(), edges: [{ id: 'e', source: 'lookup' }] } },
    ['config.edges.0.target'],
  ],
  ['steps not a list', { name: 'x', steps: 'x' }, ['steps']],
  ['a step without url', { name: 'x', steps: [{ method: 'GET' }] }, ['steps.0.url']],
  ['no steps', { name: 'x', steps: [] }, ['steps']],
  [
    'a config step with a numeric url',
    { name: 'x', config: { steps: [{ url: 5 }] } },
    ['config.steps.0.url'],
  ],
  [
    'a malformed finalMapping',
    { ...seedHubspotBody(), finalMapping: { first_name: 5 } },
    ['finalMapping.first_name'],
  ],
  [
    'steps beside a canonical config',
    { name: 'x', config: graph(), steps: seedHubspotBody().steps },
    ['steps'],
  ],
  [
    'field_mappings that differ from the output node',
    { name: 'x', config: graph(), field_mappings: { first_name: '{{x.y}}' } },
    ['field_mappings'],
  ],
  [
    'field_mappings with a canonical graph without output',
    { name: 'x', config: { nodes: [] }, field_mappings: { a: '{{b.c}}' } },
    ['field_mappings'],
  ],
  [
    'a malformed field_mappings',
    { name: 'x', config: graph(), field_mappings: { first_name: [1] } },
    ['field_mappings.first_name'],
  ],
  ['an unknown type', { name: 'x', config: graph(), type: 'three-step' }, ['type']],
  ['a short timeout', { name: 'x', config: graph(), timeout_ms: 10 }, ['timeout_ms']],
  ['a fractional timeout', { name: 'x', config: graph(), timeout_ms: 1500.5 }, ['timeout_ms']],
  ['too many retries', { name: 'x', config: graph(), max_retries: 11 }, ['max_retries']],
  ['retries as text', { name: 'x', config: graph(), max_retries: 'three' }, ['max_retries']],
  ['enabled as text', { name: 'x', config: graph(), enabled: 'yes' }, ['enabled']],
  ['an icon of 51 characters', { name: 'x', config: graph(), icon: 'i'.repeat(51) }, ['icon']],
  [
    'an input field with a bad name',
    { name: 'x', config: graph(), input_schema: { fields: [{ name: '1st', type: 'string' }] } },
    ['input_schema.fields.0.name'],
  ],
  [
    'an input field of unknown type',
    { name: 'x', config: graph(), input_schema: { fields: [{ name: 'd', type: 'date' }] } },
    ['input_schema.fields.0.type'],
  ],
  [
    'duplicate input fields',
    {
      name: 'x',
      config: graph(),
      input_schema: {
        fields: [
          { name: 'a', type: 'string' },
          { name: 'a', type: 'number' },
        ],
      },
    },
    ['input_schema.fields.1.name'],
  ],
  ['input_schema as a list', { name: 'x', config: graph(), input_schema: [] }, ['input_schema']],
  ['a NUL in the description', { name: 'x', config: graph(), description: 'a\u0000b' }, ['description']],
  [
    'a lone surrogate in a node',
    { name: 'x', config: withNode((n) => (n.data.name = '\ud800')) },
    ['config.nodes.0.data.name'],
  ],
  ['a body nested 100 levels deep', { name: 'x', config: withNode((n) => (n.data.body = deep(100))) }, []],
];

/** Bodies that must be accepted, and what the stored connector must then look like. */
const valid: [string, Body, Record<string, unknown>][] = [
  [
    'a canonical graph with matching field_mappings',
    { name: 'v1', config: graph(), field_mappings: graph().nodes[1]!.data.fieldMappings },
    { type: 'single-step' },
  ],
  [
    'a canonical graph without version and edges',
    { name: 'v2', config: { nodes: [] } },
    { config: { version: 1, nodes: [], edges: [] }, field_mappings: {} },
  ],
  [
    'nulls for optional fields',
    {
      name: 'v3',
      config: graph(),
      description: null,
      icon: null,
      category: null,
      input_schema: null,
      field_mappings: null,
    },
    { description: null, icon: null },
  ],
  [
    'an emoji icon and all settings',
    {
      name: 'v4',
      config: graph(),
      icon: '🟠',
      category: 'crm',
      enabled: false,
      timeout_ms: 120000,
      max_retries: 0,
      continue_on_error: true,
    },
    { icon: '🟠', enabled: false, timeout_ms: 120000, max_retries: 0, continue_on_error: true },
  ],
  [
    'the seed form with a contradicting type',
    { ...seedHubspotBody(), name: 'v5', type: 'single-step' },
    { type: 'multi-step' },
  ],
  ['a name with surrounding spaces', { name: '  spaced  ', config: graph() }, { name: 'spaced' }],
  [
    'read-only and unknown fields (ignored)',
    {
      name: 'v6',
      config: graph(),
      id: 'mine',
      version: 7,
      created_at: 'x',
      total_executions: 99,
      problems: ['x'],
      foo: 'bar',
    },
    { version: 1, total_executions: 0, problems: [] },
  ],
];

describeApi('connector request bodies', (s) => {
  let client: Client;
  const ready = async () => {
    if (!client) {
      client = new Client(s.app);
      await client.signup();
    }
    return client;
  };

  it.each(invalid)('refuses %s with 400 and the field paths', async (_, body, paths) => {
    const c = await ready();
    const res = await c.post('/connectors', body);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toMatch(/^(validation_failed|field_mappings_mismatch)$/);
    const reported = (res.json.error.details as { path: string }[]).map((d) => d.path);
    for (const path of paths) expect(reported).toContain(path);
    // PUT validates the same body the same way.
    const created = await c.post('/connectors', { name: `put target ${Math.random()}`, config: graph() });
    const put = await c.put(`/connectors/${created.json.id}`, { ...body, version: 1 });
    expect(put.status).toBe(400);
  });

  it.each(valid)('accepts %s', async (_, body, expected) => {
    const c = await ready();
    const res = await c.post('/connectors', body);
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject(expected);
    expect(res.json).not.toHaveProperty('foo');
    expect(res.json).not.toHaveProperty('steps');
    expect(res.json).not.toHaveProperty('finalMapping');
  });

  it('never answers 500 to malformed JSON or a non-object body', async () => {
    const c = await ready();
    for (const raw of ['{not json', '', 'null', '[]', '"text"', '42', '{"name":']) {
      const res = await c.request('POST', '/connectors', raw, { 'content-type': 'application/json' });
      expect(res.status).toBe(400);
      expect(res.json.error.code).toEqual(expect.any(String));
    }
  });
});

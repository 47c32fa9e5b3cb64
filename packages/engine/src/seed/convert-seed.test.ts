import { describe, expect, it } from 'vitest';
import { validateGraph } from '../validation';
import { convertOk, edgeMap } from './testing';

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

  it('treats names like constructor and toString as plain data', () => {
    const result = convertOk({
      steps: [
        { url: 'https://api.example.com/a', outputMapping: { constructor: 'c' } },
        { url: 'https://api.example.com/b/{{step_1.constructor}}/{{step_1.toString}}' },
      ],
    });
    expect(edgeMap(result)).toEqual({ 'step_1→step_2': { constructor: 'c', toString: 'toString' } });
    expect(validateGraph(result.config).ok).toBe(true);
  });
});

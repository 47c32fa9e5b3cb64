import { describe, expect, it } from 'vitest';
import { parseGraph } from './parse-graph';

describe('parseGraph', () => {
  it('returns the graph with defaults filled in', () => {
    const { graph, problems } = parseGraph({
      nodes: [{ id: 'a', type: 'http', data: { url: 'https://x.com' } }],
    });
    expect(problems).toEqual([]);
    expect(graph?.edges).toEqual([]);
    expect(graph?.nodes[0]).toMatchObject({ position: { x: 0, y: 0 }, data: { method: 'GET', headers: [] } });
  });

  it.each([
    ['not an object', null, [['invalid_field', []]]],
    ['nodes missing', {}, [['missing_field', ['nodes']]]],
    [
      'wrong version and nodes not a list',
      { version: 2, nodes: 'x' },
      [
        ['invalid_field', ['version']],
        ['invalid_field', ['nodes']],
      ],
    ],
    [
      'unknown node type',
      { nodes: [{ id: 'a', type: 'nope', data: {} }] },
      [['unknown_node_type', ['nodes', 0, 'type']]],
    ],
    [
      'wrong field types',
      {
        nodes: [{ id: 'a', type: 'http', data: { url: 5, auth: { type: 'bearer' } } }],
        edges: [{ id: 'e', source: 1 }],
      },
      [
        ['invalid_field', ['nodes', 0, 'data', 'url']],
        ['missing_field', ['nodes', 0, 'data', 'auth', 'token']],
        ['invalid_field', ['edges', 0, 'source']],
        ['missing_field', ['edges', 0, 'target']],
      ],
    ],
    [
      'a field mapping of the wrong shape',
      { nodes: [{ id: 'o', type: 'output', data: { fieldMappings: { x: 5 } } }] },
      [['invalid_field', ['nodes', 0, 'data', 'fieldMappings', 'x']]],
    ],
  ] as const)('%s', (_name, value, expected) => {
    const { graph, problems } = parseGraph(value);
    expect(graph).toBeUndefined();
    expect(problems.map((p) => [p.code, p.path])).toEqual(expected);
    for (const problem of problems) expect(problem.severity).toBe('error');
  });

  it('phrases messages for people', () => {
    const { problems } = parseGraph({ nodes: [{ id: 'a', type: 'nope', data: {} }] });
    expect(problems[0]?.message).toContain(
      'nodes[0].type is not a known node type: use one of http, condition',
    );
    const shape = parseGraph({ nodes: [{ id: 'o', type: 'output', data: { fieldMappings: { x: 5 } } }] });
    expect(shape.problems[0]?.message).toContain('write a string or an object');
  });

  it('never throws, even on a hostile getter', () => {
    const hostile = {
      get nodes() {
        throw new Error('boom');
      },
    };
    expect(parseGraph(hostile).problems[0]?.code).toBe('invalid_field');
  });
});

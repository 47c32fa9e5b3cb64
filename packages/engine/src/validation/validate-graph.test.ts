import { describe, expect, it } from 'vitest';
import { type ProblemCase as Case, condition, edge, expectCase, graph, http, node } from './testing';
import { validateGraph } from './validate-graph';

const valid: Case[] = [
  { name: 'a single http node', graph: graph([http('step_1')]), problems: [] },
  {
    name: 'a chain whose edge carries what the next step reads',
    graph: graph(
      [http('step_1'), http('step_2', { url: 'https://api.example.com/contacts/{{step_1.id}}' })],
      [edge('step_1', 'step_2', { id: 'results[0].id' })],
    ),
    problems: [],
  },
  {
    name: 'inputs, contact, run, JSONata variables and functions',
    graph: graph([
      http('step_1', {
        method: 'POST',
        url: 'https://api.example.com/{{ $lowercase(input.email) }}',
        headers: [{ key: 'X-Run', value: '{{run.executionId}}' }],
        body: { name: '{{contact.first_name}}', n: ['{{ $x := 1; $x + 1 }}'] },
      }),
    ]),
    options: { inputNames: ['email'] },
    problems: [],
  },
  {
    name: 'a templated base URL and a templated header name',
    graph: graph([
      http('step_1', {
        url: '{{input.base_url}}/v1/items',
        headers: [{ key: '{{input.header}}', value: 'x' }],
      }),
    ]),
    problems: [],
  },
  {
    name: 'a disabled header may reference anything',
    graph: graph([http('step_1', { headers: [{ key: 'X-A', value: '{{elsewhere.x}}', enabled: false }] })]),
    problems: [],
  },
  {
    name: 'a flow: trigger → connector → update_contact',
    graph: graph(
      [
        node('start', 'trigger', { event: 'contact.created' }),
        node('enrich', 'connector', { connectorId: 'c1', inputs: { email: '{{contact.email}}' } }),
        node('save', 'update_contact', { fieldMappings: { industry: '{{enrich.industry}}' } }),
      ],
      [edge('start', 'enrich'), edge('enrich', 'save', { industry: 'metadata.industry' })],
    ),
    options: { kind: 'flow' },
    problems: [],
  },
];

const structure: Case[] = [
  {
    name: 'duplicate node id',
    graph: graph([http('a'), http('b'), http('a')], [edge('a', 'b')]),
    problems: [['duplicate_node_id', ['nodes', 2, 'id']]],
  },
  {
    name: 'duplicate edge id',
    graph: graph(
      [http('a'), http('b'), http('c')],
      [edge('a', 'b', {}, undefined, 'e1'), edge('b', 'c', {}, undefined, 'e1')],
    ),
    problems: [['duplicate_edge_id', ['edges', 1, 'id']]],
  },
  {
    name: 'invalid and reserved node ids',
    graph: graph([http('1abc'), http('input')], [edge('1abc', 'input')]),
    problems: [
      ['invalid_node_id', ['nodes', 0, 'id']],
      ['reserved_node_id', ['nodes', 1, 'id']],
    ],
  },
  {
    name: 'a trigger in a connector',
    graph: graph([node('t', 'trigger')]),
    problems: [['node_type_not_allowed', ['nodes', 0, 'type']]],
  },
  {
    name: 'an http node in a flow',
    graph: graph([node('t', 'trigger'), http('h')], [edge('t', 'h')]),
    options: { kind: 'flow' },
    problems: [['node_type_not_allowed', ['nodes', 1, 'type']]],
  },
  {
    name: 'two output nodes',
    graph: graph([http('a'), node('o1', 'output'), node('o2', 'output')], [edge('a', 'o1'), edge('a', 'o2')]),
    problems: [['multiple_outputs', ['nodes', 2]]],
  },
  {
    name: 'a flow without trigger',
    graph: graph([node('d', 'delay')]),
    options: { kind: 'flow' },
    problems: [['missing_trigger', ['nodes']]],
  },
  {
    name: 'a flow with two triggers',
    graph: graph(
      [node('t1', 'trigger'), node('t2', 'trigger'), node('d', 'delay')],
      [edge('t1', 'd'), edge('t2', 'd')],
    ),
    options: { kind: 'flow' },
    problems: [['multiple_triggers', ['nodes', 1]]],
  },
  {
    name: 'an edge into the trigger (which also closes a cycle)',
    graph: graph([node('t', 'trigger'), node('d', 'delay')], [edge('t', 'd'), edge('d', 't')]),
    options: { kind: 'flow' },
    problems: [
      ['edge_into_trigger', ['edges', 1, 'target']],
      ['cycle', ['edges', 1]],
    ],
  },
];

const edges: Case[] = [
  {
    name: 'dangling edges',
    graph: graph([http('a'), http('b')], [edge('a', 'b'), edge('a', 'zzz'), edge('yyy', 'b')]),
    problems: [
      ['unknown_edge_target', ['edges', 1, 'target']],
      ['unknown_edge_source', ['edges', 2, 'source']],
    ],
  },
  {
    name: 'a self-loop',
    graph: graph([http('a'), http('b')], [edge('a', 'b'), edge('b', 'b')]),
    problems: [['self_loop', ['edges', 1, 'target']]],
  },
  {
    name: 'a handle the source does not have',
    graph: graph([http('a'), http('b')], [edge('a', 'b', {}, 'true')]),
    problems: [['unknown_source_handle', ['edges', 0, 'sourceHandle']]],
  },
  {
    name: 'an edge out of a condition without a handle',
    graph: graph([http('a'), condition('c', 'true'), http('b')], [edge('a', 'c'), edge('c', 'b')]),
    problems: [['missing_source_handle', ['edges', 1, 'sourceHandle']]],
  },
  {
    name: 'two edges with the same source, effective handle and target',
    graph: graph([http('a'), http('b')], [edge('a', 'b'), edge('a', 'b', {}, 'success')]),
    problems: [['duplicate_edge', ['edges', 1]]],
  },
  {
    name: 'success and error edges to the same target are not duplicates',
    graph: graph([http('a'), http('b')], [edge('a', 'b'), edge('a', 'b', {}, 'error')]),
    problems: [['unreachable_join', ['nodes', 1, 'data', 'join']]],
  },
];

const cyclesAndReach: Case[] = [
  {
    name: 'a three-node cycle',
    graph: graph([http('a'), http('b'), http('c')], [edge('a', 'b'), edge('b', 'c'), edge('c', 'a')]),
    problems: [['cycle', ['edges', 2]]],
  },
  {
    name: 'two separate cycles are reported once each',
    graph: graph(
      [http('a'), http('b'), http('c'), http('d')],
      [edge('a', 'b'), edge('b', 'a'), edge('b', 'c'), edge('c', 'd'), edge('d', 'c')],
    ),
    problems: [
      ['cycle', ['edges', 1]],
      ['cycle', ['edges', 4]],
    ],
  },
  {
    name: 'a node with no edge at all',
    graph: graph([http('a'), http('b'), http('c')], [edge('a', 'b')]),
    problems: [['isolated_node', ['nodes', 2]]],
  },
  {
    name: 'flow nodes not reachable from the trigger',
    graph: graph(
      [node('t', 'trigger'), node('d1', 'delay'), node('d2', 'delay'), node('d3', 'delay')],
      [edge('t', 'd1'), edge('d2', 'd3')],
    ),
    options: { kind: 'flow' },
    problems: [
      ['unreachable_from_trigger', ['nodes', 2]],
      ['unreachable_from_trigger', ['nodes', 3]],
    ],
  },
];

describe('validateGraph', () => {
  describe.each([
    ['valid graphs', valid],
    ['ids and structure', structure],
    ['edges', edges],
    ['cycles and reachability', cyclesAndReach],
  ] as const)('%s', (_, cases) => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      expectCase(c);
    });
  });

  it('names the cycle in order and lists its nodes', () => {
    const { problems } = validateGraph(
      graph([http('a'), http('b'), http('c')], [edge('a', 'b'), edge('b', 'c'), edge('c', 'a')]),
    );
    expect(problems[0]?.message).toContain('a → b → c → a');
    expect(problems[0]?.related).toEqual(['a', 'b', 'c']);
    expect(problems[0]?.edgeId).toBe('e_c_a');
  });

  it('returns every problem, not only the first', () => {
    const g = graph(
      [http('a', { method: 'FETCH', url: '' }), http('a'), http('b', { url: 'https://x.com/{{zzz.q}}' })],
      [edge('a', 'nope'), edge('b', 'b')],
    );
    const codes = validateGraph(g).problems.map((p) => p.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'duplicate_node_id',
        'unknown_edge_target',
        'self_loop',
        'invalid_method',
        'missing_url',
        'unknown_reference',
      ]),
    );
  });
});

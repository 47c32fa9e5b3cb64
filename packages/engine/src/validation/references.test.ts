import { describe, expect, it } from 'vitest';
import { condition, edge, expectCase, graph, http, node, type ProblemCase } from './testing';
import { validateGraph } from './validate-graph';

const url = (template: string) => ({ url: `https://api.example.com/${template}` });

const cases: ProblemCase[] = [
  {
    name: 'a step read without an edge from it',
    graph: graph([http('a'), http('b'), http('c', url('{{a.id}}'))], [edge('a', 'b'), edge('b', 'c')]),
    problems: [['missing_edge', ['nodes', 2, 'data', 'url']]],
  },
  {
    name: 'an edge that does not carry the value read',
    graph: graph([http('a'), http('b', url('{{a.id}}'))], [edge('a', 'b', { x: 'x' })]),
    problems: [['value_not_carried', ['nodes', 1, 'data', 'url']]],
  },
  {
    name: 'an edge that carries nothing',
    graph: graph([http('a'), http('b', { method: 'POST', body: { q: ['{{a.id}}'] } })], [edge('a', 'b')]),
    problems: [['value_not_carried', ['nodes', 1, 'data', 'body', 'q', 0]]],
  },
  {
    name: 'a node reading its own values',
    graph: graph([http('a', url('{{a.id}}'))]),
    problems: [['self_reference', ['nodes', 0, 'data', 'url']]],
  },
  {
    name: 'an unknown input field (input schema known)',
    graph: graph([http('a', url('{{input.emial}}'))]),
    options: { inputNames: ['email'] },
    problems: [['unknown_input', ['nodes', 0, 'data', 'url']]],
  },
  {
    name: 'any input field when the input schema is unknown',
    graph: graph([http('a', url('{{input.whatever}}'))]),
    problems: [],
  },
  {
    name: 'an unknown root name',
    graph: graph(
      [http('step_1'), http('step_2', url('{{stpe_1.id}}'))],
      [edge('step_1', 'step_2', { id: 'id' })],
    ),
    problems: [['unknown_reference', ['nodes', 1, 'data', 'url']]],
  },
  {
    name: 'secrets in every http field are fine',
    graph: graph([
      http('a', {
        url: 'https://api.example.com/{{workspace.account}}',
        headers: [{ key: 'X-Key', value: '{{credentials.acme.key}}' }],
        auth: { type: 'bearer', token: '{{workspace.hubspot_token}}' },
      }),
    ]),
    problems: [],
  },
  {
    name: 'a secret in a condition',
    graph: graph(
      [http('a'), condition('c', 'workspace.token = "x"'), http('b')],
      [edge('a', 'c'), edge('c', 'b', {}, 'true')],
    ),
    problems: [['secret_not_in_scope', ['nodes', 1, 'data', 'expression']]],
  },
  {
    name: 'a secret in a transform and in an output mapping',
    graph: graph(
      [
        http('a'),
        node('t', 'transform', { values: { k: 'credentials.x.y' } }),
        node('o', 'output', { fieldMappings: { f: { template: '{{workspace.k}}' } } }),
      ],
      [edge('a', 't'), edge('t', 'o')],
    ),
    problems: [
      ['secret_not_in_scope', ['nodes', 1, 'data', 'values', 'k']],
      ['secret_not_in_scope', ['nodes', 2, 'data', 'fieldMappings', 'f', 'template']],
    ],
  },
  {
    name: 'a secret carried on an edge out of a condition',
    graph: graph(
      [http('a'), condition('c', 'true'), http('b')],
      [edge('a', 'c'), edge('c', 'b', { t: 'workspace.token' }, 'true')],
    ),
    problems: [['secret_not_in_scope', ['edges', 1, 'data', 'mapping', 't']]],
  },
  {
    name: 'a mapping out of an http node reads the response body, not the scope',
    graph: graph(
      [http('a'), http('b', url('{{a.t}}'))],
      [edge('a', 'b', { t: 'workspace.token & anything.at_all' })],
    ),
    problems: [],
  },
  {
    name: "a mapping out of a condition is checked against the condition's scope",
    graph: graph(
      [http('a'), condition('c', '$exists(a.id)'), http('b', url('{{c.id}}/{{c.other}}'))],
      [edge('a', 'c', { id: 'results[0].id' }), edge('c', 'b', { id: 'a.id', other: 'a.other' }, 'true')],
    ),
    problems: [['value_not_carried', ['edges', 1, 'data', 'mapping', 'other']]],
  },
  {
    name: "a mapping out of a transform sees the transform's values",
    graph: graph(
      [
        http('a'),
        node('t', 'transform', { values: { full: 'a.first & " " & a.last' } }),
        http('b', url('{{t.name}}')),
      ],
      [
        edge('a', 't', { first: 'first', last: 'last' }),
        edge('t', 'b', { name: 'full', bad: 'nothing_here' }),
      ],
    ),
    problems: [['unknown_reference', ['edges', 1, 'data', 'mapping', 'bad']]],
  },
  {
    name: 'a flow connector node cannot read secrets',
    graph: graph(
      [
        node('t', 'trigger'),
        node('k', 'connector', { connectorId: 'c', inputs: { key: '{{workspace.key}}' } }),
      ],
      [edge('t', 'k')],
    ),
    options: { kind: 'flow' },
    problems: [['secret_not_in_scope', ['nodes', 1, 'data', 'inputs', 'key']]],
  },
  {
    name: 'references in query keys, header keys and auth fields',
    graph: graph([
      http('a', {
        queryParams: [{ key: '{{x.k}}', value: '1' }],
        headers: [{ key: 'X-A', value: '{{y.v}}' }],
        auth: { type: 'basic', username: '{{z.u}}', password: '' },
      }),
    ]),
    problems: [
      ['unknown_reference', ['nodes', 0, 'data', 'queryParams', 0, 'key']],
      ['unknown_reference', ['nodes', 0, 'data', 'headers', 0, 'value']],
      ['unknown_reference', ['nodes', 0, 'data', 'auth', 'username']],
    ],
  },
];

describe('references', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expectCase(c);
  });

  it('offers to connect the missing edge', () => {
    const g = graph(
      [http('step_1'), http('step_2'), http('step_3', url('{{step_1.id}}'))],
      [edge('step_1', 'step_2'), edge('step_2', 'step_3')],
    );
    const [problem] = validateGraph(g).problems;
    expect(problem?.fix).toEqual({
      kind: 'connect',
      source: 'step_1',
      target: 'step_3',
      label: 'Connect step_1 → step_3',
    });
    expect(problem?.message).toContain('connect step_1 → step_3');
    expect(problem?.nodeId).toBe('step_3');
  });

  it('names the edge and what it carries', () => {
    const g = graph([http('a'), http('b', url('{{a.id}}'))], [edge('a', 'b', { x: 'x', y: 'y' })]);
    const [problem] = validateGraph(g).problems;
    expect(problem?.message).toContain('e_a_b');
    expect(problem?.message).toContain('x, y');
    expect(problem?.edgeId).toBe('e_a_b');
  });

  it('lists the known inputs and suggests the closest', () => {
    const g = graph([http('a', url('{{input.emial}}'))]);
    const [problem] = validateGraph(g, { inputNames: ['email', 'domain'] }).problems;
    expect(problem?.message).toContain('input.email');
    expect(problem?.message).toContain('email, domain');
  });

  it('suggests the closest node id for an unknown name', () => {
    const g = graph(
      [http('step_1'), http('step_2', url('{{stpe_1.id}}'))],
      [edge('step_1', 'step_2', { id: 'id' })],
    );
    expect(validateGraph(g).problems[0]?.message).toContain("Did you mean 'step_1'?");
  });
});

import { describe, expect, it } from 'vitest';
import { condition, edge, expectCase, graph, http, node, type ProblemCase } from './testing';
import { validateGraph } from './validate-graph';

const cases: ProblemCase[] = [
  {
    name: 'a JSONata error inside a URL template',
    graph: graph([http('a', { url: 'https://api.example.com/{{ input.a + }}' })]),
    problems: [['expression_syntax', ['nodes', 0, 'data', 'url']]],
  },
  {
    name: 'an unclosed template',
    graph: graph([http('a', { url: 'https://api.example.com/{{input.a' })]),
    problems: [['template_syntax', ['nodes', 0, 'data', 'url']]],
  },
  {
    name: 'an empty template',
    graph: graph([http('a', { method: 'POST', body: { x: 'hello {{ }}' } })]),
    problems: [['template_syntax', ['nodes', 0, 'data', 'body', 'x']]],
  },
  {
    name: 'an empty condition and a broken transform',
    graph: graph(
      [http('a'), condition('c', ''), node('t', 'transform', { values: { v: '(' } })],
      [edge('a', 'c'), edge('c', 't', {}, 'true')],
    ),
    problems: [
      ['missing_expression', ['nodes', 1, 'data', 'expression']],
      ['expression_syntax', ['nodes', 2, 'data', 'values', 'v']],
    ],
  },
  {
    name: 'a broken edge mapping',
    graph: graph([http('a'), http('b')], [edge('a', 'b', { x: 'results[' })]),
    problems: [['expression_syntax', ['edges', 0, 'data', 'mapping', 'x']]],
  },
  {
    name: '$eval is refused',
    graph: graph(
      [http('a'), node('o', 'output', { fieldMappings: { f: '{{ $eval("1") }}' } })],
      [edge('a', 'o')],
    ),
    problems: [['expression_not_allowed', ['nodes', 1, 'data', 'fieldMappings', 'f']]],
  },
  {
    name: 'more nodes than allowed',
    graph: graph([http('a'), http('b'), http('c')], [edge('a', 'b'), edge('b', 'c')]),
    options: { maxNodes: 2 },
    problems: [['too_many_nodes', ['nodes']]],
  },
  {
    name: 'an over-long template',
    graph: graph([http('a', { url: `https://api.example.com/${'x'.repeat(50)}` })]),
    options: { maxExpressionLength: 40 },
    problems: [['expression_too_long', ['nodes', 0, 'data', 'url']]],
  },
  {
    name: 'an over-long edge mapping',
    graph: graph([http('a'), http('b')], [edge('a', 'b', { x: `a.${'b'.repeat(60)}` })]),
    options: { maxExpressionLength: 40 },
    problems: [['expression_too_long', ['edges', 0, 'data', 'mapping', 'x']]],
  },
];

describe('syntax and limits', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expectCase(c);
  });

  it('gives the position of a syntax error inside a template', () => {
    const g = graph([http('a', { url: 'https://api.example.com/{{ input.a + }}' })]);
    const [problem] = validateGraph(g).problems;
    expect(problem?.message).toMatch(/at position \d+/);
  });

  it('accepts expressions longer than the default when allowed', () => {
    const body = { text: `{{ "${'x'.repeat(12_000)}" }}` };
    expect(
      validateGraph(graph([http('a', { method: 'POST', body })]), { maxExpressionLength: 20_000 }).problems,
    ).toEqual([]);
    expect(validateGraph(graph([http('a', { method: 'POST', body })])).problems.map((p) => p.code)).toEqual([
      'expression_too_long',
    ]);
  });
});

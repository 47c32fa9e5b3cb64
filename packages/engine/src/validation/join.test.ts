import { describe, expect, it } from 'vitest';
import { condition, edge, expectCase, graph, http, node, type ProblemCase } from './testing';
import { validateGraph } from './validate-graph';

const base = [http('s'), condition('c', 'true'), http('a'), http('b')];
const branchEdges = [edge('s', 'c'), edge('c', 'a', {}, 'true'), edge('c', 'b', {}, 'false')];

const cases: ProblemCase[] = [
  {
    name: 'join all behind opposite handles of one condition',
    graph: graph([...base, http('d')], [...branchEdges, edge('a', 'd'), edge('b', 'd')]),
    problems: [['unreachable_join', ['nodes', 4, 'data', 'join']]],
  },
  {
    name: 'join any behind opposite handles is fine',
    graph: graph([...base, http('d', { join: 'any' })], [...branchEdges, edge('a', 'd'), edge('b', 'd')]),
    problems: [],
  },
  {
    name: 'through a chain of single-input ancestors',
    graph: graph(
      [...base, http('a2'), http('a3'), node('d', 'output')],
      [...branchEdges, edge('a', 'a2'), edge('a2', 'a3'), edge('a3', 'd'), edge('b', 'd')],
    ),
    problems: [['unreachable_join', ['nodes', 6, 'data', 'join']]],
  },
  {
    name: 'directly from both handles',
    graph: graph(
      [http('s'), condition('c', 'true'), http('d')],
      [edge('s', 'c'), edge('c', 'd', {}, 'true'), edge('c', 'd', {}, 'false')],
    ),
    problems: [['unreachable_join', ['nodes', 2, 'data', 'join']]],
  },
  {
    name: 'same handle twice is fine',
    graph: graph(
      [...base, http('d')],
      [...branchEdges.slice(0, 2), edge('c', 'b', {}, 'true'), edge('a', 'd'), edge('b', 'd')],
    ),
    problems: [],
  },
  {
    name: 'a merge node with two inputs ends the chain',
    graph: graph(
      [...base, http('x'), http('m'), http('d')],
      [...branchEdges, edge('a', 'm'), edge('x', 'm'), edge('s', 'x'), edge('m', 'd'), edge('b', 'd')],
    ),
    problems: [],
  },
];

describe('join all that can never run', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expectCase(c);
  });

  it('is a warning naming the condition and suggesting join any', () => {
    const g = graph([...base, http('d')], [...branchEdges, edge('a', 'd'), edge('b', 'd')]);
    const result = validateGraph(g);
    expect(result.ok).toBe(true);
    expect(result.problems[0]?.severity).toBe('warning');
    expect(result.problems[0]?.message).toContain("c's 'true' and 'false'");
    expect(result.problems[0]?.message).toContain('"any"');
  });
});

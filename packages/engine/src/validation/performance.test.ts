import { describe, expect, it } from 'vitest';
import { graphSchema } from '../graph';
import { validateGraph } from './validate-graph';

function chain(size: number, url: (i: number) => string) {
  const nodes = Array.from({ length: size }, (_, i) => ({
    id: `n${i}`,
    type: 'http',
    data: { url: url(i) },
  }));
  const edges: Record<string, unknown>[] = nodes.slice(1).map((_, i) => ({
    id: `e${i}`,
    source: `n${i}`,
    target: `n${i + 1}`,
    data: { mapping: { id: 'id' } },
  }));
  return { nodes, edges };
}

/** Validation runs on every edit in the editor and on every save: it must stay near-linear. */
describe('validateGraph on large graphs', () => {
  it('handles a 5,000-node chain with a cycle and a join, without deep recursion', () => {
    const size = 5_000;
    const { nodes, edges } = chain(size, () => 'https://api.example.com/x');
    edges.push({ id: 'back', source: `n${size - 1}`, target: 'n0' });
    edges.push({ id: 'err', source: 'n0', target: `n${size - 1}`, sourceHandle: 'error' });
    const graph = graphSchema.parse({ nodes, edges });

    const started = performance.now();
    const { problems } = validateGraph(graph, { maxNodes: 10_000 });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(problems.map((p) => p.code).sort()).toEqual(['cycle', 'unreachable_join']);
  });

  it('validates a 100-node graph full of templates in well under a second', () => {
    const { nodes, edges } = chain(
      100,
      (i) => `https://api.example.com/{{n${Math.max(0, i - 1)}.id}}/{{input.q}}`,
    );
    const graph = graphSchema.parse({ nodes, edges });
    const started = performance.now();
    const { problems } = validateGraph(graph);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(problems.map((p) => p.code)).toEqual(['self_reference']);
  });
});

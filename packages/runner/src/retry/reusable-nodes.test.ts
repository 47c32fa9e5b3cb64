import { type Graph, graphSchema } from '@connectors/engine';
import { describe, expect, it } from 'vitest';
import { reusableNodeIds } from './reusable-nodes';

const base = () =>
  graphSchema.parse({
    nodes: [
      { id: 'a', type: 'http', data: { url: 'https://x.test/a' } },
      { id: 'b', type: 'http', data: { url: 'https://x.test/b/{{a.id}}' } },
      { id: 'c', type: 'http', data: { url: 'https://x.test/c/{{b.id}}' } },
      { id: 'out', type: 'output', data: { fieldMappings: { first_name: '{{c.name}}' } } },
    ],
    edges: [
      { id: 'e1', source: 'a', target: 'b', data: { mapping: { id: 'id' } } },
      { id: 'e2', source: 'b', target: 'c', data: { mapping: { id: 'id' } } },
      { id: 'e3', source: 'c', target: 'out', data: { mapping: { name: 'name' } } },
    ],
  });

const edit = (fn: (g: Graph) => void) => {
  const g = base();
  fn(g);
  return g;
};

describe('reusableNodeIds', () => {
  it('reuses successful unchanged nodes, ignoring positions', () => {
    const moved = edit((g) => {
      g.nodes[0]!.position = { x: 500, y: 500 };
    });
    expect(reusableNodeIds(base(), moved, ['a', 'b'])).toEqual(['a', 'b']);
  });

  it('re-runs a changed node and everything downstream of it', () => {
    const changed = edit((g) => {
      (g.nodes[1]!.data as { url: string }).url = 'https://x.test/fixed/{{a.id}}';
    });
    expect(reusableNodeIds(base(), changed, ['a', 'b', 'c'])).toEqual(['a']);
  });

  it('re-runs a node whose outgoing mapping changed', () => {
    const changed = edit((g) => {
      g.edges[0]!.data.mapping = { id: 'results[0].id' };
    });
    expect(reusableNodeIds(base(), changed, ['a', 'b'])).toEqual([]);
  });

  it('never reuses a node that did not succeed or no longer exists', () => {
    const removed = edit((g) => {
      g.nodes = g.nodes.filter((n) => n.id !== 'c');
      g.edges = g.edges.filter((e) => e.source !== 'c' && e.target !== 'c');
    });
    expect(reusableNodeIds(base(), base(), ['b'])).toEqual([]);
    expect(reusableNodeIds(base(), removed, ['a', 'c'])).toEqual(['a']);
  });
});

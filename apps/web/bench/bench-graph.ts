import type { GraphInput } from '@connectors/engine';

/**
 * A DAG of `count` nodes in columns of `rows`: each http node reads a value carried from the node
 * before it in its column, and the first of each column from the previous column's first, so every node
 * has an edge and a label.
 */
export function benchGraph(count = 500, rows = 20): GraphInput {
  const nodes: GraphInput['nodes'] = [];
  const edges: NonNullable<GraphInput['edges']> = [];
  for (let i = 0; i < count; i++) {
    const column = Math.floor(i / rows);
    const row = i % rows;
    const id = `step_${i + 1}`;
    const previous = row > 0 ? `step_${i}` : column > 0 ? `step_${i - rows + 1}` : null;
    nodes.push({
      id,
      type: 'http',
      position: { x: column * 320, y: row * 200 },
      data: {
        name: `Request ${i + 1}`,
        method: i % 3 === 0 ? 'POST' : 'GET',
        url: previous
          ? `https://api.example.com/items/{{${previous}.itemId}}`
          : 'https://api.example.com/items?q={{input.email}}',
        headers: [{ key: 'Accept', value: 'application/json' }],
      },
    });
    if (previous) {
      edges.push({ id: `e${i}`, source: previous, target: id, data: { mapping: { itemId: 'data.id' } } });
    }
  }
  return { version: 1, nodes, edges };
}

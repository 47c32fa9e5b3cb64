import type { Graph, GraphEdge, GraphNode } from '@connectors/engine';

/** JSON with sorted keys, so two configurations compare equal whatever their key order. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/** What a node does, without where it sits on the canvas. */
const nodeConfig = (node: GraphNode) => stable({ type: node.type, data: node.data });

/** What an edge carries and where, in a comparable form. */
const edgeConfig = (edge: GraphEdge) =>
  stable({
    id: edge.id,
    target: edge.target,
    sourceHandle: edge.sourceHandle ?? null,
    mapping: edge.data.mapping,
  });

function outgoingConfig(graph: Graph, nodeId: string): string {
  return graph.edges
    .filter((e) => e.source === nodeId)
    .map(edgeConfig)
    .sort()
    .join('\n');
}

/**
 * "Retry from the failed step": the nodes whose earlier successful result may stand in the new run.
 * A node qualifies when it succeeded before, its configuration (type and data; not its position) and
 * its outgoing edges (targets, handles, mappings) are unchanged between the old snapshot and the current
 * graph, and so is every node upstream of it — a changed upstream step could send it different values.
 *
 * @param succeeded ids of the nodes that succeeded in the old run.
 */
export function reusableNodeIds(previous: Graph, current: Graph, succeeded: Iterable<string>): string[] {
  const ok = new Set(succeeded);
  const before = new Map(previous.nodes.map((n) => [n.id, n]));
  const after = new Map(current.nodes.map((n) => [n.id, n]));
  const memo = new Map<string, boolean>();
  const visiting = new Set<string>();

  const reusable = (id: string): boolean => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return false; // a cycle: the graph cannot run anyway
    visiting.add(id);
    const old = before.get(id);
    const now = after.get(id);
    let result =
      ok.has(id) &&
      old !== undefined &&
      now !== undefined &&
      nodeConfig(old) === nodeConfig(now) &&
      outgoingConfig(previous, id) === outgoingConfig(current, id);
    if (result) {
      const upstreamNow = current.edges.filter((e) => e.target === id).map((e) => edgeConfig(e) + e.source);
      const upstreamBefore = previous.edges
        .filter((e) => e.target === id)
        .map((e) => edgeConfig(e) + e.source);
      result =
        upstreamNow.sort().join('\n') === upstreamBefore.sort().join('\n') &&
        current.edges.filter((e) => e.target === id).every((e) => reusable(e.source));
    }
    visiting.delete(id);
    memo.set(id, result);
    return result;
  };

  return current.nodes.map((n) => n.id).filter(reusable);
}

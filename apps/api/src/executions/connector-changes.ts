import type { Connector } from '@connectors/db';
import { type Graph, parseGraph } from '@connectors/engine';
import { reusableNodeIds } from '@connectors/runner';
import { jsonEqual } from '../lib/json-equal';

/** How the connector differs today from the graph a run used (the run view's "Open in editor"). */
export interface ConnectorChanges {
  /** The connector's `version` now (the run has `connector_version`). */
  current_version: number;
  /** True when a node's configuration or an edge differs; moving nodes on the canvas is no change. */
  changed: boolean;
  /** Nodes added, removed or reconfigured since the run, and sources of edges that changed. */
  changed_steps: string[];
  /** What `POST /executions/:id/retry {from_failed:true}` would reuse instead of calling again now. */
  reusable_steps: string[];
}

const EMPTY: Graph = { version: 1, nodes: [], edges: [] };

/** An edge without its id: what it connects and what it carries. */
const edgeShape = (e: Graph['edges'][number]) => ({
  source: e.source,
  target: e.target,
  sourceHandle: e.sourceHandle ?? null,
  mapping: e.data.mapping ?? {},
});

/**
 * Compares a run's graph snapshot with the connector's current graph, node by node (type and data, not
 * position), so the run view can say what changed before the user retries or opens the editor.
 *
 * @param succeeded the nodes that succeeded in the run (candidates for reuse).
 */
export function connectorChanges(
  snapshot: unknown,
  connector: Connector,
  succeeded: readonly string[],
): ConnectorChanges {
  const before = parseGraph(snapshot).graph ?? EMPTY;
  const after = parseGraph(connector.config).graph ?? EMPTY;
  const oldNodes = new Map(before.nodes.map((n) => [n.id, n]));
  const newNodes = new Map(after.nodes.map((n) => [n.id, n]));
  const changed = new Set<string>();
  for (const id of new Set([...oldNodes.keys(), ...newNodes.keys()])) {
    const a = oldNodes.get(id);
    const b = newNodes.get(id);
    if (!a || !b || a.type !== b.type || !jsonEqual(a.data, b.data)) changed.add(id);
  }
  const edgesOf = (g: Graph, source: string) => g.edges.filter((e) => e.source === source).map(edgeShape);
  for (const id of new Set([...before.edges, ...after.edges].map((e) => e.source))) {
    if (!jsonEqual(sortEdges(edgesOf(before, id)), sortEdges(edgesOf(after, id)))) changed.add(id);
  }
  const order = [...after.nodes.map((n) => n.id), ...before.nodes.map((n) => n.id)];
  return {
    current_version: connector.version,
    changed: changed.size > 0,
    changed_steps: [...new Set(order)].filter((id) => changed.has(id)),
    reusable_steps: reusableNodeIds(before, after, succeeded),
  };
}

function sortEdges(edges: ReturnType<typeof edgeShape>[]) {
  return [...edges].sort((a, b) =>
    `${a.target}\u0000${a.sourceHandle}`.localeCompare(`${b.target}\u0000${b.sourceHandle}`),
  );
}

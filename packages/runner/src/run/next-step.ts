import { effectiveSourceHandle, type Graph, type GraphEdge, type NodeResult } from '@connectors/engine';

/**
 * Tells, as nodes finish, which node the engine starts next — so the runner can name it as the run's
 * `current_step` in the same statement that persists the finished node, instead of a second write when
 * it starts. It follows the engine's rule: a node starts once every incoming edge is settled and its
 * join (`all` by default, or `any`) is met by the edges its sources left through.
 *
 * Only a display hint: when it cannot tell (a node waiting on another branch, the second of two
 * parallel starts) it answers `undefined` and the runner writes `current_step` when the node starts.
 */
export class NextStepForecast {
  private readonly nodes: Map<string, Graph['nodes'][number]>;
  private readonly incoming = new Map<string, GraphEdge[]>();
  private readonly outgoing = new Map<string, GraphEdge[]>();
  /** The handle each finished node left through (null: failed without an error edge, or skipped). */
  private readonly handles = new Map<string, string | null>();

  constructor(graph: Graph, completed: readonly NodeResult[] = []) {
    this.nodes = new Map(graph.nodes.map((n) => [n.id, n]));
    for (const edge of graph.edges) {
      if (!this.nodes.has(edge.source) || !this.nodes.has(edge.target)) continue;
      this.outgoing.set(edge.source, [...(this.outgoing.get(edge.source) ?? []), edge]);
      this.incoming.set(edge.target, [...(this.incoming.get(edge.target) ?? []), edge]);
    }
    for (const result of completed) this.handles.set(result.nodeId, result.handle);
  }

  /** The node the engine starts first: the first, in graph order, not finished yet and ready to run. */
  start(): string | undefined {
    for (const node of this.nodes.values()) {
      if (!this.handles.has(node.id) && this.ready(node.id)) return node.id;
    }
    return undefined;
  }

  /** Records `result` and returns the node that becomes ready to run because of it, if there is one. */
  finished(result: NodeResult): string | undefined {
    this.handles.set(result.nodeId, result.handle);
    if (result.handle === null) return undefined;
    const source = this.nodes.get(result.nodeId);
    if (!source) return undefined;
    for (const edge of this.outgoing.get(result.nodeId) ?? []) {
      if (effectiveSourceHandle(source.type, edge.sourceHandle) !== result.handle) continue;
      if (this.handles.has(edge.target)) continue;
      if (this.ready(edge.target)) return edge.target;
    }
    return undefined;
  }

  /** True when every incoming edge of `nodeId` is settled and its join is met. */
  private ready(nodeId: string): boolean {
    const node = this.nodes.get(nodeId);
    if (!node) return false;
    const edges = this.incoming.get(nodeId) ?? [];
    let active = 0;
    for (const edge of edges) {
      if (!this.handles.has(edge.source)) return false;
      const from = this.nodes.get(edge.source);
      const handle = this.handles.get(edge.source);
      if (from && handle !== null && effectiveSourceHandle(from.type, edge.sourceHandle) === handle) active++;
    }
    const join = ('join' in node.data ? node.data.join : undefined) ?? 'all';
    return join === 'any' ? active > 0 : active === edges.length;
  }
}

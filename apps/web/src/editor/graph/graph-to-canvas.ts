import { effectiveSourceHandle, type Graph } from '@connectors/engine';
import type { CanvasEdge, CanvasNode } from './canvas-types';

/**
 * Builds React Flow's nodes and edges from the canonical graph (pure). Every edge gets its effective
 * source handle so it attaches to the right port (`success` when the graph names none).
 *
 * @example const { nodes, edges } = graphToCanvas(parseGraph(connector.config).graph!)
 */
export function graphToCanvas(graph: Graph): { nodes: CanvasNode[]; edges: CanvasEdge[] } {
  const types = new Map(graph.nodes.map((node) => [node.id, node.type]));
  const nodes = graph.nodes.map(
    (node) =>
      ({
        id: node.id,
        type: node.type,
        position: { x: node.position.x, y: node.position.y },
        data: node.data,
      }) as CanvasNode,
  );
  const edges = graph.edges.map((edge): CanvasEdge => {
    const handle = effectiveSourceHandle(types.get(edge.source) ?? 'http', edge.sourceHandle);
    return {
      id: edge.id,
      type: 'data',
      source: edge.source,
      target: edge.target,
      sourceHandle: handle,
      ...(edge.targetHandle ? { targetHandle: edge.targetHandle } : {}),
      data: { mapping: { ...(edge.data?.mapping ?? {}) } },
    };
  });
  return { nodes, edges };
}

import { effectiveSourceHandle, type Graph, nodeTypeDefinition } from '@connectors/engine';
import type { CanvasEdge, CanvasNode } from './canvas-types';

/**
 * The canonical graph of what is on the canvas (pure): ids, types, positions (whole pixels) and data;
 * React Flow's selection and measurements are dropped. An edge leaving through its source's default
 * handle is written without `sourceHandle`, as a hand-written graph would be; a condition's edges always
 * name theirs.
 */
export function canvasToGraph(nodes: readonly CanvasNode[], edges: readonly CanvasEdge[]): Graph {
  const types = new Map(nodes.map((node) => [node.id, node.type as string]));
  return {
    version: 1,
    nodes: nodes.map(
      (node) =>
        ({
          id: node.id,
          type: node.type,
          position: { x: Math.round(node.position.x), y: Math.round(node.position.y) },
          data: node.data,
        }) as Graph['nodes'][number],
    ),
    edges: edges.map((edge) => {
      const sourceType = types.get(edge.source) ?? 'http';
      const definition = nodeTypeDefinition(sourceType);
      const handle = edge.sourceHandle ?? null;
      const isDefault =
        !definition?.requiresSourceHandle &&
        handle !== null &&
        handle === effectiveSourceHandle(sourceType, null);
      return {
        id: edge.id,
        source: edge.source,
        target: edge.target,
        ...(handle && !isDefault ? { sourceHandle: handle } : {}),
        ...(edge.targetHandle ? { targetHandle: edge.targetHandle } : {}),
        data: { mapping: { ...(edge.data?.mapping ?? {}) } },
      };
    }),
  };
}

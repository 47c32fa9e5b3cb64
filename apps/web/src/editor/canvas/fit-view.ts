import { getNodesBounds, getViewportForBounds, type ReactFlowInstance } from '@xyflow/react';
import type { CanvasEdge, CanvasNode } from '../graph/canvas-types';

/**
 * Fits the whole graph in view, at once. React Flow's own `fitView` waits until every node has been
 * measured, which never happens in a large graph drawn only where it is seen; bounds computed from the
 * nodes' sizes (measured, or hinted) do not wait.
 */
export function fitWholeGraph(
  instance: ReactFlowInstance<CanvasNode, CanvasEdge> | null,
  container: Element | null,
  duration = 200,
): void {
  if (!instance || !container) return;
  const nodes = instance.getNodes();
  if (nodes.length === 0) return;
  const { width, height } = container.getBoundingClientRect();
  const viewport = getViewportForBounds(getNodesBounds(nodes), width, height, 0.05, 1.1, 0.2);
  void instance.setViewport(viewport, { duration });
}

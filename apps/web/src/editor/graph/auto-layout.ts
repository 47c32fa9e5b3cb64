import dagre from '@dagrejs/dagre';
import type { CanvasEdge, CanvasNode } from './canvas-types';

export const DEFAULT_NODE_SIZE = { width: 236, height: 130 } as const;

/**
 * Room between two ranks: an edge's label sits halfway along it and is at most 132 px wide
 * (`.cn-edge-label` in editor.css), so it fits between the nodes instead of under them.
 */
const RANK_GAP = 140;

/**
 * Lays the graph out left to right with dagre (ranks follow the edges, so data flows rightwards).
 * Returns new positions by node id; nodes keep their measured sizes.
 */
export function autoLayout(
  nodes: readonly CanvasNode[],
  edges: readonly CanvasEdge[],
  options: { rankdir?: 'LR' | 'TB'; nodesep?: number; ranksep?: number } = {},
): Map<string, { x: number; y: number }> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({
    rankdir: options.rankdir ?? 'LR',
    nodesep: options.nodesep ?? 40,
    ranksep: options.ranksep ?? RANK_GAP,
  });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) {
    g.setNode(node.id, {
      width: node.measured?.width ?? DEFAULT_NODE_SIZE.width,
      height: node.measured?.height ?? DEFAULT_NODE_SIZE.height,
    });
  }
  for (const edge of edges) {
    if (g.hasNode(edge.source) && g.hasNode(edge.target)) g.setEdge(edge.source, edge.target);
  }
  dagre.layout(g);
  const positions = new Map<string, { x: number; y: number }>();
  for (const node of nodes) {
    const laid = g.node(node.id);
    if (!laid) continue;
    // dagre gives centres; React Flow positions are top-left corners.
    positions.set(node.id, {
      x: Math.round(laid.x - laid.width / 2),
      y: Math.round(laid.y - laid.height / 2),
    });
  }
  return positions;
}

/**
 * Whether nodes sit on top of each other at the canvas's node size: graphs written by hand or by the
 * seed conversion are often stacked 150 px apart, which our left-to-right cards would overlap.
 */
export function nodesOverlap(nodes: readonly CanvasNode[], size = { width: 236, height: 180 }): boolean {
  const sorted = [...nodes].sort((a, b) => a.position.x - b.position.x);
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i] as CanvasNode;
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j] as CanvasNode;
      if (b.position.x - a.position.x >= size.width) break;
      if (Math.abs(b.position.y - a.position.y) < size.height) return true;
    }
  }
  return false;
}

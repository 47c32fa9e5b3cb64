import { type NodeHandle, Position } from '@xyflow/react';
import type { CanvasNode } from './canvas-types';

/** Above this many nodes the canvas draws only what is in view (docs/benchmarks.md). */
export const LARGE_GRAPH = 150;

const WIDTH = 236;
const HEIGHT = 150;
const HANDLE = 11;

const PORTS: Record<CanvasNode['type'], string[]> = {
  http: ['success', 'error'],
  condition: ['true', 'false'],
  transform: ['success'],
  output: [],
  trigger: ['success'],
  connector: ['success', 'error'],
  update_contact: ['success'],
  delay: ['success'],
};

/**
 * React Flow draws every node once to measure it, even when it draws only what is in view. For a large
 * graph that first pass is the slowest part of opening it, so nodes get their approximate size and
 * handles up front (React Flow's server-side-rendering hints); each node is measured for real the first
 * time it scrolls into view. The hints are canvas state only: `canvasToGraph` never saves them.
 */
export function withSizeHints(node: CanvasNode): CanvasNode {
  const ports = PORTS[node.type] ?? [];
  const handles: NodeHandle[] = [
    { type: 'target', position: Position.Left, x: -6, y: 14, width: HANDLE, height: HANDLE },
    ...ports.map((id, i) => ({
      id,
      type: 'source' as const,
      position: Position.Right,
      x: WIDTH - 6,
      y: HEIGHT - 8 - (ports.length - i) * 18,
      width: HANDLE,
      height: HANDLE,
    })),
  ];
  return { ...node, initialWidth: WIDTH, initialHeight: HEIGHT, handles } as CanvasNode;
}

import { useCallback } from 'react';
import type { CanvasNode } from '../editor/graph/canvas-types';
import { useEditorStore } from '../editor/store/editor-store';

/** What each node status paints on a run's minimap (a node that has not run yet stays neutral). */
const NEUTRAL = 'var(--border-strong)';
const STATUS_COLORS: Record<string, string> = {
  success: 'var(--success)',
  failed: 'var(--danger)',
  skipped: 'var(--text-faint)',
  running: 'var(--info)',
  pending: NEUTRAL,
};

/** A minimap colour for a node status; an unknown status gets the neutral colour. */
export function runStatusColor(status: string | undefined): string {
  return (status && STATUS_COLORS[status]) || NEUTRAL;
}

/**
 * The minimap colour of each node of a run canvas: its status in the run (from the store's
 * `stepsById`), so a large run's failures can be found from the overview. A new function whenever the
 * steps change, which makes the minimap repaint while a live run goes on.
 */
export function useRunMinimapColor(): (node: CanvasNode) => string {
  const steps = useEditorStore((s) => s.stepsById);
  return useCallback((node: CanvasNode) => runStatusColor(steps.get(node.id)?.status), [steps]);
}

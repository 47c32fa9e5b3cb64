import { useShallow } from 'zustand/react/shallow';
import { useEditorStore } from '../store/editor-store';

/**
 * The ids of the selected nodes and edges, for the inspectors (connector and flow) to pick their panel.
 * Read as joined strings so that the panel renders again only when the selection changes, not on
 * every drag.
 */
export function useSelection(): { nodes: string[]; edges: string[] } {
  const { nodeIds, edgeIds } = useEditorStore(
    useShallow((s) => ({
      nodeIds: s.nodes
        .filter((n) => n.selected)
        .map((n) => n.id)
        .join(','),
      edgeIds: s.edges
        .filter((e) => e.selected)
        .map((e) => e.id)
        .join(','),
    })),
  );
  return { nodes: nodeIds ? nodeIds.split(',') : [], edges: edgeIds ? edgeIds.split(',') : [] };
}

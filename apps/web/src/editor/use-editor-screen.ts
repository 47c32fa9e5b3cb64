import type { ReactFlowInstance } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { fitWholeGraph } from './canvas/fit-view';
import { useEditorShortcuts } from './canvas/use-editor-shortcuts';
import type { CanvasEdge, CanvasNode } from './graph/canvas-types';
import { useEditorStore, useEditorStoreApi } from './store/editor-store';

/**
 * What the connector editor and the Flow Builder screens share around their canvas: the React Flow
 * instance (`setInstance` from the canvas's `onInit`, `instance()` to read it), fit-to-view, bringing one node into view, the keyboard
 * shortcuts, and a warning before leaving the page with unsaved changes.
 */
export function useEditorScreen({
  save,
  nodeWidth,
}: {
  /** Ctrl/Cmd+S. */
  save: () => unknown;
  /** The width to centre a node by before React Flow has measured it. */
  nodeWidth: number;
}) {
  const store = useEditorStoreApi();
  const flow = useRef<ReactFlowInstance<CanvasNode, CanvasEdge> | null>(null);
  const dirty = useEditorStore((s) => s.dirty);

  const fitView = useCallback(() => fitWholeGraph(flow.current, document.querySelector('.canvas')), []);
  const handlers = useMemo(() => ({ save: () => void save(), fitView }), [save, fitView]);
  useEditorShortcuts(store, handlers);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  /** Selects the node and centres the view on it (from the problems list, a run, `?node=`). */
  const focusNode = useCallback(
    (id: string) => {
      const node = store.getState().nodes.find((n) => n.id === id);
      if (!node) return;
      store.getState().selectOnly({ nodes: [id] });
      void flow.current?.setCenter(
        node.position.x + (node.measured?.width ?? nodeWidth) / 2,
        node.position.y + (node.measured?.height ?? 100) / 2,
        { zoom: 1, duration: 250 },
      );
    },
    [store, nodeWidth],
  );

  const instance = useCallback(() => flow.current, []);
  const setInstance = useCallback((next: ReactFlowInstance<CanvasNode, CanvasEdge>) => {
    flow.current = next;
  }, []);

  return { instance, setInstance, fitView, focusNode };
}

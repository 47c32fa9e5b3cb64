import { useCallback } from 'react';
import { isApiError } from '../../api/api-client';
import { type Flow, flowsApi } from '../../api/flows.api';
import { canvasToGraph } from '../../editor/graph/canvas-to-graph';
import type { EditorStore } from '../../editor/store/editor-store';
import { useVersionedSave } from '../../editor/use-save';

/** The flow as a PUT body: the canonical graph of the canvas, its name, description and switch. */
export function flowPayload(store: EditorStore) {
  const { nodes, edges, meta, version } = store.getState();
  return {
    name: meta.name.trim() || 'Untitled flow',
    description: meta.description || null,
    enabled: meta.enabled,
    config: canvasToGraph(nodes, edges),
    version,
  };
}

/**
 * Saves the flow (a draft with problems saves; it just cannot run). A 409 means someone saved in between:
 * the builder offers to reload theirs or overwrite it, as the connector editor does.
 */
export function useFlowSave(store: EditorStore, onSaved?: (flow: Flow) => void) {
  const write = useCallback(
    async (overwrite: boolean) => {
      const id = store.getState().connectorId;
      const body = flowPayload(store);
      if (overwrite) body.version = (await flowsApi.get(id)).version;
      return flowsApi.update(id, body);
    },
    [store],
  );
  return useVersionedSave<Flow>(store, write, isConflict, onSaved);
}

/** A flow save takes any 409 as someone else's save in between, `stale_version` or not. */
const isConflict = (error: unknown) =>
  isApiError(error, 'stale_version') || (isApiError(error) && error.status === 409);

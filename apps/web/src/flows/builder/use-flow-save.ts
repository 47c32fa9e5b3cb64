import { useCallback, useState } from 'react';
import { isApiError } from '../../api/api-client';
import { type Flow, flowsApi } from '../../api/flows.api';
import { canvasToGraph } from '../../editor/graph/canvas-to-graph';
import type { EditorStore } from '../../editor/store/editor-store';
import type { SaveState } from '../../editor/use-save';
import { errorMessage } from '../../ui/format';
import { useToast } from '../../ui/toast';

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
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const toast = useToast();

  const save = useCallback(
    async (options: { overwrite?: boolean; quiet?: boolean } = {}): Promise<Flow | null> => {
      const id = store.getState().connectorId;
      setState({ kind: 'saving' });
      const sentRevision = store.getState().revision;
      try {
        const body = flowPayload(store);
        if (options.overwrite) body.version = (await flowsApi.get(id)).version;
        const saved = await flowsApi.update(id, body);
        store.setState((s) => ({ version: saved.version, dirty: s.revision !== sentRevision }));
        setState({ kind: 'idle' });
        onSaved?.(saved);
        if (!options.quiet) toast.show('Saved', 'success');
        return saved;
      } catch (error) {
        if (isApiError(error, 'stale_version') || (isApiError(error) && error.status === 409)) {
          const details = error.details as { current_version?: number } | undefined;
          setState({ kind: 'conflict', current: details?.current_version ?? 0 });
        } else {
          setState({ kind: 'error', message: errorMessage(error) });
          toast.show(`Not saved: ${errorMessage(error)}`, 'error');
        }
        return null;
      }
    },
    [store, toast, onSaved],
  );

  return { save, saveState: state, clearSaveState: () => setState({ kind: 'idle' }) };
}

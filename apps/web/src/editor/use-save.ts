import { useCallback, useState } from 'react';
import { isApiError } from '../api/api-client';
import { type Connector, connectorsApi } from '../api/connectors.api';
import { errorMessage } from '../ui/format';
import { useToast } from '../ui/toast';
import { canvasToGraph } from './graph/canvas-to-graph';
import type { EditorStore } from './store/editor-store';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'conflict'; current: number }
  | { kind: 'error'; message: string };

/** The connector as a PUT body: the canonical graph of the canvas plus the settings. */
export function connectorPayload(store: EditorStore) {
  const { nodes, edges, meta, version } = store.getState();
  return {
    name: meta.name.trim() || 'Untitled connector',
    description: meta.description || null,
    icon: meta.icon || null,
    category: meta.category || null,
    enabled: meta.enabled,
    config: canvasToGraph(nodes, edges),
    input_schema: meta.input_schema,
    timeout_ms: meta.timeout_ms,
    max_retries: meta.max_retries,
    continue_on_error: meta.continue_on_error,
    version,
  };
}

/**
 * Saves the draft (problems allowed: a draft saves, it just cannot run). A 409 means someone saved in
 * between: the editor offers to reload theirs or overwrite it with this one.
 */
export function useSave(store: EditorStore) {
  const write = useCallback(
    async (overwrite: boolean) => {
      const id = store.getState().connectorId;
      const body = connectorPayload(store);
      if (overwrite) body.version = (await connectorsApi.get(id)).version;
      return connectorsApi.update(id, body);
    },
    [store],
  );
  return useVersionedSave<Connector>(store, write, isStale);
}

const isStale = (error: unknown) => isApiError(error, 'stale_version');

/**
 * The save both canvases share (connector editor, Flow Builder): `write` sends the canvas, at the
 * version it was read at or, to overwrite, at the current one; a conflict (`isConflict`) is offered to
 * the user to resolve, any other failure is shown. Edits made while the request was in flight stay
 * unsaved. Pass `write` and `onSaved` through `useCallback`.
 */
export function useVersionedSave<T extends { version: number }>(
  store: EditorStore,
  write: (overwrite: boolean) => Promise<T>,
  isConflict: (error: unknown) => boolean,
  onSaved?: (saved: T) => void,
) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const toast = useToast();

  const save = useCallback(
    async (options: { overwrite?: boolean; quiet?: boolean } = {}): Promise<T | null> => {
      setState({ kind: 'saving' });
      const sentRevision = store.getState().revision;
      try {
        const saved = await write(options.overwrite ?? false);
        store.setState((s) => ({ version: saved.version, dirty: s.revision !== sentRevision }));
        setState({ kind: 'idle' });
        onSaved?.(saved);
        if (!options.quiet) toast.show('Saved', 'success');
        return saved;
      } catch (error) {
        if (isConflict(error) && isApiError(error)) {
          const current = (error.details as { current_version?: number } | undefined)?.current_version ?? 0;
          setState({ kind: 'conflict', current });
        } else {
          setState({ kind: 'error', message: errorMessage(error) });
          toast.show(`Not saved: ${errorMessage(error)}`, 'error');
        }
        return null;
      }
    },
    [store, write, isConflict, onSaved, toast],
  );

  return { save, saveState: state, clearSaveState: () => setState({ kind: 'idle' }) };
}

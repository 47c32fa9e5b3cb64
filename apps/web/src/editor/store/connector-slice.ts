import type { StateCreator } from 'zustand';
import { commit } from './commit';
import type { ConnectorMeta, ConnectorSlice, EditorState } from './editor-state';

export const DEFAULT_META: ConnectorMeta = {
  name: 'Untitled connector',
  description: '',
  icon: '🔌',
  category: 'enrichment',
  enabled: true,
  input_schema: { fields: [] },
  timeout_ms: 30_000,
  max_retries: 3,
  continue_on_error: false,
};

/** The connector's id, version, settings and whether the editor holds unsaved changes. */
export const createConnectorSlice: StateCreator<EditorState, [], [], ConnectorSlice> = (set, get) => ({
  kind: 'connector',
  connectorId: '',
  version: 0,
  meta: DEFAULT_META,
  dirty: false,
  revision: 0,
  updateMeta: (patch, options) => {
    commit(set, get, (state) => ({ meta: { ...state.meta, ...patch } }), options);
  },
  markSaved: (version) => set({ version, dirty: false }),
});

import type { Graph, GraphKind } from '@connectors/engine';
import { createContext, type ReactNode, useContext, useState } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Execution } from '../../api/executions.api';
import { autoLayout, nodesOverlap } from '../graph/auto-layout';
import { graphToCanvas } from '../graph/graph-to-canvas';
import { LARGE_GRAPH, withSizeHints } from '../graph/size-hints';
import { createClipboardSlice } from './clipboard-slice';
import { createConnectorSlice, DEFAULT_META } from './connector-slice';
import type { ConnectorMeta, EditorState } from './editor-state';
import { createGraphSlice } from './graph-slice';
import { createHistorySlice } from './history-slice';
import { createRunSlice } from './run-slice';
import { createValidationSlice } from './validation-slice';

export interface EditorInit {
  /** A connector (default) or a flow (the Flow Builder reuses this store with its own node types). */
  kind?: GraphKind;
  connectorId?: string;
  version?: number;
  graph?: Graph;
  meta?: Partial<ConnectorMeta>;
  lastRun?: Execution | null;
  /** Lay the graph out on open when its nodes would overlap (hand-written or converted graphs). */
  layoutIfOverlapping?: boolean;
  /** Validate after the canvas is drawn (large graphs open faster); the caller runs `revalidate()`. */
  deferValidation?: boolean;
}

export type EditorStore = StoreApi<EditorState>;

/**
 * One editor store, built from slices. A factory (not a module singleton) so each open connector, and
 * each test, gets its own state.
 */
export function createEditorStore(init: EditorInit = {}): EditorStore {
  const store = createStore<EditorState>()((...a) => ({
    ...createGraphSlice(...a),
    ...createHistorySlice(...a),
    ...createClipboardSlice(...a),
    ...createConnectorSlice(...a),
    ...createValidationSlice(...a),
    ...createRunSlice(...a),
  }));
  let { nodes, edges } = init.graph ? graphToCanvas(init.graph) : { nodes: [], edges: [] };
  if (init.layoutIfOverlapping && nodesOverlap(nodes)) {
    const positions = autoLayout(nodes, edges);
    nodes = nodes.map((n) => ({ ...n, position: positions.get(n.id) ?? n.position }));
  }
  if (nodes.length > LARGE_GRAPH) nodes = nodes.map(withSizeHints);
  store.setState({
    nodes,
    edges,
    kind: init.kind ?? 'connector',
    connectorId: init.connectorId ?? '',
    version: init.version ?? 0,
    meta: { ...DEFAULT_META, ...init.meta },
  });
  store.getState().setRun(init.lastRun ?? null);
  if (!init.deferValidation) store.getState().revalidate();
  return store;
}

const EditorStoreContext = createContext<EditorStore | null>(null);

/** Provides a store: the given one (tests), or one created once from `init`. */
export function EditorStoreProvider({
  store,
  init,
  children,
}: {
  store?: EditorStore;
  init?: EditorInit;
  children: ReactNode;
}) {
  const [created] = useState(() => store ?? createEditorStore(init));
  return <EditorStoreContext.Provider value={created}>{children}</EditorStoreContext.Provider>;
}

export function useEditorStoreApi(): EditorStore {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error('useEditorStore must be used inside <EditorStoreProvider>');
  return store;
}

/** Selects from the editor store. Select the least you need; use `useShallow` for several fields. */
export function useEditorStore<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorStoreApi(), selector);
}

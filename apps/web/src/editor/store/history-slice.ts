import type { StateCreator } from 'zustand';
import type { EditorState, HistoryEntry, HistorySlice } from './editor-state';

const LIMIT = 100;
const COALESCE_MS = 1000;

function entryOf(state: EditorState): HistoryEntry {
  return { nodes: state.nodes, edges: state.edges, meta: state.meta };
}

/** Restores an entry, keeping what React Flow measured so nodes do not flash unmeasured. */
function restore(state: EditorState, entry: HistoryEntry): Partial<EditorState> {
  const measured = new Map(state.nodes.map((n) => [n.id, n.measured]));
  return {
    nodes: entry.nodes.map((n) =>
      measured.get(n.id) && !n.measured ? { ...n, measured: measured.get(n.id) } : n,
    ),
    edges: entry.edges,
    meta: entry.meta,
    dirty: true,
    revision: state.revision + 1,
    lastCoalesce: null,
  };
}

/** Undo/redo over whole snapshots (immutable updates make them cheap: unchanged nodes are shared). */
export const createHistorySlice: StateCreator<EditorState, [], [], HistorySlice> = (set, get) => ({
  past: [],
  future: [],
  lastCoalesce: null,
  snapshot: (options = {}) => {
    const state = get();
    const now = Date.now();
    if (
      options.coalesce &&
      state.lastCoalesce?.key === options.coalesce &&
      now - state.lastCoalesce.at < COALESCE_MS
    ) {
      set({ lastCoalesce: { key: options.coalesce, at: now }, future: [] });
      return;
    }
    set({
      past: [...state.past.slice(-(LIMIT - 1)), entryOf(state)],
      future: [],
      lastCoalesce: options.coalesce ? { key: options.coalesce, at: now } : null,
    });
  },
  undo: () => {
    const state = get();
    const previous = state.past[state.past.length - 1];
    if (!previous) return;
    set({
      ...restore(state, previous),
      past: state.past.slice(0, -1),
      future: [entryOf(state), ...state.future],
    });
    get().revalidate();
  },
  redo: () => {
    const state = get();
    const next = state.future[0];
    if (!next) return;
    set({ ...restore(state, next), past: [...state.past, entryOf(state)], future: state.future.slice(1) });
    get().revalidate();
  },
});

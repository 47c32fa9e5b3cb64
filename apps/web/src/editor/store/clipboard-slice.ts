import type { StateCreator } from 'zustand';
import type { CanvasEdge, CanvasNode } from '../graph/canvas-types';
import { nextEdgeId, nextNodeId } from '../graph/node-defaults';
import { renameInData } from '../graph/rename-references';
import { commit } from './commit';
import type { ClipboardSlice, EditorState } from './editor-state';
import { JSONATA_KEYS } from './graph-slice';

const OFFSET = 40;

/** Copies hold the selected nodes and the edges between them; pasting gives fresh ids and renames references. */
export const createClipboardSlice: StateCreator<EditorState, [], [], ClipboardSlice> = (set, get) => ({
  clipboard: null,

  copySelection: () => {
    const { nodes, edges } = get();
    const picked = nodes.filter((n) => n.selected);
    if (picked.length === 0) return 0;
    const ids = new Set(picked.map((n) => n.id));
    set({
      clipboard: {
        nodes: picked.map((n) => ({ ...n, selected: false })),
        edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target)),
      },
    });
    return picked.length;
  },

  paste: (at) => {
    const clipboard = get().clipboard;
    if (!clipboard || clipboard.nodes.length === 0) return [];
    const state = get();
    const taken = new Set(state.nodes.map((n) => n.id));
    const rename = new Map<string, string>();
    const pasted: CanvasNode[] = [];
    // Only one output node is allowed: a copied one is left out when the canvas has one.
    const hasOutput = state.nodes.some((n) => n.type === 'output');
    const source = clipboard.nodes.filter((n) => !(n.type === 'output' && hasOutput));
    for (const node of source) {
      const id = nextNodeId(node.type, taken);
      taken.add(id);
      rename.set(node.id, id);
    }
    const minX = Math.min(...source.map((n) => n.position.x));
    const minY = Math.min(...source.map((n) => n.position.y));
    for (const node of source) {
      const position = at
        ? { x: at.x + node.position.x - minX, y: at.y + node.position.y - minY }
        : { x: node.position.x + OFFSET, y: node.position.y + OFFSET };
      pasted.push({
        ...node,
        id: rename.get(node.id) as string,
        position,
        selected: true,
        data: renameInData(node.data, rename, JSONATA_KEYS),
      } as CanvasNode);
    }
    const edgeIds = state.edges.map((e) => e.id);
    const pastedEdges: CanvasEdge[] = [];
    for (const edge of clipboard.edges) {
      const s = rename.get(edge.source);
      const t = rename.get(edge.target);
      if (!s || !t) continue;
      const id = nextEdgeId(edgeIds);
      edgeIds.push(id);
      pastedEdges.push({
        ...edge,
        id,
        source: s,
        target: t,
        selected: false,
        data: { mapping: { ...(edge.data?.mapping ?? {}) } },
      });
    }
    commit(set, get, (s) => ({
      nodes: [...s.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), ...pasted],
      edges: [...s.edges.map((e) => (e.selected ? { ...e, selected: false } : e)), ...pastedEdges],
      // The next paste lands a step further, like a stack of cards.
      clipboard: {
        nodes: source.map((n) => ({
          ...n,
          position: { x: n.position.x + OFFSET, y: n.position.y + OFFSET },
        })),
        edges: clipboard.edges,
      },
    }));
    return pasted.map((n) => n.id);
  },

  duplicateSelection: () => {
    const saved = get().clipboard;
    if (get().copySelection() === 0) return [];
    const ids = get().paste();
    set({ clipboard: saved });
    return ids;
  },
});

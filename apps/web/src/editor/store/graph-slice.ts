import { NODE_TYPES } from '@connectors/engine';
import { addEdge, applyEdgeChanges, applyNodeChanges, type Connection } from '@xyflow/react';
import type { StateCreator } from 'zustand';
import { autoLayout } from '../graph/auto-layout';
import type { CanvasEdge, CanvasNode } from '../graph/canvas-types';
import { createCanvasNode, nextEdgeId, nextNodeId } from '../graph/node-defaults';
import { renameInData } from '../graph/rename-references';
import { commit } from './commit';
import type { EditorState, GraphSlice } from './editor-state';

/** Data keys that hold JSONata on their own (not `{{ }}` templates). */
export const JSONATA_KEYS: ReadonlySet<string> = new Set(['expression']);

/** Changes that only move, measure or select: no undo step, no revalidation. */
const PASSIVE_CHANGES = new Set(['position', 'dimensions', 'select']);

function defaultHandle(sourceType: string | undefined): string | null {
  const definition = sourceType ? NODE_TYPES[sourceType as keyof typeof NODE_TYPES] : undefined;
  return definition ? (definition.sourceHandles[0] ?? null) : null;
}

/** The graph on the canvas and every change to it, through React Flow's helpers. */
export const createGraphSlice: StateCreator<EditorState, [], [], GraphSlice> = (set, get) => ({
  nodes: [],
  edges: [],

  onNodesChange: (changes) => {
    const content = changes.some((c) => !PASSIVE_CHANGES.has(c.type));
    if (!content) {
      const moved = changes.some((c) => c.type === 'position' && c.position);
      set((state) => ({ nodes: applyNodeChanges(changes, state.nodes), ...(moved ? { dirty: true } : {}) }));
      return;
    }
    commit(set, get, (state) => {
      const removed = new Set(changes.flatMap((c) => (c.type === 'remove' ? [c.id] : [])));
      return {
        nodes: applyNodeChanges(changes, state.nodes),
        edges: removed.size
          ? state.edges.filter((e) => !removed.has(e.source) && !removed.has(e.target))
          : state.edges,
      };
    });
  },

  onEdgesChange: (changes) => {
    const content = changes.some((c) => c.type !== 'select');
    if (!content) {
      set((state) => ({ edges: applyEdgeChanges(changes, state.edges) }));
      return;
    }
    commit(set, get, (state) => ({ edges: applyEdgeChanges(changes, state.edges) }));
  },

  onConnect: (connection: Connection) => {
    const { nodes, edges } = get();
    if (connection.source === connection.target) return;
    const sourceType = nodes.find((n) => n.id === connection.source)?.type;
    const sourceHandle = connection.sourceHandle ?? defaultHandle(sourceType);
    const duplicate = edges.some(
      (e) =>
        e.source === connection.source &&
        e.target === connection.target &&
        (e.sourceHandle ?? null) === sourceHandle,
    );
    if (duplicate) return;
    const edge: CanvasEdge = {
      id: nextEdgeId(edges.map((e) => e.id)),
      type: 'data',
      source: connection.source,
      target: connection.target,
      sourceHandle,
      targetHandle: connection.targetHandle ?? null,
      data: { mapping: {} },
    };
    commit(set, get, (state) => ({ edges: addEdge(edge, state.edges) }));
  },

  connectNodes: (source, target, sourceHandle) => {
    const { nodes, edges } = get();
    if (!nodes.some((n) => n.id === source) || !nodes.some((n) => n.id === target) || source === target)
      return null;
    const existing = edges.find((e) => e.source === source && e.target === target);
    if (existing) {
      get().selectOnly({ edges: [existing.id] });
      return existing.id;
    }
    const id = nextEdgeId(edges.map((e) => e.id));
    const handle = sourceHandle ?? defaultHandle(nodes.find((n) => n.id === source)?.type);
    const edge: CanvasEdge = {
      id,
      type: 'data',
      source,
      target,
      sourceHandle: handle,
      data: { mapping: {} },
      selected: true,
    };
    commit(set, get, (state) => ({
      nodes: state.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)),
      edges: [...state.edges.map((e) => (e.selected ? { ...e, selected: false } : e)), edge],
    }));
    return id;
  },

  addNode: (type, position) => {
    const id = nextNodeId(
      type,
      get().nodes.map((n) => n.id),
    );
    const node = { ...createCanvasNode(type, id, position), selected: true } as CanvasNode;
    commit(set, get, (state) => ({
      nodes: [...state.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), node],
      edges: state.edges.map((e) => (e.selected ? { ...e, selected: false } : e)),
    }));
    return id;
  },

  insertNode: (node) => {
    const id = nextNodeId(
      node.type,
      get().nodes.map((n) => n.id),
    );
    commit(set, get, (state) => ({
      nodes: [
        ...state.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)),
        { ...node, id, selected: true } as CanvasNode,
      ],
    }));
    return id;
  },

  updateNodeData: (id, patch, options) => {
    commit(
      set,
      get,
      (state) => ({
        nodes: state.nodes.map((n) =>
          n.id === id ? ({ ...n, data: { ...n.data, ...patch } } as CanvasNode) : n,
        ),
      }),
      options,
    );
  },

  renameNode: (id, next) => {
    if (id === next || get().nodes.some((n) => n.id === next)) return;
    const rename = new Map([[id, next]]);
    commit(set, get, (state) => ({
      nodes: state.nodes.map((n) => {
        const data = renameInData(n.data, rename, JSONATA_KEYS);
        return (n.id === id ? { ...n, id: next, data } : { ...n, data }) as CanvasNode;
      }),
      edges: state.edges.map((e) => ({
        ...e,
        source: e.source === id ? next : e.source,
        target: e.target === id ? next : e.target,
        data: {
          mapping: Object.fromEntries(
            Object.entries(e.data?.mapping ?? {}).map(([k, v]) => [
              k,
              renameInData(v, rename, JSONATA_KEYS, 'expression'),
            ]),
          ),
        },
      })),
    }));
  },

  updateEdgeMapping: (id, mapping, options) => {
    commit(
      set,
      get,
      (state) => ({ edges: state.edges.map((e) => (e.id === id ? { ...e, data: { mapping } } : e)) }),
      options,
    );
  },

  deleteElements: (nodeIds, edgeIds) => {
    if (nodeIds.length === 0 && edgeIds.length === 0) return;
    const nodes = new Set(nodeIds);
    const edges = new Set(edgeIds);
    commit(set, get, (state) => ({
      nodes: state.nodes.filter((n) => !nodes.has(n.id)),
      edges: state.edges.filter((e) => !edges.has(e.id) && !nodes.has(e.source) && !nodes.has(e.target)),
    }));
  },

  deleteSelection: () => {
    const { nodes, edges } = get();
    get().deleteElements(
      nodes.filter((n) => n.selected).map((n) => n.id),
      edges.filter((e) => e.selected).map((e) => e.id),
    );
  },

  selectOnly: ({ nodes = [], edges = [] }) => {
    const n = new Set(nodes);
    const e = new Set(edges);
    set((state) => ({
      nodes: state.nodes.map((node) =>
        Boolean(node.selected) === n.has(node.id) ? node : { ...node, selected: n.has(node.id) },
      ),
      edges: state.edges.map((edge) =>
        Boolean(edge.selected) === e.has(edge.id) ? edge : { ...edge, selected: e.has(edge.id) },
      ),
    }));
  },

  selectAll: () => {
    set((state) => ({
      nodes: state.nodes.map((n) => (n.selected ? n : { ...n, selected: true })),
      edges: state.edges.map((e) => (e.selected ? e : { ...e, selected: true })),
    }));
  },

  layout: () => {
    const { nodes, edges } = get();
    if (nodes.length === 0) return;
    const positions = autoLayout(nodes, edges);
    commit(set, get, (state) => ({
      nodes: state.nodes.map((n) => {
        const position = positions.get(n.id);
        return position ? { ...n, position } : n;
      }),
    }));
  },

  beginDrag: () => {
    get().snapshot();
  },
});

import type { GraphKind, GraphProblem, InputSchema } from '@connectors/engine';
import type { Connection, EdgeChange, NodeChange, XYPosition } from '@xyflow/react';
import type { Execution, StepExecuted } from '../../api/executions.api';
import type { CanvasEdge, CanvasNode, CanvasNodeType } from '../graph/canvas-types';
import type { EdgeMapping } from '../graph/engine-types';

/** The connector's own fields edited beside the graph (the settings panel). */
export interface ConnectorMeta {
  name: string;
  description: string;
  icon: string;
  category: string;
  enabled: boolean;
  input_schema: InputSchema;
  timeout_ms: number;
  max_retries: number;
  continue_on_error: boolean;
}

/** How a content change enters the undo history. */
export interface CommitOptions {
  /** Consecutive changes with the same key within a second are one undo step (typing in a field). */
  coalesce?: string;
}

export interface GraphSlice {
  nodes: CanvasNode[];
  edges: CanvasEdge[];
  onNodesChange: (changes: NodeChange<CanvasNode>[]) => void;
  onEdgesChange: (changes: EdgeChange<CanvasEdge>[]) => void;
  /** Draws an edge from a handle to a node (React Flow's `onConnect`); refuses duplicates and self-loops. */
  onConnect: (connection: Connection) => void;
  /** The one-click fix of a missing edge; selects the new edge. Returns its id (or the existing one's). */
  connectNodes: (source: string, target: string, sourceHandle?: string) => string | null;
  addNode: (type: CanvasNodeType, position: XYPosition) => string;
  /** Adds a ready-made node (cURL import) under a fresh id; returns it. */
  insertNode: (node: CanvasNode) => string;
  updateNodeData: (id: string, patch: Record<string, unknown>, options?: CommitOptions) => void;
  /** Renames a node and every reference to it (templates, expressions, edges). */
  renameNode: (id: string, next: string) => void;
  updateEdgeMapping: (id: string, mapping: EdgeMapping, options?: CommitOptions) => void;
  deleteSelection: () => void;
  deleteElements: (nodeIds: string[], edgeIds: string[]) => void;
  selectOnly: (ids: { nodes?: string[]; edges?: string[] }) => void;
  selectAll: () => void;
  layout: () => void;
  /** Called when a drag starts, so the whole drag is one undo step. */
  beginDrag: () => void;
}

export interface HistoryEntry {
  nodes: CanvasNode[];
  edges: CanvasEdge[];
  meta: ConnectorMeta;
}

export interface HistorySlice {
  past: HistoryEntry[];
  future: HistoryEntry[];
  lastCoalesce: { key: string; at: number } | null;
  /** Records the current state as an undo step before a change. */
  snapshot: (options?: CommitOptions) => void;
  undo: () => void;
  redo: () => void;
}

export interface ClipboardSlice {
  clipboard: { nodes: CanvasNode[]; edges: CanvasEdge[] } | null;
  copySelection: () => number;
  /** Pastes the clipboard with fresh ids, references between the copies renamed; returns the new ids. */
  paste: (at?: XYPosition) => string[];
  duplicateSelection: () => string[];
}

export interface ConnectorSlice {
  /** Which canvas this is (a connector or a flow): decides the node types validation allows. */
  kind: GraphKind;
  connectorId: string;
  version: number;
  meta: ConnectorMeta;
  /** True when something changed since the last save. */
  dirty: boolean;
  /** Bumped on every content change (not on moves or selection), for derived data. */
  revision: number;
  updateMeta: (patch: Partial<ConnectorMeta>, options?: CommitOptions) => void;
  markSaved: (version: number) => void;
}

export interface ValidationSlice {
  problems: GraphProblem[];
  problemsByNode: ReadonlyMap<string, GraphProblem[]>;
  problemsByEdge: ReadonlyMap<string, GraphProblem[]>;
  errorCount: number;
  revalidate: () => void;
}

export interface RunSlice {
  lastRun: Execution | null;
  stepsById: ReadonlyMap<string, StepExecuted>;
  running: boolean;
  setRunning: (running: boolean) => void;
  setRun: (execution: Execution | null) => void;
}

export type EditorState = GraphSlice &
  HistorySlice &
  ClipboardSlice &
  ConnectorSlice &
  ValidationSlice &
  RunSlice;

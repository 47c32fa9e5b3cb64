import {
  Background,
  BackgroundVariant,
  Controls,
  MarkerType,
  MiniMap,
  type NodeTypes,
  ReactFlow,
  type ReactFlowInstance,
  type ReactFlowState,
  useStore as useFlowStore,
  useReactFlow,
} from '@xyflow/react';
import { useCallback, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { edgeTypes } from '../edges/edge-types';
import type { CanvasEdge, CanvasNode, CanvasNodeType } from '../graph/canvas-types';
import { isCanvasNodeType } from '../graph/canvas-types';
import { LARGE_GRAPH } from '../graph/size-hints';
import { nodeTypes } from '../nodes/node-types';
import { useEditorStore } from '../store/editor-store';
import { CanvasEmptyHint } from './canvas-empty-hint';
import { NODE_DRAG_TYPE } from './palette';

const SNAP: [number, number] = [16, 16];
const DEFAULT_EDGE_OPTIONS = {
  type: 'data',
  markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
};
/** `includeHiddenNodes` makes fit view count nodes not drawn yet (large graphs), by their size hints. */
export const FIT_OPTIONS = { padding: 0.2, maxZoom: 1.1, includeHiddenNodes: true };
const PRO_OPTIONS = { hideAttribution: true };
const DELETE_KEYS = null; // deletion goes through the store's deleteSelection (one undo step)

export interface EditorCanvasProps {
  colorMode: 'light' | 'dark';
  /** Read-only (a run view): no dragging, connecting or deleting. */
  readOnly?: boolean;
  onInit?: (instance: ReactFlowInstance<CanvasNode, CanvasEdge>) => void;
  /** The components drawing each node type (default: the connector's). */
  nodeTypes?: NodeTypes;
  /** What a screen reader calls the canvas (default "Connector canvas"). */
  ariaLabel?: string;
  /**
   * Handles a palette item dropped at a canvas position (default: add a node of the dragged type). Lets
   * a palette put more than a type in the drag payload (the Flow Builder's connector items).
   */
  onDropItem?: (event: React.DragEvent, position: { x: number; y: number }) => void;
  /** The minimap colour of a node (default: by node type). A run view colours by run status. */
  minimapNodeColor?: (node: CanvasNode) => string;
}

/** The dozen nodes nearest the top-left corner: where a large graph's reading starts. */
function startOf(nodes: readonly CanvasNode[]): { id: string }[] {
  return [...nodes]
    .sort((a, b) => a.position.x + a.position.y - (b.position.x + b.position.y))
    .slice(0, 12)
    .map((n) => ({ id: n.id }));
}

/** Zoomed out this far, text is unreadable: labels and details are not painted (docs/benchmarks.md). */
const FAR_ZOOM = 0.35;
const isFar = (s: ReactFlowState) => s.transform[2] < FAR_ZOOM;

function minimapColor(node: CanvasNode): string {
  switch (node.type) {
    case 'http':
      return 'var(--accent)';
    case 'condition':
      return 'var(--warning)';
    case 'transform':
      return 'var(--info)';
    case 'trigger':
    case 'connector':
      return 'var(--accent)';
    case 'delay':
      return 'var(--text-faint)';
    default:
      return 'var(--success)';
  }
}

/**
 * The canvas: nodes and edges from the store, changes back through React Flow's helpers; palette items
 * dropped on it become nodes; snap-to-grid, minimap and zoom controls.
 */
export function EditorCanvas({
  colorMode,
  readOnly,
  onInit,
  nodeTypes: nodeTypesProp = nodeTypes,
  ariaLabel = 'Connector canvas',
  onDropItem,
  minimapNodeColor = minimapColor,
}: EditorCanvasProps) {
  const { nodes, edges, onNodesChange, onEdgesChange, onConnect, addNode, beginDrag } = useEditorStore(
    useShallow((s) => ({
      nodes: s.nodes,
      edges: s.edges,
      onNodesChange: s.onNodesChange,
      onEdgesChange: s.onEdgesChange,
      onConnect: s.onConnect,
      addNode: s.addNode,
      beginDrag: s.beginDrag,
    })),
  );
  const flow = useReactFlow<CanvasNode, CanvasEdge>();
  const far = useFlowStore(isFar);
  // Fit an opened graph once; an empty canvas keeps zoom 1 so the first dropped node lands under the pointer.
  const [fitOnOpen] = useState(() => nodes.length > 0);
  // A large graph opens on its start, readable, and draws only what is in view (docs/benchmarks.md).
  const [large] = useState(() => nodes.length > LARGE_GRAPH);
  const [fitOptions] = useState(() =>
    large ? { ...FIT_OPTIONS, maxZoom: 1, nodes: startOf(nodes) } : FIT_OPTIONS,
  );

  const onDragOver = useCallback((event: React.DragEvent) => {
    if (!event.dataTransfer.types.includes(NODE_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
  }, []);

  const onDrop = useCallback(
    (event: React.DragEvent) => {
      const type = event.dataTransfer.getData(NODE_DRAG_TYPE);
      if (!isCanvasNodeType(type)) return;
      event.preventDefault();
      const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      // Drop under the pointer's centre, on the grid.
      const position = { x: Math.round((at.x - 130) / 16) * 16, y: Math.round((at.y - 40) / 16) * 16 };
      if (onDropItem) onDropItem(event, position);
      else addNode(type as CanvasNodeType, position);
    },
    [flow, addNode, onDropItem],
  );

  return (
    <div
      className={far ? 'canvas is-far' : 'canvas'}
      role="application"
      aria-label="Canvas: drop palette items here"
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      <ReactFlow<CanvasNode, CanvasEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypesProp}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={readOnly ? undefined : onConnect}
        onNodeDragStart={readOnly ? undefined : beginDrag}
        onSelectionDragStart={readOnly ? undefined : beginDrag}
        onInit={onInit}
        defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        deleteKeyCode={DELETE_KEYS}
        multiSelectionKeyCode={['Meta', 'Control', 'Shift']}
        selectionKeyCode="Shift"
        snapToGrid
        snapGrid={SNAP}
        fitView={fitOnOpen}
        fitViewOptions={fitOptions}
        minZoom={0.05}
        maxZoom={2}
        colorMode={colorMode}
        proOptions={PRO_OPTIONS}
        onlyRenderVisibleElements={large}
        aria-label={ariaLabel}
      >
        <Background variant={BackgroundVariant.Dots} gap={16} size={1.2} color="var(--canvas-dots)" />
        <MiniMap pannable zoomable nodeColor={minimapNodeColor} nodeStrokeWidth={0} ariaLabel="Mini map" />
        <Controls showInteractive={false} showFitView={false} aria-label="Zoom controls" />
      </ReactFlow>
      {nodes.length === 0 && !readOnly ? <CanvasEmptyHint /> : null}
    </div>
  );
}

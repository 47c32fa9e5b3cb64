import {
  Background,
  BackgroundVariant,
  Controls,
  MarkerType,
  MiniMap,
  type NodeProps,
  type NodeTypes,
  ReactFlow,
  type ReactFlowInstance,
} from '@xyflow/react';
import { type ComponentType, memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { FIT_OPTIONS } from '../editor/canvas/editor-canvas';
import { edgeTypes } from '../editor/edges/edge-types';
import type { CanvasEdge, CanvasNode } from '../editor/graph/canvas-types';
import { nodeTypes as editorNodeTypes } from '../editor/nodes/node-types';
import { useEditorStore } from '../editor/store/editor-store';
import { isReused } from './run-model';

const EDGE_OPTIONS = { type: 'data', markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 } };
const PRO_OPTIONS = { hideAttribution: true };

/**
 * Wraps an editor node component (never a copy of it): the node draws itself as in the editor, status
 * and duration included; the wrapper adds what only a run has — the node's status for nodes that have
 * not run yet, its attempt count, and whether it was reused from the run this one retries.
 */
function withRunInfo(Inner: ComponentType<NodeProps>) {
  return memo(function RunNode(props: NodeProps) {
    const step = useEditorStore((s) => s.stepsById.get(props.id));
    const reused = useEditorStore((s) => (s.lastRun && step ? isReused(s.lastRun, step) : false));
    const status = step?.status ?? 'pending';
    const attempts = step?.attempts.length ?? 0;
    return (
      <div className={`run-node run-node-${status}`} data-status={status} data-node={props.id}>
        <Inner {...props} />
        {reused ? (
          <span className="run-node-chip run-node-reused" title="Reused from the run this one retries">
            Reused
          </span>
        ) : attempts > 1 ? (
          <span className="run-node-chip run-node-attempts" title={`${attempts} attempts`}>
            {attempts} attempts
          </span>
        ) : null}
      </div>
    );
  });
}

/** Module scope, like the editor's: a new object per render would remount every node. */
const runNodeTypes: NodeTypes = Object.fromEntries(
  Object.entries(editorNodeTypes).map(([type, component]) => [
    type,
    withRunInfo(component as ComponentType<NodeProps>),
  ]),
);

const STATUS_COLOR: Record<string, string> = {
  success: 'var(--success)',
  failed: 'var(--danger)',
  running: 'var(--info)',
  skipped: 'var(--border-strong)',
  pending: 'var(--border-strong)',
};

export interface RunCanvasProps {
  colorMode: 'light' | 'dark';
  onInit?: (instance: ReactFlowInstance<CanvasNode, CanvasEdge>) => void;
}

/**
 * The graph a run used, drawn read-only with the editor's node and edge components over an editor store
 * built from `graph_snapshot`: nodes coloured by status, edges labelled with the values they carried.
 * Clicking selects (the step panel follows the selection); nothing can be moved, wired or deleted.
 */
export function RunCanvas({ colorMode, onInit }: RunCanvasProps) {
  const { nodes, edges, onNodesChange, onEdgesChange, stepsById } = useEditorStore(
    useShallow((s) => ({
      nodes: s.nodes,
      edges: s.edges,
      onNodesChange: s.onNodesChange,
      onEdgesChange: s.onEdgesChange,
      stepsById: s.stepsById,
    })),
  );
  return (
    <div className="canvas run-canvas" role="application" aria-label="Run graph">
      <ReactFlow<CanvasNode, CanvasEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={runNodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onInit={onInit}
        defaultEdgeOptions={EDGE_OPTIONS}
        nodesDraggable={false}
        nodesConnectable={false}
        deleteKeyCode={null}
        fitView
        fitViewOptions={FIT_OPTIONS}
        minZoom={0.05}
        maxZoom={2}
        colorMode={colorMode}
        proOptions={PRO_OPTIONS}
        aria-label="Run graph canvas"
      >
        <Background variant={BackgroundVariant.Dots} gap={16} size={1.2} color="var(--canvas-dots)" />
        <MiniMap
          pannable
          zoomable
          nodeColor={(n) => STATUS_COLOR[stepsById.get(n.id)?.status ?? 'pending'] ?? 'var(--border)'}
          nodeStrokeWidth={0}
          ariaLabel="Mini map"
        />
        <Controls showInteractive={false} aria-label="Zoom controls" />
      </ReactFlow>
    </div>
  );
}

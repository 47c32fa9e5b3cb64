import type { NodeProps, NodeTypes, ReactFlowInstance } from '@xyflow/react';
import { type ComponentType, memo } from 'react';
import { EditorCanvas } from '../editor/canvas/editor-canvas';
import type { CanvasEdge, CanvasNode } from '../editor/graph/canvas-types';
import { nodeTypes as editorNodeTypes } from '../editor/nodes/node-types';
import { useEditorStore } from '../editor/store/editor-store';
import { useRunMinimapColor } from './run-minimap';
import { isReused } from './run-model';

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

export interface RunCanvasProps {
  colorMode: 'light' | 'dark';
  onInit?: (instance: ReactFlowInstance<CanvasNode, CanvasEdge>) => void;
}

/**
 * The graph a run used, on the editor's own canvas in read-only mode, over an editor store built from
 * `graph_snapshot`: the editor's nodes (wrapped, see `withRunInfo`) coloured by status, its edges
 * labelled with the values they carried, the minimap coloured by status. Clicking selects (the step
 * panel follows the selection); nothing can be moved, wired or deleted.
 */
export function RunCanvas({ colorMode, onInit }: RunCanvasProps) {
  const minimapNodeColor = useRunMinimapColor();
  return (
    <div className="run-canvas">
      <EditorCanvas
        colorMode={colorMode}
        readOnly
        nodeTypes={runNodeTypes}
        ariaLabel="Run graph canvas"
        onInit={onInit}
        minimapNodeColor={minimapNodeColor}
      />
    </div>
  );
}

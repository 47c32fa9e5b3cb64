import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { IconCopy, IconTrash } from '../../ui/icons';
import type { NodeContent } from '../graph/canvas-types';
import { RunDetails } from '../run/run-details';
import { SettingsPanel } from '../settings/settings-panel';
import { useEditorStore } from '../store/editor-store';
import { ConditionInspector } from './condition-inspector';
import { EdgeInspector } from './edge-inspector';
import { HttpInspector } from './http-inspector';
import { OutputInspector } from './output-inspector';
import { TransformInspector } from './transform-inspector';
import { useSelection } from './use-selection';

/** The right panel: the selected node or edge, several selected, or (nothing selected) the connector's settings. */
export function Inspector({ onFocusNode }: { onFocusNode: (id: string) => void }) {
  const { nodes, edges } = useSelection();
  let body: React.ReactNode;
  let label = 'Connector settings';
  if (nodes.length === 1 && nodes[0]) {
    body = <NodePanel nodeId={nodes[0]} key={nodes[0]} />;
    label = `Node ${nodes[0]}`;
  } else if (nodes.length === 0 && edges.length === 1 && edges[0]) {
    body = <EdgeInspector edgeId={edges[0]} key={edges[0]} />;
    label = `Edge ${edges[0]}`;
  } else if (nodes.length + edges.length > 1) {
    body = <MultiSelection nodes={nodes.length} edges={edges.length} />;
    label = 'Selection';
  } else {
    body = <SettingsPanel onFocusNode={onFocusNode} />;
  }
  return (
    <aside className="inspector" aria-label={`Inspector: ${label}`}>
      {body}
    </aside>
  );
}

function NodePanel({ nodeId }: { nodeId: string }) {
  const node = useEditorStore(
    useShallow((s) => {
      const n = s.nodes.find((x) => x.id === nodeId);
      return n ? ({ type: n.type, data: n.data } as NodeContent) : null;
    }),
  );
  const step = useEditorStore((s) => s.stepsById.get(nodeId));
  const [tab, setTab] = useState<'config' | 'run'>('config');
  useEffect(() => {
    if (!step) setTab('config');
  }, [step]);
  if (!node) return null;
  return (
    <>
      <div className="insp-tabs" role="tablist" aria-label="Node">
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'config'}
          className={tab === 'config' ? 'is-on' : ''}
          onClick={() => setTab('config')}
        >
          Configure
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'run'}
          className={tab === 'run' ? 'is-on' : ''}
          onClick={() => setTab('run')}
          disabled={!step}
          title={step ? undefined : 'Run a test to see what this node sent and received'}
        >
          Last run {step ? <span className={`status-dot status-${step.status}`} title={step.status} /> : null}
        </button>
      </div>
      <div className="insp-scroll" role="tabpanel">
        {tab === 'run' && step ? (
          <RunDetails step={step} />
        ) : node.type === 'http' ? (
          <HttpInspector nodeId={nodeId} data={node.data} />
        ) : node.type === 'condition' ? (
          <ConditionInspector nodeId={nodeId} data={node.data} />
        ) : node.type === 'transform' ? (
          <TransformInspector nodeId={nodeId} data={node.data} />
        ) : node.type === 'output' ? (
          <OutputInspector nodeId={nodeId} data={node.data} />
        ) : (
          <p className="muted">This node type is not part of a connector.</p>
        )}
      </div>
    </>
  );
}

function MultiSelection({ nodes, edges }: { nodes: number; edges: number }) {
  const { duplicateSelection, deleteSelection } = useEditorStore(
    useShallow((s) => ({ duplicateSelection: s.duplicateSelection, deleteSelection: s.deleteSelection })),
  );
  return (
    <div className="insp-scroll insp-multi">
      <h2>
        {nodes} {nodes === 1 ? 'node' : 'nodes'}
        {edges ? `, ${edges} ${edges === 1 ? 'edge' : 'edges'}` : ''} selected
      </h2>
      <p className="muted">Drag any of them to move them together.</p>
      <div className="insp-actions">
        <button type="button" className="btn btn-sm" onClick={duplicateSelection} disabled={nodes === 0}>
          <IconCopy /> Duplicate
        </button>
        <button type="button" className="btn btn-sm" onClick={deleteSelection}>
          <IconTrash /> Delete
        </button>
      </div>
      <p className="faint">
        <kbd>Ctrl</kbd> <kbd>C</kbd> copies, <kbd>Ctrl</kbd> <kbd>V</kbd> pastes with fresh ids,{' '}
        <kbd>Del</kbd> deletes.
      </p>
    </div>
  );
}

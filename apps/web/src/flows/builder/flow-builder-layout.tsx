import { getNodesBounds, getViewportForBounds, ReactFlowProvider } from '@xyflow/react';
import { useCallback, useState } from 'react';
import type { Connector } from '../../api/connectors.api';
import { EditorCanvas } from '../../editor/canvas/editor-canvas';
import { NODE_DRAG_TYPE } from '../../editor/canvas/palette';
import { EditorHeader } from '../../editor/editor-header';
import type { CanvasNodeType } from '../../editor/graph/canvas-types';
import { useEditorStore, useEditorStoreApi } from '../../editor/store/editor-store';
import { useEditorScreen } from '../../editor/use-editor-screen';
import { ConflictBanner } from '../../editor/validation/conflict-banner';
import { ProblemsPanel } from '../../editor/validation/problems-panel';
import { useTheme } from '../../shell/theme';
import { useFlowConnectors } from '../flow-connectors';
import { FlowInspector } from '../inspector/flow-inspector';
import { flowNodeTypes } from '../nodes/flow-node-types';
import { FlowPreviewContext } from '../nodes/flow-preview-context';
import { ConnectorPreviewDialog } from './connector-preview-dialog';
import { CONNECTOR_DRAG_TYPE, connectorNode } from './flow-nodes';
import { FlowPalette } from './flow-palette';
import { FlowRunBar } from './flow-run-bar';
import { RunFlowDialog } from './run-flow-dialog';
import { useFlowSave } from './use-flow-save';

/** The Flow Builder screen: the connector editor's header, canvas, problems and inspectors, with the flow's palette. */
export function FlowBuilderLayout({ onReload }: { onReload: () => void }) {
  return (
    <ReactFlowProvider>
      <FlowBuilderScreen onReload={onReload} />
    </ReactFlowProvider>
  );
}

function FlowBuilderScreen({ onReload }: { onReload: () => void }) {
  const store = useEditorStoreApi();
  const [theme] = useTheme();
  const { save, saveState, clearSaveState } = useFlowSave(store);
  const {
    instance: flowInstance,
    setInstance,
    fitView,
    focusNode,
  } = useEditorScreen({ save, nodeWidth: 236 });
  const [problemsOpen, setProblemsOpen] = useState(false);
  const [running, setRunning] = useState(false);
  const [previewId, setPreviewId] = useState<string | null>(null);
  const { byId } = useFlowConnectors();
  const flowId = useEditorStore((s) => s.connectorId);

  /** Where a node added without dragging goes: right of the rightmost node, or the middle of the view. */
  const nextPosition = useCallback(() => {
    const nodes = store.getState().nodes;
    const selected = nodes.find((n) => n.selected);
    const anchor =
      selected ?? [...nodes].sort((a, b) => b.position.x - a.position.x || a.position.y - b.position.y)[0];
    if (!anchor) return { x: 0, y: 0 };
    let position = { x: anchor.position.x + 320, y: anchor.position.y };
    const taken = (p: { x: number; y: number }) =>
      nodes.some((n) => Math.abs(n.position.x - p.x) < 244 && Math.abs(n.position.y - p.y) < 164);
    for (let i = 0; i < 50 && taken(position); i++) position = { x: position.x, y: position.y + 176 };
    return position;
  }, [store]);

  /**
   * Keeps the whole flow in view as it grows to the right: when a node lands outside the view, the view
   * moves to show every node (at once, so nothing moves under a click that follows). Nodes not measured
   * yet count with the size of a connector node.
   */
  const revealAll = useCallback(() => {
    const instance = flowInstance();
    const el = document.querySelector('.canvas');
    if (!instance || !el) return;
    const nodes = store
      .getState()
      .nodes.map((n) => (n.measured?.width ? n : { ...n, measured: { width: 272, height: 170 } }));
    const bounds = getNodesBounds(nodes);
    const { width, height } = el.getBoundingClientRect();
    const { x, y, zoom } = instance.getViewport();
    const inside =
      bounds.x * zoom + x >= 0 &&
      bounds.y * zoom + y >= 0 &&
      (bounds.x + bounds.width) * zoom + x <= width &&
      (bounds.y + bounds.height) * zoom + y <= height;
    if (!inside) void instance.setViewport(getViewportForBounds(bounds, width, height, 0.05, 1, 0.15));
  }, [store, flowInstance]);

  /** Adds a node (connecting it from the selected node, the way one builds a chain) and selects it. */
  const place = useCallback(
    (create: (position: { x: number; y: number }) => string, position = nextPosition()) => {
      const from = store.getState().nodes.find((n) => n.selected);
      const id = create(position);
      if (from && from.type !== 'update_contact' && from.id !== id) {
        const handle = from.type === 'condition' ? 'true' : undefined;
        store.getState().connectNodes(from.id, id, handle);
        store.getState().selectOnly({ nodes: [id] });
      }
      revealAll();
      return id;
    },
    [store, nextPosition, revealAll],
  );

  const addStep = useCallback(
    (type: CanvasNodeType) => place((position) => store.getState().addNode(type, position)),
    [store, place],
  );
  const addConnector = useCallback(
    (connector: Connector, position?: { x: number; y: number }) =>
      place((at) => store.getState().insertNode(connectorNode(connector, at)), position),
    [store, place],
  );

  const onDropItem = useCallback(
    (event: React.DragEvent, position: { x: number; y: number }) => {
      const connectorId = event.dataTransfer.getData(CONNECTOR_DRAG_TYPE);
      const type = event.dataTransfer.getData(NODE_DRAG_TYPE) as CanvasNodeType;
      if (connectorId) {
        const connector = byId.get(connectorId);
        if (connector) store.getState().insertNode(connectorNode(connector, position));
      } else {
        store.getState().addNode(type, position);
      }
    },
    [store, byId],
  );

  const preview = previewId ? byId.get(previewId) : undefined;
  const [runsKey, setRunsKey] = useState(0);

  return (
    <FlowPreviewContext.Provider value={setPreviewId}>
      <div className="editor flow-builder">
        <EditorHeader
          saving={saveState.kind === 'saving'}
          onSave={() => void save().then(() => setRunsKey((k) => k + 1))}
          onFitView={fitView}
          onToggleProblems={() => setProblemsOpen((v) => !v)}
          problemsOpen={problemsOpen}
          onTest={() => setRunning(true)}
          backTo="/flows"
          backLabel="Back to Flows"
          runLabel="Run"
          settingsLabel="Flow settings"
        />
        {saveState.kind === 'conflict' ? (
          <ConflictBanner
            current={saveState.current}
            onReload={onReload}
            onOverwrite={() => void save({ overwrite: true })}
            onDismiss={clearSaveState}
          />
        ) : null}
        <div className="editor-body">
          <FlowPalette onAdd={addStep} onAddConnector={addConnector} />
          <div className="editor-canvas">
            <EditorCanvas
              colorMode={theme}
              nodeTypes={flowNodeTypes}
              ariaLabel="Flow canvas"
              onDropItem={onDropItem}
              onInit={(instance) => {
                setInstance(instance);
              }}
            />
            {problemsOpen ? (
              <ProblemsPanel onClose={() => setProblemsOpen(false)} onFocusNode={focusNode} subject="flow" />
            ) : null}
            <FlowRunBar onFocusNode={focusNode} />
          </div>
          <FlowInspector runsKey={runsKey} />
        </div>
        {running ? (
          <RunFlowDialog
            flowId={flowId}
            onClose={() => setRunning(false)}
            save={() => save({ quiet: true })}
          />
        ) : null}
        {preview ? <ConnectorPreviewDialog connector={preview} onClose={() => setPreviewId(null)} /> : null}
      </div>
    </FlowPreviewContext.Provider>
  );
}

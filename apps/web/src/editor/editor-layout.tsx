import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useEffect, useState } from 'react';
import { useTheme } from '../shell/theme';
import { EditorCanvas } from './canvas/editor-canvas';
import { Palette } from './canvas/palette';
import { CurlImportDialog } from './curl/curl-import-dialog';
import { EditorHeader } from './editor-header';
import type { CanvasNodeType } from './graph/canvas-types';
import { Inspector } from './inspector/inspector';
import { RunBar } from './run/run-bar';
import { TestRunDialog } from './run/test-run-dialog';
import { useEditorStoreApi } from './store/editor-store';
import { useEditorScreen } from './use-editor-screen';
import { useSave } from './use-save';
import { ConflictBanner } from './validation/conflict-banner';
import { ProblemsPanel } from './validation/problems-panel';

/** The editor screen: header, palette, canvas with its panels, and the inspector. */
export function EditorLayout({ onReload }: { onReload: () => void }) {
  return (
    <ReactFlowProvider>
      <EditorScreen onReload={onReload} />
    </ReactFlowProvider>
  );
}

function EditorScreen({ onReload }: { onReload: () => void }) {
  const store = useEditorStoreApi();
  const [theme] = useTheme();
  const { save, saveState, clearSaveState } = useSave(store);
  const {
    instance: flowInstance,
    setInstance,
    fitView,
    focusNode,
  } = useEditorScreen({ save, nodeWidth: 260 });
  const [problemsOpen, setProblemsOpen] = useState(false);
  const [testing, setTesting] = useState(false);
  const [curl, setCurl] = useState(false);

  // The first validation runs once the canvas is on screen and the browser is idle (a large graph opens faster).
  useEffect(() => {
    const run = () => store.getState().revalidate();
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback(run, { timeout: 500 });
      return () => window.cancelIdleCallback(id);
    }
    const timer = setTimeout(run, 0);
    return () => clearTimeout(timer);
  }, [store]);

  /** Where a node added without dragging goes: the middle of the view, nudged off any node already there. */
  const viewCentre = useCallback(() => {
    const instance = flowInstance();
    const el = document.querySelector('.canvas');
    if (!instance || !el) return { x: 0, y: 0 };
    const rect = el.getBoundingClientRect();
    const at = instance.screenToFlowPosition({
      x: rect.left + rect.width / 2,
      y: rect.top + rect.height / 2,
    });
    let position = { x: Math.round((at.x - 130) / 16) * 16, y: Math.round((at.y - 50) / 16) * 16 };
    // Nudge it down until it covers no node (a node is about 236 × 150).
    const taken = (p: { x: number; y: number }) =>
      store
        .getState()
        .nodes.some((n) => Math.abs(n.position.x - p.x) < 244 && Math.abs(n.position.y - p.y) < 164);
    for (let i = 0; i < 50 && taken(position); i++) position = { x: position.x, y: position.y + 48 };
    return position;
  }, [store, flowInstance]);

  const addAtCentre = useCallback(
    (type: CanvasNodeType) => store.getState().addNode(type, viewCentre()),
    [store, viewCentre],
  );

  return (
    <div className="editor">
      <EditorHeader
        saving={saveState.kind === 'saving'}
        onSave={() => void save()}
        onFitView={fitView}
        onToggleProblems={() => setProblemsOpen((v) => !v)}
        problemsOpen={problemsOpen}
        onTest={() => setTesting(true)}
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
        <Palette onAdd={addAtCentre} onImportCurl={() => setCurl(true)} />
        <div className="editor-canvas">
          <EditorCanvas
            colorMode={theme}
            onInit={(instance) => {
              performance.mark('canvas:init');
              setInstance(instance);
              // `?node=<id>` (from a run's "Open in editor"): select that node and bring it into view.
              const target = new URLSearchParams(window.location.search).get('node');
              if (target) requestAnimationFrame(() => focusNode(target));
            }}
          />
          {problemsOpen ? (
            <ProblemsPanel onClose={() => setProblemsOpen(false)} onFocusNode={focusNode} />
          ) : null}
          <RunBar onFocusNode={focusNode} />
        </div>
        <Inspector onFocusNode={focusNode} />
      </div>
      {testing ? (
        <TestRunDialog onClose={() => setTesting(false)} save={save} onFocusNode={focusNode} />
      ) : null}
      {curl ? (
        <CurlImportDialog
          onClose={() => setCurl(false)}
          onImport={(node) => {
            const id = store.getState().insertNode({ ...node, position: viewCentre() });
            setCurl(false);
            focusNode(id);
          }}
        />
      ) : null}
    </div>
  );
}

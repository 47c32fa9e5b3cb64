import { Link } from 'react-router';
import { useShallow } from 'zustand/react/shallow';
import {
  IconAlert,
  IconChevronLeft,
  IconExecutions,
  IconFit,
  IconLayout,
  IconPlay,
  IconRedo,
  IconSettings,
  IconUndo,
} from '../ui/icons';
import { useEditorStore } from './store/editor-store';

export interface EditorHeaderProps {
  saving: boolean;
  onSave: () => void;
  onFitView: () => void;
  onToggleProblems: () => void;
  problemsOpen: boolean;
  onTest: () => void;
  /** Where the back arrow goes and what it says (default: the connectors list). */
  backTo?: string;
  backLabel?: string;
  /** The run button's label (default "Test run") and what the settings are called (default "Connector settings"). */
  runLabel?: string;
  settingsLabel?: string;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? '⌘' : 'Ctrl+';

/** The editor's top bar: where you are, save state, history, layout, problems and the test run. */
export function EditorHeader({
  saving,
  onSave,
  onFitView,
  onToggleProblems,
  problemsOpen,
  onTest,
  backTo = '/connectors',
  backLabel = 'Back to Connectors',
  runLabel = 'Test run',
  settingsLabel = 'Connector settings',
}: EditorHeaderProps) {
  const {
    name,
    icon,
    dirty,
    canUndo,
    canRedo,
    errorCount,
    warningCount,
    nodeCount,
    undo,
    redo,
    layout,
    selectOnly,
    runsTo,
  } = useEditorStore(
    useShallow((s) => ({
      name: s.meta.name,
      icon: s.meta.icon,
      dirty: s.dirty,
      canUndo: s.past.length > 0,
      canRedo: s.future.length > 0,
      errorCount: s.errorCount,
      warningCount: s.problems.length - s.errorCount,
      nodeCount: s.nodes.length,
      undo: s.undo,
      redo: s.redo,
      layout: s.layout,
      selectOnly: s.selectOnly,
      // A connector's run history, on the executions page filtered to it (flows have their own runs).
      runsTo:
        s.kind === 'connector' && s.connectorId
          ? `/executions?connector=${encodeURIComponent(s.connectorId)}`
          : null,
    })),
  );
  const runBlocked =
    nodeCount === 0
      ? 'Add a node to run'
      : errorCount > 0
        ? `Fix ${errorCount} ${errorCount === 1 ? 'problem' : 'problems'} to run`
        : null;
  return (
    <header className="editor-header">
      <Link to={backTo} className="btn btn-ghost btn-sm btn-icon" aria-label={backLabel} title={backLabel}>
        <IconChevronLeft />
      </Link>
      <button
        type="button"
        className="editor-title"
        onClick={() => selectOnly({})}
        title={settingsLabel}
        aria-label={`${name}: open ${settingsLabel.toLowerCase()}`}
      >
        <span className="connector-icon" aria-hidden="true">
          {icon || '🔌'}
        </span>
        <span className="editor-title-text">{name}</span>
      </button>
      <span className={`save-state${dirty ? ' is-dirty' : ''}`} role="status" aria-live="polite">
        {saving ? 'Saving…' : dirty ? 'Unsaved changes' : 'Saved'}
      </span>
      <div className="editor-tools" role="toolbar" aria-label="Canvas tools">
        <button
          type="button"
          className="btn btn-ghost btn-sm btn-icon"
          onClick={undo}
          disabled={!canUndo}
          aria-label="Undo"
          title={`Undo (${MOD}Z)`}
        >
          <IconUndo />
        </button>
        <button
          type="button"
          className="btn btn-ghost btn-sm btn-icon"
          onClick={redo}
          disabled={!canRedo}
          aria-label="Redo"
          title={`Redo (${MOD}Shift+Z)`}
        >
          <IconRedo />
        </button>
        <span className="tool-sep" aria-hidden="true" />
        <button
          type="button"
          className="btn btn-ghost btn-sm btn-icon"
          onClick={() => {
            layout();
            setTimeout(onFitView, 50);
          }}
          disabled={nodeCount === 0}
          aria-label="Auto-layout"
          title="Auto-layout"
        >
          <IconLayout />
        </button>
        <button
          type="button"
          className="btn btn-ghost btn-sm btn-icon"
          onClick={onFitView}
          aria-label="Fit view"
          title="Fit view (Shift+1)"
        >
          <IconFit />
        </button>
        <span className="tool-sep" aria-hidden="true" />
        <button
          type="button"
          className={`btn btn-ghost btn-sm problems-toggle${errorCount ? ' has-errors' : ''}`}
          onClick={onToggleProblems}
          aria-pressed={problemsOpen}
          aria-label={`Problems: ${errorCount} errors, ${warningCount} warnings`}
        >
          <IconAlert />
          {errorCount + warningCount === 0
            ? 'No problems'
            : `${errorCount} ${errorCount === 1 ? 'problem' : 'problems'}${warningCount ? `, ${warningCount} ${warningCount === 1 ? 'warning' : 'warnings'}` : ''}`}
        </button>
        <button
          type="button"
          className="btn btn-ghost btn-sm btn-icon"
          onClick={() => selectOnly({})}
          aria-label={settingsLabel}
          title={settingsLabel}
        >
          <IconSettings />
        </button>
      </div>
      <div className="editor-actions">
        {runBlocked ? (
          <button type="button" className="run-blocked" onClick={onToggleProblems} id="run-blocked-reason">
            {runBlocked}
          </button>
        ) : null}
        {runsTo ? (
          <Link to={runsTo} className="btn btn-ghost btn-sm" title="Every run of this connector">
            <IconExecutions /> Runs
          </Link>
        ) : null}
        <button
          type="button"
          className="btn btn-sm"
          onClick={onSave}
          disabled={saving}
          title={`Save (${MOD}S)`}
        >
          Save
        </button>
        <button
          type="button"
          className="btn btn-primary btn-sm"
          onClick={onTest}
          disabled={Boolean(runBlocked)}
          aria-describedby={runBlocked ? 'run-blocked-reason' : undefined}
        >
          <IconPlay /> {runLabel}
        </button>
      </div>
    </header>
  );
}

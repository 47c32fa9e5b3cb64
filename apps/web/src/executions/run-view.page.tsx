import { type Graph, parseGraph } from '@connectors/engine';
import { type ReactFlowInstance, ReactFlowProvider } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Execution } from '../api/executions.api';
import { fitWholeGraph } from '../editor/canvas/fit-view';
import type { CanvasEdge, CanvasNode } from '../editor/graph/canvas-types';
import { JsonView } from '../editor/run/json-view';
import {
  createEditorStore,
  type EditorStore,
  EditorStoreProvider,
  useEditorStore,
} from '../editor/store/editor-store';
import { useTheme } from '../shell/theme';
import { duration, timeAgo } from '../ui/format';
import { IconChevronLeft, IconFit } from '../ui/icons';
import { CannotOpen, PageLoading } from '../ui/page-state';
import { contactLabel } from './contact-label';
import { RunActions } from './run-actions';
import { RunCanvas } from './run-canvas';
import { buildTimeline, focusStep, isLive, isReused, stepsForGraph } from './run-model';
import { RunTimeline } from './run-timeline';
import { StatusBadge } from './status-badge';
import { StepPanel } from './step-panel';
import { useLiveExecution } from './use-live-execution';

/** `/executions/:id`: a run on the graph it used, live while it runs. */
export function RunViewPage() {
  const { id = '' } = useParams();
  const { execution, error, running, channel, reload } = useLiveExecution(id);
  if (error && !execution) {
    return (
      <CannotOpen
        title="This run cannot be opened"
        back={{ to: '/executions', label: 'Back to Executions' }}
        onRetry={() => void reload()}
      >
        {error}
      </CannotOpen>
    );
  }
  if (!execution) {
    return <PageLoading>Opening run…</PageLoading>;
  }
  return <RunView key={execution.id} execution={execution} running={running} channel={channel} />;
}

/** Up to this many nodes, the opening fit shows every node readable: focusing only selects. */
const FITS_ON_SCREEN = 12;

interface RunViewProps {
  execution: Execution;
  running: ReadonlyMap<string, string>;
  channel: 'events' | 'polling' | 'idle';
}

function RunView({ execution, running, channel }: RunViewProps) {
  const graph = useMemo<Graph | null>(
    () => parseGraph(execution.graph_snapshot).graph ?? null,
    [execution.graph_snapshot],
  );
  // One store per run, from its own snapshot: the canvas is the graph as it was, not as it is now.
  const [store] = useState<EditorStore>(() =>
    createEditorStore({ graph: graph ?? undefined, layoutIfOverlapping: true, deferValidation: true }),
  );
  // Running nodes: those whose `node.started` arrived, and the run's `current_step` (one that started
  // before this page subscribed).
  const runningNow = useMemo(() => {
    const current = execution.current_step;
    if (!isLive(execution) || !current || running.has(current)) return running;
    // Its start was not heard: it started no earlier than the run, nor than the last step of this run
    // that finished before it.
    const since = [execution.started_at, ...(execution.steps_executed ?? []).map((s) => s.finished_at)]
      .filter((t): t is string => !!t && t >= execution.created_at)
      .sort()
      .pop();
    return new Map(running).set(current, since ?? '');
  }, [execution, running]);
  const steps = useMemo(
    () => stepsForGraph(graph, execution.steps_executed ?? [], runningNow),
    [graph, execution.steps_executed, runningNow],
  );
  useEffect(() => {
    store.getState().setRun({ ...execution, steps_executed: steps });
  }, [store, execution, steps]);
  return (
    <EditorStoreProvider store={store}>
      <ReactFlowProvider>
        <RunScreen execution={execution} graph={graph} steps={steps} channel={channel} store={store} />
      </ReactFlowProvider>
    </EditorStoreProvider>
  );
}

function RunScreen({
  execution,
  graph,
  steps,
  channel,
  store,
}: {
  execution: Execution;
  graph: Graph | null;
  steps: ReturnType<typeof stepsForGraph>;
  channel: RunViewProps['channel'];
  store: EditorStore;
}) {
  const [theme] = useTheme();
  const flow = useRef<ReactFlowInstance<CanvasNode, CanvasEdge> | null>(null);
  const selectedId = useEditorStore((s) => s.nodes.find((n) => n.selected)?.id ?? null);
  const stepsById = useEditorStore((s) => s.stepsById);
  const live = isLive(execution);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [live]);
  const timeline = useMemo(() => buildTimeline(execution, steps, now), [execution, steps, now]);
  const failed = steps.find((s) => s.status === 'failed') ?? null;

  const focus = useCallback(
    (nodeId: string, zoom?: number) => {
      const node = store.getState().nodes.find((n) => n.id === nodeId);
      if (!node) return;
      store.getState().selectOnly({ nodes: [nodeId] });
      const w = node.measured?.width ?? 260;
      const h = node.measured?.height ?? 120;
      void flow.current?.setCenter(node.position.x + w / 2, node.position.y + h / 2, {
        zoom: zoom ?? flow.current.getZoom(),
        duration: 250,
      });
    },
    [store],
  );

  // The failed node (or the running one) is selected and brought into view once, when it is known.
  const focused = useRef<string | null>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!ready) return;
    const target = focusStep(steps);
    if (!target || focused.current === target.step_id || (focused.current && target.status === 'running'))
      return;
    focused.current = target.step_id;
    // A graph that fits on screen stays whole (the node is already in view): only select it.
    if (store.getState().nodes.length <= FITS_ON_SCREEN)
      store.getState().selectOnly({ nodes: [target.step_id] });
    else focus(target.step_id, 1);
  }, [ready, steps, focus, store]);

  const selected = selectedId ? stepsById.get(selectedId) : undefined;
  const changes = execution.connector_changes;
  const failedChanged = failed && changes?.changed_steps.includes(failed.step_id);
  return (
    <div className="run-view">
      <header className="run-view-header">
        <div className="run-view-title">
          <Link
            className="btn btn-ghost btn-sm btn-icon"
            to={`/executions?connector=${execution.connector_id}`}
            aria-label="Back to the connector's runs"
          >
            <IconChevronLeft />
          </Link>
          <h1>{execution.connector_name ?? 'Run'}</h1>
          <StatusBadge status={execution.status} />
          {execution.mode === 'test' ? <span className="badge">Test</span> : null}
          {live ? (
            <span
              className="live-pill"
              role="status"
              aria-label={channel === 'events' ? 'Live' : 'Refreshing'}
            >
              <span className="live-dot" /> {channel === 'events' ? 'Live' : 'Refreshing'}
            </span>
          ) : null}
        </div>
        <RunActions execution={execution} failedStep={failed?.step_id ?? execution.current_step} />
      </header>
      <dl className="run-meta">
        <div>
          <dt>Contact</dt>
          <dd>{contactLabel(execution)}</dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd title={execution.started_at ?? execution.created_at}>
            {timeAgo(execution.started_at ?? execution.created_at)}
          </dd>
        </div>
        <div>
          <dt>Duration</dt>
          <dd>{duration(execution.execution_time_ms ?? (live ? timeline.total : null))}</dd>
        </div>
        <div>
          <dt>Steps</dt>
          <dd>
            {steps.filter((s) => s.status === 'success').length} of {steps.length} succeeded
          </dd>
        </div>
        <div>
          <dt>Version</dt>
          <dd>v{execution.connector_version}</dd>
        </div>
        {execution.retry_of ? (
          <div>
            <dt>Retry of</dt>
            <dd>
              <Link to={`/executions/${execution.retry_of}`}>{execution.retry_of.slice(0, 8)}</Link>
            </dd>
          </div>
        ) : null}
        {execution.flow_run_id ? (
          <div>
            <dt>Flow run</dt>
            <dd>
              <Link to={`/flow-runs/${execution.flow_run_id}`}>{execution.flow_run_id.slice(0, 8)}</Link>
            </dd>
          </div>
        ) : null}
        {execution.trigger_run_id ? (
          <div>
            <dt>Trigger.dev</dt>
            <dd>
              <a
                href={`https://cloud.trigger.dev/runs/${encodeURIComponent(execution.trigger_run_id)}`}
                target="_blank"
                rel="noreferrer"
              >
                {execution.trigger_run_id} ↗
              </a>
            </dd>
          </div>
        ) : null}
      </dl>
      {changes?.changed ? (
        <div className="alert alert-warning run-changed" role="note">
          <span>
            The connector changed since this run (v{execution.connector_version} → v{changes.current_version}
            ):{' '}
            {changes.changed_steps.map((s) => (
              <code key={s}>{s}</code>
            ))}{' '}
            {failedChanged ? 'changed (the failed step included). ' : 'changed. '}
            {changes.reusable_steps.length
              ? `Retry from the failed step reuses ${changes.reusable_steps.join(', ')}.`
              : 'A retry runs every step again.'}
          </span>
        </div>
      ) : changes && changes.current_version !== execution.connector_version ? (
        <div className="alert alert-info run-changed" role="note">
          Saved again since this run (v{changes.current_version}), with no change to what it runs.
        </div>
      ) : null}
      {execution.error_message && !failed ? (
        <div className="alert alert-danger run-changed" role="alert">
          {execution.error_message}
        </div>
      ) : null}
      <div className={`run-view-body${selected ? ' has-panel' : ''}`}>
        <div className="run-view-main">
          <div className="run-view-canvas">
            {graph ? (
              <RunCanvas
                colorMode={theme}
                onInit={(instance) => {
                  flow.current = instance;
                  setReady(true);
                }}
              />
            ) : (
              <p className="muted run-view-nograph">The graph of this run cannot be drawn.</p>
            )}
          </div>
          {graph ? (
            <div className="run-canvas-tools">
              <button
                type="button"
                className="btn btn-sm btn-icon"
                aria-label="Fit the graph in view"
                title="Fit the graph in view"
                onClick={() => fitWholeGraph(flow.current, document.querySelector('.run-canvas .canvas'))}
              >
                <IconFit size={14} />
              </button>
            </div>
          ) : null}
          <section className="run-view-timeline" aria-label="Timeline of the run">
            <header>
              <h2>Timeline</h2>
              <span className="faint">{duration(timeline.total)}</span>
              <span className="timeline-legend faint">
                <span className="timeline-key timeline-key-attempt" /> attempt
                <span className="timeline-key timeline-key-failed" /> failed attempt
                <span className="timeline-key timeline-key-wait" /> backoff wait
              </span>
            </header>
            <RunTimeline timeline={timeline} selected={selectedId} onSelect={focus} />
          </section>
        </div>
        {selected ? (
          <StepPanel
            step={selected}
            reused={isReused(execution, selected)}
            graph={graph}
            stepsById={stepsById}
            onClose={() => store.getState().selectOnly({})}
          />
        ) : (
          <aside className="step-panel run-summary" aria-label="Run summary">
            <header className="step-panel-head">
              <div className="step-panel-title">
                <h2>Run</h2>
                <code className="faint">{execution.id.slice(0, 8)}</code>
              </div>
            </header>
            <div className="step-panel-scroll">
              <p className="muted step-note">
                Select a node, or a bar of the timeline, to see what it sent and received.
              </p>
              <section className="step-section">
                <h3>Inputs</h3>
                <JsonView label="Inputs" value={execution.input_data} />
              </section>
              {execution.output_data && Object.keys(execution.output_data).length ? (
                <section className="step-section">
                  <h3>Output</h3>
                  <JsonView label="Written to the contact" value={execution.output_data} />
                </section>
              ) : null}
            </div>
          </aside>
        )}
      </div>
    </div>
  );
}

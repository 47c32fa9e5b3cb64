import '../../styles/flows.css';
import { type ReactFlowInstance, ReactFlowProvider } from '@xyflow/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { type Contact, contactsApi } from '../../api/contacts.api';
import { FINAL_RUN_STATUSES, type Flow, type FlowRun, flowsApi } from '../../api/flows.api';
import { contactLabel } from '../../contacts/contact-picker';
import { EditorCanvas } from '../../editor/canvas/editor-canvas';
import type { CanvasEdge, CanvasNode } from '../../editor/graph/canvas-types';
import type { EditorStore } from '../../editor/store/editor-store';
import { EditorStoreProvider } from '../../editor/store/editor-store';
import { useRunMinimapColor } from '../../executions/run-minimap';
import { StatusBadge } from '../../executions/status-badge';
import { useTheme } from '../../shell/theme';
import { duration, errorMessage, timeAgo } from '../../ui/format';
import { IconChevronLeft, IconExternal, IconPlay } from '../../ui/icons';
import { CannotOpen, ErrorAlert, PageLoading } from '../../ui/page-state';
import { useToast } from '../../ui/toast';
import { ConnectorPreviewDialog } from '../builder/connector-preview-dialog';
import { storeFromFlow } from '../builder/store-from-flow';
import { FlowConnectorsProvider, useFlowConnectors } from '../flow-connectors';
import { flowNodeTypes } from '../nodes/flow-node-types';
import { FlowPreviewContext } from '../nodes/flow-preview-context';
import { flowRunSteps } from './run-steps';

/** How often an unfinished run is read again. */
const POLL_MS = 1000;

/**
 * `/flow-runs/:id`: the flow's graph with each node's status, read-only, updated while the run goes on,
 * and a link to the run view of every connector it started.
 */
export function FlowRunPage() {
  const { id = '' } = useParams();
  const [run, setRun] = useState<FlowRun | null>(null);
  const [flow, setFlow] = useState<Flow | null>(null);
  const [contact, setContact] = useState<Contact | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [flowError, setFlowError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let seen = false;
    const poll = async () => {
      try {
        const next = await flowsApi.getRun(id);
        if (!live) return;
        seen = true;
        setRun(next);
        setError(null);
        if (!FINAL_RUN_STATUSES.includes(next.status)) timer = setTimeout(poll, POLL_MS);
      } catch (err) {
        if (!live) return;
        setError(errorMessage(err));
        // A run already shown keeps being read (a network blip must not freeze it), less often.
        if (seen) timer = setTimeout(poll, POLL_MS * 5);
      }
    };
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [id]);

  const flowId = run?.flow_id;
  const contactId = run?.contact_id;
  useEffect(() => {
    if (!flowId) return;
    flowsApi
      .get(flowId)
      .then(setFlow)
      .catch((err) => setFlowError(errorMessage(err)));
  }, [flowId]);
  useEffect(() => {
    if (!contactId) return;
    contactsApi
      .get(contactId)
      .then(setContact)
      .catch(() => setContact(null));
  }, [contactId]);

  if ((error && !run) || flowError) {
    return (
      <CannotOpen title="This run cannot be opened" back={{ to: '/flows', label: 'Back to Flows' }}>
        {flowError ?? error}
      </CannotOpen>
    );
  }
  if (!run || !flow) {
    return <PageLoading>Opening run…</PageLoading>;
  }
  return (
    <FlowConnectorsProvider>
      <FlowRunView run={run} flow={flow} contact={contact} onRunChange={setRun} />
    </FlowConnectorsProvider>
  );
}

/** The run canvas: the flow's nodes by status, its minimap coloured by status too. */
function FlowRunCanvas({
  ariaLabel,
  colorMode,
  onInit,
}: {
  ariaLabel: string;
  colorMode: 'light' | 'dark';
  onInit: (instance: ReactFlowInstance<CanvasNode, CanvasEdge>) => void;
}) {
  const minimapNodeColor = useRunMinimapColor();
  return (
    <EditorCanvas
      colorMode={colorMode}
      readOnly
      nodeTypes={flowNodeTypes}
      ariaLabel={ariaLabel}
      onInit={onInit}
      minimapNodeColor={minimapNodeColor}
    />
  );
}

function FlowRunView({
  run,
  flow,
  contact,
  onRunChange,
}: {
  run: FlowRun;
  flow: Flow;
  contact: Contact | null;
  /** The run as the cancel answered it. */
  onRunChange: (run: FlowRun) => void;
}) {
  const [theme] = useTheme();
  const { byId } = useFlowConnectors();
  // The graph as it ran, when the run kept it (read once: polls do not rebuild the canvas).
  const [snapshot] = useState(() => run.graph_snapshot ?? null);
  const store = useMemo<EditorStore | null>(() => {
    try {
      return storeFromFlow(snapshot ? { ...flow, config: snapshot } : flow);
    } catch {
      return null;
    }
  }, [flow, snapshot]);
  const steps = useMemo(() => flowRunSteps(run), [run]);
  useEffect(() => {
    store?.setState({ stepsById: steps });
  }, [store, steps]);
  const nodes = store?.getState().nodes ?? [];
  // The node selected on the canvas is the step highlighted beside it, and the other way round.
  const canvas = useRef<ReactFlowInstance<CanvasNode, CanvasEdge> | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  useEffect(
    () => store?.subscribe((state) => setSelected(state.nodes.find((n) => n.selected)?.id ?? null)),
    [store],
  );
  const showNode = (id: string) => {
    const node = store?.getState().nodes.find((n) => n.id === id);
    if (!store || !node) return;
    store.getState().selectOnly({ nodes: [id] });
    void canvas.current?.setCenter(
      node.position.x + (node.measured?.width ?? 236) / 2,
      node.position.y + (node.measured?.height ?? 100) / 2,
      { zoom: canvas.current.getZoom(), duration: 250 },
    );
  };
  useEffect(() => {
    if (selected)
      document
        .querySelector(`.fl-run-step[data-node-id="${selected}"]`)
        ?.scrollIntoView?.({ block: 'nearest' });
  }, [selected]);
  const finished = FINAL_RUN_STATUSES.includes(run.status);
  const elapsed =
    run.started_at && run.completed_at
      ? new Date(run.completed_at).getTime() - new Date(run.started_at).getTime()
      : null;
  const executions = run.executions ?? [];
  const [previewId, setPreviewId] = useState<string | null>(null);
  const [again, setAgain] = useState(false);
  const navigate = useNavigate();
  const toast = useToast();
  const runAgain = async () => {
    if (!run.contact_id) return;
    setAgain(true);
    try {
      const { flowRunId } = await flowsApi.run(flow.id, run.contact_id);
      navigate(`/flow-runs/${flowRunId}`);
    } catch (err) {
      toast.show(errorMessage(err), 'error');
    } finally {
      setAgain(false);
    }
  };
  const [cancelling, setCancelling] = useState(false);
  const cancelRun = async () => {
    setCancelling(true);
    try {
      onRunChange(await flowsApi.cancelRun(run.id));
      toast.show('Run cancelled', 'success');
    } catch (err) {
      toast.show(errorMessage(err), 'error');
    } finally {
      setCancelling(false);
    }
  };
  const preview = previewId ? byId.get(previewId) : undefined;

  return (
    <FlowPreviewContext.Provider value={setPreviewId}>
      <div className="fl-run">
        <header className="editor-header fl-run-header">
          <Link
            to={`/flows/${flow.id}`}
            className="btn btn-ghost btn-sm btn-icon"
            aria-label={`Back to ${flow.name}`}
            title={`Back to ${flow.name}`}
          >
            <IconChevronLeft />
          </Link>
          <div className="fl-run-title">
            <h1>{flow.name}</h1>
            <span className="faint">Run {run.id.slice(0, 8)}</span>
          </div>
          <StatusBadge status={run.status} />
          {!finished ? (
            <span className="faint fl-run-live" role="status">
              <span className="spinner" /> Running…
            </span>
          ) : null}
          <div className="editor-actions">
            {!finished ? (
              <button
                type="button"
                className="btn btn-danger btn-sm"
                disabled={cancelling}
                onClick={() => void cancelRun()}
                title="Stop the run: no further node starts, and its connector runs still going are cancelled"
              >
                Cancel run
              </button>
            ) : null}
            <Link
              className="btn btn-sm"
              to={`/flows/${flow.id}?run=${encodeURIComponent(run.id)}`}
              title="Open the flow in the builder, its nodes painted with this run's statuses"
            >
              Open in builder
            </Link>
            {run.contact_id ? (
              <button
                type="button"
                className="btn btn-primary btn-sm"
                disabled={!finished || again}
                onClick={() => void runAgain()}
                title="Run the flow as it is now on the same contact"
              >
                <IconPlay /> Run again
              </button>
            ) : null}
          </div>
        </header>
        <div className="fl-run-body">
          <div className="editor-canvas">
            {store ? (
              <EditorStoreProvider store={store}>
                <ReactFlowProvider>
                  <FlowRunCanvas
                    colorMode={theme}
                    ariaLabel={`Run of ${flow.name} (read-only)`}
                    onInit={(instance) => {
                      canvas.current = instance;
                    }}
                  />
                </ReactFlowProvider>
              </EditorStoreProvider>
            ) : (
              <p className="muted">The flow's graph cannot be read.</p>
            )}
          </div>
          <aside className="inspector fl-run-side" aria-label="Run details">
            <div className="insp-scroll">
              <dl className="fl-facts">
                <dt>Status</dt>
                <dd>
                  <StatusBadge status={run.status} />
                </dd>
                <dt>Contact</dt>
                <dd>
                  {run.contact_id ? (
                    <Link to={`/contacts/${run.contact_id}`}>
                      {contact ? contactLabel(contact) : 'Open contact'}
                    </Link>
                  ) : (
                    <span className="faint">—</span>
                  )}
                </dd>
                <dt>Started</dt>
                <dd>{timeAgo(run.started_at ?? run.created_at ?? null)}</dd>
                <dt>Took</dt>
                <dd>{duration(elapsed)}</dd>
                {run.trigger_event ? (
                  <>
                    <dt>Trigger</dt>
                    <dd>
                      <code>{run.trigger_event}</code>
                    </dd>
                  </>
                ) : null}
              </dl>
              {run.error_message ? <ErrorAlert>{run.error_message}</ErrorAlert> : null}
              <h2 className="fl-side-title">Steps</h2>
              <ol className="fl-run-steps" aria-label="Steps">
                {nodes.map((node) => {
                  const step = steps.get(node.id);
                  const children = executions.filter((x) => x.node_id === node.id);
                  const connector =
                    node.type === 'connector'
                      ? byId.get((node.data as { connectorId: string }).connectorId)
                      : undefined;
                  return (
                    <li
                      key={node.id}
                      className={selected === node.id ? 'fl-run-step is-selected' : 'fl-run-step'}
                      data-node-id={node.id}
                    >
                      <div className="fl-run-step-head">
                        <button
                          type="button"
                          className="fl-run-step-name"
                          onClick={() => showNode(node.id)}
                          title="Show on the canvas"
                        >
                          {connector?.icon ? `${connector.icon} ` : ''}
                          {node.data.name || node.id}
                        </button>
                        <StatusBadge status={step?.status ?? (finished ? 'skipped' : 'pending')} />
                      </div>
                      <div className="fl-run-step-meta faint">
                        <code>{node.id}</code>
                        {step?.duration_ms != null ? <span>{duration(step.duration_ms)}</span> : null}
                      </div>
                      {step?.error ? <p className="field-error">{step.error.message}</p> : null}
                      {step && step.output !== null && step.output !== undefined ? (
                        <details className="fl-output">
                          <summary>
                            {node.type === 'condition' ? `Result: ${String(step.output)}` : 'Output'}
                          </summary>
                          {node.type === 'condition' ? null : (
                            <pre>{JSON.stringify(step.output, null, 2)}</pre>
                          )}
                        </details>
                      ) : null}
                      {children.map((execution) => (
                        <Link
                          key={execution.id}
                          className="btn btn-sm fl-child-run"
                          to={`/executions/${execution.id}`}
                        >
                          <IconExternal size={12} /> Open connector run
                          <StatusBadge status={execution.status} />
                        </Link>
                      ))}
                    </li>
                  );
                })}
              </ol>
            </div>
          </aside>
        </div>
        {preview ? <ConnectorPreviewDialog connector={preview} onClose={() => setPreviewId(null)} /> : null}
      </div>
    </FlowPreviewContext.Provider>
  );
}

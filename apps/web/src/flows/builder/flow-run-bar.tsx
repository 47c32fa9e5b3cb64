import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { FINAL_RUN_STATUSES, type FlowRun, flowsApi, stepNodeId } from '../../api/flows.api';
import { useEditorStore, useEditorStoreApi } from '../../editor/store/editor-store';
import { StatusBadge } from '../../executions/status-badge';
import { errorMessage, timeAgo } from '../../ui/format';
import { IconClose } from '../../ui/icons';
import { flowRunSteps } from '../run/run-steps';

/** How often a run still going is read again. */
const POLL_MS = 1000;

/**
 * `/flows/:id?run=<flowRunId>` ("Open in builder" on a flow run): paints that run's node statuses on the
 * builder's canvas, as the connector editor does for its last test run (the editor nodes read
 * `stepsById` through `useNodeStatus`), and says which run it is. A run still going is followed until
 * it ends; closing the bar clears the statuses and the `run` parameter.
 */
export function FlowRunBar({ onFocusNode }: { onFocusNode: (id: string) => void }) {
  const [params, setParams] = useSearchParams();
  const runId = params.get('run');
  const store = useEditorStoreApi();
  const flowId = useEditorStore((s) => s.connectorId);
  const [run, setRun] = useState<FlowRun | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setRun(null);
    setError(null);
    if (!runId) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await flowsApi.getRun(runId);
        if (!live) return;
        if (next.flow_id !== flowId) {
          setError('That run belongs to another flow');
          return;
        }
        setRun(next);
        store.setState({ stepsById: flowRunSteps(next) });
        if (!FINAL_RUN_STATUSES.includes(next.status)) timer = setTimeout(poll, POLL_MS);
      } catch (err) {
        if (live) setError(errorMessage(err));
      }
    };
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [runId, flowId, store]);

  const clear = () => {
    store.setState({ stepsById: new Map() });
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete('run');
        return next;
      },
      { replace: true },
    );
  };

  if (!runId) return null;
  if (error) {
    return (
      <div className="run-bar" role="status" aria-label="Flow run on the canvas">
        <span className="run-bar-fail">The run cannot be shown: {error}</span>
        <CloseButton onClick={clear} />
      </div>
    );
  }
  if (!run) {
    return (
      <div className="run-bar" role="status">
        <span className="spinner" /> Reading the run…
      </div>
    );
  }
  const failed = run.steps_executed.find((step) => step.status === 'failed');
  return (
    <div className="run-bar" role="status" aria-label="Flow run on the canvas">
      <StatusBadge status={run.status} />
      <span className="faint" title={run.started_at ?? undefined}>
        Run {run.id.slice(0, 8)}
        {run.started_at ? ` · ${timeAgo(run.started_at)}` : ''}
      </span>
      {failed ? (
        <button
          type="button"
          className="btn btn-sm btn-ghost run-bar-fail"
          onClick={() => onFocusNode(stepNodeId(failed))}
        >
          {stepNodeId(failed)} failed: {failed.error?.message ?? 'see the run'}
        </button>
      ) : run.error_message ? (
        <span className="run-bar-fail">{run.error_message}</span>
      ) : null}
      <Link className="btn btn-ghost btn-sm" to={`/flow-runs/${run.id}`}>
        View run
      </Link>
      <CloseButton onClick={clear} />
    </div>
  );
}

function CloseButton({ onClick }: { onClick: () => void }) {
  return (
    <button
      type="button"
      className="btn btn-ghost btn-sm btn-icon run-bar-close"
      aria-label="Clear the run from the canvas"
      onClick={onClick}
    >
      <IconClose />
    </button>
  );
}

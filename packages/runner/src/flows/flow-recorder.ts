import { type Executor, updateFlowRun } from '@connectors/db';
import type { NodeResult } from '@connectors/engine';
import type { RunRecorder } from '@connectors/engine/runtime';
import type { FlowRunObserver } from './flow-deps';

/**
 * The recorder of a flow run: every finished node is appended to `flow_runs.steps_executed` (a flow has
 * few nodes, so the whole list is written each time), awaited before dependants start, so a retried
 * attempt resumes without running a finished node again. Writes are serialised: parallel branches
 * finishing together must not overwrite each other's results. Once `signal` has aborted (the worker is
 * stopping), results are no longer stored: a node cut short must run again when the flow run resumes.
 * Each write reads back the run's status, so a cancel is noticed at the next finished node, whoever runs
 * the flow (the local worker or the Trigger.dev task).
 */
export function createFlowRecorder(options: {
  db: Executor;
  workspaceId: string;
  flowRunId: string;
  completed: NodeResult[];
  observer?: FlowRunObserver | undefined;
  signal?: AbortSignal | undefined;
  /** Called when a stored step finds the flow run cancelled (`POST /flow-runs/:id/cancel`). */
  onCancelled?: () => void;
}): RunRecorder & { steps(): NodeResult[] } {
  const steps = [...options.completed];
  let chain: Promise<unknown> = Promise.resolve();
  return {
    steps: () => [...steps],
    nodeStarted(event) {
      options.observer?.nodeStarted(event.nodeId, event.nodeName);
    },
    async nodeFinished(result) {
      if (options.signal?.aborted) return;
      steps.push(result);
      const snapshot = [...steps];
      const write = chain.then(() =>
        updateFlowRun(options.db, options.workspaceId, options.flowRunId, { steps_executed: snapshot }),
      );
      chain = write.catch(() => undefined);
      const stored = await write;
      if (stored?.status === 'cancelled') options.onCancelled?.();
      options.observer?.nodeFinished(result.nodeId);
    },
  };
}

import type { RunStatus } from '@connectors/db';
import { type FlowRunObserver, runFlowRun } from '@connectors/runner';
import { abortRun } from '../connector/task-errors';
import type { ExecuteFlowPayload } from '../payloads/execute-flow.payload';
import { type ProgressWriter, RunProgress } from '../progress/run-progress';
import type { ExecuteFlowDeps } from './flow-deps';

/** The Trigger.dev run carrying out the flow run. */
export interface ExecuteFlowRun {
  runId: string;
  attempt: number;
  signal?: AbortSignal;
}

/** How the flow run ended. */
export interface ExecuteFlowOutput {
  flowRunId: string;
  status: RunStatus;
}

/** Publishes the flow run's progress as Trigger.dev run metadata. */
function progressObserver(writer: ProgressWriter): FlowRunObserver {
  let progress: RunProgress | undefined;
  return {
    started: (init) => {
      progress = new RunProgress(writer, { kind: 'flow_run', id: init.flowRunId, ...init });
    },
    nodeStarted: (id, name) => progress?.stepStarted(id, name),
    nodeFinished: (id) => progress?.stepFinished(id),
    finished: (status) => progress?.finished(status),
  };
}

/**
 * The body of the `execute-flow` task (DESIGN §3b), as a plain function, over the flow runtime shared
 * with the local worker (`runFlowRun` of `@connectors/runner`): `connector` nodes run through
 * `deps.runChild` (`executeConnector.triggerAndWait` in the task) and delays through `deps.sleep`
 * (`wait.for`).
 *
 * A failed flow returns normally with `status: 'failed'`; a missing flow run or an invalid flow graph
 * throws `AbortTaskRunError` (the flow run is ended `failed` first); anything else thrown is an
 * infrastructure fault, retried.
 */
export async function runExecuteFlow(
  payload: ExecuteFlowPayload,
  run: ExecuteFlowRun,
  deps: ExecuteFlowDeps,
): Promise<ExecuteFlowOutput> {
  const { workspaceId, flowRunId } = payload;
  const outcome = await runFlowRun(
    {
      runner: deps.runner,
      runChild: deps.runChild,
      ...(deps.sleep ? { sleep: deps.sleep } : {}),
      ...(deps.progress ? { observer: progressObserver(deps.progress) } : {}),
    },
    { workspaceId, flowRunId, attempt: run.attempt, ...(run.signal ? { signal: run.signal } : {}) },
  );
  switch (outcome.outcome) {
    case 'missing':
      throw abortRun(`Flow run ${flowRunId} not found (it, or its flow, was deleted)`);
    case 'invalid':
      throw abortRun(`${outcome.message}: flow run ${flowRunId} failed`);
    case 'interrupted':
      // The task was cancelled or is shutting down: the completed nodes are kept for the next attempt.
      throw new Error(`Flow run ${flowRunId} was interrupted`);
    case 'finished':
      return { flowRunId, status: outcome.status };
  }
}

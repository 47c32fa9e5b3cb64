import {
  type ConnectorExecution,
  getExecutionForWorker,
  listNodeResults,
  type RunStatus,
  releaseExecutionLease,
  setExecutionTriggerRunId,
} from '@connectors/db';
import { claimAndRunExecution, type RunnerDeps } from '@connectors/runner';
import type { ExecuteConnectorPayload } from '../payloads/execute-connector.payload';
import { fanOut, type ProgressWriter, RunProgress } from '../progress/run-progress';
import { failBeforeStart } from './fail-before-start';
import { preflightExecution } from './preflight';
import { abortRun, RetryLaterError } from './task-errors';

/** The Trigger.dev run carrying out the execution. */
export interface ExecuteConnectorRun {
  /**
   * The Trigger.dev run id (`ctx.run.id`), used as the lease's worker id. It is the same on every
   * attempt of the run, which is how a retried attempt recognises the lease its crashed predecessor
   * left behind.
   */
  runId: string;
  /** Aborted when the run is cancelled or exceeds its `maxDuration`. */
  signal?: AbortSignal;
}

/** What `runExecuteConnector` needs: the shared runner's deps, and where progress goes. */
export interface ExecuteConnectorDeps {
  runner: RunnerDeps;
  /** Trigger.dev's `metadata` in the task. */
  progress?: ProgressWriter;
}

/** How the execution stands when the task returns (a failed run is a result, not a task failure). */
export interface ExecuteConnectorOutput {
  executionId: string;
  /** `finished`: this run ended it; `cancelled`: a user cancelled it; `lease_lost`: another worker took it over. */
  outcome: 'finished' | 'cancelled' | 'lease_lost';
  status: RunStatus;
}

const FINAL = new Set<RunStatus>(['success', 'partial', 'failed', 'timeout', 'cancelled']);

/**
 * The body of the `execute-connector` task, as a plain function: claims the execution with the run id
 * as worker id and runs it on the shared runner, which persists each step before its dependants start.
 *
 * - A failed run (a step failed after its retries) returns normally with `status: 'failed'`: Trigger.dev
 *   must not retry it, or its retries would multiply the engine's per-step retries.
 * - Failures no retry can fix throw `AbortTaskRunError`: execution not found, connector deleted or
 *   disabled, invalid graph (the execution is ended `failed` first), or already finished elsewhere.
 * - Only infrastructure faults throw anything else (the database went away): Trigger.dev retries the
 *   attempt, and the next one takes back the lease of this run and resumes from the persisted steps, so
 *   no completed step is called twice.
 *
 * Progress goes to the database (the runner) and to `deps.progress` (run metadata).
 */
export async function runExecuteConnector(
  payload: ExecuteConnectorPayload,
  run: ExecuteConnectorRun,
  deps: ExecuteConnectorDeps,
): Promise<ExecuteConnectorOutput> {
  const { db } = deps.runner;
  const { executionId } = payload;
  const workerId = run.runId;
  const execution = await getExecutionForWorker(db, executionId);
  if (!execution) {
    throw abortRun(`Execution ${executionId} not found (it, or its connector, was deleted)`);
  }
  if (FINAL.has(execution.status)) return alreadyFinished(execution, workerId);
  if (execution.trigger_run_id === null) {
    // Runs started by batchTrigger or triggerAndWait were not stored by the dispatcher: record them here.
    await setExecutionTriggerRunId(db, execution.workspace_id, execution.id, run.runId);
  }
  await takeBackOwnLease(deps.runner, execution, workerId);

  const preflight = await preflightExecution(db, execution);
  if (!preflight.ok) {
    const failed = await failBeforeStart(db, execution, {
      workerId,
      leaseMs: deps.runner.leaseMs,
      message: preflight.reason,
      events: deps.runner.events,
    });
    if (!failed) return settleUnclaimable(deps.runner, executionId, workerId);
    throw abortRun(`${preflight.reason}: execution ${executionId} failed`);
  }

  const completed = await listNodeResults(db, execution.workspace_id, execution.id);
  const progress = deps.progress
    ? new RunProgress(deps.progress, {
        kind: 'execution',
        id: execution.id,
        totalSteps: preflight.graph.nodes.length,
        completedSteps: completed.length,
      })
    : undefined;
  const runner: RunnerDeps = { ...deps.runner, events: fanOut(deps.runner.events, progress) };
  const result = await claimAndRunExecution(
    runner,
    executionId,
    workerId,
    run.signal ? { signal: run.signal } : {},
  );
  switch (result.outcome) {
    case 'finished':
      return { executionId, outcome: 'finished', status: result.status };
    case 'cancelled':
      return { executionId, outcome: 'cancelled', status: 'cancelled' };
    case 'lease_lost':
      return { executionId, outcome: 'lease_lost', status: await statusOf(deps.runner, executionId) };
    case 'interrupted': {
      // The run was cancelled on Trigger.dev (the API cancels the row first) or hit its maxDuration.
      const status = await statusOf(deps.runner, executionId);
      if (status === 'cancelled') {
        progress?.finished('cancelled');
        return { executionId, outcome: 'cancelled', status };
      }
      throw new RetryLaterError(`Execution ${executionId} was interrupted; the next attempt resumes it`);
    }
    case 'not_claimable':
      return settleUnclaimable(deps.runner, executionId, workerId);
  }
}

/**
 * A retried attempt of the same Trigger.dev run finds the lease its crashed predecessor held (same
 * worker id): Trigger.dev runs one attempt of a run at a time, so that holder is gone. Hand the lease
 * back so the claim that follows succeeds at once instead of waiting for it to expire. A predecessor
 * that is somehow still alive is fenced off: the new claim bumps the attempt its writes are checked
 * against.
 */
async function takeBackOwnLease(deps: RunnerDeps, execution: ConnectorExecution, workerId: string) {
  if (execution.status !== 'running' || execution.leased_by !== workerId) return;
  await releaseExecutionLease(deps.db, {
    executionId: execution.id,
    workerId,
    attempt: execution.attempt,
  });
}

/** An execution that had already ended before this attempt claimed it. */
function alreadyFinished(execution: ConnectorExecution, workerId: string): ExecuteConnectorOutput {
  if (execution.status === 'cancelled') {
    return { executionId: execution.id, outcome: 'cancelled', status: 'cancelled' };
  }
  // An earlier attempt of this very run committed the end, then crashed before reporting it.
  if (execution.leased_by === workerId) {
    return { executionId: execution.id, outcome: 'finished', status: execution.status };
  }
  throw abortRun(
    `Execution ${execution.id} already finished (${execution.status}) in another run: nothing to do`,
  );
}

/** The claim failed: the run ended meanwhile, or another live worker holds it. */
async function settleUnclaimable(
  deps: RunnerDeps,
  executionId: string,
  workerId: string,
): Promise<ExecuteConnectorOutput> {
  const execution = await getExecutionForWorker(deps.db, executionId);
  if (!execution) throw abortRun(`Execution ${executionId} not found (it was deleted)`);
  if (FINAL.has(execution.status)) return alreadyFinished(execution, workerId);
  // Another worker's lease is live: retry later; if that worker died, its lease expires and this resumes.
  throw new RetryLaterError(`Execution ${executionId} is held by another worker; retrying later`);
}

async function statusOf(deps: RunnerDeps, executionId: string): Promise<RunStatus> {
  const execution = await getExecutionForWorker(deps.db, executionId);
  return execution?.status ?? 'failed';
}

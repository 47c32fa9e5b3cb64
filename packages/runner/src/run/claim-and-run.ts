import { claimExecution } from '@connectors/db';
import { type RunExecutionOptions, type RunExecutionOutcome, runExecution } from './run-execution';
import type { RunnerDeps } from './runner-deps';

/**
 * Claims one given execution (pending, or running with an expired lease) and runs it: what a task that
 * is handed an execution id does (Trigger.dev, a synchronous test run). `not_claimable` when it is
 * finished, cancelled, or leased by a live worker.
 */
export async function claimAndRunExecution(
  deps: RunnerDeps,
  executionId: string,
  workerId: string,
  options: RunExecutionOptions = {},
): Promise<RunExecutionOutcome | { outcome: 'not_claimable' }> {
  const claimed = await claimExecution(deps.db, { executionId, workerId, leaseMs: deps.leaseMs });
  if (!claimed) return { outcome: 'not_claimable' };
  const lease = { executionId, workerId, attempt: claimed.attempt };
  return runExecution(deps, executionId, lease, { ...options, claimed });
}

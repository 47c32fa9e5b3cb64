import type { RunChildExecution, RunnerDeps } from '@connectors/runner';
import type { ProgressWriter } from '../progress/run-progress';

export type { RunChildExecution } from '@connectors/runner';

/** What `runExecuteFlow` needs. */
export interface ExecuteFlowDeps {
  runner: RunnerDeps;
  /** `executeConnector.triggerAndWait` in the task; the runner in-process in tests. */
  runChild: RunChildExecution;
  /** Waits out a delay node: `wait.for` in the task (the run is checkpointed meanwhile). */
  sleep?: (seconds: number, signal: AbortSignal) => Promise<void>;
  /** Trigger.dev's `metadata` in the task. */
  progress?: ProgressWriter;
}

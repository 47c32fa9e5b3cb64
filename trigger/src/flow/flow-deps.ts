import type { ConnectorExecution } from '@connectors/db';
import type { RunnerDeps } from '@connectors/runner';
import type { ProgressWriter } from '../progress/run-progress';

/**
 * Runs a child execution to its end. In the task it is `executeConnector.triggerAndWait`, so the child
 * is its own Trigger.dev run (retried, resumed, visible) and the flow run waits checkpointed; in tests
 * it can be the runner called in-process. A child that fails is not an error here: the flow reads the
 * child's final state from the database.
 */
export type RunChildExecution = (child: ConnectorExecution) => Promise<void>;

/** What `runExecuteFlow` needs. */
export interface ExecuteFlowDeps {
  runner: RunnerDeps;
  runChild: RunChildExecution;
  /** Waits out a delay node: `wait.for` in the task (the run is checkpointed meanwhile). */
  sleep?: (seconds: number, signal: AbortSignal) => Promise<void>;
  /** Trigger.dev's `metadata` in the task. */
  progress?: ProgressWriter;
}

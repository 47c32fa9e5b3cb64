import type { ConnectorExecution } from '@connectors/db';
import type { RunnerDeps } from '../run/runner-deps';

/**
 * Runs a child execution to its end. In the Trigger.dev task it is `executeConnector.triggerAndWait`,
 * so the child is its own run (retried, resumed, visible) and the flow run waits checkpointed; in the
 * local worker it is the runner called in-process (`runChildInProcess`). A child that fails is not an
 * error here: the flow reads the child's final state from the database.
 */
export type RunChildExecution = (child: ConnectorExecution) => Promise<void>;

/** Hears a flow run's progress (Trigger.dev run metadata in the task); best effort. */
export interface FlowRunObserver {
  started(init: { flowRunId: string; totalSteps: number; completedSteps: number }): void;
  nodeStarted(nodeId: string, nodeName: string): void;
  nodeFinished(nodeId: string): void;
  finished(status: string): void;
}

/** What `runFlowRun` needs. */
export interface FlowRunDeps {
  runner: RunnerDeps;
  runChild: RunChildExecution;
  /** Waits out a delay node: `wait.for` in the task; default the runner's clock (a timer). */
  sleep?: (seconds: number, signal: AbortSignal) => Promise<void>;
  observer?: FlowRunObserver;
}

/** A flow run to hand over: its id and its workspace (flow runs are only read scoped by workspace). */
export interface DispatchableFlowRun {
  id: string;
  workspace_id: string;
}

/**
 * Hands pending flow runs to whatever runs them (DESIGN §3b): the in-process `LocalFlowWorker`, or
 * Trigger.dev's `execute-flow` task when `TRIGGER_SECRET_KEY` is set.
 */
export interface FlowDispatcher {
  /** Called after the `pending` flow run is committed; must not wait for the run. */
  dispatchFlowRun(flowRun: DispatchableFlowRun): Promise<void>;
  start(): Promise<void>;
  /**
   * A flow run was cancelled (already `cancelled` in the database): a worker holding it here stops it
   * now. Elsewhere (Trigger.dev) the runtime sees the cancel when it stores its next node.
   */
  cancel?(flowRunId: string): Promise<void>;
  /** Stops taking work; runs still going after `graceMs` are interrupted and resume on the next start. */
  stop(graceMs?: number): Promise<void>;
}

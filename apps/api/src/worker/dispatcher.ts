/**
 * Hands a pending execution to whatever runs executions. The local worker (in this process) is the one
 * implementation today; a Trigger.dev dispatcher (`tasks.trigger("execute-connector", { executionId },
 * { idempotencyKey: executionId })`, storing `trigger_run_id`) is the seam DESIGN §4 describes for when
 * `TRIGGER_SECRET_KEY` is set.
 */
export interface Dispatcher {
  /** Called after the `pending` row is committed; must not wait for the run. */
  dispatch(executionId: string): Promise<void>;
  /** Stops the execution wherever it runs (Trigger.dev cancels its run); best effort, never throws. */
  cancel?(executionId: string): Promise<unknown>;
}

/** A dispatcher that also has a lifecycle (the local worker runs inside the API process). */
export interface ManagedDispatcher extends Dispatcher {
  start(): Promise<void>;
  /** Stops taking work; runs still going after `graceMs` are interrupted and resume on the next start. */
  stop(graceMs?: number): Promise<void>;
}

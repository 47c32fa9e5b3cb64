import type { RunEvent, RunEventSink } from '@connectors/runner';

/** What travels on the bus: the runner's events, and the API asking a worker to stop a run. */
export type ExecutionBusEvent = RunEvent | { type: 'run.cancel_requested'; executionId: string };

type Listener = (event: ExecutionBusEvent) => void;

/**
 * In-process notifications about executions: the local worker's runner publishes node and run events,
 * SSE streams subscribe to wake up at once, the cancel route asks the worker to stop a run. It only
 * speeds things up: the database stays the truth, and streams poll it for runs of other processes.
 */
export class ExecutionEventBus implements RunEventSink {
  private readonly byExecution = new Map<string, Set<Listener>>();
  private readonly everything = new Set<Listener>();

  /** Listens to one execution's events; returns the unsubscribe function. */
  subscribe(executionId: string, listener: Listener): () => void {
    let listeners = this.byExecution.get(executionId);
    if (!listeners) {
      listeners = new Set();
      this.byExecution.set(executionId, listeners);
    }
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.byExecution.delete(executionId);
    };
  }

  /** Listens to every execution's events (the local worker, for cancels). */
  subscribeAll(listener: Listener): () => void {
    this.everything.add(listener);
    return () => this.everything.delete(listener);
  }

  publish(event: ExecutionBusEvent): void {
    for (const listener of [...(this.byExecution.get(event.executionId) ?? []), ...this.everything]) {
      // A listener's fault must not reach the runner that published.
      try {
        listener(event);
      } catch {}
    }
  }
}

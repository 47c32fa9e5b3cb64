import type { RunEvent, RunEventSink } from '@connectors/runner';

/** Where progress is published: Trigger.dev's `metadata` in a task, a plain object in tests. */
export interface ProgressWriter {
  set(key: string, value: ProgressValue): unknown;
}

/** What run metadata may hold (JSON). */
export type ProgressValue =
  | string
  | number
  | boolean
  | null
  | ProgressValue[]
  | { [key: string]: ProgressValue };

/** The step shown as current: the one started last that is still running. */
export interface CurrentStep {
  id: string;
  name: string;
}

/**
 * A run's progress as Trigger.dev run metadata (`metadata.set`), for the dashboard and realtime
 * subscribers: `status`, `currentStep` (`{ id, name }` or null), `runningSteps` (ids), `completedSteps`
 * (nodes finished, including skipped ones and those reused from an earlier attempt) and `totalSteps`.
 * Only ids, node names, counts and statuses are published: never inputs, responses or secrets.
 */
export class RunProgress implements RunEventSink {
  private readonly running = new Map<string, string>();
  private completed: number;

  constructor(
    private readonly writer: ProgressWriter,
    init: {
      kind: 'execution' | 'flow_run';
      id: string;
      totalSteps: number;
      completedSteps: number;
    },
  ) {
    this.completed = init.completedSteps;
    writer.set(init.kind === 'execution' ? 'executionId' : 'flowRunId', init.id);
    writer.set('totalSteps', init.totalSteps);
    this.write('running');
  }

  /** The runner's event sink: node and run events become metadata updates. */
  publish(event: RunEvent): void {
    switch (event.type) {
      case 'node.started':
        this.stepStarted(event.nodeId, event.nodeName);
        return;
      case 'node.finished':
        this.stepFinished(event.nodeId);
        return;
      case 'run.finished':
        this.finished(event.status);
        return;
    }
  }

  stepStarted(id: string, name: string): void {
    this.running.delete(id);
    this.running.set(id, name);
    this.write('running');
  }

  stepFinished(id: string): void {
    this.running.delete(id);
    this.completed++;
    this.write('running');
  }

  finished(status: string): void {
    this.running.clear();
    this.write(status);
  }

  private write(status: string): void {
    const last = [...this.running.entries()].at(-1);
    this.writer.set('status', status);
    this.writer.set('currentStep', last ? { id: last[0], name: last[1] } : null);
    this.writer.set('runningSteps', [...this.running.keys()]);
    this.writer.set('completedSteps', this.completed);
  }
}

/** Publishes each event to every sink; a sink that throws does not keep the others from hearing it. */
export function fanOut(...sinks: (RunEventSink | undefined)[]): RunEventSink {
  const present = sinks.filter((sink): sink is RunEventSink => sink !== undefined);
  return {
    publish(event) {
      for (const sink of present) {
        try {
          sink.publish(event);
        } catch {
          // Progress is best effort: the database holds the run's truth.
        }
      }
    },
  };
}

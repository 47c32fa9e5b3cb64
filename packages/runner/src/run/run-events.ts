import type { FinalRunStatus } from '@connectors/db';
import type { NodeResult } from '@connectors/engine';

/** What the runner tells listeners as a run goes (the database stays the source of truth). */
export type RunEvent =
  | { type: 'node.started'; executionId: string; nodeId: string; nodeName: string; startedAt: string }
  | { type: 'node.finished'; executionId: string; nodeId: string; status: NodeResult['status'] }
  | { type: 'run.finished'; executionId: string; status: FinalRunStatus };

/** Receives run events, e.g. an in-process bus that wakes the SSE streams of the local worker. */
export interface RunEventSink {
  publish(event: RunEvent): void;
}

import type { ExecutionNodeResult } from '@connectors/db';
import type { AttemptRecord, NodeError } from '@connectors/engine';

/** One entry of an execution's `steps_executed` (DESIGN §4), as the API presents it. */
export interface StepExecuted {
  step_id: string;
  step_name: string;
  step_type: string;
  status: ExecutionNodeResult['status'];
  /** The handle the step left through (`success`, `error`, `true`, `false`); null when skipped. */
  handle: string | null;
  started_at: string | null;
  finished_at: string | null;
  duration_ms: number | null;
  /** Each HTTP attempt: redacted request, response (bodies cut to 64 KiB), error, duration. */
  attempts: AttemptRecord[];
  /** The values carried on each outgoing edge that became active, keyed by edge id. */
  edge_values: Record<string, Record<string, unknown>>;
  /** What the step produced (http: the status; condition: its boolean; output: the mapped fields). */
  output: unknown;
  error: NodeError | null;
}

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/**
 * Turns stored node results into `steps_executed`: one entry per node, in the order the nodes finished
 * (the rows' `seq`), secrets already masked by the engine before anything was stored.
 */
export function presentStepsExecuted(rows: readonly ExecutionNodeResult[]): StepExecuted[] {
  return [...rows]
    .sort((a, b) => a.seq - b.seq)
    .map((row) => ({
      step_id: row.node_id,
      step_name: row.node_name ?? row.node_id,
      step_type: row.node_type,
      status: row.status,
      handle: row.handle,
      started_at: iso(row.started_at),
      finished_at: iso(row.finished_at),
      duration_ms: row.duration_ms,
      attempts: row.attempts as AttemptRecord[],
      edge_values: row.edge_values as StepExecuted['edge_values'],
      output: row.output,
      error: (row.error as NodeError | null) ?? null,
    }));
}

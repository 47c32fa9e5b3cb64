import { type ConnectorExecution, type Executor, listNodeResults } from '@connectors/db';
import { presentStepsExecuted } from '@connectors/runner';
import type { z } from 'zod';
import type { executionSchema } from '../schemas/execution.schema';

/** An execution as the API returns it (DESIGN §6). */
export type ExecutionView = z.infer<typeof executionSchema>;

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/**
 * An execution for lists: everything but `steps_executed` and `graph_snapshot`, which can be large and
 * are read one execution at a time (`GET /executions/:id`). Lease bookkeeping and `error_stack` are
 * internal and never returned.
 */
export function executionSummary(row: ConnectorExecution): ExecutionView {
  return {
    id: row.id,
    connector_id: row.connector_id,
    contact_id: row.contact_id,
    status: row.status,
    mode: row.mode,
    current_step: row.current_step,
    input_data: row.input_data,
    output_data: row.output_data,
    error_message: row.error_message,
    execution_time_ms: row.execution_time_ms,
    attempt: row.attempt,
    connector_version: row.connector_version,
    retry_of: row.retry_of,
    trigger_run_id: row.trigger_run_id,
    flow_run_id: row.flow_run_id,
    created_at: row.created_at.toISOString(),
    started_at: iso(row.started_at),
    completed_at: iso(row.completed_at),
  };
}

/** An execution with its steps (from the node results, in finish order) and the graph it ran. */
export async function executionDetail(db: Executor, row: ConnectorExecution): Promise<ExecutionView> {
  const rows = await listNodeResults(db, row.workspace_id, row.id);
  return {
    ...executionSummary(row),
    steps_executed: presentStepsExecuted(rows),
    graph_snapshot: row.graph_snapshot,
  };
}

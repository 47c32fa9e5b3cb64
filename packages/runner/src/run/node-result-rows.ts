import type { ExecutionNodeResult, NodeResultInput } from '@connectors/db';
import type { AttemptRecord, NodeError, NodeResult } from '@connectors/engine';

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

/** A stored node result as the engine's `NodeResult` (for `completed` when a run resumes). */
export function rowToNodeResult(row: ExecutionNodeResult): NodeResult {
  const result: NodeResult = {
    nodeId: row.node_id,
    nodeName: row.node_name ?? row.node_id,
    nodeType: row.node_type,
    // Rows are only written when a node finishes, so these are the three final statuses.
    status: row.status as NodeResult['status'],
    handle: row.handle,
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at) ?? row.created_at.toISOString(),
    durationMs: row.duration_ms ?? 0,
    attempts: row.attempts as AttemptRecord[],
    edgeValues: row.edge_values as NodeResult['edgeValues'],
  };
  if (row.output !== null) result.output = row.output;
  if (row.error !== null) result.error = row.error as NodeError;
  return result;
}

/** The row to insert for a node the engine just finished. */
export function nodeResultToRow(
  executionId: string,
  workspaceId: string,
  result: NodeResult,
): NodeResultInput {
  return {
    execution_id: executionId,
    workspace_id: workspaceId,
    node_id: result.nodeId,
    node_name: result.nodeName,
    node_type: result.nodeType,
    status: result.status,
    handle: result.handle,
    started_at: result.startedAt ? new Date(result.startedAt) : null,
    finished_at: new Date(result.finishedAt),
    duration_ms: result.durationMs,
    attempts: result.attempts,
    edge_values: result.edgeValues,
    output: result.output ?? null,
    error: result.error ?? null,
  };
}

import { type ConnectorExecution, type Executor, getConnector, listNodeResults } from '@connectors/db';
import { presentStepsExecuted } from '@connectors/runner';
import type { z } from 'zod';
import type { executionSchema } from '../schemas/execution.schema';
import { connectorChanges } from './connector-changes';

/** An execution as the API returns it (DESIGN §6). */
export type ExecutionView = z.infer<typeof executionSchema>;

type StepCounts = NonNullable<ExecutionView['step_counts']>;
type ContactRef = NonNullable<ExecutionView['contact']>;

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** How many nodes the run's graph has: the denominator of "3 of 5 steps". */
function nodeCount(snapshot: unknown): number {
  const nodes = (snapshot as { nodes?: unknown } | null)?.nodes;
  return Array.isArray(nodes) ? nodes.length : 0;
}

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

/**
 * A page of executions for the history: each summary with its step counts, its connector's name and
 * its contact, read with one grouped query per kind for the whole page (never one per row).
 */
export async function executionSummaries(
  db: Executor,
  workspaceId: string,
  rows: readonly ConnectorExecution[],
): Promise<ExecutionView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const contactIds = [...new Set(rows.map((r) => r.contact_id).filter((id): id is string => !!id))];
  const connectorIds = [...new Set(rows.map((r) => r.connector_id))];
  const [counts, contacts, connectors] = await Promise.all([
    db
      .selectFrom('execution_node_results')
      .select(['execution_id', 'status', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('workspace_id', '=', workspaceId)
      .where('execution_id', 'in', ids)
      .groupBy(['execution_id', 'status'])
      .execute(),
    contactIds.length
      ? db
          .selectFrom('contacts')
          .select(['id', 'email', 'first_name', 'last_name'])
          .where('workspace_id', '=', workspaceId)
          .where('id', 'in', contactIds)
          .execute()
      : Promise.resolve([]),
    db
      .selectFrom('connectors')
      .select(['id', 'name'])
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', connectorIds)
      .execute(),
  ]);
  const countsById = new Map<string, StepCounts>();
  for (const row of rows) {
    countsById.set(row.id, { total: nodeCount(row.graph_snapshot), success: 0, failed: 0, skipped: 0 });
  }
  for (const c of counts) {
    const entry = countsById.get(c.execution_id);
    if (entry && (c.status === 'success' || c.status === 'failed' || c.status === 'skipped')) {
      entry[c.status] = Number(c.n);
    }
  }
  const contactById = new Map<string, ContactRef>(contacts.map((c) => [c.id, c]));
  const nameById = new Map(connectors.map((c) => [c.id, c.name]));
  return rows.map((row) => ({
    ...executionSummary(row),
    connector_name: nameById.get(row.connector_id) ?? null,
    contact: row.contact_id ? (contactById.get(row.contact_id) ?? null) : null,
    step_counts: countsById.get(row.id),
  }));
}

/**
 * An execution with its steps (from the node results, in finish order), the graph it ran, and how the
 * connector changed since (so the run view can say so before a retry or "Open in editor").
 */
export async function executionDetail(db: Executor, row: ConnectorExecution): Promise<ExecutionView> {
  const [rows, connector, [summary]] = await Promise.all([
    listNodeResults(db, row.workspace_id, row.id),
    getConnector(db, row.workspace_id, row.connector_id),
    executionSummaries(db, row.workspace_id, [row]),
  ]);
  const succeeded = rows.filter((r) => r.status === 'success').map((r) => r.node_id);
  return {
    ...(summary ?? executionSummary(row)),
    steps_executed: presentStepsExecuted(rows),
    graph_snapshot: row.graph_snapshot,
    connector_changes: connector ? connectorChanges(row.graph_snapshot, connector, succeeded) : null,
  };
}

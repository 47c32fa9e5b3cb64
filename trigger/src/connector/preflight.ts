import { type ConnectorExecution, type Executor, getConnector } from '@connectors/db';
import { type Graph, parseGraph, validateGraph } from '@connectors/engine';

/** Why an execution cannot start, or its checked graph. */
export type Preflight = { ok: true; graph: Graph } | { ok: false; reason: string };

/**
 * The checks made before a run is claimed, each a failure no retry can fix: the connector still exists,
 * is enabled (for a live run: test runs work on a disabled connector, as in the API), and the graph the
 * execution snapshotted can run.
 */
export async function preflightExecution(db: Executor, execution: ConnectorExecution): Promise<Preflight> {
  const connector = await getConnector(db, execution.workspace_id, execution.connector_id);
  if (!connector) return { ok: false, reason: 'The connector was deleted' };
  if (execution.mode === 'live' && !connector.enabled) {
    return { ok: false, reason: `The connector "${connector.name}" is disabled` };
  }
  const parsed = parseGraph(execution.graph_snapshot);
  if (!parsed.graph) {
    return { ok: false, reason: `The connector's graph cannot run: ${firstProblem(parsed.problems)}` };
  }
  const checked = validateGraph(parsed.graph);
  if (!checked.ok) {
    const errors = checked.problems.filter((p) => p.severity === 'error');
    return { ok: false, reason: `The connector's graph cannot run: ${firstProblem(errors)}` };
  }
  return { ok: true, graph: parsed.graph };
}

function firstProblem(problems: { message: string }[]): string {
  return problems[0]?.message ?? 'unreadable graph';
}

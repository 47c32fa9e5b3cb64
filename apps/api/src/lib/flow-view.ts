import type {
  ConnectorExecution,
  Flow,
  FlowFields,
  FlowRun,
  FlowTriggerEvent,
  LatestFlowRun,
} from '@connectors/db';
import {
  type Graph,
  type GraphProblem,
  type NodeResult,
  parseGraph,
  validateGraph,
} from '@connectors/engine';
import type { z } from 'zod';
import { ApiError } from '../errors/api-error';
import type {
  CreateFlowBody,
  flowRunExecutionSchema,
  flowRunSchema,
  flowSchema,
  flowStepSchema,
} from '../schemas/flow.schema';
import { problemView } from './connector-view';
import { problemDetails } from './problem-path';

export type FlowView = z.infer<typeof flowSchema>;
export type FlowRunView = z.infer<typeof flowRunSchema>;
type FlowStepView = z.infer<typeof flowStepSchema>;
type FlowRunExecutionView = z.infer<typeof flowRunExecutionSchema>;

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** The event of the graph's trigger node; `manual` when it has none (a draft). */
export function triggerEventOf(graph: Graph): FlowTriggerEvent {
  const trigger = graph.nodes.find((node) => node.type === 'trigger');
  return trigger?.type === 'trigger' ? trigger.data.event : 'manual';
}

/**
 * A create/update body as the flow's stored fields. The graph must have the shape of a graph (else 400
 * with `config.…` paths); one with validation problems is saved as a draft and its problems listed.
 * `trigger_event` is derived from the trigger node, so the index contact events use never disagrees
 * with the graph.
 */
export function readFlowBody(body: CreateFlowBody): FlowFields {
  const parsed = parseGraph(body.config);
  if (!parsed.graph) {
    throw new ApiError(
      400,
      'validation_failed',
      'The flow graph is malformed',
      problemDetails(parsed.problems, ['config']),
    );
  }
  return {
    name: body.name,
    description: body.description ?? null,
    enabled: body.enabled ?? false,
    config: parsed.graph,
    trigger_event: triggerEventOf(parsed.graph),
  };
}

/** Validates a stored flow graph as a flow (`trigger`, `connector`, `update_contact`, `delay`…). */
export function flowProblems(config: unknown): { graph?: Graph; ok: boolean; problems: GraphProblem[] } {
  const parsed = parseGraph(config);
  if (!parsed.graph) return { ok: false, problems: parsed.problems };
  const result = validateGraph(parsed.graph, { kind: 'flow' });
  return { graph: parsed.graph, ok: result.ok, problems: result.problems };
}

/** The newest run of a flow as the flows list shows it (`last_run`). */
export function lastRunView(run: LatestFlowRun | undefined): FlowView['last_run'] {
  if (!run) return null;
  return {
    id: run.id,
    status: run.status,
    created_at: run.created_at.toISOString(),
    started_at: iso(run.started_at),
    completed_at: iso(run.completed_at),
  };
}

/** The API's view of a flow; `problems` computed from the stored graph on every read. */
export function flowView(row: Flow): FlowView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    enabled: row.enabled,
    config: row.config as Record<string, unknown>,
    trigger_event: row.trigger_event,
    version: row.version,
    problems: flowProblems(row.config).problems.map((problem) => problemView(problem)),
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

/** One stored node result as `steps_executed` presents it (the shape of an execution's steps). */
function stepView(result: NodeResult): FlowStepView {
  return {
    step_id: result.nodeId,
    step_name: result.nodeName || result.nodeId,
    step_type: result.nodeType,
    status: result.status,
    handle: result.handle ?? null,
    started_at: result.startedAt ?? null,
    finished_at: result.finishedAt ?? null,
    duration_ms: result.durationMs ?? null,
    edge_values: result.edgeValues ?? {},
    output: result.output ?? null,
    error: result.error ?? null,
  };
}

/** The connector node a child execution ran for, from its idempotency key `flow-run:<id>:<nodeId>`. */
function childNodeId(execution: ConnectorExecution): string | null {
  const key = execution.idempotency_key;
  const prefix = `flow-run:${execution.flow_run_id}:`;
  return key?.startsWith(prefix) ? key.slice(prefix.length) : null;
}

/** A child execution as a flow run lists it. */
export function flowRunExecutionView(execution: ConnectorExecution): FlowRunExecutionView {
  return {
    id: execution.id,
    node_id: childNodeId(execution),
    connector_id: execution.connector_id,
    status: execution.status,
    execution_time_ms: execution.execution_time_ms,
  };
}

/** A flow run for lists: without its graph and child executions. */
export function flowRunSummary(row: FlowRun): FlowRunView {
  const steps = Array.isArray(row.steps_executed) ? (row.steps_executed as NodeResult[]) : [];
  return {
    id: row.id,
    flow_id: row.flow_id,
    contact_id: row.contact_id,
    status: row.status,
    trigger_event: row.trigger_event,
    flow_version: row.flow_version,
    bulk_run_id: row.bulk_run_id,
    steps_executed: steps.map(stepView),
    error_message: row.error_message,
    created_at: row.created_at.toISOString(),
    started_at: iso(row.started_at),
    completed_at: iso(row.completed_at),
  };
}

/** A flow run with the graph it ran and its child executions (oldest first). */
export function flowRunDetail(row: FlowRun, children: ConnectorExecution[]): FlowRunView {
  const snapshot = row.graph_snapshot;
  return {
    ...flowRunSummary(row),
    graph_snapshot:
      typeof snapshot === 'object' && snapshot !== null ? (snapshot as Record<string, unknown>) : null,
    executions: [...children]
      .sort((a, b) => a.created_at.getTime() - b.created_at.getTime())
      .map(flowRunExecutionView),
  };
}

import {
  delayDueAt,
  type FinalRunStatus,
  getContact,
  getFlow,
  getFlowRun,
  type RunStatus,
  updateFlowRun,
  updateUnfinishedFlowRun,
} from '@connectors/db';
import { type NodeResult, parseGraph, validateGraph } from '@connectors/engine';
import {
  type NodeExecutor,
  type RunGraphResult,
  runGraph,
  type SecretResolver,
  systemClock,
} from '@connectors/engine/runtime';
import { createConnectorNodeExecutor } from './connector-node.executor';
import { contactScope } from './contact-scope';
import type { FlowRunDeps } from './flow-deps';
import { createFlowRecorder } from './flow-recorder';
import { createUpdateContactExecutor } from './update-contact.executor';

/** Which flow run to carry out, and the attempt doing it. */
export interface FlowRunRequest {
  workspaceId: string;
  flowRunId: string;
  attempt: number;
  /** Aborting stops the run: nothing more is stored and the flow run stays `running`, to be resumed. */
  signal?: AbortSignal;
}

/** How a call to `runFlowRun` ended. */
export type FlowRunOutcome =
  /** The flow run ended (now, or before this call) with `status`. */
  | { outcome: 'finished'; status: RunStatus }
  /** No such flow run (it, or its flow, was deleted). */
  | { outcome: 'missing' }
  /** Its flow's graph cannot run: the flow run was ended `failed` with `message`. */
  | { outcome: 'invalid'; message: string }
  /** `signal` aborted: completed nodes are kept and the run resumes from them. */
  | { outcome: 'interrupted' };

const FINAL = new Set<RunStatus>(['success', 'partial', 'failed', 'timeout', 'cancelled']);

/** Flows reference no secrets: http nodes belong to connectors, which run as child executions. */
const noSecrets: SecretResolver = { resolve: async () => undefined };

/**
 * THE flow runtime (DESIGN §3b), shared by the API's local worker and Trigger.dev's `execute-flow` task:
 * walks the flow graph on the engine. `connector` nodes run their connector as a child execution
 * (`flow_run_id` set) through `deps.runChild` — the runner in-process locally, `triggerAndWait` in the
 * task — and edges out of them map over the child's `output_data`; `update_contact` nodes write the
 * flow's contact; `delay` waits (`deps.sleep`, or the clock); `condition` and `transform` run as in
 * connectors. Each finished node is stored in `flow_runs.steps_executed`, so a retried attempt resumes
 * after the last one (and finds its children by their idempotency keys).
 *
 * A failed flow is a normal `finished` outcome; only infrastructure faults throw.
 */
export async function runFlowRun(deps: FlowRunDeps, request: FlowRunRequest): Promise<FlowRunOutcome> {
  const { db } = deps.runner;
  const { workspaceId, flowRunId } = request;
  const flowRun = await getFlowRun(db, workspaceId, flowRunId);
  if (!flowRun) return { outcome: 'missing' };
  if (FINAL.has(flowRun.status)) return { outcome: 'finished', status: flowRun.status };

  const flow = await getFlow(db, workspaceId, flowRun.flow_id);
  // The graph the run started on; runs created before snapshots existed use the flow's current one.
  const parsed = flow ? parseGraph(flowRun.graph_snapshot ?? flow.config) : undefined;
  const checked = parsed?.graph ? validateGraph(parsed.graph, { kind: 'flow' }) : undefined;
  if (!parsed?.graph || !checked?.ok) {
    const problem = parsed?.problems[0] ?? checked?.problems.find((p) => p.severity === 'error');
    const message = flow
      ? `The flow's graph cannot run: ${problem?.message ?? 'unreadable graph'}`
      : 'The flow was deleted';
    await updateFlowRun(db, workspaceId, flowRunId, {
      status: 'failed',
      error_message: message,
      completed_at: new Date(),
    });
    return { outcome: 'invalid', message };
  }
  const graph = parsed.graph;

  const contact = flowRun.contact_id ? await getContact(db, workspaceId, flowRun.contact_id) : undefined;
  const completed = storedResults(flowRun.steps_executed, new Set(graph.nodes.map((n) => n.id)));
  const started = await updateUnfinishedFlowRun(db, workspaceId, flowRunId, {
    status: 'running',
    started_at: flowRun.started_at ?? new Date(),
  });
  if (!started) return endedMeanwhile(db, workspaceId, flowRunId);
  // A cancel (`POST /flow-runs/:id/cancel`) is seen as the next node is stored: no further node starts.
  const cancel = new AbortController();
  const signal = request.signal ? AbortSignal.any([request.signal, cancel.signal]) : cancel.signal;
  deps.observer?.started({ flowRunId, totalSteps: graph.nodes.length, completedSteps: completed.length });
  const recorder = createFlowRecorder({
    db,
    workspaceId,
    flowRunId,
    completed,
    observer: deps.observer,
    signal: request.signal,
    onCancelled: () => cancel.abort(),
  });

  const executors: Record<string, NodeExecutor> = {
    connector: createConnectorNodeExecutor({ db, workspaceId, flowRunId, contact, runChild: deps.runChild }),
    update_contact: createUpdateContactExecutor({
      db,
      workspaceId,
      flowRunId,
      contactId: contact?.id ?? null,
    }),
  };
  const clock = deps.runner.clock ?? systemClock;
  // A delay's due time is stored as it starts, so a resumed run (or retried attempt) waits only the rest.
  executors.delay = async (ctx) => {
    const seconds = (ctx.node.data as { seconds?: number }).seconds ?? 0;
    const due = await delayDueAt(db, workspaceId, flowRunId, ctx.node.id, seconds);
    const remainingMs = due.getTime() - Date.now();
    if (remainingMs > 0) {
      if (deps.sleep) await deps.sleep(Math.ceil(remainingMs / 1000), ctx.signal);
      else await clock.sleep(remainingMs, ctx.signal);
    }
    return { status: 'success', output: { seconds }, mappingInput: ctx.scope };
  };

  const result: RunGraphResult = await runGraph({
    graph,
    ports: { http: deps.runner.http, clock, secrets: noSecrets, recorder },
    run: { executionId: flowRunId, attempt: request.attempt, workspaceId, flowRunId, mode: 'live' },
    input: {},
    contact: contact ? contactScope(contact) : null,
    completed,
    executors,
    signal,
    ...(deps.runner.maxParallel ? { maxParallel: deps.runner.maxParallel } : {}),
  });
  if (cancel.signal.aborted) return endedMeanwhile(db, workspaceId, flowRunId);
  if (request.signal?.aborted) return { outcome: 'interrupted' };
  const status: FinalRunStatus = result.status;
  const errorMessage = result.error ? failureMessage(result.error, graph.nodes) : null;
  const finished = await updateUnfinishedFlowRun(db, workspaceId, flowRunId, {
    status,
    steps_executed: recorder.steps(),
    error_message: errorMessage,
    completed_at: new Date(),
  });
  if (!finished) return endedMeanwhile(db, workspaceId, flowRunId);
  deps.observer?.finished(status);
  return { outcome: 'finished', status };
}

/** The outcome of a flow run that ended while this attempt ran it (cancelled): its stored status. */
async function endedMeanwhile(
  db: FlowRunDeps['runner']['db'],
  workspaceId: string,
  flowRunId: string,
): Promise<FlowRunOutcome> {
  const current = await getFlowRun(db, workspaceId, flowRunId);
  if (!current) return { outcome: 'missing' };
  return { outcome: 'finished', status: current.status };
}

function failureMessage(
  error: NonNullable<RunGraphResult['error']>,
  nodes: { id: string; data: { name?: string } }[],
): string {
  if (!error.nodeId) return error.message;
  const name = nodes.find((n) => n.id === error.nodeId)?.data.name;
  return `Step ${name ? `"${name}" (${error.nodeId})` : error.nodeId} failed: ${error.message}`;
}

/** The node results an earlier attempt stored, for the nodes the graph still has. */
function storedResults(value: unknown, nodeIds: Set<string>): NodeResult[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is NodeResult =>
      typeof item === 'object' &&
      item !== null &&
      typeof (item as NodeResult).nodeId === 'string' &&
      nodeIds.has((item as NodeResult).nodeId) &&
      ['success', 'failed', 'skipped'].includes((item as NodeResult).status),
  );
}

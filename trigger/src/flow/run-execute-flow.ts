import { getContact, getFlow, getFlowRun, type RunStatus, updateFlowRun } from '@connectors/db';
import { type NodeResult, parseGraph, validateGraph } from '@connectors/engine';
import {
  type NodeExecutor,
  type RunGraphResult,
  runGraph,
  type SecretResolver,
  systemClock,
} from '@connectors/engine/runtime';
import { abortRun } from '../connector/task-errors';
import type { ExecuteFlowPayload } from '../payloads/execute-flow.payload';
import { RunProgress } from '../progress/run-progress';
import { createConnectorNodeExecutor } from './connector-node.executor';
import { contactScope } from './contact-scope';
import type { ExecuteFlowDeps } from './flow-deps';
import { createFlowRecorder } from './flow-recorder';
import { createUpdateContactExecutor } from './update-contact.executor';

/** The Trigger.dev run carrying out the flow run. */
export interface ExecuteFlowRun {
  runId: string;
  attempt: number;
  signal?: AbortSignal;
}

/** How the flow run ended. */
export interface ExecuteFlowOutput {
  flowRunId: string;
  status: RunStatus;
}

const FINAL = new Set<RunStatus>(['success', 'partial', 'failed', 'timeout', 'cancelled']);

/** Flows reference no secrets: http nodes belong to connectors, which run as child executions. */
const noSecrets: SecretResolver = { resolve: async () => undefined };

/**
 * The body of the `execute-flow` task (DESIGN §3b), as a plain function: walks the flow graph on the
 * engine. `connector` nodes run their connector as a child execution (`flow_run_id` set) through
 * `deps.runChild` — `executeConnector.triggerAndWait` in the task — and `update_contact` nodes write the
 * flow's contact. Each finished node is stored in `flow_runs.steps_executed`, so a retried attempt
 * resumes after the last one (and finds its children by their idempotency keys).
 *
 * A failed flow returns normally with `status: 'failed'`; a missing flow run or an invalid flow graph
 * throws `AbortTaskRunError` (the flow run is ended `failed` first); anything else thrown is an
 * infrastructure fault, retried.
 */
export async function runExecuteFlow(
  payload: ExecuteFlowPayload,
  run: ExecuteFlowRun,
  deps: ExecuteFlowDeps,
): Promise<ExecuteFlowOutput> {
  const { db } = deps.runner;
  const { workspaceId, flowRunId } = payload;
  const flowRun = await getFlowRun(db, workspaceId, flowRunId);
  if (!flowRun) throw abortRun(`Flow run ${flowRunId} not found (it, or its flow, was deleted)`);
  if (FINAL.has(flowRun.status)) return { flowRunId, status: flowRun.status };

  const flow = await getFlow(db, workspaceId, flowRun.flow_id);
  const parsed = flow ? parseGraph(flow.config) : undefined;
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
    throw abortRun(`${message}: flow run ${flowRunId} failed`);
  }
  const graph = parsed.graph;

  const contact = flowRun.contact_id ? await getContact(db, workspaceId, flowRun.contact_id) : undefined;
  const completed = storedResults(flowRun.steps_executed, new Set(graph.nodes.map((n) => n.id)));
  await updateFlowRun(db, workspaceId, flowRunId, {
    status: 'running',
    started_at: flowRun.started_at ?? new Date(),
  });
  const progress = deps.progress
    ? new RunProgress(deps.progress, {
        kind: 'flow_run',
        id: flowRunId,
        totalSteps: graph.nodes.length,
        completedSteps: completed.length,
      })
    : undefined;
  const recorder = createFlowRecorder({ db, workspaceId, flowRunId, completed, progress });

  const executors: Record<string, NodeExecutor> = {
    connector: createConnectorNodeExecutor({ db, workspaceId, flowRunId, contact, runChild: deps.runChild }),
    update_contact: createUpdateContactExecutor({ db, workspaceId, contactId: contact?.id ?? null }),
  };
  const sleep = deps.sleep;
  if (sleep) {
    executors.delay = async (ctx) => {
      const seconds = (ctx.node.data as { seconds?: number }).seconds ?? 0;
      await sleep(seconds, ctx.signal);
      return { status: 'success', output: { seconds }, mappingInput: ctx.scope };
    };
  }

  const result: RunGraphResult = await runGraph({
    graph,
    ports: { http: deps.runner.http, clock: deps.runner.clock ?? systemClock, secrets: noSecrets, recorder },
    run: { executionId: flowRunId, attempt: run.attempt, workspaceId, flowRunId, mode: 'live' },
    input: {},
    contact: contact ? contactScope(contact) : null,
    completed,
    executors,
    ...(run.signal ? { signal: run.signal } : {}),
    ...(deps.runner.maxParallel ? { maxParallel: deps.runner.maxParallel } : {}),
  });
  const errorMessage = result.error ? failureMessage(result.error, graph.nodes) : null;
  await updateFlowRun(db, workspaceId, flowRunId, {
    status: result.status,
    steps_executed: recorder.steps(),
    error_message: errorMessage,
    completed_at: new Date(),
  });
  progress?.finished(result.status);
  return { flowRunId, status: result.status };
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

import {
  type ConnectorExecution,
  type FinalRunStatus,
  getExecutionForWorker,
  getExecutionState,
  getRunContext,
  type LeaseToken,
  listNodeResults,
  type NodeResultInput,
  recordNodeResult,
  releaseExecutionLease,
} from '@connectors/db';
import { type Graph, parseGraph } from '@connectors/engine';
import { type RunGraphResult, runGraph, systemClock } from '@connectors/engine/runtime';
import { contactScope } from '../flows/contact-scope';
import { createSecretResolver } from '../secrets/secret-resolver';
import { type ContactRead, commitRun, type RunEnd } from './commit-run';
import { startLeaseKeeper } from './lease-keeper';
import { NextStepForecast } from './next-step';
import { rowToNodeResult } from './node-result-rows';
import { RunStop } from './run-interrupt';
import { createRunRecorder, stepId } from './run-recorder';
import { consoleLogger, type RunnerDeps } from './runner-deps';

/** How a call to `runExecution` ended. A failed run is `finished` with status `failed`. */
export type RunExecutionOutcome =
  | { outcome: 'finished'; status: FinalRunStatus }
  /** A user cancelled the run; the row already says `cancelled`. */
  | { outcome: 'cancelled' }
  /** Another worker holds the run now (or it was never this caller's): nothing was written. */
  | { outcome: 'lease_lost' }
  /** The worker is stopping: completed steps are kept, the lease handed back, the run resumes elsewhere. */
  | { outcome: 'interrupted' };

export interface RunExecutionOptions {
  /** Aborting stops the run; a `RunInterrupt` reason says why (default: a shutdown). */
  signal?: AbortSignal;
  /**
   * The row the claim returned (`claimExecutions`, `claimExecution`), so the run does not read it
   * again. It must be the claim of this very lease; anything else is read from the database.
   */
  claimed?: ConnectorExecution;
}

function failedEnd(message: string): RunEnd {
  return { status: 'failed', outputData: null, outputFields: null, errorMessage: message };
}

function endOf(result: RunGraphResult, graph: Graph): RunEnd {
  let errorMessage = result.error?.message ?? null;
  const nodeId = result.error?.nodeId;
  if (errorMessage && nodeId) {
    const name = graph.nodes.find((n) => n.id === nodeId)?.data.name;
    errorMessage = `Step ${name ? `"${name}" (${nodeId})` : nodeId} failed: ${errorMessage}`;
  }
  return {
    status: result.status,
    outputData: result.outputData,
    outputFields: result.outputFields,
    errorMessage,
  };
}

/**
 * THE runner, shared by the API's local worker and the Trigger.dev task: runs one leased execution to
 * its end. It loads the execution (graph snapshot, inputs, contact), reuses the node results already
 * persisted (a resumed or "retry from failed" run calls no completed step again), runs the engine with
 * a recorder that inserts each node's result before its dependants start, keeps the lease alive, and
 * finally commits status, output, contact and counters in one transaction fenced by the lease.
 *
 * A run that fails is a normal outcome (`finished` with status `failed`); this throws only for
 * infrastructure faults (the database went away), after which the lease expires and another attempt
 * resumes the run.
 *
 * @example
 * const [claimed] = await claimExecutions(db, { workerId, leaseMs, limit: 1 });
 * if (claimed) {
 *   const lease = { executionId: claimed.id, workerId, attempt: claimed.attempt };
 *   await runExecution(deps, claimed.id, lease, { claimed });
 * }
 */
export async function runExecution(
  deps: RunnerDeps,
  executionId: string,
  lease: LeaseToken,
  options: RunExecutionOptions = {},
): Promise<RunExecutionOutcome> {
  const { db } = deps;
  const logger = deps.logger ?? consoleLogger;
  const claimed = options.claimed;
  const execution =
    claimed?.id === executionId && claimed.attempt === lease.attempt
      ? claimed
      : await getExecutionForWorker(db, executionId);
  const holds =
    execution?.status === 'running' &&
    execution.leased_by === lease.workerId &&
    execution.attempt === lease.attempt;
  if (!execution || !holds) return { outcome: 'lease_lost' };
  const stop = new RunStop(options.signal);
  const keeper = startLeaseKeeper({
    db,
    lease,
    leaseMs: deps.leaseMs,
    logger,
    onLost: (kind) => stop.request(kind),
  });
  let held: NodeResultInput[] = [];
  try {
    const ran = await runToEnd(deps, execution, lease, stop);
    const { end } = ran;
    held = ran.held;
    if (stop.kind) return afterStop(deps, lease, stop.kind, held);
    if (!(await commitRun(db, execution, lease, end, held, ran.read))) {
      const state = await getExecutionState(db, executionId);
      if (state?.status !== 'cancelled') return { outcome: 'lease_lost' };
      await keep(db, held);
      return { outcome: 'cancelled' };
    }
    deps.events?.publish({ type: 'run.finished', executionId, status: end.status });
    return { outcome: 'finished', status: end.status };
  } catch (error) {
    if (stop.kind) return afterStop(deps, lease, stop.kind, held);
    throw error;
  } finally {
    keeper.stop();
  }
}

/** A cancelled run keeps every result, the held-back ones too (the debugger shows where it stopped). */
async function keep(db: RunnerDeps['db'], held: NodeResultInput[]): Promise<void> {
  for (const row of held) await recordNodeResult(db, row);
}

async function afterStop(
  deps: RunnerDeps,
  lease: LeaseToken,
  kind: NonNullable<RunStop['kind']>,
  held: NodeResultInput[],
): Promise<RunExecutionOutcome> {
  if (kind === 'cancel') {
    await keep(deps.db, held);
    deps.events?.publish({ type: 'run.finished', executionId: lease.executionId, status: 'cancelled' });
    return { outcome: 'cancelled' };
  }
  if (kind === 'lease_lost') return { outcome: 'lease_lost' };
  await releaseExecutionLease(deps.db, lease);
  return { outcome: 'interrupted' };
}

/**
 * A run whose first claim this is, and that is no retry, has no persisted step to reuse: no other
 * worker ever held it, and only "retry from failed" copies results into a new execution.
 */
function mayHaveResults(execution: ConnectorExecution): boolean {
  return execution.attempt > 1 || execution.retry_of !== null;
}

/**
 * Loads what the run needs and runs the engine; a run that cannot start is a failed end, not a throw.
 * `held`: node results the recorder left for the statement that ends the run; `read`: the contact as
 * read at the start, which the end's contact write is computed from.
 */
async function runToEnd(
  deps: RunnerDeps,
  execution: ConnectorExecution,
  lease: LeaseToken,
  stop: RunStop,
): Promise<{ end: RunEnd; held: NodeResultInput[]; read?: ContactRead | undefined }> {
  const { db } = deps;
  const workspaceId = execution.workspace_id;
  const parsed = parseGraph(execution.graph_snapshot);
  const completed = mayHaveResults(execution)
    ? (await listNodeResults(db, workspaceId, execution.id)).map(rowToNodeResult)
    : [];
  const forecast = parsed.graph ? new NextStepForecast(parsed.graph, completed) : undefined;
  // The node the engine starts first is named as the current step by the same statement that reads
  // the connector's settings, the contact and the workspace's credentials.
  const first = forecast?.start();
  const context = await getRunContext(
    db,
    execution,
    first === undefined ? undefined : { ...lease, currentStep: stepId(first) },
    { credentials: true },
  );
  if (!context) return { end: failedEnd('The connector was deleted before the run started'), held: [] };
  const { connector, contact, contactVersion } = context;
  if (!parsed.graph || !forecast) {
    const problem = parsed.problems[0]?.message ?? 'unreadable graph';
    return { end: failedEnd(`The connector's graph cannot run: ${problem}`), held: [] };
  }
  const graph = parsed.graph;
  const secrets = createSecretResolver({
    db,
    cipher: deps.cipher,
    workspaceId,
    preloaded: context.credentials,
  });
  const recorder = createRunRecorder({
    db,
    workspaceId,
    lease,
    graph,
    forecast,
    announced: first,
    stop,
    secrets,
    events: deps.events,
    writer: deps.nodeResults,
  });
  const result = await runGraph({
    graph,
    ports: { http: deps.http, clock: deps.clock ?? systemClock, secrets, recorder },
    run: {
      executionId: execution.id,
      attempt: execution.attempt,
      connectorId: execution.connector_id,
      workspaceId,
      mode: execution.mode,
      ...(execution.flow_run_id ? { flowRunId: execution.flow_run_id } : {}),
    },
    input: execution.input_data,
    contact: contact ? contactScope(contact) : null,
    completed,
    deadlineMs: connector.timeout_ms,
    defaultMaxRetries: connector.max_retries,
    continueOnError: connector.continue_on_error,
    signal: stop.signal,
    ...(deps.maxParallel ? { maxParallel: deps.maxParallel } : {}),
  });
  const read = contact && contactVersion ? { contact, version: contactVersion } : undefined;
  return { end: endOf(result, graph), held: recorder.held(), read };
}

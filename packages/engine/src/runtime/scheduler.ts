import type { Graph, GraphEdge, GraphNode } from '../graph/graph.schema';
import { effectiveSourceHandle } from '../graph/node-registry';
import type { EnginePorts } from '../ports';
import { evaluateEdgeMapping } from './edge-mapping';
import {
  DEFAULT_LIMITS,
  type NodeExecutor,
  type NodeOutcome,
  type RunInfo,
  type RunLimits,
} from './executor';
import { defaultExecutors } from './executors';
import type { NodeError, NodeResult, RunStatus } from './node-result';
import { redactDeep } from './redact';

export interface RunGraphOptions {
  graph: Graph;
  ports: EnginePorts;
  run: RunInfo;
  input?: Record<string, unknown>;
  /** The contact the run is for (read-only in expressions); absent in a test run without one. */
  contact?: Record<string, unknown> | null;
  /** Nodes executing at once (DESIGN: requests in flight per run). Default 8. */
  maxParallel?: number;
  /** Connector's `continue_on_error`: a failed node makes its success edges inactive and the run `partial`. */
  continueOnError?: boolean;
  /** Connector's `max_retries` (N → N+1 attempts) for nodes without `retry`. Default 0. */
  defaultMaxRetries?: number;
  /** Per-attempt timeout for nodes without `timeoutMs`. Default 30 s. */
  defaultTimeoutMs?: number;
  /** Connector's `timeout_ms`: bounds the whole run; past it the run ends `timeout`. */
  deadlineMs?: number;
  signal?: AbortSignal;
  /** Results persisted by an earlier attempt of this run: those nodes are not executed again. */
  completed?: NodeResult[];
  limits?: Partial<RunLimits>;
  /** Executors for node types whose I/O the engine does not own (flows: `connector`, `update_contact`). */
  executors?: Partial<Record<GraphNode['type'], NodeExecutor>>;
}

export interface RunGraphResult {
  status: Exclude<RunStatus, 'pending' | 'running'>;
  /** Every node's result, in the order the nodes finished (resumed ones first). */
  nodes: NodeResult[];
  /** The output node's values keyed by contact field, only those that exist: the run's `output_data`. */
  outputData: Record<string, unknown> | null;
  /** The output node's fields with their write rules, for applying to the contact. */
  outputFields: Record<string, { value: unknown; write: 'overwrite' | 'if_empty' }> | null;
  error: { message: string; nodeId?: string } | null;
  durationMs: number;
}

type EdgeState = { kind: 'active'; values: Record<string, unknown> } | { kind: 'inactive' };

class RunStop extends Error {
  constructor(readonly status: 'timeout' | 'cancelled') {
    super(status === 'timeout' ? 'The run exceeded its time limit' : 'The run was cancelled');
  }
}

/**
 * Runs a connector or flow graph: topological and event-driven, a node starting as soon as all its
 * incoming edges are settled, independent branches in parallel up to `maxParallel`. Each node's result is
 * handed to the recorder, and awaited, before any of its dependants starts.
 *
 * @example
 * const result = await runGraph({ graph, ports, run: { executionId, attempt: 1 }, input: { email } });
 */
export async function runGraph(options: RunGraphOptions): Promise<RunGraphResult> {
  const { graph, ports } = options;
  const startedAt = ports.clock.now();
  const maxParallel = Math.max(1, options.maxParallel ?? 8);
  const executors = { ...defaultExecutors, ...options.executors };
  const settings = {
    run: options.run,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    defaultMaxRetries: options.defaultMaxRetries ?? 0,
    defaultTimeoutMs: options.defaultTimeoutMs ?? 30_000,
    cache: new Map<string, Promise<unknown>>(),
  };

  const nodesById = new Map(graph.nodes.map((n) => [n.id, n]));
  const incoming = new Map<string, GraphEdge[]>();
  const outgoing = new Map<string, GraphEdge[]>();
  for (const node of graph.nodes) {
    incoming.set(node.id, []);
    outgoing.set(node.id, []);
  }
  for (const edge of graph.edges) {
    if (!nodesById.has(edge.source) || !nodesById.has(edge.target)) continue;
    outgoing.get(edge.source)!.push(edge);
    incoming.get(edge.target)!.push(edge);
  }

  const edgeStates = new Map<string, EdgeState>();
  const done = new Map<string, NodeResult>();
  const results: NodeResult[] = [];
  const started = new Set<string>();
  let failure: { message: string; nodeId?: string } | null = null;
  let partial = false;

  // One controller for everything in flight: the caller's cancel and the run deadline both abort it.
  const controller = new AbortController();
  const onCallerAbort = () => controller.abort(new RunStop('cancelled'));
  if (options.signal?.aborted) onCallerAbort();
  options.signal?.addEventListener('abort', onCallerAbort, { once: true });
  const deadline =
    options.deadlineMs !== undefined
      ? setTimeout(() => controller.abort(new RunStop('timeout')), options.deadlineMs)
      : undefined;

  const settleOutgoing = (result: NodeResult) => {
    for (const edge of outgoing.get(result.nodeId) ?? []) {
      const source = nodesById.get(edge.source)!;
      const handle = effectiveSourceHandle(source.type, edge.sourceHandle);
      edgeStates.set(
        edge.id,
        result.handle !== null && handle === result.handle
          ? { kind: 'active', values: result.edgeValues[edge.id] ?? {} }
          : { kind: 'inactive' },
      );
    }
  };

  const record = async (result: NodeResult) => {
    await ports.recorder.nodeFinished(result);
    done.set(result.nodeId, result);
    results.push(result);
    settleOutgoing(result);
  };

  for (const previous of options.completed ?? []) {
    if (!nodesById.has(previous.nodeId) || done.has(previous.nodeId)) continue;
    done.set(previous.nodeId, previous);
    started.add(previous.nodeId);
    results.push(previous);
    settleOutgoing(previous);
    if (previous.status === 'failed' && previous.handle !== 'error') {
      if (options.continueOnError) partial = true;
      else failure ??= { message: previous.error?.message ?? 'A step failed', nodeId: previous.nodeId };
    }
  }

  const scopeBase = {
    input: options.input ?? {},
    ...(options.contact ? { contact: options.contact } : {}),
    run: options.run,
  };

  const buildScope = (node: GraphNode): Record<string, unknown> => {
    const scope: Record<string, unknown> = { ...scopeBase };
    for (const edge of incoming.get(node.id) ?? []) {
      const state = edgeStates.get(edge.id);
      if (state?.kind !== 'active') continue;
      const values = (scope[edge.source] as Record<string, unknown> | undefined) ?? {};
      // A value carried as null is absent from the scope, so `$exists(step_1.id)` means "the search found
      // something" (JSONata's $exists(null) is true) and a template over it yields nothing.
      for (const [name, value] of Object.entries(state.values)) if (value !== null) values[name] = value;
      scope[edge.source] = values;
    }
    return scope;
  };

  /** `run`, `skip` or `wait`, by the node's join rule over its settled incoming edges. */
  const readiness = (node: GraphNode): 'run' | 'skip' | 'wait' => {
    const edges = incoming.get(node.id) ?? [];
    if (edges.length === 0) return 'run';
    let active = 0;
    for (const edge of edges) {
      const state = edgeStates.get(edge.id);
      if (!state) return 'wait';
      if (state.kind === 'active') active++;
    }
    const join = ('join' in node.data ? node.data.join : undefined) ?? 'all';
    if (join === 'any') return active > 0 ? 'run' : 'skip';
    return active === edges.length ? 'run' : 'skip';
  };

  const skipped = (node: GraphNode): NodeResult => ({
    nodeId: node.id,
    nodeName: node.data.name ?? node.id,
    nodeType: node.type,
    status: 'skipped',
    handle: null,
    startedAt: null,
    finishedAt: new Date(ports.clock.now()).toISOString(),
    durationMs: 0,
    attempts: [],
    edgeValues: {},
  });

  const execute = async (node: GraphNode): Promise<NodeResult> => {
    const nodeStarted = ports.clock.now();
    const startedIso = new Date(nodeStarted).toISOString();
    await ports.recorder.nodeStarted?.({
      nodeId: node.id,
      nodeName: node.data.name ?? node.id,
      nodeType: node.type,
      startedAt: startedIso,
    });
    const outcome = await runExecutor(node);
    const { handle, edgeValues, error } = await leaveThrough(node, outcome);
    const secrets = outcome.secrets ?? [];
    return redactDeep(
      {
        nodeId: node.id,
        nodeName: node.data.name ?? node.id,
        nodeType: node.type,
        status: error ? 'failed' : 'success',
        handle,
        startedAt: startedIso,
        finishedAt: new Date(ports.clock.now()).toISOString(),
        durationMs: ports.clock.now() - nodeStarted,
        attempts: outcome.attempts ?? [],
        edgeValues,
        ...(outcome.output !== undefined ? { output: outcome.output } : {}),
        ...(error ? { error } : {}),
      },
      secrets,
    );
  };

  const runExecutor = async (node: GraphNode): Promise<NodeOutcome> => {
    const executor = executors[node.type];
    if (!executor) {
      return {
        status: 'failed',
        mappingInput: null,
        error: { code: 'unsupported_node', message: `Nodes of type "${node.type}" cannot run here` },
      };
    }
    try {
      return await executor({
        node,
        scope: buildScope(node),
        incoming: incoming.get(node.id) ?? [],
        ports,
        settings,
        signal: controller.signal,
      });
    } catch (err) {
      // Executors report failures as outcomes; a throw here is a bug or an abort, recorded as a failure.
      const stop = controller.signal.reason instanceof RunStop ? controller.signal.reason : null;
      return {
        status: 'failed',
        mappingInput: null,
        error: {
          code: stop ? stop.status : 'internal',
          message: stop ? stop.message : err instanceof Error ? err.message : String(err),
        },
      };
    }
  };

  /** Picks the handle a finished node leaves through and evaluates the mappings on those edges. */
  const leaveThrough = async (
    node: GraphNode,
    outcome: NodeOutcome,
  ): Promise<{ handle: string | null; edgeValues: NodeResult['edgeValues']; error?: NodeError }> => {
    const edges = outgoing.get(node.id) ?? [];
    const error = outcome.status === 'failed' ? outcome.error : undefined;
    let handle: string | null = null;
    let input = outcome.mappingInput;
    let bindings = outcome.mappingBindings;
    if (!error) {
      handle = outcome.handle ?? 'success';
    } else if (edges.some((e) => effectiveSourceHandle(node.type, e.sourceHandle) === 'error')) {
      handle = 'error';
      input = { message: error.message, status: error.status ?? null, body: error.body ?? null };
      bindings = undefined;
    }
    const edgeValues: NodeResult['edgeValues'] = {};
    for (const edge of edges) {
      if (handle === null || effectiveSourceHandle(node.type, edge.sourceHandle) !== handle) continue;
      try {
        edgeValues[edge.id] = await evaluateEdgeMapping(edge.data.mapping, input, bindings);
      } catch (err) {
        // A mapping that cannot be evaluated fails the node: the next step would run on wrong data.
        const message = err instanceof Error ? err.message : String(err);
        return {
          handle: null,
          edgeValues: {},
          error: { code: 'mapping', message: `Mapping on edge ${edge.id} failed: ${message}` },
        };
      }
    }
    return { handle, edgeValues, ...(error ? { error } : {}) };
  };

  const inFlight = new Map<string, Promise<void>>();

  const onFinished = async (result: NodeResult) => {
    await record(result);
    if (result.status === 'failed' && result.handle !== 'error') {
      if (options.continueOnError) partial = true;
      else failure ??= { message: result.error?.message ?? 'A step failed', nodeId: result.nodeId };
    }
  };

  let infraError = null as { err: unknown } | null;
  const stopped = () => failure !== null || controller.signal.aborted;

  try {
    // Each pass settles every node that can be decided now, starts what can run, then waits for one finish.
    for (;;) {
      let progressed = true;
      while (progressed && !stopped()) {
        progressed = false;
        for (const node of graph.nodes) {
          if (started.has(node.id)) continue;
          const ready = readiness(node);
          if (ready === 'wait') continue;
          if (ready === 'skip') {
            started.add(node.id);
            await record(skipped(node));
            progressed = true;
            continue;
          }
          if (inFlight.size >= maxParallel) continue;
          started.add(node.id);
          // A recorder that throws (database unreachable) is an infrastructure fault: stop and rethrow it.
          const task = execute(node)
            .then(onFinished)
            .catch((err: unknown) => {
              infraError ??= { err };
              controller.abort(err);
            });
          inFlight.set(
            node.id,
            task.finally(() => inFlight.delete(node.id)),
          );
          progressed = true;
        }
      }
      if (inFlight.size === 0) break;
      await Promise.race(inFlight.values());
    }
  } finally {
    if (deadline) clearTimeout(deadline);
    options.signal?.removeEventListener('abort', onCallerAbort);
  }

  if (infraError) throw infraError.err;

  // Whatever never started is recorded as skipped, so every node has a result.
  for (const node of graph.nodes) {
    if (!started.has(node.id)) {
      started.add(node.id);
      await record(skipped(node));
    }
  }

  const stop = controller.signal.reason instanceof RunStop ? controller.signal.reason : null;
  const status: RunGraphResult['status'] = stop
    ? stop.status
    : failure
      ? 'failed'
      : partial
        ? 'partial'
        : 'success';

  const outputNode = graph.nodes.find((n) => n.type === 'output');
  const outputResult = outputNode ? done.get(outputNode.id) : undefined;
  const outputFields =
    status === 'success' || status === 'partial'
      ? ((outputResult?.status === 'success' ? outputResult.output : null) as RunGraphResult['outputFields'])
      : null;
  const outputData = outputFields
    ? Object.fromEntries(Object.entries(outputFields).map(([field, f]) => [field, f.value]))
    : null;

  return {
    status,
    nodes: results,
    outputData,
    outputFields,
    error: stop ? { message: stop.message } : failure,
    durationMs: ports.clock.now() - startedAt,
  };
}

import type { GraphEdge, GraphNode } from '../graph/graph.schema';
import type { EnginePorts } from '../ports';
import type { AttemptRecord, NodeError } from './node-result';

/** Who the run is for; visible to expressions as `run`. */
export interface RunInfo {
  executionId: string;
  attempt: number;
  connectorId?: string;
  workspaceId?: string;
  flowRunId?: string;
  mode?: 'live' | 'test';
}

/** Size limits applied to what a run sends, receives and stores. */
export interface RunLimits {
  maxRequestBodyBytes: number;
  maxResponseBytes: number;
  /** Bodies stored in attempts are cut to this many bytes. */
  maxStoredBodyBytes: number;
}

export const DEFAULT_LIMITS: RunLimits = {
  maxRequestBodyBytes: 1024 * 1024,
  maxResponseBytes: 10 * 1024 * 1024,
  maxStoredBodyBytes: 64 * 1024,
};

export interface RunSettings {
  run: RunInfo;
  limits: RunLimits;
  /** Connector's `max_retries`: N means N+1 attempts for nodes without their own `retry`. */
  defaultMaxRetries: number;
  /** Per-attempt timeout for nodes without their own `timeoutMs`. */
  defaultTimeoutMs: number;
  /** Per-run cache for things fetched once per run (OAuth2 tokens). */
  cache: Map<string, Promise<unknown>>;
}

export interface NodeExecutionContext<N extends GraphNode = GraphNode> {
  node: N;
  /** The node's scope: `input`, `contact`, `run` and the values carried on its active incoming edges. */
  scope: Record<string, unknown>;
  incoming: GraphEdge[];
  ports: EnginePorts;
  settings: RunSettings;
  /** Aborts when the run is cancelled or its deadline passes. */
  signal: AbortSignal;
}

export interface NodeOutcome {
  status: 'success' | 'failed';
  /** The handle to leave through on success (`success`, `true`, `false`); failures use `error`. */
  handle?: string;
  output?: unknown;
  attempts?: AttemptRecord[];
  error?: NodeError;
  /** `$` for the mappings on the node's outgoing edges. */
  mappingInput: unknown;
  /** Extra JSONata bindings for those mappings (`$status`, `$headers` after an http call). */
  mappingBindings?: Record<string, unknown>;
  /** Secret values the node used, masked in whatever is stored about it. */
  secrets?: string[];
}

/** Runs one node type. Node types with I/O beyond HTTP (child connectors, contact writes) are injected. */
export type NodeExecutor = (ctx: NodeExecutionContext) => Promise<NodeOutcome>;

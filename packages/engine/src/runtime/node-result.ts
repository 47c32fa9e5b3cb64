/** What the engine records about a node. Persisted by the runner, and reused when a run resumes. */

export type RunStatus = 'pending' | 'running' | 'success' | 'partial' | 'failed' | 'timeout' | 'cancelled';
export type NodeStatus = 'pending' | 'running' | 'success' | 'failed' | 'skipped';

/** One HTTP attempt as stored: secrets masked, bodies truncated. */
export interface AttemptRecord {
  attempt: number;
  started_at: string;
  duration_ms: number;
  request: { method: string; url: string; headers: Record<string, string>; body: string | null };
  response: { status: number; headers: Record<string, string>; body: unknown } | null;
  error: string | null;
  /** How long the engine waited before the next attempt (backoff or `Retry-After`). */
  retry_delay_ms?: number;
}

export interface NodeError {
  message: string;
  /** A stable code: `http_status`, `timeout`, `blocked_address`, `expression`, `template`, … */
  code: string;
  status?: number;
  body?: unknown;
  /** The field of the node the problem is in, e.g. `data.url`. */
  path?: string;
}

export interface NodeResult {
  nodeId: string;
  nodeName: string;
  nodeType: string;
  status: 'success' | 'failed' | 'skipped';
  /** The handle the node left through (`success`, `error`, `true`, `false`); none when skipped. */
  handle: string | null;
  startedAt: string | null;
  finishedAt: string;
  durationMs: number;
  attempts: AttemptRecord[];
  /** Values carried on each outgoing edge that became active, keyed by edge id. */
  edgeValues: Record<string, Record<string, unknown>>;
  /**
   * What the node produced: for `transform` its values, for `output` the mapped fields, for `condition`
   * its boolean, for `http` the response status.
   */
  output?: unknown;
  error?: NodeError;
}

export interface NodeStartedEvent {
  nodeId: string;
  nodeName: string;
  nodeType: string;
  startedAt: string;
}

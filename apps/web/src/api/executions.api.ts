import type { AttemptRecord, NodeError, RunStatus } from '@connectors/engine';
import { apiRequest, getWorkspaceId, type Page } from './api-client';

/** One node of a run (`steps_executed[]`), in the order the nodes finished. */
export interface StepExecuted {
  step_id: string;
  step_name: string;
  step_type: string;
  status: 'pending' | 'running' | 'success' | 'failed' | 'skipped';
  handle: string | null;
  started_at: string | null;
  finished_at: string | null;
  duration_ms: number | null;
  attempts: AttemptRecord[];
  /** Values carried on each outgoing edge that became active, by edge id. */
  edge_values: Record<string, Record<string, unknown>>;
  output: unknown;
  error: NodeError | null;
}

/** An execution (DESIGN §6); lists leave out `steps_executed` and `graph_snapshot`. */
export interface Execution {
  id: string;
  connector_id: string;
  contact_id: string | null;
  status: RunStatus;
  mode: 'live' | 'test';
  current_step: string | null;
  input_data: Record<string, unknown>;
  output_data: Record<string, unknown> | null;
  error_message: string | null;
  execution_time_ms: number | null;
  attempt: number;
  connector_version: number;
  retry_of: string | null;
  created_at: string;
  started_at: string | null;
  completed_at: string | null;
  trigger_run_id?: string | null;
  flow_run_id?: string | null;
  steps_executed?: StepExecuted[];
  graph_snapshot?: unknown;
  /** The connector's name now (lists and single runs). */
  connector_name?: string | null;
  /** The contact the run is for; null for a test run without one. */
  contact?: ExecutionContact | null;
  /** Nodes in the run's graph and how many ended each way. */
  step_counts?: StepCounts;
  /** Single runs only: how the connector differs now from `graph_snapshot`. */
  connector_changes?: ConnectorChanges | null;
}

export interface ExecutionContact {
  id: string;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
}

export interface StepCounts {
  total: number;
  success: number;
  failed: number;
  skipped: number;
}

export interface ConnectorChanges {
  current_version: number;
  /** A node's configuration or an edge differs (moving nodes is no change). */
  changed: boolean;
  changed_steps: string[];
  /** What a retry from the failed step would reuse instead of calling again. */
  reusable_steps: string[];
}

/** `202` of a retry. */
export interface RetryAccepted {
  executionId: string;
  status: RunStatus;
  retry_of: string;
  reused_steps: string[];
}

export interface ExecutionQuery {
  status?: string;
  connector_id?: string;
  mode?: 'live' | 'test';
  cursor?: string;
  limit?: number;
}

export const executionsApi = {
  list: (query: ExecutionQuery = {}) => apiRequest<Page<Execution>>('/executions', { query: { ...query } }),
  get: (id: string) => apiRequest<Execution>(`/executions/${encodeURIComponent(id)}`),
  /** A new run with the same inputs; `fromFailed` reuses the steps that succeeded and are unchanged. */
  retry: (id: string, fromFailed: boolean) =>
    apiRequest<RetryAccepted>(`/executions/${encodeURIComponent(id)}/retry`, {
      method: 'POST',
      body: { from_failed: fromFailed },
    }),
  cancel: (id: string) =>
    apiRequest<Execution>(`/executions/${encodeURIComponent(id)}/cancel`, { method: 'POST' }),
  /**
   * The Server-Sent Events stream of a run. EventSource sends the session cookie but no headers, so the
   * workspace goes in the query (`?workspace_id=`, which the API takes on reads in place of the header).
   */
  eventsUrl: (id: string) => {
    const workspace = getWorkspaceId();
    const query = workspace ? `?workspace_id=${encodeURIComponent(workspace)}` : '';
    return `/api/v1/executions/${encodeURIComponent(id)}/events${query}`;
  },
};

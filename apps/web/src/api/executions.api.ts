import type { AttemptRecord, NodeError, RunStatus } from '@connectors/engine';
import { apiRequest, type Page } from './api-client';

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
  steps_executed?: StepExecuted[];
  graph_snapshot?: unknown;
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
};

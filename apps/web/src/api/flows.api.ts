import type { GraphInput, RunStatus } from '@connectors/engine';
import { apiRequest, type Page } from './api-client';
import type { ApiProblem } from './connectors.api';

export type FlowTriggerEvent = 'manual' | 'contact.created' | 'contact.updated';

/** A flow as the API returns it (DESIGN §3b). */
export interface Flow {
  id: string;
  name: string;
  description: string | null;
  enabled: boolean;
  config: GraphInput;
  /** The trigger node's event, kept beside the graph so contact events find their flows quickly. */
  trigger_event: FlowTriggerEvent;
  version: number;
  problems: ApiProblem[];
  created_at: string;
  updated_at: string;
  /** The newest run (in lists only; null when the flow never ran). */
  last_run?: FlowLastRun | null;
}

/** A flow's newest run as the flows list carries it. */
export interface FlowLastRun {
  id: string;
  status: RunStatus;
  created_at: string;
  started_at: string | null;
  completed_at: string | null;
}

/** What a create or a replace sends (PUT adds `version`). */
export interface FlowBody {
  name: string;
  description?: string | null;
  enabled?: boolean;
  config: GraphInput;
}

/** One node of a flow run, as the engine records it (the API may present it snake_case). */
export interface FlowRunStep {
  step_id?: string;
  nodeId?: string;
  step_name?: string;
  nodeName?: string;
  status: 'pending' | 'running' | 'success' | 'failed' | 'skipped';
  handle?: string | null;
  duration_ms?: number | null;
  durationMs?: number | null;
  started_at?: string | null;
  startedAt?: string | null;
  error?: { message: string } | null;
  output?: unknown;
}

/** A child execution a connector node started. */
export interface FlowRunExecution {
  id: string;
  /** The connector node that started it (null if unknown). */
  node_id: string | null;
  connector_id: string;
  status: RunStatus;
  execution_time_ms: number | null;
}

export interface FlowRun {
  id: string;
  flow_id: string;
  contact_id: string | null;
  status: RunStatus;
  trigger_event?: FlowTriggerEvent;
  flow_version?: number | null;
  steps_executed: FlowRunStep[];
  error_message: string | null;
  started_at: string | null;
  completed_at: string | null;
  created_at?: string;
  /** The graph the run ran (detail only): an old run opens on the flow as it was. */
  graph_snapshot?: GraphInput | null;
  executions?: FlowRunExecution[];
}

export const flowsApi = {
  list: (query: { cursor?: string; limit?: number; search?: string } = {}) =>
    apiRequest<Page<Flow>>('/flows', { query: { ...query } }),
  get: (id: string) => apiRequest<Flow>(`/flows/${encodeURIComponent(id)}`),
  create: (body: FlowBody) => apiRequest<Flow>('/flows', { method: 'POST', body }),
  /** Replaces the flow; a stale `version` answers 409 `stale_version`. */
  update: (id: string, body: FlowBody & { version: number }) =>
    apiRequest<Flow>(`/flows/${encodeURIComponent(id)}`, { method: 'PUT', body }),
  remove: (id: string) => apiRequest<void>(`/flows/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  /** Starts the flow on one contact; answers at once with the run's id. */
  run: (id: string, contactId: string) =>
    apiRequest<{ flowRunId: string }>(`/flows/${encodeURIComponent(id)}/run`, {
      method: 'POST',
      body: { contactId },
    }),
  runs: (id: string, query: { cursor?: string; limit?: number } = {}) =>
    apiRequest<Page<FlowRun>>(`/flows/${encodeURIComponent(id)}/runs`, { query: { ...query } }),
  getRun: (id: string) => apiRequest<FlowRun>(`/flow-runs/${encodeURIComponent(id)}`),
  /** Cancels a run that has not ended (and its unfinished child runs); 409 once it has. */
  cancelRun: (id: string) =>
    apiRequest<FlowRun>(`/flow-runs/${encodeURIComponent(id)}/cancel`, { method: 'POST' }),
};

/** A step's node id and duration whichever spelling the API used. */
export function stepNodeId(step: FlowRunStep): string {
  return step.step_id ?? step.nodeId ?? '';
}
export function stepDuration(step: FlowRunStep): number | null {
  return step.duration_ms ?? step.durationMs ?? null;
}

/** Run statuses after which a run no longer changes. */
export const FINAL_RUN_STATUSES: readonly RunStatus[] = [
  'success',
  'partial',
  'failed',
  'timeout',
  'cancelled',
];

import { apiRequest } from './api-client';

/** Which contacts a bulk run covers: chosen ones, or every contact matching a search. */
export type BulkTarget = { contactIds: string[] } | { filter: { search: string } };

/** A bulk run's progress, as `GET /bulk-runs/:id` answers it. */
export interface BulkRun {
  id?: string;
  status: 'pending' | 'running' | 'completed' | 'success' | 'failed' | 'cancelled' | string;
  total: number;
  queued: number;
  succeeded: number;
  failed: number;
  fields_changed: number;
  [key: string]: unknown;
}

export interface BulkStarted {
  bulkRunId: string;
  total: number;
}

export const bulkRunsApi = {
  /** Runs a connector on each contact (one execution each); answers at once, the runs go on. */
  connector: (connectorId: string, target: BulkTarget) =>
    apiRequest<BulkStarted>(`/connectors/${encodeURIComponent(connectorId)}/bulk-execute`, {
      method: 'POST',
      body: target,
    }),
  /** Runs a flow on each contact (one flow run each). */
  flow: (flowId: string, target: BulkTarget) =>
    apiRequest<BulkStarted>(`/flows/${encodeURIComponent(flowId)}/bulk-run`, {
      method: 'POST',
      body: target,
    }),
  get: (id: string) => apiRequest<BulkRun>(`/bulk-runs/${encodeURIComponent(id)}`),
};

/** Whether a bulk run has stopped changing: every contact accounted for, or a final status. */
export function bulkRunFinished(run: BulkRun): boolean {
  if (['completed', 'success', 'failed', 'cancelled', 'partial'].includes(run.status)) return true;
  return run.total > 0 && run.succeeded + run.failed >= run.total;
}

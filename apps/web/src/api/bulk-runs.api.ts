import { apiRequest } from './api-client';

/** Which contacts a bulk run covers: chosen ones, or every contact matching a search (none: all). */
export type BulkTarget = { contactIds: string[] } | { filter: { search?: string } };

/** The target for "every contact matching this search" (an empty search means every contact). */
export function searchTarget(search: string): BulkTarget {
  const text = search.trim();
  return { filter: text ? { search: text } : {} };
}

/** A bulk run's progress, as `GET /bulk-runs/:id` answers it. */
export interface BulkRun {
  id: string;
  kind: 'connector' | 'flow';
  /** The connector or flow it runs. */
  target_id: string;
  status: 'running' | 'completed';
  total: number;
  /** Contacts handed out so far (within the workspace's rate limit). */
  queued: number;
  succeeded: number;
  /** Runs that failed, timed out or were cancelled, plus contacts that could not run. */
  failed: number;
  fields_changed: number;
  created_at: string;
  completed_at: string | null;
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
  return run.status === 'completed' || (run.total > 0 && run.succeeded + run.failed >= run.total);
}

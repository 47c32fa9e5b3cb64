import type { Timestamp } from './column-types';

/** `workspace_execution_quotas`: executions started in the workspace's current fixed window. */
export interface WorkspaceExecutionQuotaTable {
  workspace_id: string;
  window_start: Timestamp;
  used: number;
}

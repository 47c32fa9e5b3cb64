import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type {
  ExecutionMode,
  GeneratedJsonb,
  GeneratedTimestamp,
  Jsonb,
  NullableTimestamp,
  RunStatus,
} from './column-types';

/**
 * `connector_executions`: one run of a connector. Unique (workspace_id, idempotency_key) when the key is
 * set. While `running`, the row is leased: `leased_by` is the worker, `lease_expires_at` when another may
 * take it, and `attempt` (bumped by every claim) fences writes from a worker that lost its lease.
 */
export interface ConnectorExecutionTable {
  id: Generated<string>;
  connector_id: string;
  workspace_id: string;
  contact_id: string | null;
  flow_run_id: string | null;
  /** The bulk run this execution is an item of. */
  bulk_run_id: string | null;
  status: Generated<RunStatus>;
  mode: Generated<ExecutionMode>;
  steps_executed: Jsonb<unknown[]> | null;
  current_step: string | null;
  input_data: GeneratedJsonb<Record<string, unknown>>;
  output_data: Jsonb<Record<string, unknown>> | null;
  error_message: string | null;
  error_stack: string | null;
  execution_time_ms: number | null;
  started_at: NullableTimestamp;
  completed_at: NullableTimestamp;
  trigger_run_id: string | null;
  graph_snapshot: Jsonb<unknown>;
  connector_version: number;
  retry_of: string | null;
  idempotency_key: string | null;
  leased_by: string | null;
  lease_expires_at: NullableTimestamp;
  attempt: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export type ConnectorExecution = Selectable<ConnectorExecutionTable>;
export type NewConnectorExecution = Insertable<ConnectorExecutionTable>;
export type ConnectorExecutionUpdate = Updateable<ConnectorExecutionTable>;

import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type {
  FlowTriggerEvent,
  GeneratedJsonb,
  GeneratedTimestamp,
  Jsonb,
  NullableTimestamp,
  RunStatus,
} from './column-types';

/**
 * `flow_runs`: one run of a flow over one contact. While the local worker runs it, it is leased like an
 * execution (`leased_by`, `lease_expires_at`, `attempt` fencing late writes).
 */
export interface FlowRunTable {
  id: Generated<string>;
  workspace_id: string;
  flow_id: string;
  contact_id: string | null;
  status: Generated<RunStatus>;
  trigger_event: Generated<FlowTriggerEvent>;
  flow_version: number | null;
  steps_executed: GeneratedJsonb<unknown[]>;
  error_message: string | null;
  started_at: NullableTimestamp;
  completed_at: NullableTimestamp;
  /** The bulk run this flow run is an item of. */
  bulk_run_id: string | null;
  /** The flow graph the run started on (null for runs created without one: the flow's current graph). */
  graph_snapshot: Jsonb<unknown> | null;
  /** When each delay node is due, by node id (ISO times), set as the delay starts. */
  delays: GeneratedJsonb<Record<string, string>>;
  /** Lease of the local worker running it (Trigger.dev runs leave these unset). */
  leased_by: string | null;
  lease_expires_at: NullableTimestamp;
  attempt: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export type FlowRun = Selectable<FlowRunTable>;
export type NewFlowRun = Insertable<FlowRunTable>;
export type FlowRunUpdate = Updateable<FlowRunTable>;

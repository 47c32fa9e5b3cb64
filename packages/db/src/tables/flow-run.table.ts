import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type {
  FlowTriggerEvent,
  GeneratedJsonb,
  GeneratedTimestamp,
  NullableTimestamp,
  RunStatus,
} from './column-types';

/** `flow_runs`: one run of a flow over one contact. */
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
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export type FlowRun = Selectable<FlowRunTable>;
export type NewFlowRun = Insertable<FlowRunTable>;
export type FlowRunUpdate = Updateable<FlowRunTable>;

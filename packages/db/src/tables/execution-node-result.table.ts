import type { Generated, Insertable, Selectable } from 'kysely';
import type {
  GeneratedJsonb,
  GeneratedTimestamp,
  Jsonb,
  NodeStatus,
  NullableTimestamp,
} from './column-types';

/**
 * `execution_node_results`: one row per (execution_id, node_id), inserted when the node finishes; `seq`
 * (a global sequence) orders the rows of an execution by finish time.
 */
export interface ExecutionNodeResultTable {
  execution_id: string;
  workspace_id: string;
  node_id: string;
  node_name: string | null;
  node_type: string;
  status: NodeStatus;
  handle: string | null;
  started_at: NullableTimestamp;
  finished_at: NullableTimestamp;
  duration_ms: number | null;
  attempts: GeneratedJsonb<unknown[]>;
  edge_values: GeneratedJsonb<Record<string, unknown>>;
  output: Jsonb<unknown> | null;
  error: Jsonb<unknown> | null;
  seq: Generated<number>;
  created_at: GeneratedTimestamp;
}

export type ExecutionNodeResult = Selectable<ExecutionNodeResultTable>;
export type NewExecutionNodeResult = Insertable<ExecutionNodeResultTable>;

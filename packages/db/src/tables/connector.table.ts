import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { GeneratedTimestamp, Jsonb, NullableTimestamp } from './column-types';

/**
 * `connectors`: unique (workspace_id, name). `config` is the canonical graph `{ version, nodes, edges }`;
 * its shape is the engine's to validate, so it is `unknown` here. `version` starts at 1 and is bumped by
 * every update (optimistic concurrency).
 */
export interface ConnectorTable {
  id: Generated<string>;
  workspace_id: string;
  name: string;
  description: string | null;
  icon: string | null;
  category: string | null;
  type: Generated<string>;
  config: Jsonb<unknown>;
  input_schema: Jsonb<unknown> | null;
  field_mappings: Jsonb<Record<string, unknown>> | null;
  enabled: Generated<boolean>;
  timeout_ms: Generated<number>;
  max_retries: Generated<number>;
  continue_on_error: Generated<boolean>;
  version: Generated<number>;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  total_executions: Generated<number>;
  successful_executions: Generated<number>;
  failed_executions: Generated<number>;
  last_executed_at: NullableTimestamp;
}

export type Connector = Selectable<ConnectorTable>;
export type NewConnector = Insertable<ConnectorTable>;
export type ConnectorUpdate = Updateable<ConnectorTable>;

import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { FlowTriggerEvent, GeneratedTimestamp, Jsonb } from './column-types';

/** `flows`: a Flow Builder graph (`config: { version, nodes, edges }`) and the event that starts it. */
export interface FlowTable {
  id: Generated<string>;
  workspace_id: string;
  name: string;
  description: string | null;
  enabled: Generated<boolean>;
  config: Jsonb<unknown>;
  trigger_event: Generated<FlowTriggerEvent>;
  version: Generated<number>;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export type Flow = Selectable<FlowTable>;
export type NewFlow = Insertable<FlowTable>;
export type FlowUpdate = Updateable<FlowTable>;

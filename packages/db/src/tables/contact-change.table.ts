import type { Generated, Selectable } from 'kysely';
import type { GeneratedTimestamp, Jsonb } from './column-types';

/** One field a run changed: `field` is a column (`first_name`) or a metadata path (`metadata.a.b`). */
export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

/**
 * `contact_changes`: one row per write of a run onto a contact (a connector execution's output, or a
 * flow's `update_contact` node), holding only the fields whose value changed.
 */
export interface ContactChangeTable {
  id: Generated<string>;
  workspace_id: string;
  contact_id: string;
  execution_id: string | null;
  connector_id: string | null;
  flow_run_id: string | null;
  node_id: string | null;
  changes: Jsonb<FieldChange[]>;
  seq: Generated<string>;
  created_at: GeneratedTimestamp;
}

export type ContactChange = Selectable<ContactChangeTable>;

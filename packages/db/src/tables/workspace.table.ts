import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { GeneratedTimestamp } from './column-types';

/** `workspaces`: the tenant every other row belongs to. */
export interface WorkspaceTable {
  id: Generated<string>;
  name: string;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export type Workspace = Selectable<WorkspaceTable>;
export type NewWorkspace = Insertable<WorkspaceTable>;
export type WorkspaceUpdate = Updateable<WorkspaceTable>;

import type { Insertable, Selectable, Updateable } from 'kysely';
import type { GeneratedTimestamp, WorkspaceRole } from './column-types';

/** `workspace_members`: primary key (workspace_id, user_id). */
export interface WorkspaceMemberTable {
  workspace_id: string;
  user_id: string;
  role: WorkspaceRole;
  created_at: GeneratedTimestamp;
}

export type WorkspaceMember = Selectable<WorkspaceMemberTable>;
export type NewWorkspaceMember = Insertable<WorkspaceMemberTable>;
export type WorkspaceMemberUpdate = Updateable<WorkspaceMemberTable>;

import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { EncryptedValue, GeneratedTimestamp, Jsonb, NullableTimestamp } from './column-types';

/**
 * `workspace_api_credentials`: unique (workspace_id, service_name). Each field of `credentials` is
 * encrypted on its own; `allowed_hosts` are the hosts the credential may be attached to.
 */
export interface WorkspaceApiCredentialTable {
  id: Generated<string>;
  workspace_id: string;
  service_name: string;
  credentials: Jsonb<Record<string, EncryptedValue>>;
  allowed_hosts: Generated<string[]>;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  last_used_at: NullableTimestamp;
}

export type WorkspaceApiCredential = Selectable<WorkspaceApiCredentialTable>;
export type NewWorkspaceApiCredential = Insertable<WorkspaceApiCredentialTable>;
export type WorkspaceApiCredentialUpdate = Updateable<WorkspaceApiCredentialTable>;

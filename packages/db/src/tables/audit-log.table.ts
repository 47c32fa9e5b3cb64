import type { Generated, Insertable, Selectable } from 'kysely';
import type { GeneratedTimestamp } from './column-types';

/** `audit_log`: who created, changed, deleted or ran what, and when. Never a body or a secret. */
export interface AuditLogTable {
  id: Generated<string>;
  workspace_id: string;
  actor_user_id: string | null;
  actor_api_key_id: string | null;
  /** `create`, `update`, `delete`, `run`, … (see the audit middleware). */
  action: string;
  /** The collection the route acts on: `connector`, `credential`, `api_key`, `flow`, … */
  resource_type: string;
  resource_id: string | null;
  /** What the resource was called when the change was made (name, service or e-mail), if known. */
  resource_name: string | null;
  method: string;
  /** The route's pattern, e.g. `/api/v1/connectors/:id`. */
  route: string;
  status: number;
  created_at: GeneratedTimestamp;
}

export type AuditLogEntry = Selectable<AuditLogTable>;
export type NewAuditLogEntry = Insertable<AuditLogTable>;

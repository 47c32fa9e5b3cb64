import { apiRequest, type Page } from '../api/api-client';

/** One entry of the workspace's audit log (`GET /audit-log`). */
export interface AuditEntry {
  id: string;
  actor: { user_id: string | null; api_key_id: string | null; email: string | null };
  action: string;
  resource_type: string;
  resource_id: string | null;
  /** What the resource was called (name, service or e-mail), when known. */
  resource_name: string | null;
  method: string;
  route: string;
  status: number;
  created_at: string;
}

/** An API key as listed (names the keys that acted). */
export interface ApiKeySummary {
  id: string;
  name: string;
  prefix: string;
}

export const auditApi = {
  list: (query: { cursor?: string | null; resource_type?: string; limit?: number } = {}) =>
    apiRequest<Page<AuditEntry>>('/audit-log', { query }),
  apiKeys: () => apiRequest<Page<ApiKeySummary>>('/api-keys'),
};

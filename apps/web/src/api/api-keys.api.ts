import { apiRequest, type Page } from './api-client';

/** An API key of the workspace: its name and first characters; the key itself is never listed. */
export interface ApiKey {
  id: string;
  name: string;
  /** The key's first characters (`ck_abc123`), to tell keys apart. */
  prefix: string;
  created_at: string;
  last_used_at: string | null;
}

/** A key just created: the only answer that holds the key in clear. */
export interface CreatedApiKey extends Omit<ApiKey, 'last_used_at'> {
  key: string;
}

export const apiKeysApi = {
  list: () => apiRequest<Page<ApiKey>>('/api-keys'),
  create: (name: string) => apiRequest<CreatedApiKey>('/api-keys', { method: 'POST', body: { name } }),
  revoke: (id: string) => apiRequest<void>(`/api-keys/${encodeURIComponent(id)}`, { method: 'DELETE' }),
};

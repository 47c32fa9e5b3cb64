import { apiRequest, type Page } from './api-client';

/** A stored credential: its service, field names and hosts; never a value. */
export interface Credential {
  id: string;
  service_name: string;
  fields: string[];
  allowed_hosts: string[];
  created_at: string;
  updated_at: string;
  last_used_at: string | null;
}

export interface CredentialBody {
  service: string;
  credentials: Record<string, string>;
  allowed_hosts?: string[];
}

export const credentialsApi = {
  list: () => apiRequest<Page<Credential>>('/workspace/credentials'),
  /** Stores (or replaces) a service's secrets. */
  save: (body: CredentialBody) => apiRequest<Credential>('/workspace/credentials', { method: 'POST', body }),
  remove: (service: string) =>
    apiRequest<void>(`/workspace/credentials/${encodeURIComponent(service)}`, { method: 'DELETE' }),
};

import { apiRequest, type Page } from './api-client';

export interface Contact {
  id: string;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  company: string | null;
  title: string | null;
  metadata: Record<string, unknown>;
  created_at: string;
  updated_at: string;
}

export type ContactBody = Partial<Omit<Contact, 'id' | 'created_at' | 'updated_at'>>;

export const contactsApi = {
  list: (query: { search?: string; cursor?: string; limit?: number } = {}) =>
    apiRequest<Page<Contact>>('/contacts', { query: { ...query } }),
  create: (body: ContactBody) => apiRequest<Contact>('/contacts', { method: 'POST', body }),
  remove: (id: string) => apiRequest<void>(`/contacts/${encodeURIComponent(id)}`, { method: 'DELETE' }),
};

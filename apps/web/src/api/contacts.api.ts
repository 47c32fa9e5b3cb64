import { apiRequest, type Page } from './api-client';

/**
 * Which run last wrote a field (`provenance["metadata.industry"]`): a connector's execution, or a flow's
 * "update contact" node (then `connector_id` and `execution_id` are null and `flow_run_id` is set).
 */
export interface FieldProvenance {
  connector_id: string | null;
  /** Absent when the connector has since been deleted. */
  connector_name?: string | null;
  execution_id: string | null;
  flow_run_id?: string | null;
  at: string;
}

export interface Contact {
  id: string;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  company: string | null;
  title: string | null;
  metadata: Record<string, unknown>;
  /** Per field, the run that set it; absent on contacts no connector has written. */
  provenance?: Record<string, FieldProvenance>;
  created_at: string;
  updated_at: string;
}

export type ContactBody = Partial<Omit<Contact, 'id' | 'created_at' | 'updated_at' | 'provenance'>>;

/** One enrichment of a contact: the execution and each field it changed. */
export interface ContactHistoryEntry {
  /** Null for a write made by a flow's "update contact" node (then `flow_run_id` says which run). */
  execution_id: string | null;
  connector_id: string | null;
  connector_name: string | null;
  flow_run_id: string | null;
  completed_at: string | null;
  changes: { field: string; old: unknown; new: unknown }[];
}

export const contactsApi = {
  list: (query: { search?: string; cursor?: string; limit?: number } = {}) =>
    apiRequest<Page<Contact>>('/contacts', { query: { ...query } }),
  get: (id: string) => apiRequest<Contact>(`/contacts/${encodeURIComponent(id)}`),
  create: (body: ContactBody) => apiRequest<Contact>('/contacts', { method: 'POST', body }),
  /** Changes only the fields sent; `metadata` is merged (JSON Merge Patch). */
  patch: (id: string, body: ContactBody) =>
    apiRequest<Contact>(`/contacts/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
  remove: (id: string) => apiRequest<void>(`/contacts/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  /**
   * Runs a connector on the contact now (its inputs fall back to the contact's fields of the same name);
   * answers at once with the execution, whose run view shows it as it goes.
   */
  runConnector: (contactId: string, connectorId: string) =>
    apiRequest<{ executionId: string }>(`/connectors/${encodeURIComponent(connectorId)}/execute`, {
      method: 'POST',
      body: { contactId },
    }),
  /** Every enrichment of the contact, newest first, with the fields each changed. */
  history: (id: string, query: { cursor?: string; limit?: number } = {}) =>
    apiRequest<Page<ContactHistoryEntry>>(`/contacts/${encodeURIComponent(id)}/history`, {
      query: { ...query },
    }),
};

import type { GraphInput, InputSchema } from '@connectors/engine';
import { apiRequest, type Page } from './api-client';
import type { Connector } from './connectors.api';

export interface ConnectorTemplate {
  id: string;
  name: string;
  description: string | null;
  icon: string | null;
  category: string | null;
  config: GraphInput;
  input_schema: InputSchema | null;
  /** Credential services the template reads; store them before running it. */
  required_credentials: string[];
  is_featured: boolean;
  usage_count: number;
}

export const templatesApi = {
  list: (query: { search?: string; category?: string } = {}) =>
    apiRequest<Page<ConnectorTemplate>>('/connector-templates', { query: { ...query } }),
  install: (id: string) =>
    apiRequest<Connector>(`/connector-templates/${encodeURIComponent(id)}/install`, { method: 'POST' }),
};

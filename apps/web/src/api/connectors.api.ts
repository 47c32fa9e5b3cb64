import type { FieldMappings, GraphInput, InputSchema } from '@connectors/engine';
import { apiRequest, type Page } from './api-client';
import type { Execution } from './executions.api';

/** One graph problem as the API lists it (the engine's, its path dotted: `config.nodes.2.data.url`). */
export interface ApiProblem {
  code: string;
  severity: 'error' | 'warning';
  message: string;
  path: string;
  nodeId?: string;
  edgeId?: string;
}

/** A connector as the API returns it (DESIGN §6). */
export interface Connector {
  id: string;
  name: string;
  description: string | null;
  icon: string | null;
  category: string | null;
  type: 'single-step' | 'multi-step';
  config: GraphInput;
  input_schema: InputSchema | null;
  field_mappings: FieldMappings;
  enabled: boolean;
  timeout_ms: number;
  max_retries: number;
  continue_on_error: boolean;
  version: number;
  total_executions: number;
  successful_executions: number;
  failed_executions: number;
  success_rate: number | null;
  last_executed_at: string | null;
  created_at: string;
  updated_at: string;
  problems: ApiProblem[];
}

/** What a create or a replace sends: the editable fields (PUT adds `version`). */
export interface ConnectorBody {
  name: string;
  description?: string | null;
  icon?: string | null;
  category?: string | null;
  config: GraphInput | Record<string, unknown>;
  input_schema?: InputSchema | null;
  enabled?: boolean;
  timeout_ms?: number;
  max_retries?: number;
  continue_on_error?: boolean;
}

export interface ConnectorQuery {
  search?: string;
  category?: string;
  cursor?: string;
  limit?: number;
}

export const connectorsApi = {
  list: (query: ConnectorQuery = {}) => apiRequest<Page<Connector>>('/connectors', { query: { ...query } }),
  get: (id: string) => apiRequest<Connector>(`/connectors/${encodeURIComponent(id)}`),
  create: (body: ConnectorBody) => apiRequest<Connector>('/connectors', { method: 'POST', body }),
  /** Replaces the connector; `version` is the one it was read at (a stale one answers 409 `stale_version`). */
  update: (id: string, body: ConnectorBody & { version: number }) =>
    apiRequest<Connector>(`/connectors/${encodeURIComponent(id)}`, { method: 'PUT', body }),
  remove: (id: string) => apiRequest<void>(`/connectors/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  clone: (id: string) =>
    apiRequest<Connector>(`/connectors/${encodeURIComponent(id)}/clone`, { method: 'POST' }),
  /** Runs the saved connector now, touching no contact; answers the recorded execution. */
  test: (id: string, inputs: Record<string, unknown>) =>
    apiRequest<Execution>(`/connectors/${encodeURIComponent(id)}/test`, { method: 'POST', body: { inputs } }),
};

/** The editable fields of a connector, as a create or a replace sends them (for export and clone). */
export function connectorBody(connector: Connector): ConnectorBody {
  return {
    name: connector.name,
    description: connector.description,
    icon: connector.icon,
    category: connector.category,
    config: connector.config,
    input_schema: connector.input_schema,
    enabled: connector.enabled,
    timeout_ms: connector.timeout_ms,
    max_retries: connector.max_retries,
    continue_on_error: connector.continue_on_error,
  };
}

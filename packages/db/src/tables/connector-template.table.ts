import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { GeneratedTimestamp, Jsonb } from './column-types';

/** `connector_templates`: global (not per workspace), unique by name. */
export interface ConnectorTemplateTable {
  id: Generated<string>;
  name: string;
  description: string | null;
  icon: string | null;
  category: string | null;
  type: Generated<string>;
  config: Jsonb<unknown>;
  input_schema: Jsonb<unknown> | null;
  field_mappings: Jsonb<Record<string, unknown>> | null;
  is_featured: Generated<boolean>;
  usage_count: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export type ConnectorTemplate = Selectable<ConnectorTemplateTable>;
export type NewConnectorTemplate = Insertable<ConnectorTemplateTable>;
export type ConnectorTemplateUpdate = Updateable<ConnectorTemplateTable>;

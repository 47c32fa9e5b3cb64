import { fieldMappingsSchema, inputSchemaSchema } from '@connectors/engine';
import { z } from 'zod';
import { CONNECTOR_TYPES } from './connector.schema';
import { queryText } from './page.schema';

/** `GET /connector-templates` filters (templates are few: one page, no cursor). */
export const listTemplatesQuerySchema = z.object({
  category: queryText(100).optional(),
  search: queryText(200).optional().meta({ description: 'Matches name, description or category' }),
});

/** A connector template, as listed and installed. */
export const templateSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  icon: z.string().nullable(),
  category: z.string().nullable(),
  type: z.enum(CONNECTOR_TYPES),
  config: z.record(z.string(), z.unknown()).meta({ 'x-doc-ref': 'ConnectorGraph' }),
  input_schema: inputSchemaSchema.nullable(),
  field_mappings: fieldMappingsSchema.meta({ 'x-doc-ref': 'FieldMappings' }),
  required_credentials: z
    .array(z.string())
    .meta({ description: 'Workspace credentials (service names) the template reads, e.g. ["hubspot"]' }),
  is_featured: z.boolean(),
  usage_count: z.number().int(),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
});

export const templatePageSchema = z.object({ data: z.array(templateSchema), next_cursor: z.null() });

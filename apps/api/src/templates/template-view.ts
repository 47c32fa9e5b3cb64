import type { ConnectorTemplate } from '@connectors/db';
import { fieldMappingsSchema } from '@connectors/engine';
import type { z } from 'zod';
import { storedInputSchema } from '../lib/connector-view';
import type { templateSchema } from '../schemas/template.schema';

export type TemplateView = z.infer<typeof templateSchema>;

/** `{{workspace.<service>_token}}` and `credentials.<service>.` references in a graph. */
const SECRET_REFERENCE =
  /\bworkspace\.([A-Za-z][A-Za-z0-9_]*?)_token\b|\bcredentials\.([A-Za-z][A-Za-z0-9_]*)\./g;

/** The credential services a graph reads, sorted, so the UI can say what to set up before installing. */
export function requiredCredentials(config: unknown): string[] {
  const services = new Set<string>();
  for (const match of JSON.stringify(config ?? null).matchAll(SECRET_REFERENCE)) {
    const service = match[1] ?? match[2];
    if (service) services.add(service);
  }
  return [...services].sort();
}

/** The API's view of a template row. */
export function templateView(row: ConnectorTemplate): TemplateView {
  const mappings = fieldMappingsSchema.safeParse(row.field_mappings ?? {});
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    icon: row.icon,
    category: row.category,
    type: row.type === 'multi-step' ? 'multi-step' : 'single-step',
    config: row.config as Record<string, unknown>,
    input_schema: storedInputSchema(row.input_schema) ?? null,
    field_mappings: mappings.success ? mappings.data : {},
    required_credentials: requiredCredentials(row.config),
    is_featured: row.is_featured,
    usage_count: row.usage_count,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

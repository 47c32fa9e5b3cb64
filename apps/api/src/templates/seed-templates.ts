import { type ConnectorTemplate, type Executor, type TemplateInput, upsertTemplates } from '@connectors/db';
import { graphSchema } from '@connectors/engine';
import { connectorType } from '../lib/connector-input';
import { outputFieldMappings } from '../lib/connector-view';
import { CONNECTOR_TEMPLATES } from './template-catalog';
import type { TemplateDefinition } from './template-definition';

/** A definition as the repository stores it: the graph normalized (defaults filled), mappings mirrored. */
export function templateInput(definition: TemplateDefinition): TemplateInput {
  const config = graphSchema.parse(definition.config);
  return {
    name: definition.name,
    description: definition.description,
    icon: definition.icon,
    category: definition.category,
    type: connectorType(config),
    config,
    input_schema: definition.input_schema,
    field_mappings: outputFieldMappings(config),
    is_featured: definition.is_featured ?? false,
  };
}

/**
 * Stores the shipped templates: new ones are inserted, existing ones (same name) updated in place, keeping
 * their ids and usage counts. Idempotent; call it on every server start.
 */
export async function seedTemplates(
  db: Executor,
  templates: readonly TemplateDefinition[] = CONNECTOR_TEMPLATES,
): Promise<ConnectorTemplate[]> {
  return upsertTemplates(db, templates.map(templateInput));
}

const seeded = new WeakMap<object, Promise<unknown>>();

/**
 * Seeds once per database handle and process, so the templates routes work even where the server start
 * did not seed (tests, a fresh database). A failed attempt is forgotten and tried again next time.
 */
export function ensureTemplatesSeeded(db: Executor): Promise<unknown> {
  let pending = seeded.get(db);
  if (!pending) {
    pending = seedTemplates(db);
    seeded.set(db, pending);
    pending.catch(() => seeded.delete(db));
  }
  return pending;
}

import { sql } from 'kysely';
import type { Executor } from '../database';
import { isUuid } from '../sql/is-uuid';
import { jsonb, nullableJsonb } from '../sql/jsonb';
import type { ConnectorTemplate } from '../tables/connector-template.table';

/** A template as shipped with the app (unique by name). */
export interface TemplateInput {
  name: string;
  description?: string | null;
  icon?: string | null;
  category?: string | null;
  type?: string;
  config: unknown;
  input_schema?: unknown;
  field_mappings?: Record<string, unknown> | null;
  is_featured?: boolean;
}

/** Every template, featured first, then by name; optionally one category. */
export async function listTemplates(
  db: Executor,
  options: { category?: string } = {},
): Promise<ConnectorTemplate[]> {
  let query = db.selectFrom('connector_templates').selectAll();
  if (options.category !== undefined) query = query.where('category', '=', options.category);
  return query.orderBy('is_featured', 'desc').orderBy('name').execute();
}

/** A template by id (templates are global, not per workspace). */
export async function getTemplate(db: Executor, id: string): Promise<ConnectorTemplate | undefined> {
  if (!isUuid(id)) return undefined;
  return db.selectFrom('connector_templates').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Seeds templates: inserts new names and updates the content of existing ones (ids and `usage_count`
 * are kept), so it is safe to run at every start.
 */
export async function upsertTemplates(
  db: Executor,
  templates: TemplateInput[],
): Promise<ConnectorTemplate[]> {
  if (templates.length === 0) return [];
  return db
    .insertInto('connector_templates')
    .values(
      templates.map((t) => ({
        name: t.name,
        description: t.description ?? null,
        icon: t.icon ?? null,
        category: t.category ?? null,
        type: t.type ?? 'single-step',
        config: jsonb(t.config),
        input_schema: nullableJsonb(t.input_schema),
        field_mappings: nullableJsonb(t.field_mappings),
        is_featured: t.is_featured ?? false,
      })),
    )
    .onConflict((oc) =>
      oc.constraint('connector_templates_name_unique').doUpdateSet((eb) => ({
        description: eb.ref('excluded.description'),
        icon: eb.ref('excluded.icon'),
        category: eb.ref('excluded.category'),
        type: eb.ref('excluded.type'),
        config: eb.ref('excluded.config'),
        input_schema: eb.ref('excluded.input_schema'),
        field_mappings: eb.ref('excluded.field_mappings'),
        is_featured: eb.ref('excluded.is_featured'),
        updated_at: sql<Date>`now()`,
      })),
    )
    .returningAll()
    .execute();
}

/** Counts one install of a template. */
export async function incrementTemplateUsage(db: Executor, id: string): Promise<void> {
  if (!isUuid(id)) return;
  await db
    .updateTable('connector_templates')
    .set((eb) => ({ usage_count: eb('usage_count', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

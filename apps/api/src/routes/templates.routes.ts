import { getTemplate, incrementTemplateUsage, listTemplates } from '@connectors/db';
import { Hono } from 'hono';
import type { AppEnv } from '../app-context';
import { notFound } from '../errors/api-error';
import { readConnectorBody } from '../lib/connector-input';
import { connectorView } from '../lib/connector-view';
import { createWithUniqueName, numberedNames } from '../lib/unique-name';
import { validate } from '../lib/validate';
import { listTemplatesQuerySchema } from '../schemas/template.schema';
import { ensureTemplatesSeeded } from '../templates';
import { templateView } from '../templates/template-view';

/**
 * Connector templates (global, read-only) and their installation into the workspace as an ordinary
 * connector. Templates are seeded on first use if the server start has not done it.
 */
export const templateRoutes = new Hono<AppEnv>()
  .use('*', async (c, next) => {
    await ensureTemplatesSeeded(c.var.ctx.db);
    await next();
  })
  .get('/', validate('query', listTemplatesQuerySchema), async (c) => {
    const query = c.req.valid('query');
    const rows = await listTemplates(
      c.var.ctx.db,
      query.category === undefined ? {} : { category: query.category },
    );
    const needle = query.search?.trim().toLowerCase();
    const matching = needle
      ? rows.filter((row) =>
          [row.name, row.description, row.category].some((text) => text?.toLowerCase().includes(needle)),
        )
      : rows;
    return c.json({ data: matching.map(templateView), next_cursor: null });
  })
  .get('/:id', async (c) => {
    const row = await getTemplate(c.var.ctx.db, c.req.param('id'));
    if (!row) throw notFound('Template');
    return c.json(templateView(row));
  })
  .post('/:id/install', async (c) => {
    const { db } = c.var.ctx;
    const { workspaceId, userId } = c.var.auth;
    const template = await getTemplate(db, c.req.param('id'));
    if (!template) throw notFound('Template');
    // Through the same reader as a POST body, so an installed template is stored exactly like a created one.
    const input = readConnectorBody({
      name: template.name,
      description: template.description,
      icon: template.icon,
      category: template.category,
      config: template.config as Record<string, unknown>,
      input_schema: templateView(template).input_schema,
    });
    const row = await createWithUniqueName(
      db,
      workspaceId,
      input.fields,
      numberedNames(template.name),
      userId,
    );
    await incrementTemplateUsage(db, template.id);
    c.set('auditName', template.name);
    return c.json(connectorView(row, input.warnings), 201);
  });

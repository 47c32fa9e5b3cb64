import {
  type Contact,
  createContact,
  deleteContact,
  type Executor,
  getContact,
  listContactHistory,
  listContacts,
  mergePatch,
  replaceContact,
  updateContact,
} from '@connectors/db';
import { Hono } from 'hono';
import type { AppEnv } from '../app-context';
import { ApiError, notFound } from '../errors/api-error';
import { startContactTriggeredFlows } from '../flows/contact-triggers';
import { contactProvenance } from '../lib/contact-provenance';
import { contactFields, contactView } from '../lib/contact-view';
import { validate } from '../lib/validate';
import {
  contactBodySchema,
  contactHistoryQuerySchema,
  contactPatchSchema,
  jsonBytes,
  listContactsQuerySchema,
  MAX_METADATA_BYTES,
} from '../schemas/contact.schema';

/** One contact as the API returns it, with the provenance of its fields. */
async function viewOf(db: Executor, workspaceId: string, row: Contact) {
  const provenance = await contactProvenance(db, workspaceId, [row]);
  return contactView(row, provenance.get(row.id));
}

/**
 * Contacts of the workspace: the records connectors enrich. PUT replaces the whole contact; PATCH changes
 * only what it sends and merges `metadata` at every depth (JSON Merge Patch). Creating a contact starts
 * the enabled flows listening to `contact.created`, replacing or patching one those on
 * `contact.updated` (DESIGN §3b). Each response says which run set each field (`provenance`), and
 * `/contacts/:id/history` lists every run that changed the contact, field by field.
 */
export const contactRoutes = new Hono<AppEnv>()
  .post('/', validate('json', contactBodySchema), async (c) => {
    const { ctx, auth } = c.var;
    const row = await createContact(ctx.db, auth.workspaceId, contactFields(c.req.valid('json')));
    await startContactTriggeredFlows(ctx, auth.workspaceId, 'contact.created', row.id);
    return c.json(contactView(row), 201);
  })
  .get('/', validate('query', listContactsQuerySchema), async (c) => {
    const query = c.req.valid('query');
    const page = await listContacts(c.var.ctx.db, c.var.auth.workspaceId, {
      search: query.search,
      email: query.email,
      cursor: query.cursor,
      limit: query.limit,
    });
    const provenance = await contactProvenance(c.var.ctx.db, c.var.auth.workspaceId, page.data);
    return c.json({
      data: page.data.map((row) => contactView(row, provenance.get(row.id))),
      next_cursor: page.nextCursor,
    });
  })
  .get('/:id', async (c) => {
    const row = await getContact(c.var.ctx.db, c.var.auth.workspaceId, c.req.param('id'));
    if (!row) throw notFound('Contact');
    return c.json(await viewOf(c.var.ctx.db, c.var.auth.workspaceId, row));
  })
  .get('/:id/history', validate('query', contactHistoryQuerySchema), async (c) => {
    const { ctx, auth } = c.var;
    const contact = await getContact(ctx.db, auth.workspaceId, c.req.param('id'));
    if (!contact) throw notFound('Contact');
    const query = c.req.valid('query');
    const page = await listContactHistory(ctx.db, auth.workspaceId, contact.id, {
      cursor: query.cursor,
      limit: query.limit,
    });
    return c.json({
      data: page.data.map((entry) => ({
        execution_id: entry.execution_id,
        connector_id: entry.connector_id,
        connector_name: entry.connector_name,
        flow_run_id: entry.flow_run_id,
        completed_at: new Date(entry.completed_at).toISOString(),
        changes: entry.changes,
      })),
      next_cursor: page.nextCursor,
    });
  })
  .put('/:id', validate('json', contactBodySchema), async (c) => {
    const row = await replaceContact(
      c.var.ctx.db,
      c.var.auth.workspaceId,
      c.req.param('id'),
      contactFields(c.req.valid('json')),
    );
    if (!row) throw notFound('Contact');
    await startContactTriggeredFlows(c.var.ctx, c.var.auth.workspaceId, 'contact.updated', row.id);
    return c.json(await viewOf(c.var.ctx.db, c.var.auth.workspaceId, row));
  })
  .patch('/:id', validate('json', contactPatchSchema), async (c) => {
    const { db } = c.var.ctx;
    const { workspaceId } = c.var.auth;
    const id = c.req.param('id');
    const body = c.req.valid('json');
    let metadata = body.metadata ?? undefined;
    if (body.metadata !== undefined) {
      const current = await getContact(db, workspaceId, id);
      if (!current) throw notFound('Contact');
      // `metadata: null` empties it: a patch deleting every current key.
      metadata = body.metadata ?? Object.fromEntries(Object.keys(current.metadata).map((key) => [key, null]));
      // Checked on the merged result, since many small patches could otherwise grow it without bound.
      const bytes = jsonBytes(mergePatch(current.metadata, metadata));
      if (bytes > MAX_METADATA_BYTES) {
        throw new ApiError(400, 'validation_failed', 'The merged metadata would be too large', [
          {
            path: 'metadata',
            message: `The merge gives ${bytes} bytes of JSON; the limit is ${MAX_METADATA_BYTES}`,
          },
        ]);
      }
    }
    const row = await updateContact(db, workspaceId, id, contactFields(body, metadata));
    if (!row) throw notFound('Contact');
    await startContactTriggeredFlows(c.var.ctx, workspaceId, 'contact.updated', row.id);
    return c.json(await viewOf(db, workspaceId, row));
  })
  .delete('/:id', async (c) => {
    if (!(await deleteContact(c.var.ctx.db, c.var.auth.workspaceId, c.req.param('id')))) {
      throw notFound('Contact');
    }
    return c.body(null, 204);
  });

import {
  createContact,
  deleteContact,
  getContact,
  listContacts,
  mergePatch,
  replaceContact,
  updateContact,
} from '@connectors/db';
import { Hono } from 'hono';
import type { AppEnv } from '../app-context';
import { ApiError, notFound } from '../errors/api-error';
import { contactFields, contactView } from '../lib/contact-view';
import { validate } from '../lib/validate';
import {
  contactBodySchema,
  contactPatchSchema,
  jsonBytes,
  listContactsQuerySchema,
  MAX_METADATA_BYTES,
} from '../schemas/contact.schema';

/**
 * Contacts of the workspace: the records connectors enrich. PUT replaces the whole contact; PATCH changes
 * only what it sends and merges `metadata` at every depth (JSON Merge Patch).
 */
export const contactRoutes = new Hono<AppEnv>()
  .post('/', validate('json', contactBodySchema), async (c) => {
    const row = await createContact(c.var.ctx.db, c.var.auth.workspaceId, contactFields(c.req.valid('json')));
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
    return c.json({ data: page.data.map(contactView), next_cursor: page.nextCursor });
  })
  .get('/:id', async (c) => {
    const row = await getContact(c.var.ctx.db, c.var.auth.workspaceId, c.req.param('id'));
    if (!row) throw notFound('Contact');
    return c.json(contactView(row));
  })
  .put('/:id', validate('json', contactBodySchema), async (c) => {
    const row = await replaceContact(
      c.var.ctx.db,
      c.var.auth.workspaceId,
      c.req.param('id'),
      contactFields(c.req.valid('json')),
    );
    if (!row) throw notFound('Contact');
    return c.json(contactView(row));
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
    return c.json(contactView(row));
  })
  .delete('/:id', async (c) => {
    if (!(await deleteContact(c.var.ctx.db, c.var.auth.workspaceId, c.req.param('id')))) {
      throw notFound('Contact');
    }
    return c.body(null, 204);
  });

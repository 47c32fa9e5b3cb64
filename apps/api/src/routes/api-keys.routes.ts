import { createApiKey, listApiKeys, revokeApiKey } from '@connectors/db';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-context';
import { notFound } from '../errors/api-error';
import { validate } from '../lib/validate';
import { API_KEY_PREFIX, hashToken, newToken } from '../security/tokens';

const createSchema = z.object({ name: z.string().trim().min(1).max(200) });

/** API keys of the workspace. A key is shown once, on creation; only its hash is stored. */
export const apiKeyRoutes = new Hono<AppEnv>()
  .post('/', validate('json', createSchema), async (c) => {
    const key = newToken(API_KEY_PREFIX);
    const created = await createApiKey(c.var.ctx.db, {
      workspace_id: c.var.auth.workspaceId,
      name: c.req.valid('json').name,
      key_hash: hashToken(key),
      prefix: key.slice(0, API_KEY_PREFIX.length + 6),
      created_by: c.var.auth.userId,
    });
    return c.json(
      { id: created.id, name: created.name, key, prefix: created.prefix, created_at: created.created_at },
      201,
    );
  })
  .get('/', async (c) =>
    c.json({ data: await listApiKeys(c.var.ctx.db, c.var.auth.workspaceId), next_cursor: null }),
  )
  .delete('/:id', async (c) => {
    const revoked = await revokeApiKey(c.var.ctx.db, c.var.auth.workspaceId, c.req.param('id'));
    if (!revoked) throw notFound('API key');
    c.set('auditName', revoked.name);
    return c.body(null, 204);
  });

import { type CredentialSummary, deleteCredential, listCredentials, upsertCredential } from '@connectors/db';
import { encryptCredentialFields } from '@connectors/runner';
import { Hono } from 'hono';
import type { AppEnv } from '../app-context';
import { ApiError, notFound } from '../errors/api-error';
import { hasUnstorableCharacter } from '../lib/json-guard';
import { validate } from '../lib/validate';
import { upsertCredentialSchema } from '../schemas/credential.schema';

/** A credential as listed: service, field names and hosts; never a secret, encrypted or not. */
function credentialView(row: CredentialSummary) {
  return {
    id: row.id,
    service_name: row.service_name,
    fields: row.fields,
    allowed_hosts: row.allowed_hosts,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    last_used_at: row.last_used_at ? row.last_used_at.toISOString() : null,
  };
}

/**
 * The workspace's API credentials (DESIGN §7), one per service: each field encrypted on its own
 * (AES-256-GCM, key id stored, bound to the workspace and service). Runs read them as
 * `{{workspace.<service>_token}}` or `{{credentials.<service>.<field>}}`.
 */
export const credentialRoutes = new Hono<AppEnv>()
  .post('/', validate('json', upsertCredentialSchema), async (c) => {
    const { ctx, auth } = c.var;
    const body = c.req.valid('json');
    if (body.service && body.service_name && body.service !== body.service_name) {
      throw new ApiError(400, 'validation_failed', 'service and service_name differ; send one of them', [
        { path: 'service_name', message: 'must equal service' },
      ]);
    }
    const service = (body.service ?? body.service_name)!;
    const saved = await upsertCredential(ctx.db, auth.workspaceId, {
      service_name: service,
      credentials: encryptCredentialFields(ctx.cipher, auth.workspaceId, service, body.credentials),
      allowed_hosts: [...new Set(body.allowed_hosts)],
      created_by: auth.userId,
    });
    // Replacing a credential answers 200; storing a new one 201.
    const created = saved.created_at.getTime() === saved.updated_at.getTime();
    return c.json(credentialView(saved), created ? 201 : 200);
  })
  .get('/', async (c) => {
    const { ctx, auth } = c.var;
    const rows = await listCredentials(ctx.db, auth.workspaceId);
    return c.json({ data: rows.map(credentialView), next_cursor: null });
  })
  .delete('/:service', async (c) => {
    const { ctx, auth } = c.var;
    const service = c.req.param('service');
    // PostgreSQL would reject a NUL in the name (a 500); no stored service has one anyway.
    if (hasUnstorableCharacter(service) || !(await deleteCredential(ctx.db, auth.workspaceId, service))) {
      throw notFound('Credential');
    }
    return c.body(null, 204);
  });

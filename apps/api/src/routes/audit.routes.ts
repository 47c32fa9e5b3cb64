import { type ListedAuditEntry, listAuditEntries } from '@connectors/db';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-context';
import { validate } from '../lib/validate';
import { pageOf, pageQueryFields, queryText } from '../schemas/page.schema';

/** `GET /audit-log` query: a page, optionally one resource type or one resource. */
export const listAuditQuerySchema = z.object({
  resource_type: queryText(100)
    .optional()
    .meta({ description: 'Only this kind of resource: `connector`, `credential`, `api_key`, `flow`, …' }),
  resource_id: queryText(200)
    .optional()
    .meta({ description: 'Only this resource (an id, or a service name)' }),
  ...pageQueryFields,
});

/** One entry as the API shows it. */
export const auditEntrySchema = z.object({
  id: z.uuid(),
  actor: z.object({
    user_id: z.uuid().nullable().meta({ description: 'The signed-in user, or the creator of the API key' }),
    api_key_id: z.uuid().nullable().meta({ description: 'Set when the request used an API key' }),
    email: z.string().nullable().meta({ description: "The user's e-mail (null once the user was deleted)" }),
  }),
  action: z.string().meta({ description: '`create`, `update`, `delete`, `execute`, `test`, `run`, …' }),
  resource_type: z.string(),
  resource_id: z.string().nullable(),
  resource_name: z
    .string()
    .nullable()
    .meta({ description: 'What the resource was called (name, service or e-mail), when known' }),
  method: z.string(),
  route: z.string().meta({ description: 'The route pattern, e.g. `/api/v1/connectors/:id`' }),
  status: z.number().int(),
  created_at: z.iso.datetime(),
});
export const auditPageSchema = pageOf(auditEntrySchema);

function auditView(row: ListedAuditEntry): z.infer<typeof auditEntrySchema> {
  return {
    id: row.id,
    actor: { user_id: row.actor_user_id, api_key_id: row.actor_api_key_id, email: row.actor_email },
    action: row.action,
    resource_type: row.resource_type,
    resource_id: row.resource_id,
    resource_name: row.resource_name,
    method: row.method,
    route: row.route,
    status: row.status,
    created_at: row.created_at.toISOString(),
  };
}

/** The workspace's audit log (recorded by `middleware/audit.ts`), newest first. */
export const auditRoutes = new Hono<AppEnv>().get('/', validate('query', listAuditQuerySchema), async (c) => {
  const { ctx, auth } = c.var;
  const query = c.req.valid('query');
  const page = await listAuditEntries(ctx.db, auth.workspaceId, {
    ...(query.resource_type ? { resourceType: query.resource_type } : {}),
    ...(query.resource_id ? { resourceId: query.resource_id } : {}),
    ...(query.cursor ? { cursor: query.cursor } : {}),
    ...(query.limit ? { limit: query.limit } : {}),
  });
  return c.json({ data: page.data.map(auditView), next_cursor: page.nextCursor });
});

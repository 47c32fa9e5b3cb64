import {
  type BulkRunSummary,
  bulkRunProgress,
  completeBulkRun,
  createBulkRun,
  type Executor,
  getBulkRun,
  getConnector,
} from '@connectors/db';
import { Hono } from 'hono';
import type { AppContext, AppEnv, AuthContext } from '../app-context';
import { resolveBulkContacts } from '../bulk/bulk-contacts';
import { ApiError, notFound } from '../errors/api-error';
import { runnableGraph } from '../executions/prepare-run';
import { validate } from '../lib/validate';
import { type BulkBody, bulkBodySchema } from '../schemas/bulk-run.schema';
import { runnableFlow } from './flows.routes';

/** A bulk run with its progress counted from its items; completed (and stored so) once all ended. */
async function bulkRunView(db: Executor, row: BulkRunSummary) {
  const progress = await bulkRunProgress(db, row);
  let { status, completed_at } = row;
  if (status === 'running' && row.queued >= row.total && progress.finished >= row.total) {
    await completeBulkRun(db, row.id);
    const stored = await getBulkRun(db, row.workspace_id, row.id);
    status = 'completed';
    completed_at = stored?.completed_at ?? new Date();
  }
  return {
    id: row.id,
    kind: row.kind,
    target_id: row.target_id,
    status,
    total: row.total,
    queued: row.queued,
    succeeded: progress.succeeded,
    failed: progress.failed,
    fields_changed: progress.fields_changed,
    created_at: row.created_at.toISOString(),
    completed_at: completed_at ? completed_at.toISOString() : null,
  };
}

/**
 * Records a bulk run of a connector or a flow over the body's contacts (fixed now) and wakes the
 * `BulkRunner`. @returns the body of the 202 answer.
 */
async function startBulkRun(
  ctx: AppContext,
  auth: AuthContext,
  kind: 'connector' | 'flow',
  targetId: string,
  body: BulkBody,
) {
  const contactIds = await resolveBulkContacts(ctx.db, auth.workspaceId, body);
  const bulkRun = await createBulkRun(ctx.db, auth.workspaceId, {
    kind,
    target_id: targetId,
    contact_ids: contactIds,
    created_by: auth.userId,
  });
  ctx.bulk.wake();
  return { bulkRunId: bulkRun.id, total: bulkRun.total };
}

/**
 * Bulk runs (mounted at the API root): a connector or a flow over many contacts — the ids given, or all
 * contacts matching a search. The contacts are fixed when the bulk run is created; the `BulkRunner`
 * hands them out within the workspace's execution rate limit, and `GET /bulk-runs/:id` counts progress
 * from the items (executions or flow runs tagged with the bulk run).
 */
export const bulkRunRoutes = new Hono<AppEnv>()
  .post('/connectors/:id/bulk-execute', validate('json', bulkBodySchema), async (c) => {
    const { ctx, auth } = c.var;
    const connector = await getConnector(ctx.db, auth.workspaceId, c.req.param('id'));
    if (!connector) throw notFound('Connector');
    if (!connector.enabled) {
      throw new ApiError(409, 'connector_disabled', 'The connector is disabled: enable it to execute it');
    }
    runnableGraph(connector);
    return c.json(await startBulkRun(ctx, auth, 'connector', connector.id, c.req.valid('json')), 202);
  })
  .post('/flows/:id/bulk-run', validate('json', bulkBodySchema), async (c) => {
    const { ctx, auth } = c.var;
    const flow = await runnableFlow(ctx.db, auth.workspaceId, c.req.param('id'));
    return c.json(await startBulkRun(ctx, auth, 'flow', flow.id, c.req.valid('json')), 202);
  })
  .get('/bulk-runs/:id', async (c) => {
    const row = await getBulkRun(c.var.ctx.db, c.var.auth.workspaceId, c.req.param('id'));
    if (!row) throw notFound('Bulk run');
    return c.json(await bulkRunView(c.var.ctx.db, row));
  });

import { getFlowRun, listExecutions } from '@connectors/db';
import { Hono } from 'hono';
import type { AppEnv } from '../app-context';
import { notFound } from '../errors/api-error';
import { flowRunDetail } from '../lib/flow-view';

/** Children listed with a flow run: a flow has at most 100 nodes, so one page holds them all. */
const MAX_CHILDREN = 200;

/** One flow run with its steps, the graph it ran and its child executions (DESIGN §3b). */
export const flowRunRoutes = new Hono<AppEnv>().get('/:id', async (c) => {
  const { ctx, auth } = c.var;
  const flowRun = await getFlowRun(ctx.db, auth.workspaceId, c.req.param('id'));
  if (!flowRun) throw notFound('Flow run');
  const children = await listExecutions(ctx.db, auth.workspaceId, {
    flowRunId: flowRun.id,
    limit: MAX_CHILDREN,
  });
  return c.json(flowRunDetail(flowRun, children.data));
});

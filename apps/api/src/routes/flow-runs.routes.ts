import { cancelExecution, cancelFlowRun, getFlowRun, listExecutions } from '@connectors/db';
import { Hono } from 'hono';
import type { AppEnv } from '../app-context';
import { ApiError, notFound } from '../errors/api-error';
import { flowRunDetail } from '../lib/flow-view';

/** Children listed with a flow run: a flow has at most 100 nodes, so one page holds them all. */
const MAX_CHILDREN = 200;
const UNFINISHED = new Set(['pending', 'running']);

/** A flow run with its child executions, as `GET /flow-runs/:id` answers. */
async function flowRunWithChildren(ctx: AppEnv['Variables']['ctx'], workspaceId: string, id: string) {
  const flowRun = await getFlowRun(ctx.db, workspaceId, id);
  if (!flowRun) throw notFound('Flow run');
  const children = await listExecutions(ctx.db, workspaceId, { flowRunId: flowRun.id, limit: MAX_CHILDREN });
  return flowRunDetail(flowRun, children.data);
}

/**
 * One flow run with its steps, the graph it ran and its child executions (DESIGN §3b); and its cancel,
 * which works like an execution's: the run and its unfinished children end `cancelled`, and whoever runs
 * it stops — the local flow worker at once, the Trigger.dev task when it stores its next node.
 */
export const flowRunRoutes = new Hono<AppEnv>()
  .get('/:id', async (c) =>
    c.json(await flowRunWithChildren(c.var.ctx, c.var.auth.workspaceId, c.req.param('id'))),
  )
  .post('/:id/cancel', async (c) => {
    const { ctx, auth } = c.var;
    const flowRun = await cancelFlowRun(ctx.db, auth.workspaceId, c.req.param('id'));
    if (!flowRun) throw notFound('Flow run');
    if (flowRun.status !== 'cancelled') {
      throw new ApiError(409, 'flow_run_finished', `The flow run already ended (${flowRun.status})`, {
        status: flowRun.status,
      });
    }
    const children = await listExecutions(ctx.db, auth.workspaceId, {
      flowRunId: flowRun.id,
      limit: MAX_CHILDREN,
    });
    for (const child of children.data.filter((e) => UNFINISHED.has(e.status))) {
      const cancelled = await cancelExecution(ctx.db, auth.workspaceId, child.id);
      if (cancelled?.status !== 'cancelled') continue;
      ctx.events.publish({ type: 'run.cancel_requested', executionId: cancelled.id });
      await ctx.dispatcher.cancel?.(cancelled.id);
    }
    await ctx.flows.cancel?.(flowRun.id);
    return c.json(await flowRunWithChildren(ctx, auth.workspaceId, flowRun.id));
  });

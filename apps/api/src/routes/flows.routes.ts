import {
  createFlow,
  deleteFlow,
  type Flow,
  getContact,
  getFlow,
  latestFlowRuns,
  listFlowRuns,
  listFlows,
  StaleVersionError,
  updateFlow,
} from '@connectors/db';
import { Hono } from 'hono';
import type { AppEnv } from '../app-context';
import { ApiError, notFound } from '../errors/api-error';
import { startFlowRun } from '../flows/start-flow-run';
import { problemView } from '../lib/connector-view';
import { flowProblems, flowRunSummary, flowView, lastRunView, readFlowBody } from '../lib/flow-view';
import { validate } from '../lib/validate';
import {
  createFlowSchema,
  listFlowRunsQuerySchema,
  listFlowsQuerySchema,
  runFlowBodySchema,
  updateFlowSchema,
} from '../schemas/flow.schema';

/** 409 for an edit based on an old (or no) version, naming the current one so the client can reload. */
function staleVersion(current: number, sent: number | undefined): ApiError {
  const yours = sent === undefined ? 'no version' : `version ${sent}`;
  return new ApiError(
    409,
    'stale_version',
    `The flow is at version ${current} and this edit was based on ${yours}: reload it, reapply the change and send version ${current}`,
    { current_version: current, sent_version: sent ?? null },
  );
}

/** 422 for a flow whose graph has errors, listing its problems as flow responses do. */
function flowCannotRun(flow: Flow): ApiError {
  const problems = flowProblems(flow.config).problems;
  const errors = problems.filter((p) => p.severity === 'error');
  return new ApiError(
    422,
    'graph_invalid',
    `The flow's graph has ${errors.length} problem${errors.length === 1 ? '' : 's'} and cannot run: ${errors[0]?.message ?? 'fix it in the builder'}`,
    problems.map((problem) => problemView(problem)),
  );
}

/** A flow of the workspace that can run, or the 404/422 that says why not. */
export async function runnableFlow(db: AppEnv['Variables']['ctx']['db'], workspaceId: string, id: string) {
  const flow = await getFlow(db, workspaceId, id);
  if (!flow) throw notFound('Flow');
  if (!flowProblems(flow.config).ok) throw flowCannotRun(flow);
  return flow;
}

/**
 * Flows of the workspace (DESIGN §3b): graphs over contacts built in the Flow Builder. A graph with
 * problems is saved as a draft and its problems listed; running it is refused (422). `trigger_event` is
 * derived from the trigger node. Another workspace's ids, and ids that are not UUIDs, answer 404.
 */
export const flowRoutes = new Hono<AppEnv>()
  .post('/', validate('json', createFlowSchema), async (c) => {
    const fields = readFlowBody(c.req.valid('json'));
    const row = await createFlow(c.var.ctx.db, c.var.auth.workspaceId, fields, c.var.auth.userId);
    return c.json(flowView(row), 201);
  })
  .get('/', validate('query', listFlowsQuerySchema), async (c) => {
    const query = c.req.valid('query');
    const page = await listFlows(c.var.ctx.db, c.var.auth.workspaceId, {
      search: query.search,
      cursor: query.cursor,
      limit: query.limit,
    });
    const lastRuns = await latestFlowRuns(
      c.var.ctx.db,
      c.var.auth.workspaceId,
      page.data.map((flow) => flow.id),
    );
    const data = page.data.map((flow) => ({
      ...flowView(flow),
      last_run: lastRunView(lastRuns.get(flow.id)),
    }));
    return c.json({ data, next_cursor: page.nextCursor });
  })
  .get('/:id', async (c) => {
    const row = await getFlow(c.var.ctx.db, c.var.auth.workspaceId, c.req.param('id'));
    if (!row) throw notFound('Flow');
    return c.json(flowView(row));
  })
  .put('/:id', validate('json', updateFlowSchema), async (c) => {
    const { db } = c.var.ctx;
    const { workspaceId } = c.var.auth;
    const id = c.req.param('id');
    const body = c.req.valid('json');
    const fields = readFlowBody(body);
    if (body.version === undefined) {
      const current = await getFlow(db, workspaceId, id);
      if (!current) throw notFound('Flow');
      throw staleVersion(current.version, undefined);
    }
    let row: Flow | undefined;
    try {
      row = await updateFlow(db, workspaceId, id, body.version, fields);
    } catch (error) {
      if (error instanceof StaleVersionError) throw staleVersion(error.currentVersion, body.version);
      throw error;
    }
    if (!row) throw notFound('Flow');
    return c.json(flowView(row));
  })
  .delete('/:id', async (c) => {
    const deleted = await deleteFlow(c.var.ctx.db, c.var.auth.workspaceId, c.req.param('id'));
    if (!deleted) throw notFound('Flow');
    c.set('auditName', deleted.name);
    return c.body(null, 204);
  })
  .post('/:id/run', validate('json', runFlowBodySchema), async (c) => {
    const { ctx, auth } = c.var;
    const flow = await runnableFlow(ctx.db, auth.workspaceId, c.req.param('id'));
    const contact = await getContact(ctx.db, auth.workspaceId, c.req.valid('json').contactId);
    if (!contact) throw notFound('Contact');
    const flowRun = await startFlowRun(ctx, flow, { contactId: contact.id, triggerEvent: 'manual' });
    return c.json({ flowRunId: flowRun.id }, 202);
  })
  .get('/:id/runs', validate('query', listFlowRunsQuerySchema), async (c) => {
    const { ctx, auth } = c.var;
    const flow = await getFlow(ctx.db, auth.workspaceId, c.req.param('id'));
    if (!flow) throw notFound('Flow');
    const query = c.req.valid('query');
    const page = await listFlowRuns(ctx.db, auth.workspaceId, {
      flowId: flow.id,
      cursor: query.cursor,
      limit: query.limit,
    });
    return c.json({ data: page.data.map(flowRunSummary), next_cursor: page.nextCursor });
  });

import {
  cancelExecution,
  copyNodeResults,
  createExecution,
  getConnector,
  getExecution,
  listExecutions,
  listNodeResults,
  withTransaction,
} from '@connectors/db';
import { parseGraph } from '@connectors/engine';
import { reusableNodeIds } from '@connectors/runner';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AppEnv } from '../app-context';
import { ApiError, notFound } from '../errors/api-error';
import { streamExecutionEvents } from '../events/execution-event-stream';
import { dispatchSafely } from '../executions/dispatch-safely';
import { executionDetail, executionSummaries } from '../executions/execution-view';
import { runnableGraph } from '../executions/prepare-run';
import { takeExecutionBudget } from '../executions/rate-limit-guard';
import { validate } from '../lib/validate';
import { listExecutionsQuerySchema, retryBodySchema } from '../schemas/execution.schema';

const UNFINISHED = new Set(['pending', 'running']);

/**
 * Executions of the workspace (DESIGN §4, §6): list with filters, read one with its steps, follow one
 * live (Server-Sent Events), cancel, and retry — from scratch or from the failed step.
 */
export const executionRoutes = new Hono<AppEnv>()
  .get('/', validate('query', listExecutionsQuerySchema), async (c) => {
    const { ctx, auth } = c.var;
    const query = c.req.valid('query');
    const page = await listExecutions(ctx.db, auth.workspaceId, {
      ...(query.status ? { status: query.status } : {}),
      ...(query.connector_id ? { connectorId: query.connector_id } : {}),
      ...(query.contact_id ? { contactId: query.contact_id } : {}),
      ...(query.flow_run_id ? { flowRunId: query.flow_run_id } : {}),
      ...(query.mode ? { mode: query.mode } : {}),
      ...(query.cursor ? { cursor: query.cursor } : {}),
      ...(query.limit ? { limit: query.limit } : {}),
    });
    return c.json({
      data: await executionSummaries(ctx.db, auth.workspaceId, page.data),
      next_cursor: page.nextCursor,
    });
  })
  .get('/:id', async (c) => {
    const { ctx, auth } = c.var;
    const execution = await getExecution(ctx.db, auth.workspaceId, c.req.param('id'));
    if (!execution) throw notFound('Execution');
    return c.json(await executionDetail(ctx.db, execution));
  })
  .get('/:id/events', async (c) => {
    const { ctx, auth } = c.var;
    const execution = await getExecution(ctx.db, auth.workspaceId, c.req.param('id'));
    if (!execution) throw notFound('Execution');
    const lastEventId = Number.parseInt(c.req.header('last-event-id') ?? '', 10);
    return streamSSE(c, (stream) =>
      streamExecutionEvents(stream, {
        db: ctx.db,
        bus: ctx.events,
        workspaceId: auth.workspaceId,
        executionId: execution.id,
        lastEventId: Number.isSafeInteger(lastEventId) && lastEventId > 0 ? lastEventId : undefined,
      }),
    );
  })
  .post('/:id/cancel', async (c) => {
    const { ctx, auth } = c.var;
    const execution = await cancelExecution(ctx.db, auth.workspaceId, c.req.param('id'));
    if (!execution) throw notFound('Execution');
    if (execution.status !== 'cancelled') {
      throw new ApiError(409, 'execution_finished', `The execution already ended (${execution.status})`, {
        status: execution.status,
      });
    }
    // The worker running it here stops at once; one in another process sees it at its next lease renewal.
    ctx.events.publish({ type: 'run.cancel_requested', executionId: execution.id });
    await ctx.dispatcher.cancel?.(execution.id);
    return c.json(await executionDetail(ctx.db, execution));
  })
  .post('/:id/retry', validate('json', retryBodySchema), async (c) => {
    const { ctx, auth } = c.var;
    const { from_failed: fromFailed } = c.req.valid('json');
    const previous = await getExecution(ctx.db, auth.workspaceId, c.req.param('id'));
    if (!previous) throw notFound('Execution');
    if (UNFINISHED.has(previous.status)) {
      throw new ApiError(
        409,
        'execution_not_finished',
        'The execution is still running: cancel it or wait for its end',
      );
    }
    const connector = await getConnector(ctx.db, auth.workspaceId, previous.connector_id);
    if (!connector) throw notFound('Connector');
    const graph = runnableGraph(connector);
    if (previous.mode === 'live') {
      if (!connector.enabled)
        throw new ApiError(409, 'connector_disabled', 'The connector is disabled: enable it to retry');
      if (!previous.contact_id) {
        throw new ApiError(
          409,
          'contact_deleted',
          "The execution's contact was deleted: execute the connector again",
        );
      }
    }
    await takeExecutionBudget(ctx, auth.workspaceId);
    const reuse = fromFailed
      ? reusableNodeIds(
          parseGraph(previous.graph_snapshot).graph ?? { version: 1, nodes: [], edges: [] },
          graph,
          (await listNodeResults(ctx.db, auth.workspaceId, previous.id))
            .filter((r) => r.status === 'success')
            .map((r) => r.node_id),
        )
      : [];
    // The copied steps are in place before any worker can see the new row.
    const execution = await withTransaction(ctx.db, async (trx) => {
      const { execution: created } = await createExecution(trx, {
        workspace_id: auth.workspaceId,
        connector_id: connector.id,
        connector_version: connector.version,
        graph_snapshot: connector.config,
        contact_id: previous.contact_id,
        input_data: previous.input_data,
        mode: previous.mode,
        retry_of: previous.id,
      });
      await copyNodeResults(trx, {
        workspaceId: auth.workspaceId,
        fromExecutionId: previous.id,
        toExecutionId: created.id,
        nodeIds: reuse,
      });
      return created;
    });
    await dispatchSafely(ctx, execution.id);
    return c.json(
      { executionId: execution.id, status: execution.status, retry_of: previous.id, reused_steps: reuse },
      202,
    );
  });

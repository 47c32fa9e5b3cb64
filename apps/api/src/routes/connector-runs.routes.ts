import { randomUUID } from 'node:crypto';
import {
  type ConnectorExecution,
  claimExecution,
  createExecution,
  findExecutionByIdempotencyKey,
  getConnector,
  getExecution,
  listExecutions,
  withTransaction,
} from '@connectors/db';
import { runExecution } from '@connectors/runner';
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../app-context';
import { ApiError, notFound } from '../errors/api-error';
import { dispatchSafely } from '../executions/dispatch-safely';
import { executionDetail, executionSummaries } from '../executions/execution-view';
import { prepareRun } from '../executions/prepare-run';
import { takeExecutionBudget } from '../executions/rate-limit-guard';
import { validate } from '../lib/validate';
import {
  executeBodySchema,
  idempotencyKeySchema,
  listExecutionsQuerySchema,
  testBodySchema,
} from '../schemas/execution.schema';

/** The `Idempotency-Key` header, checked; undefined when absent. */
function idempotencyKey(c: Context<AppEnv>): string | undefined {
  const header = c.req.header('idempotency-key');
  if (header === undefined) return undefined;
  const parsed = idempotencyKeySchema.safeParse(header);
  if (!parsed.success) {
    throw new ApiError(400, 'validation_failed', 'The Idempotency-Key header must be 1 to 255 characters', [
      { path: 'headers.idempotency-key', message: 'must be 1 to 255 characters' },
    ]);
  }
  return parsed.data;
}

/** The answer to a repeated `Idempotency-Key`: the first execution, if it was for this connector. */
function replay(c: Context<AppEnv>, execution: ConnectorExecution, connectorId: string) {
  if (execution.connector_id !== connectorId) {
    throw new ApiError(
      409,
      'idempotency_key_reused',
      'This Idempotency-Key was already used to execute another connector; use a new key',
    );
  }
  c.header('Idempotent-Replayed', 'true');
  return c.json({ executionId: execution.id, status: execution.status }, 202);
}

/**
 * Running connectors (DESIGN §4, §6), mounted at `/connectors` beside the CRUD routes: `execute` queues a
 * live run for a contact and answers 202; `test` runs now and answers the recorded execution; and the
 * connector's executions are listed.
 */
export const connectorRunRoutes = new Hono<AppEnv>()
  .post('/:id/execute', validate('json', executeBodySchema), async (c) => {
    const { ctx, auth } = c.var;
    const connectorId = c.req.param('id');
    const body = c.req.valid('json');
    const key = idempotencyKey(c);
    if (key) {
      const existing = await findExecutionByIdempotencyKey(ctx.db, auth.workspaceId, key);
      if (existing) return replay(c, existing, connectorId);
    }
    const prepared = await prepareRun(ctx.db, auth.workspaceId, connectorId, {
      mode: 'live',
      contactId: body.contactId,
      inputs: body.inputs,
    });
    await takeExecutionBudget(ctx, auth.workspaceId);
    const { execution, created } = await createExecution(ctx.db, {
      workspace_id: auth.workspaceId,
      connector_id: prepared.connector.id,
      connector_version: prepared.connector.version,
      graph_snapshot: prepared.connector.config,
      contact_id: prepared.contact?.id ?? null,
      input_data: prepared.inputs,
      mode: 'live',
      idempotency_key: key ?? null,
    });
    if (!created) {
      // A concurrent request with the same key won the insert: this one is its replay.
      await ctx.rateLimiter.giveBack(auth.workspaceId);
      return replay(c, execution, connectorId);
    }
    await dispatchSafely(ctx, execution.id);
    return c.json({ executionId: execution.id, status: execution.status }, 202);
  })
  .post('/:id/test', validate('json', testBodySchema), async (c) => {
    const { ctx, auth } = c.var;
    const body = c.req.valid('json');
    const prepared = await prepareRun(ctx.db, auth.workspaceId, c.req.param('id'), {
      mode: 'test',
      contactId: body.contactId,
      inputs: body.inputs,
    });
    await takeExecutionBudget(ctx, auth.workspaceId);
    const workerId = `api-test-${randomUUID()}`;
    // Created and claimed in one transaction, so no worker can take the run from under this request.
    const lease = await withTransaction(ctx.db, async (trx) => {
      const { execution } = await createExecution(trx, {
        workspace_id: auth.workspaceId,
        connector_id: prepared.connector.id,
        connector_version: prepared.connector.version,
        graph_snapshot: prepared.connector.config,
        contact_id: prepared.contact?.id ?? null,
        input_data: prepared.inputs,
        mode: 'test',
      });
      const claimed = await claimExecution(trx, {
        executionId: execution.id,
        workerId,
        leaseMs: ctx.runner.leaseMs,
      });
      if (!claimed) throw new Error('a new test execution could not be claimed');
      return { executionId: execution.id, workerId, attempt: claimed.attempt };
    });
    await runExecution(ctx.runner, lease.executionId, lease);
    const finished = await getExecution(ctx.db, auth.workspaceId, lease.executionId);
    if (!finished) throw notFound('Execution');
    return c.json(await executionDetail(ctx.db, finished), 200);
  })
  .get('/:id/executions', validate('query', listExecutionsQuerySchema), async (c) => {
    const { ctx, auth } = c.var;
    const connector = await getConnector(ctx.db, auth.workspaceId, c.req.param('id'));
    if (!connector) throw notFound('Connector');
    const query = c.req.valid('query');
    const page = await listExecutions(ctx.db, auth.workspaceId, {
      connectorId: connector.id,
      ...(query.status ? { status: query.status } : {}),
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
  });

import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createContact,
  createExecution,
  type Executor,
  getExecution,
  setExecutionTriggerRunId,
} from '@connectors/db';
import { describeEachDialect, seedConnector, seedWorkspace } from '@connectors/db/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTriggerDispatcher, DEFAULT_TRIGGER_API_URL } from '../src/dispatch/trigger-dispatcher';

const SECRET_KEY = 'tr_prod_0123456789abcdefghij';

interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown> | undefined;
}

type Answer = { status: number; json: unknown };

/**
 * A local stand-in for the Trigger.dev API: the two routes the v4 SDK (4.8.3) calls here, as its
 * `ApiClient` does — `POST /api/v1/tasks/:taskId/trigger` answered `{ id }` (`TriggerTaskResponse`), and
 * `POST /api/v2/runs/:runId/cancel` answered `{ id }` (`CanceledRunResponse`). Everything received is
 * kept, so the tests assert what the real SDK sends.
 */
class FakeTriggerApi {
  readonly received: Received[] = [];
  triggerAnswer: (n: number) => Answer = (n) => ({ status: 200, json: { id: `run_${n}` } });
  cancelAnswer: (runId: string) => Answer = (runId) => ({ status: 200, json: { id: runId } });
  url = '';
  private server: Server | undefined;
  private triggers = 0;

  async start(): Promise<void> {
    this.server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const text = Buffer.concat(chunks).toString('utf8');
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      this.received.push({
        method: req.method ?? '',
        path,
        headers: req.headers,
        body: text ? JSON.parse(text) : undefined,
      });
      if (req.method === 'POST' && path === '/api/v1/tasks/execute-connector/trigger') {
        return send(res, this.triggerAnswer(++this.triggers));
      }
      const cancel = /^\/api\/v2\/runs\/([^/]+)\/cancel$/.exec(path);
      if (req.method === 'POST' && cancel?.[1]) return send(res, this.cancelAnswer(cancel[1]));
      send(res, { status: 404, json: { error: 'Not found' } });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  reset(): void {
    this.received.length = 0;
    this.triggers = 0;
    this.triggerAnswer = (n) => ({ status: 200, json: { id: `run_${n}` } });
    this.cancelAnswer = (runId) => ({ status: 200, json: { id: runId } });
  }
}

/** The task payload of a trigger request (superjson: `{ json: <payload> }`). */
function payloadOf(request: Received): { executionId?: string } | undefined {
  const payload = request.body?.payload;
  return typeof payload === 'string'
    ? (JSON.parse(payload) as { json?: { executionId?: string } }).json
    : undefined;
}

/** The trigger options a request carried. */
function optionsOf(request: Received | undefined): { tags?: string[]; idempotencyKey?: string } {
  return (request?.body?.options ?? {}) as { tags?: string[]; idempotencyKey?: string };
}

function send(res: ServerResponse, answer: Answer): void {
  res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.json));
}

const api = new FakeTriggerApi();
beforeAll(() => api.start());
afterAll(() => api.stop());
beforeEach(() => api.reset());

const warnings: string[] = [];
function dispatcherFor(db: Executor, options: { redispatchAfterMs?: number } = {}) {
  return createTriggerDispatcher({
    db,
    secretKey: SECRET_KEY,
    apiUrl: api.url,
    sweepIntervalMs: 0,
    requestOptions: { retry: { maxAttempts: 1 } },
    logger: { warn: (message) => warnings.push(message) },
    ...options,
  });
}

async function seedPending(db: Executor, withContact = true) {
  const { workspace } = await seedWorkspace(db);
  const connector = await seedConnector(db, workspace.id);
  const contact = withContact ? await createContact(db, workspace.id, { email: 'john@acme.com' }) : undefined;
  const { execution } = await createExecution(db, {
    workspace_id: workspace.id,
    connector_id: connector.id,
    connector_version: connector.version,
    graph_snapshot: connector.config,
    contact_id: contact?.id ?? null,
    input_data: { email: 'john@acme.com' },
  });
  return { workspace, connector, contact, execution };
}

describeEachDialect('the Trigger.dev dispatcher against a local Trigger.dev API', (ctx) => {
  it('triggers execute-connector with the execution id as payload and idempotency key, tags and the workspace as concurrency key, and stores the run id', async () => {
    const { workspace, connector, contact, execution } = await seedPending(ctx.db);

    await dispatcherFor(ctx.db).dispatch(execution.id);

    expect(api.received).toHaveLength(1);
    const request = api.received[0]!;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/api/v1/tasks/execute-connector/trigger');
    expect(request.headers.authorization).toBe(`Bearer ${SECRET_KEY}`);
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['trigger-version']).toBe('4.8.3');
    // The SDK serialises the payload with superjson.
    expect(payloadOf(request)).toEqual({ executionId: execution.id });
    const options = request.body?.options as Record<string, unknown>;
    expect(options).toMatchObject({
      payloadType: 'application/super+json',
      // The SDK hashes the key (SHA-256, no run scope outside a task) and sends the original alongside.
      idempotencyKey: createHash('sha256').update(execution.id).digest('hex'),
      idempotencyKeyOptions: { key: execution.id, scope: 'run' },
      concurrencyKey: workspace.id,
      tags: [`workspace:${workspace.id}`, `connector:${connector.id}`, `contact:${contact!.id}`],
    });
    expect((options.tags as string[]).every((tag) => tag.length < 128)).toBe(true);
    expect(JSON.stringify(request.body)).not.toContain(SECRET_KEY);
    expect(await getExecution(ctx.db, workspace.id, execution.id)).toMatchObject({
      status: 'pending',
      trigger_run_id: 'run_1',
    });
  });

  it('leaves the contact tag out when the execution has no contact, and does not trigger a run that is no longer pending', async () => {
    const { workspace, execution } = await seedPending(ctx.db, false);
    const dispatcher = dispatcherFor(ctx.db);
    await dispatcher.dispatch(execution.id);
    expect(optionsOf(api.received[0]).tags).toEqual([
      `workspace:${workspace.id}`,
      `connector:${execution.connector_id}`,
    ]);

    const { execution: done } = await seedPending(ctx.db);
    await ctx.db
      .updateTable('connector_executions')
      .set({ status: 'success' })
      .where('id', '=', done.id)
      .execute();
    await dispatcher.dispatch(done.id);
    expect(api.received).toHaveLength(1);
    await expect(dispatcher.dispatch(randomUUID())).rejects.toThrow(/not found/);
    await expect(dispatcher.dispatch('not-a-uuid')).rejects.toThrow();
  });

  it('cancel calls the run cancel endpoint with the stored run id', async () => {
    const { workspace, execution } = await seedPending(ctx.db);
    const dispatcher = dispatcherFor(ctx.db);
    await dispatcher.dispatch(execution.id);

    expect(await dispatcher.cancel(execution.id)).toBe(true);

    const request = api.received[1]!;
    expect(request).toMatchObject({ method: 'POST', path: '/api/v2/runs/run_1/cancel' });
    expect(request.headers.authorization).toBe(`Bearer ${SECRET_KEY}`);
    expect((await getExecution(ctx.db, workspace.id, execution.id))?.trigger_run_id).toBe('run_1');
  });

  it('cancel is a no-op without a run, and reports (never throws) a refusal', async () => {
    const { workspace, execution } = await seedPending(ctx.db);
    const dispatcher = dispatcherFor(ctx.db);
    expect(await dispatcher.cancel(execution.id)).toBe(false);
    expect(api.received).toHaveLength(0);

    await setExecutionTriggerRunId(ctx.db, workspace.id, execution.id, 'run_finished');
    api.cancelAnswer = () => ({ status: 400, json: { error: 'Run is already finished' } });
    warnings.length = 0;
    expect(await dispatcher.cancel(execution.id)).toBe(false);
    expect(api.received.map((r) => r.path)).toEqual(['/api/v2/runs/run_finished/cancel']);
    expect(warnings.join('\n')).toMatch(/cancelling run run_finished/);
    expect(warnings.join('\n')).not.toContain(SECRET_KEY);
  });

  it('a failed dispatch leaves the execution pending without a run; the sweep dispatches it again', async () => {
    const { workspace, execution } = await seedPending(ctx.db);
    const dispatcher = dispatcherFor(ctx.db, { redispatchAfterMs: 0 });
    api.triggerAnswer = () => ({ status: 422, json: { error: 'Unprocessable' } });

    await expect(dispatcher.dispatch(execution.id)).rejects.toThrow();
    expect((await getExecution(ctx.db, workspace.id, execution.id))?.trigger_run_id).toBeNull();

    api.triggerAnswer = (n) => ({ status: 200, json: { id: `run_${n}` } });
    expect(await dispatcher.sweep()).toBeGreaterThanOrEqual(1);
    expect((await getExecution(ctx.db, workspace.id, execution.id))?.trigger_run_id).toMatch(/^run_\d+$/);
    const retried = api.received.filter((r) => payloadOf(r)?.executionId === execution.id);
    expect(retried).toHaveLength(2);
    // Same idempotency key both times: Trigger.dev returns the first run if it had been created after all.
    expect(new Set(retried.map((r) => optionsOf(r).idempotencyKey)).size).toBe(1);
  });
});

describe('createTriggerDispatcher', () => {
  it('defaults to the Trigger.dev cloud', () => {
    expect(DEFAULT_TRIGGER_API_URL).toBe('https://api.trigger.dev');
  });
});

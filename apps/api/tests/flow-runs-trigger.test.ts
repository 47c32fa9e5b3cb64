import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFlow, createFlowRun } from '@connectors/db';
import { describeEachDialect, EMPTY_GRAPH, seedWorkspace } from '@connectors/db/testing';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createTriggerFlowDispatcher } from '../src/dispatch/trigger-flow-dispatcher';

const SECRET_KEY = 'tr_prod_0123456789abcdefghij';

interface Received {
  path: string;
  body: { payload?: string; options?: Record<string, unknown> };
}

/** A local stand-in for the Trigger.dev API's task trigger route, as the v4 SDK calls it. */
const received: Received[] = [];
let answer = 200;
let server: Server;
let url = '';
beforeAll(async () => {
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    received.push({ path, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') });
    const status = path === '/api/v1/tasks/execute-flow/trigger' ? answer : 404;
    res
      .writeHead(status, { 'content-type': 'application/json' })
      .end(JSON.stringify(status === 200 ? { id: `run_${received.length}` } : { error: 'no' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  received.length = 0;
  answer = 200;
});

describeEachDialect('the Trigger.dev flow dispatcher', (ctx) => {
  it('triggers execute-flow with the flow run as payload and idempotency key, in its workspace pool', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const flow = await createFlow(ctx.db, workspace.id, { name: 'F', config: EMPTY_GRAPH });
    const flowRun = await createFlowRun(ctx.db, workspace.id, { flow_id: flow.id });
    if (!flowRun) throw new Error('no flow run');
    const dispatcher = createTriggerFlowDispatcher({ db: ctx.db, secretKey: SECRET_KEY, apiUrl: url });

    await dispatcher.dispatchFlowRun(flowRun);

    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request?.path).toBe('/api/v1/tasks/execute-flow/trigger');
    expect(JSON.parse(request?.body.payload ?? '{}').json).toEqual({
      workspaceId: workspace.id,
      flowRunId: flowRun.id,
    });
    expect(request?.body.options).toMatchObject({
      idempotencyKey: createHash('sha256').update(flowRun.id).digest('hex'),
      concurrencyKey: workspace.id,
      tags: [`workspace:${workspace.id}`, `flow-run:${flowRun.id}`],
    });
    expect(JSON.stringify(request?.body)).not.toContain(SECRET_KEY);
  });

  it('sweeps flow runs left pending after a failed dispatch, and only those', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const flow = await createFlow(ctx.db, workspace.id, { name: 'F', config: EMPTY_GRAPH });
    const stale = await createFlowRun(ctx.db, workspace.id, { flow_id: flow.id });
    const started = await createFlowRun(ctx.db, workspace.id, { flow_id: flow.id });
    if (!stale || !started) throw new Error('no flow run');
    await ctx.db.updateTable('flow_runs').set({ status: 'running' }).where('id', '=', started.id).execute();
    const dispatcher = createTriggerFlowDispatcher({
      db: ctx.db,
      secretKey: SECRET_KEY,
      apiUrl: url,
      redispatchAfterMs: 0,
      requestOptions: { retry: { maxAttempts: 1 } },
      logger: { warn: () => {} },
    });

    answer = 503;
    expect(await dispatcher.sweep()).toBe(0);
    answer = 200;
    received.length = 0;
    const swept = await dispatcher.sweep();

    const flowRunIds = received.map((r) => JSON.parse(r.body.payload ?? '{}').json.flowRunId);
    expect(flowRunIds).toContain(stale.id);
    expect(flowRunIds).not.toContain(started.id);
    expect(swept).toBe(flowRunIds.length);
  });
});

import { randomBytes } from 'node:crypto';
import { type Executor, getExecution, listNodeResults } from '@connectors/db';
import { describeEachDialect } from '@connectors/db/testing';
import { createHttpClient } from '@connectors/engine/http';
import { createCredentialCipher, parseKeyring, type RunnerDeps } from '@connectors/runner';
import { HUBSPOT_ROUTES, MockApi, mockHubspot } from '@connectors/runner/testing';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { ExecutionEventBus } from '../src/events/execution-event-bus';
import { LocalWorker } from '../src/worker/local-worker';
import { pendingExecutions } from './support/pending-executions';

const api = new MockApi();
let slowContact = false;
beforeAll(async () => {
  await api.start();
});
afterAll(() => api.stop());
beforeEach(() => {
  api.log.length = 0;
  mockHubspot(api);
  api.on(HUBSPOT_ROUTES.contact, () => ({
    delayMs: slowContact ? 400 : 0,
    json: { properties: { firstname: 'John' }, associations: { companies: [{ id: 'co_7' }] } },
  }));
});

const cipher = createCredentialCipher(parseKeyring(randomBytes(32).toString('base64')));
const http = createHttpClient({ allowPrivateNetwork: true });
const quiet = { warn: () => {}, error: () => {} };

function worker(db: Executor, concurrency: number) {
  const bus = new ExecutionEventBus();
  const deps: RunnerDeps = { db, http, cipher, leaseMs: 5_000, events: bus, logger: quiet };
  return new LocalWorker({ deps, bus, concurrency, pollMs: 50 });
}

/**
 * The runs' statuses in one statement: one snapshot. Separate reads could see a run still `running` and,
 * a moment later, the run that took its slot — more at once than ever were.
 */
async function statuses(db: Executor, workspaceId: string, ids: string[]) {
  const rows = await db
    .selectFrom('connector_executions')
    .select(['id', 'status'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', ids)
    .execute();
  return ids.map((id) => rows.find((r) => r.id === id)?.status);
}

describeEachDialect('local worker', (ctx) => {
  it('runs pending executions, never more than its concurrency at once', async () => {
    slowContact = true;
    const { workspaceId, ids } = await pendingExecutions(ctx.db, {
      cipher,
      apiUrl: api.url,
      count: 4,
      connector: { max_retries: 0 },
    });
    const local = worker(ctx.db, 2);
    let peak = 0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, local.activeRuns);
    }, 5);
    await local.start();
    try {
      for (;;) {
        const now = await statuses(ctx.db, workspaceId, ids);
        if (now.every((s) => s === 'success')) break;
        expect(now.filter((s) => s === 'running').length).toBeLessThanOrEqual(2);
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      clearInterval(sampler);
      await local.stop(0);
    }
    expect(peak).toBe(2);
    expect(api.calls(HUBSPOT_ROUTES.search)).toHaveLength(4);
  });

  it('stops cleanly: interrupted runs hand their lease back and the next worker resumes them', async () => {
    slowContact = true;
    const { workspaceId, ids } = await pendingExecutions(ctx.db, {
      cipher,
      apiUrl: api.url,
      count: 2,
      connector: { max_retries: 0 },
    });
    const first = worker(ctx.db, 4);
    await first.start();
    // Wait until both runs are inside their slow second step.
    for (;;) {
      const results = await Promise.all(ids.map((id) => listNodeResults(ctx.db, workspaceId, id)));
      if (results.every((rows) => rows.length === 1) && api.calls(HUBSPOT_ROUTES.contact).length === 2) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    await first.stop(0);
    for (const id of ids) {
      const row = await getExecution(ctx.db, workspaceId, id);
      expect(row?.status).toBe('running');
      expect(row?.lease_expires_at?.getTime()).toBeLessThanOrEqual(Date.now());
      expect((await listNodeResults(ctx.db, workspaceId, id)).map((r) => r.node_id)).toEqual(['step_1']);
    }
    slowContact = false;
    const second = worker(ctx.db, 4);
    await second.start();
    try {
      for (;;) {
        if ((await statuses(ctx.db, workspaceId, ids)).every((s) => s === 'success')) break;
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      await second.stop(0);
    }
    expect(api.calls(HUBSPOT_ROUTES.search)).toHaveLength(2);
    for (const id of ids) expect((await getExecution(ctx.db, workspaceId, id))?.attempt).toBe(2);
  });
});

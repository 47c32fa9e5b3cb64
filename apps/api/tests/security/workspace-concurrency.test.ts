import { HUBSPOT_ROUTES, MockApi, mockHubspot } from '@connectors/runner/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeApi } from '../support/describe-api';
import { seedWorkspace, waitForExecution } from '../support/run-helpers';

/**
 * `CONNECTORS_WORKSPACE_CONCURRENCY`: the local worker holds at most that many runs of one workspace at
 * once, so a workspace that queues many executions cannot make another's wait for all of them.
 */

const api = new MockApi();
beforeAll(async () => {
  mockHubspot(api);
  // Slow enough that the busy workspace's queue is still there when the quiet one's run ends, however
  // slowly the requests that fill it arrive.
  api.on(HUBSPOT_ROUTES.search, () => ({ delayMs: 1200, json: { total: 1, results: [{ id: 'c42' }] } }));
  await api.start();
});
afterAll(() => api.stop());

describeApi(
  'the per-workspace concurrency cap of the local worker',
  (s) => {
    it("runs at most 2 of a workspace's executions at once, and another workspace's beside them", async () => {
      const busy = await seedWorkspace(s.app, api);
      const quiet = await seedWorkspace(s.app, api);
      const queued: string[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await busy.client.post(`/connectors/${busy.connector.id}/execute`, {
          contactId: busy.contact.id,
        });
        expect(res.status).toBe(202);
        queued.push(res.json.executionId);
      }
      const other = await quiet.client.post(`/connectors/${quiet.connector.id}/execute`, {
        contactId: quiet.contact.id,
      });
      expect(other.status).toBe(202);

      let most = 0;
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          const running = await s.t.database.db
            .selectFrom('connector_executions')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('workspace_id', '=', busy.workspaceId)
            .where('status', '=', 'running')
            .executeTakeFirstOrThrow();
          most = Math.max(most, Number(running.n));
          await new Promise((r) => setTimeout(r, 20));
        }
      })();
      const quietRun = await waitForExecution(quiet.client, other.json.executionId);
      const stillWaiting = await s.t.database.db
        .selectFrom('connector_executions')
        .select('id')
        .where('workspace_id', '=', busy.workspaceId)
        .where('status', 'in', ['pending', 'running'])
        .execute();
      for (const id of queued) {
        expect((await waitForExecution(busy.client, id, undefined, 60_000)).status).toBe('success');
      }
      sampling = false;
      await sampler;
      expect(quietRun.status).toBe('success');
      // The quiet workspace's run did not wait behind the whole queue of the busy one.
      expect(stillWaiting.length).toBeGreaterThan(0);
      expect(most).toBeGreaterThan(0);
      expect(most).toBeLessThanOrEqual(2);
    }, 90_000);
  },
  { CONNECTORS_WORKER_CONCURRENCY: '8', CONNECTORS_WORKSPACE_CONCURRENCY: '2' },
);

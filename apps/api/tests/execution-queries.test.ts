import { randomBytes } from 'node:crypto';
import { getContact, listNodeResults, QueryCounter } from '@connectors/db';
import { createTestDatabase, isPostgresReachable, type TestDatabase } from '@connectors/db/testing';
import { parseKeyring } from '@connectors/runner';
import { MockApi, mockHubspot } from '@connectors/runner/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { type AppRuntime, createAppRuntime } from '../src/app-runtime';
import { loadConfig } from '../src/config';
import { LocalWorker } from '../src/worker/local-worker';
import { seedWorkspace } from './support/run-helpers';

/**
 * The statement budget of one execution of the seed's 3-step connector, end to end. The request: API
 * key, connector and contact (one statement), the workspace's quota, the insert, the audit row (5; the
 * audit rows of concurrent requests share one insert, but a lone request still has its own). The run:
 * the claim, connector settings + contact + the workspace's credentials + first step (1; a credential's
 * `last_used_at` is written at most once a minute), one insert per HTTP step (3, each naming the next
 * step; concurrent runs share them), and the end: contact update, history, fenced finish, the
 * connector's counters and the output node's result in one statement (1) — 6. No transaction unless the
 * contact changed meanwhile.
 * It was about 25 before the writes were folded together; this keeps it from creeping back.
 */
const STATEMENTS_PER_EXECUTION = 11;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const api = new MockApi();
beforeAll(async () => {
  await api.start();
  mockHubspot(api);
});
afterAll(() => api.stop());

const inCi = process.env.CI === 'true' || process.env.CI === '1';
const postgres = inCi || (await isPostgresReachable());

for (const dialect of ['pglite', 'postgres'] as const) {
  (dialect === 'pglite' || postgres ? describe : describe.skip)(`queries per execution [${dialect}]`, () => {
    const counter = new QueryCounter();
    const finished = new Set<string>();
    let database: TestDatabase;
    let runtime: AppRuntime;
    let app: ReturnType<typeof createApp>;
    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      // Polling would add claims of its own; the worker is woken by each execute request instead.
      const config = loadConfig({
        DATA_DIR: '.data/test',
        CONNECTORS_ALLOW_PRIVATE_NETWORK: 'true',
        CONNECTORS_WORKER_POLL_MS: '60000',
      });
      runtime = createAppRuntime({
        db: database.db.withPlugin(counter),
        config,
        keyring: parseKeyring(`test:${randomBytes(32).toString('base64')}`),
        dialect,
      });
      runtime.ctx.events.subscribeAll((event) => {
        if (event.type === 'run.finished') finished.add(event.executionId);
      });
      await runtime.start();
      app = createApp(runtime.ctx);
    });
    afterAll(async () => {
      await runtime?.stop(0);
      await database?.close();
    });

    /** Executes with the API key and resolves once the run finished and the worker is idle again. */
    async function execute(connectorId: string, contactId: string, key: string): Promise<string> {
      const res = await app.request(`/api/v1/connectors/${connectorId}/execute`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ contactId }),
      });
      expect(res.status).toBe(202);
      const { executionId } = (await res.json()) as { executionId: string };
      const worker = runtime.ctx.dispatcher as LocalWorker;
      while (!finished.has(executionId) || worker.activeRuns > 0) await sleep(5);
      await sleep(20); // whatever the worker does after a run (it should be nothing) is counted too
      return executionId;
    }

    it(`runs the seed connector in at most ${STATEMENTS_PER_EXECUTION} statements, persisting every step`, async () => {
      const { client, connector, contact, workspaceId } = await seedWorkspace(app, api);
      const key = (await client.post('/api-keys', { name: 'budget' })).json.key as string;
      // The first run also binds the credential to the mock's host: a one-off write, not counted.
      await execute(connector.id, contact.id, key);
      // A contact nothing was written to yet, so the commit really updates it and records its history.
      const fresh = (await client.post('/contacts', { email: 'jane@acme.com' })).json as { id: string };

      counter.reset();
      const executionId = await execute(connector.id, fresh.id, key);
      const used = counter.total;
      const tally = counter.tally();

      expect(used, JSON.stringify(tally, null, 1)).toBeLessThanOrEqual(STATEMENTS_PER_EXECUTION);
      // The budget was not met by skipping work: every node has its row and the contact was written.
      expect(tally['insert execution_node_results']).toBe(3); // the output node's goes with the finish
      expect(tally['select workspace_api_credentials']).toBeUndefined(); // read with the run's start
      const rows = await listNodeResults(database.db, workspaceId, executionId);
      expect(rows.map((r) => [r.node_id, r.status])).toEqual([
        ['step_1', 'success'],
        ['step_2', 'success'],
        ['step_3', 'success'],
        ['output', 'success'],
      ]);
      // The contact is written by the statement that finishes the run, so it has no statement of its own
      // in the tally: it is checked by reading it back (only the counted run wrote to this contact).
      expect(await getContact(database.db, workspaceId, fresh.id)).toMatchObject({
        first_name: 'John',
        last_name: 'Smith',
      });
      expect(runtime.ctx.dispatcher).toBeInstanceOf(LocalWorker);
    });
  });
}

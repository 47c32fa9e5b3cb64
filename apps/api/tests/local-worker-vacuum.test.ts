import { randomBytes } from 'node:crypto';
import { getExecution } from '@connectors/db';
import { createTestDatabase, type TestDatabase } from '@connectors/db/testing';
import { createHttpClient } from '@connectors/engine/http';
import { createCredentialCipher, parseKeyring } from '@connectors/runner';
import { MockApi, mockHubspot } from '@connectors/runner/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ExecutionEventBus } from '../src/events/execution-event-bus';
import { LocalWorker } from '../src/worker/local-worker';
import { pendingExecutions } from './support/pending-executions';

const api = new MockApi();
let database: TestDatabase;
beforeAll(async () => {
  await api.start();
  mockHubspot(api);
  database = await createTestDatabase('pglite');
});
afterAll(async () => {
  api.stop();
  await database?.close();
});

const cipher = createCredentialCipher(parseKeyring(randomBytes(32).toString('base64')));

it('on PGlite (no autovacuum), vacuums the run tables every so many runs', async () => {
  const { db } = database;
  const { workspaceId, ids } = await pendingExecutions(db, { cipher, apiUrl: api.url, count: 3 });
  const bus = new ExecutionEventBus();
  const worker = new LocalWorker({
    deps: {
      db,
      http: createHttpClient({ allowPrivateNetwork: true }),
      cipher,
      leaseMs: 5_000,
      events: bus,
      logger: { warn: () => {}, error: () => {} },
    },
    bus,
    concurrency: 1,
    pollMs: 50,
    exclusiveDatabase: true,
    vacuumEveryRuns: 3,
  });
  await worker.start();
  try {
    for (;;) {
      const done = await Promise.all(ids.map((id) => getExecution(db, workspaceId, id)));
      if (done.every((e) => e?.status === 'success')) break;
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    await worker.stop(0); // waits for a vacuum in flight
  }
  // Each run updated its row several times: the third run's end vacuumed the run tables and, the
  // first time, gave the planner statistics (PGlite never analyzes by itself). Counted by the vacuum
  // itself: `n_dead_tup` is not a check, a backend's pending statistics may land after the vacuum.
  const { rows } = await sql<{ relname: string; vacuumed: boolean; analyzed: boolean }>`
    select relname, vacuum_count > 0 as vacuumed, last_analyze is not null as analyzed
    from pg_stat_user_tables
    where relname in ('connector_executions', 'execution_node_results', 'contacts', 'connectors')
    order by relname`.execute(database.db);
  expect(rows).toEqual([
    { relname: 'connector_executions', vacuumed: true, analyzed: true },
    { relname: 'connectors', vacuumed: true, analyzed: true },
    { relname: 'contacts', vacuumed: true, analyzed: true },
    { relname: 'execution_node_results', vacuumed: true, analyzed: true },
  ]);
});
